"""Today's county through the crosswalk, on fixture cases whose answers are known by hand."""

from klyngekart.data.derive import counties_today, county_today


def today(*args):
    return county_today(*args)[0]

MUNICIPALITY_COUNTY = {"3303": "33", "3201": "32", "4601": "46"}
COUNTY_MAPS_TO = {"06": ["33", "32"], "12": ["46"], "16": ["50"], "30": ["31", "32", "33"]}


def test_municipality_decides_for_a_split_old_county():
    # Kongsberg was in Buskerud (06), in Viken (30) 2020–2023, and is in Buskerud (33) since 2024.
    assert county_today("3303", "06", MUNICIPALITY_COUNTY, COUNTY_MAPS_TO) == ("33", "municipality")
    assert today("3201", "30", MUNICIPALITY_COUNTY, COUNTY_MAPS_TO) == "32"


def test_unsplit_old_county_maps_without_municipality():
    assert county_today(None, "12", MUNICIPALITY_COUNTY, COUNTY_MAPS_TO) == ("46", "whole_county")
    assert today(None, "16", MUNICIPALITY_COUNTY, COUNTY_MAPS_TO) == "50"


def test_split_old_county_without_municipality_stays_unknown():
    assert county_today(None, "06", MUNICIPALITY_COUNTY, COUNTY_MAPS_TO) == (None, None)
    assert today(None, "30", MUNICIPALITY_COUNTY, COUNTY_MAPS_TO) is None


def test_nothing_known():
    assert county_today(None, None, MUNICIPALITY_COUNTY, COUNTY_MAPS_TO) == (None, None)


def test_region_over_two_counties_lists_both():
    assert counties_today("3303;3201", "06", MUNICIPALITY_COUNTY, COUNTY_MAPS_TO) == "32;33"
    assert counties_today(None, "12", MUNICIPALITY_COUNTY, COUNTY_MAPS_TO) == "46"


def test_loader_adds_derived_columns(fixture_dataset):
    clusters = fixture_dataset["clusters"].set_index("cluster_id")
    assert clusters.loc["nce-kongsberg", "county_code_today"] == "33"
    assert clusters.loc["gce-ocean", "latitude"] == 60.39
    assert clusters["county_code_today"].isna().tolist() == [False, False, True, False]
    assert clusters["county_basis"].tolist()[:2] == ["municipality", "municipality"]
    assert clusters.loc["arena-trondheim", "county_basis"] == "whole_county"
    regions = fixture_dataset["restructuring_regions"].set_index("region_id")
    assert regions.loc["kongsberg-baerum", "county_codes_today"] == "32;33"


def test_region_of_two_old_counties_in_one_county_today():
    maps_to = {**COUNTY_MAPS_TO, "09": ["42"], "10": ["42"], "17": ["50"]}
    assert today(None, "09;10", MUNICIPALITY_COUNTY, maps_to) == "42"
    assert today(None, "16;17", MUNICIPALITY_COUNTY, maps_to) == "50"


def test_cluster_over_several_counties_by_design_keeps_all():
    assert county_today(None, "12;16", MUNICIPALITY_COUNTY, COUNTY_MAPS_TO) == ("46;50", "whole_county")
    # One part that cannot be placed (old Buskerud, split) leaves the whole cluster unplaced.
    assert county_today(None, "12;06", MUNICIPALITY_COUNTY, COUNTY_MAPS_TO) == (None, None)
    assert county_today(None, "12;06", MUNICIPALITY_COUNTY, COUNTY_MAPS_TO, {"06": "33"}) == ("33;46", "majority")
