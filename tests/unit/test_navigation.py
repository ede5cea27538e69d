"""Where links between pages lead (klyngekart/navigation.py)."""

from urllib.parse import parse_qs

from klyngekart.navigation import back_target, from_map, page_for_path, page_title, profile_href
from klyngekart.urlstate import Param

EXPLORER = [Param("level", "all", ("all", "NCE")), Param("county", "all", ("all", "46")), Param("sector", "all", ("all", "energy"))]
MAP = [Param("year", "2026", int_range=(2002, 2026)), Param("metric", "admitted", ("admitted", "active")), Param("county", "all", ("all", "46"))]


def test_back_from_a_profile_without_a_marker_goes_to_the_explorer_with_its_view():
    query = {"cluster": "gce-ocean", "lang": "en", "q": " subsea ", "level": "NCE", "county": "99", "year": "2015"}
    assert back_target(query, EXPLORER, MAP) == ("clusters", {"level": "NCE", "q": "subsea"})


def test_back_from_a_profile_opened_on_the_map_goes_to_the_map_with_its_view():
    query = {"cluster": "gce-ocean", "from": "map", "year": "2015", "metric": "active", "county": "46", "view": "towns", "q": "x"}
    assert back_target(query, EXPLORER, MAP) == ("map", {"year": "2015", "metric": "active", "county": "46", "view": "towns"})


def test_values_the_map_would_refuse_are_not_carried_back():
    query = {"from": "map", "year": "1999", "metric": "<script>", "view": "globe", "county": "x" * 500}
    assert back_target(query, EXPLORER, MAP) == ("map", {})


def test_an_unknown_origin_is_the_explorer():
    assert back_target({"from": "https://evil.example"}, EXPLORER, MAP) == ("clusters", {})


def test_a_map_profile_link_carries_the_marker_and_the_map_view():
    link = profile_href("gce-ocean", "en", from_map({"year": "2015", "metric": "admitted", "lang": "en", "view": "table"}, MAP))
    path, query = link.split("?", 1)
    assert path == "klynger"
    assert parse_qs(query) == {"cluster": ["gce-ocean"], "from": ["map"], "year": ["2015"], "view": ["table"], "lang": ["en"]}
    # Norwegian is the default language: its links stay short.
    assert profile_href("a&b", "nb") == "klynger?cluster=a%26b"


def test_page_titles_name_the_page_then_the_site():
    assert page_title(page_for_path("budsjett"), "nb") == "Budsjett · Klyngekart"
    assert page_title(page_for_path("budsjett"), "en") == "Budget · Klyngekart"
    assert page_title(page_for_path(""), "en") == "Home · Klyngekart"
    assert page_for_path("kart/extra") is None and page_for_path("map") is None
    assert page_title(None, "nb") == "Fant ikke siden · Klyngekart"
