"""How tools/build_historic_counties.py places each 2020 municipality in the counties of an
earlier year: merged counties come apart again, moved municipalities go back, and the few made
of two counties are drawn in one by the stated rule."""

import importlib.util

import pytest

from tests.conftest import REPO

spec = importlib.util.spec_from_file_location("build_historic_counties", REPO / "tools" / "build_historic_counties.py")
tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tool)


@pytest.fixture(scope="module")
def inputs():
    rows_2020 = tool.read_rows(REPO / "data" / "reference" / "municipalities_2020_2024.csv")
    maps_to = {row["county_code"]: row["maps_to"] for row in tool.read_rows(REPO / "data" / "reference" / "counties.csv")}
    return rows_2020, tool.read_rows(tool.CROSSWALK_2016), maps_to


def county(inputs, border_set: str, code_2020: str) -> str:
    return tool.counties_then(border_set, *inputs)[0][code_2020]


@pytest.mark.parametrize(
    ("code_2020", "name", "expected_2017", "expected_2019"),
    [
        ("5001", "Trondheim", "16", "50"),  # Trøndelag split back into Sør- and Nord-Trøndelag before 2018
        ("5007", "Namsos", "17", "50"),
        ("4203", "Arendal", "09", "09"),  # Agder, Innlandet, Vestland and Viken come apart again
        ("4204", "Kristiansand", "10", "10"),
        ("3403", "Hamar", "04", "04"),
        ("3405", "Lillehammer", "05", "05"),
        ("4602", "Kinn", "14", "14"),
        ("3053", "Jevnaker", "05", "05"),  # moved from Oppland to Viken in 2020
        ("5061", "Rindal", "15", "50"),  # moved from Møre og Romsdal to Trøndelag on 1 Jan 2019
        ("1806", "Narvik", "18", "18"),  # predecessors marked "Rest" in the 2016 crosswalk
        ("5059", "Orkland", "16", "50"),
    ],
)
def test_municipalities_go_back_to_their_county(inputs, code_2020, name, expected_2017, expected_2019):
    assert (county(inputs, "2017", code_2020), county(inputs, "2019", code_2020)) == (expected_2017, expected_2019)
    assert county(inputs, "2018", "5061") == "15"


def test_municipalities_made_of_two_counties_are_drawn_in_one_and_listed(inputs):
    _, approximated = tool.counties_then("2017", *inputs)
    drawn = {entry["name"]: (entry["counties"], entry["drawn_in"]) for entry in approximated}
    assert drawn == {
        "Aurskog-Høland": (["01", "02"], "02"),  # kept the name of the Akershus part
        "Asker": (["02", "06"], "02"),
        "Drammen": (["06", "07"], "06"),
        "Volda": (["14", "15"], "15"),
        "Tjeldsund": (["18", "19"], "18"),
        "Heim": (["15", "16"], "16"),  # no namesake: Sør-Trøndelag lies wholly in its county of today
        "Indre Fosen": (["16", "17"], "16"),  # both do: the lower number
    }
    assert "Indre Fosen" not in {entry["name"] for entry in tool.counties_then("2019", *inputs)[1]}


def test_every_2020_municipality_has_a_county_in_each_set(inputs):
    for border_set, count in (("2017", 19), ("2018", 18), ("2019", 18)):
        county_of, _ = tool.counties_then(border_set, *inputs)
        assert len(county_of) == 356
        assert len(set(county_of.values())) == count
