"""How the explorer, profile and map name a cluster's place."""

from klyngekart.clusters import host_text, today_text

NAMES = {"18": "Nordland", "46": "Vestland", "50": "Trøndelag"}


def test_majority_placed_county_reads_approximate():
    assert today_text("18", "majority", NAMES, "en") == "Nordland (approximate)"
    assert today_text("18", "majority", NAMES, "nb") == "Nordland (omtrentlig)"
    assert today_text("46", "municipality", NAMES, "en") == "Vestland"
    assert today_text("46;50", "whole_county", NAMES, "en") == "Vestland, Trøndelag"
    assert today_text(None, None, NAMES, "en") == ""


def test_host_town_with_its_municipality():
    assert host_text("Raufoss", "Vestre Toten") == "Raufoss (Vestre Toten)"
    assert host_text("Bergen", "Bergen") == "Bergen"
    assert host_text("Ålesund sentrum", "Ålesund") == "Ålesund sentrum"
    assert host_text(None, "Stavanger") == "Stavanger"
    assert host_text("Lofoten and Vesterålen", "") == "Lofoten and Vesterålen"
