"""Per-inhabitant figures stand on the official county population, not on a third-party file."""

from klyngekart.data.load import read_raw
from klyngekart.data.schema import TABLES_BY_NAME
from klyngekart.mapping import POPULATION_DATE
from tests.conftest import REPO


def test_population_used_by_charts_is_official_for_all_15_counties():
    raw, problems = read_raw(TABLES_BY_NAME["reference/county_population"], REPO / "data")
    assert not problems
    used = raw[raw["date"].eq(POPULATION_DATE)]
    assert len(used) == 15 and used["county_code"].is_unique
    assert set(used["source_ids"]) == {"geo-regjeringen-fylkesinndeling-2024"}
