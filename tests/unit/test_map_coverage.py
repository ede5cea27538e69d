"""The map's 'shown of total' sentence accounts for every cluster in the registry."""

import pytest

from klyngekart.charts.map import map_coverage_text, map_view


@pytest.mark.parametrize("metric", ["admitted", "active", "per_100k"])
@pytest.mark.parametrize("year", [2005, 2012, 2022, 2024])
@pytest.mark.parametrize("level", ["all", "Arena"])
def test_parts_add_up_to_the_registry(fixture_dataset, metric, year, level):
    view = map_view(fixture_dataset, {"year": str(year), "metric": metric, "level": level, "sector": "all", "county": "all"})
    covered = view.coverage
    assert covered.total == 4
    assert covered.shown + sum(covered.parts().values()) == covered.total
    assert covered.shown == view.shown["county_code_today"].notna().sum()


def test_sentence_in_both_languages(fixture_dataset):
    view = map_view(fixture_dataset, {"year": "2005", "metric": "admitted", "level": "all", "sector": "all", "county": "all"})
    assert map_coverage_text(view.coverage, 2005, "admitted", "nb") == "0 av 4 klynger i registeret er med på kartet for 2005. Ikke med: 4 tatt opp senere."
    assert map_coverage_text(view.coverage, 2005, "regions", "en") == ""
