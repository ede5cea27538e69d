"""Counties of their time: the 2020-2023 border set is a valid coverage like today's, and a year
is drawn in the set in force that year."""

import json

import pandas as pd
import pytest
import shapely

from klyngekart.borders_of_time import (
    BORDER_SETS,
    OF_THEIR_TIME,
    TODAY,
    approximated,
    border_set,
    counties_then,
    county_of_time,
    outlines_for,
    today_county,
)
from klyngekart.data import load_dataset
from klyngekart.data.borders import counties_in_force, read_border_sets
from tests.conftest import REPO

DATA = REPO / "data"
GEOJSON_2020 = DATA / "geo" / "counties_2020.geojson"
COUNTIES_2020 = ["03", "11", "15", "18", "30", "34", "38", "42", "46", "50", "54"]


@pytest.fixture(scope="module")
def counties_2020() -> dict:
    return json.loads(GEOJSON_2020.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def real():
    return load_dataset(DATA)


def test_2020_set_has_the_11_counties_of_the_reference_table(counties_2020, real):
    codes = sorted(f["properties"]["county_code"] for f in counties_2020["features"])
    table = real["reference/counties"]
    first = table["valid_from"].str.replace("pre-", "", regex=False)  # "pre-2002" sorts before 2020
    in_force = table.loc[first.le("2020-01-01") & (table["valid_to"].isna() | table["valid_to"].ge("2023-12-31")), "county_code"]
    assert codes == COUNTIES_2020 == sorted(in_force)


def test_2020_set_is_small_and_a_valid_coverage(counties_2020):
    assert GEOJSON_2020.stat().st_size <= 250_000
    shapes = [shapely.geometry.shape(f["geometry"]) for f in counties_2020["features"]]
    assert all(shape.is_valid for shape in shapes)
    assert shapely.coverage_is_valid(shapely.GeometryCollection(shapes))


def test_2020_set_covers_the_same_land_as_today(counties_2020):
    today = json.loads((DATA / "geo" / "counties_2024.geojson").read_text(encoding="utf-8"))
    area = [shapely.union_all([shapely.geometry.shape(f["geometry"]) for f in c["features"]]).area for c in (counties_2020, today)]
    assert area[0] == pytest.approx(area[1], rel=0.01)


def test_split_counties_2024_were_one_county_in_2021(counties_2020):
    shapes = {f["properties"]["county_code"]: shapely.geometry.shape(f["geometry"]) for f in counties_2020["features"]}
    # Drammen (Buskerud today), Sarpsborg (Østfold) and Bærum (Akershus) all lay in Viken.
    for lon, lat in [(10.20, 59.74), (11.11, 59.28), (10.52, 59.93)]:
        assert shapes["30"].contains(shapely.Point(lon, lat))


@pytest.mark.parametrize(
    ("year", "borders", "expected"),
    [
        (2021, TODAY, "2024"),
        (2021, OF_THEIR_TIME, "2020"),
        (2023, OF_THEIR_TIME, "2020"),
        (2024, OF_THEIR_TIME, "2024"),
        (2012, OF_THEIR_TIME, "2017"),
        (2018, OF_THEIR_TIME, "2018"),
        (1999, OF_THEIR_TIME, None),
    ],
)
def test_a_year_is_drawn_in_the_set_in_force(year, borders, expected):
    chosen = border_set(year, borders)
    assert (chosen.name if chosen else None) == expected


def test_outlines_for_a_year_of_their_time(real):
    chosen, outlines = outlines_for(real, 2021, OF_THEIR_TIME)
    assert chosen.name == "2020" and sorted(outlines) == COUNTIES_2020
    assert len(outlines_for(real, 2021, TODAY)[1]) == 15
    chosen, outlines = outlines_for(real, 2012, OF_THEIR_TIME)
    assert chosen.name == "2017" and len(outlines) == 19 and {"16", "17", "12", "14"} <= set(outlines)
    assert [a["name"] for a in approximated(real, chosen)] == ["Volda", "Drammen", "Asker", "Aurskog-Høland", "Indre Fosen", "Heim", "Tjeldsund"]
    assert approximated(real, border_set(2021, OF_THEIR_TIME)) == []
    assert outlines_for(real, 1999, OF_THEIR_TIME) is None
    with pytest.raises(ValueError):
        border_set(2021, "1066")


def test_county_of_time_for_split_and_merged_counties(real):
    # Asker: Akershus (32) today, Viken (30) in 2020-2023; Tromsø: Troms (55) today, Troms og Finnmark (54) then.
    assert [county_of_time(real, "3203", year) for year in (2021, 2024)] == ["30", "32"]
    assert [county_of_time(real, "5501", year) for year in (2020, 2025)] == ["54", "55"]
    # Bergen kept its county; before 2020 the crosswalk cannot say.
    assert county_of_time(real, "4601", 2022) == "46"
    assert county_of_time(real, "4601", 2019) is None


@pytest.mark.parametrize(("name", "count"), [("2017", 19), ("2018", 18), ("2019", 18)])
def test_sets_before_2020_are_small_valid_coverages_with_the_counties_of_their_time(name, count, real):
    chosen = next(s for s in BORDER_SETS if s.name == name)
    path = DATA / chosen.file
    assert path.stat().st_size <= 250_000
    collection = json.loads(path.read_text(encoding="utf-8"))
    shapes = {f["properties"]["county_code"]: shapely.geometry.shape(f["geometry"]) for f in collection["features"]}
    assert len(shapes) == count
    assert all(shape.is_valid for shape in shapes.values())
    assert shapely.coverage_is_valid(shapely.GeometryCollection(list(shapes.values())))
    table = real["reference/counties"].set_index("county_code")
    assert all(table.loc[code, "valid_to"] is pd.NA or str(table.loc[code, "valid_to"]) >= f"{chosen.last_year}-12-31" for code in shapes)


def test_counties_in_force_follow_the_reform_years(real):
    raw = real.raw["reference/counties"]
    assert len(counties_in_force(raw, 2012)) == 19 and {"16", "17"} <= counties_in_force(raw, 2017)
    assert "50" in counties_in_force(raw, 2018) and "16" not in counties_in_force(raw, 2018)
    assert sorted(counties_in_force(raw, 2021)) == COUNTIES_2020
    assert len(counties_in_force(raw, 2024)) == 15


def test_every_historic_set_in_data_passes_the_load_checks(real):
    assert read_border_sets(DATA, real.raw["reference/counties"])[1] == []


def test_a_broken_historic_set_is_named_with_its_feature(tmp_path, real):
    (tmp_path / "geo").mkdir()
    collection = json.loads((DATA / "geo" / "counties_2020.geojson").read_text(encoding="utf-8"))
    collection["features"][0]["properties"]["county_code"] = "12"  # Hordaland, gone by 2020
    (tmp_path / "geo" / "counties_2020.geojson").write_text(json.dumps(collection), encoding="utf-8")
    found = [str(problem) for problem in read_border_sets(tmp_path, real.raw["reference/counties"])[1]]
    assert any("counties_2020.geojson" in text and "county_code '12'" in text and "this border set" in text for text in found)
    assert any("has no shape for county 03" in text for text in found)


def test_a_cluster_is_counted_in_the_county_its_host_lay_in_then(real):
    frame = pd.DataFrame(
        {
            # Bergen; Drammen (Buskerud in 2012, Viken in 2021); no town but a source naming Sogn og Fjordane; no town, Viken named.
            "municipality_code": ["4601", "3301", None, None],
            "county_code_source": ["12", "06", "14", "30"],
        }
    )
    assert counties_then(real, frame, border_set(2012, OF_THEIR_TIME)) == ["12", "06", "14", None]
    assert counties_then(real, frame, border_set(2021, OF_THEIR_TIME)) == ["46", "30", None, "30"]


@pytest.mark.parametrize(("clicked", "today"), [("12", "46"), ("16", "50"), ("06", None), ("30", None), ("46", "46"), ("99", None)])
def test_a_clicked_old_county_chooses_todays_only_where_it_lies_wholly_in_one(real, clicked, today):
    assert today_county(real, clicked) == today
