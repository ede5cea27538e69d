"""The 85 % rule: an old county now split gives the county that holds at least 85 % of its people."""

import pandas as pd

from klyngekart.data.derive import county_today, lookups, majority_county, majority_lookup, old_county_people, union_counties
from klyngekart.data.load import _typed, read_raw
from klyngekart.data.schema import TABLES_BY_NAME
from klyngekart.data.validate import validate_table
from tests.conftest import REPO

MAPS_TO = {"05": ["34", "32"], "07": ["39", "33"], "18": ["18", "55"], "30": ["31", "32", "33"], "06": ["33", "32"]}
# SSB's published figures as in data/reference/municipality_population.csv.
MUNICIPAL = pd.DataFrame(
    [
        ("05", None, "2006-01-01", 183204, None),
        ("05", "0532", "2006-01-01", 6312, "32"),
        ("05", "0533", "2006-01-01", 8518, "32"),
        ("07", None, "2006-01-01", 222104, None),
        ("07", "0711", "2006-01-01", 6465, "33"),
        ("18", None, "2009-01-01", 235380, None),
        ("18", "1852", "2009-01-01", 1333, "55"),
    ],
    columns=["county_code", "municipality_code", "date", "population", "county_code_today"],
)
# Viken on the 2024 division, 1 Jan 2022 (regjeringen.no).
UNIONS = {"30": {"31": 304754, "32": 701565, "33": 262911}}


def winner(code):
    return majority_county(old_county_people(code, MAPS_TO, MUNICIPAL, UNIONS))


def test_nordland_stays_nordland():
    assert old_county_people("18", MAPS_TO, MUNICIPAL, UNIONS) == {"55": 1333, "18": 234047}
    assert winner("18") == "18"


def test_oppland_goes_to_innlandet():
    assert winner("05") == "34"


def test_vestfold_stays_vestfold():
    assert winner("07") == "39"


def test_viken_has_no_majority():
    assert winner("30") is None


def test_no_stored_figures_no_county():
    assert old_county_people("06", MAPS_TO, MUNICIPAL, UNIONS) == {}
    assert winner("06") is None


def test_threshold_is_inclusive_at_85_percent():
    assert majority_county({"a": 85, "b": 15}) == "a"
    assert majority_county({"a": 84, "b": 16}) is None
    assert majority_county({}) is None


def test_majority_placed_cluster_is_marked():
    assert county_today(None, "18", {}, MAPS_TO, {"18": "18"}) == ("18", "majority")
    assert county_today(None, "30", {}, MAPS_TO, {"18": "18"}) == (None, None)
    # A known municipality always wins, even inside Viken.
    assert county_today("3201", "30", {"3201": "32"}, MAPS_TO, {}) == ("32", "municipality")


def test_union_counties_need_every_part_on_one_date():
    counties = pd.DataFrame(
        {"county_code": ["30", "54"], "maps_to": ["31;32;33", "55;56"], "valid_to": ["2023-12-31", "2023-12-31"], "split": [True, True]}
    )
    population = pd.DataFrame(
        {"county_code": ["31", "32", "33", "55"], "date": ["2022-01-01"] * 4, "population": [1, 2, 3, 4]}
    )
    assert union_counties(counties, population) == {"30": {"31": 1, "32": 2, "33": 3}}


def test_real_reference_tables_give_the_four_cases():
    """On the stored reference tables in data/ (read alone, so the test does not depend on the registry rows)."""
    names = ("reference/counties", "reference/county_population", "reference/municipality_population")
    tables = {}
    for name in names:
        table = TABLES_BY_NAME[name]
        raw, problems = read_raw(table, REPO / "data")
        assert not problems and not validate_table(table, raw)
        tables[name] = _typed(table, raw)
    _, maps_to = lookups({**tables, "reference/municipalities": pd.DataFrame(columns=["municipality_code", "county_code"])})
    majority = majority_lookup(tables, maps_to)
    assert majority["18"] == "18"
    assert majority["05"] == "34"
    assert majority["07"] == "39"
    assert majority["14"] == "46"
    assert "30" not in majority
