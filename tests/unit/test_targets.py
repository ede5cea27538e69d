import pandas as pd

from klyngekart.report import completeness_report
from klyngekart.targets import effect_years, listed_years, participation, years_with_whole_amount
from tests.conftest import FIXTURE_DATA


def stats(years: range, programme: str = "business_networks", level: str = "all") -> dict[str, pd.DataFrame]:
    indicator = {"business_networks": "networks_served"}.get(programme, "clusters_served")
    frame = pd.DataFrame(
        {"year": list(years), "programme": programme, "indicator": indicator, "level": level, "preferred": True}
    )
    return {"programme_stats": frame}


def readme(tmp_path, body: str):
    path = tmp_path / "README.md"
    path.write_text("# x\n\n## Years with no participation figure\n\n" + body + "\n## Next\n- 2011: not this\n", encoding="utf-8")
    return path


def networks(found):
    return next(item for item in found if item.programme == "business_networks")


def test_three_listed_years_meet_the_target_four_do_not(tmp_path):
    listed = readme(tmp_path, "### business_networks\n\n- 2010–2011: looked\n- 2024: looked\n\n### cluster_programme\n\n- 2012: x\n")
    met = networks(participation(stats(range(2012, 2024)), listed))
    assert met.missing == [2010, 2011, 2024] and met.unexplained == [] and met.met
    short = networks(participation(stats(range(2013, 2024)), listed))
    # 2012 is listed for another programme only: it stays unexplained, and four years are too many anyway.
    assert short.unexplained == [2012] and not short.met


def test_a_count_for_one_level_is_not_a_participation_figure(tmp_path):
    found = networks(participation(stats(range(2010, 2025), level="Arena"), readme(tmp_path, "")))
    assert len(found.missing) == 15 and not found.met


def test_listed_years_read_ranges_and_stop_at_the_section_end(tmp_path):
    path = readme(tmp_path, "### business_networks\n\n- 2010–2012: a\n- 2015: b\n")
    assert listed_years(path, "## Years with no participation figure", "### business_networks") == {2010, 2011, 2012, 2015}
    assert listed_years(path, "## Years with no participation figure", "### cluster_programme") == set()


def test_effect_report_years(fixture_dataset):
    have, listed, unexplained = effect_years(fixture_dataset, FIXTURE_DATA / "README.md")
    assert have == [2015, 2021, 2022]
    assert listed == [2014, 2016, 2017, 2018]
    assert unexplained == [2019, 2020, 2023, 2024]


def test_derived_figures_never_count_as_found(fixture_dataset):
    # The fixture's 2023 whole-programme figure is derived.
    assert years_with_whole_amount(fixture_dataset, "cluster_programme") == [2020, 2021, 2022]


def test_report_prints_issue_13_targets(fixture_dataset):
    lines, met = completeness_report(fixture_dataset, FIXTURE_DATA / "README.md")
    text = "\n".join(lines)
    assert "business_networks (networks_served): years without a figure: 2010–2021, 2023–2024; listed in data/README.md: 2019;" in text
    assert "Budget rows: 13; without a stage: 0; without a funder: 0" in text
    assert "with a whole-programme amount at some stage (derived not counted): 3 (2020–2022)" in text
    assert "  [x] every budget row has a stage and a funder" in text
    assert "  [ ] business_networks: at most 3 years 2010–2024 without a participation figure, each listed" in text
    assert not met
