"""A profile's way back and the explorer's profile links (issue 16, "Navigation and state")."""

import json
from urllib.parse import parse_qs

import pytest

from tests.app.conftest import open_page


def query(at) -> dict[str, str]:
    return {name: at.query_params[name][-1] if isinstance(at.query_params[name], list) else at.query_params[name] for name in at.query_params}


def test_back_from_a_linked_profile_clears_it_and_restores_the_explorer():
    at = open_page("clusters", {"cluster": "gce-ocean", "q": "ocean", "level": "GCE", "lang": "en"})
    assert at.title[0].value == "GCE Ocean Technology"
    assert [b.label for b in at.button] == ["Back to all clusters"] * 2
    at.button(key="profile-back-top").click().run()
    assert not at.exception
    assert at.title[0].value == "Clusters"
    # Neither the address nor the grid's selection brings the profile back on the next run.
    assert query(at) == {"q": "ocean", "level": "GCE", "lang": "en"}
    assert "clusters-table" not in at.session_state or not at.session_state["clusters-table"]["selection"]["rows"]
    at.run()
    assert at.title[0].value == "Clusters" and "cluster" not in at.query_params


def test_back_from_a_profile_opened_on_the_map_returns_to_the_map_view():
    at = open_page("clusters", {"cluster": "gce-ocean", "from": "map", "year": "2016", "metric": "active", "county": "46", "view": "table", "lang": "en"})
    assert [b.label for b in at.button] == ["Back to the map"] * 2
    at.button(key="profile-back-bottom").click().run()
    assert not at.exception
    assert at.title[0].value == "Map"
    assert query(at) == {"year": "2016", "metric": "active", "county": "46", "view": "table", "lang": "en"}
    assert at.slider[0].value == 2016


def test_back_in_norwegian_keeps_the_language():
    at = open_page("clusters", {"cluster": "gce-ocean"})
    at.button(key="profile-back-top").click().run()
    assert at.title[0].value == "Klynger" and "cluster" not in at.query_params


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_explorer_row_links_to_its_profile(lang):
    at = open_page("clusters", {"level": "GCE", "lang": lang})
    grid = at.dataframe[0]
    links = grid.value.set_index("name")["profile"]
    href = links["GCE Ocean Technology"]
    path, params = href.split("?", 1)
    assert path == "klynger"
    assert parse_qs(params) == {"cluster": ["gce-ocean"], "level": ["GCE"], **({"lang": ["en"]} if lang == "en" else {})}
    config = json.loads(grid.proto.columns)["profile"]
    assert config["type_config"]["type"] == "link"
    assert config["type_config"]["display_text"] == ("Open" if lang == "en" else "Åpne")
    # The row selection still opens the profile too.
    assert grid.proto.selection_mode


def test_map_cluster_list_links_carry_the_map_view():
    from tests.app.test_map_page import listed

    at = open_page("map", {"year": "2016", "metric": "active", "county": "46", "lang": "en"})
    href = listed(at)[0][0][1]
    path, params = href.split("?", 1)
    assert path == "klynger"
    assert parse_qs(params) == {"cluster": ["gce-ocean"], "from": ["map"], "year": ["2016"], "metric": ["active"], "county": ["46"], "lang": ["en"]}


def test_the_picker_below_the_grid_opens_a_profile_and_back_clears_it():
    at = open_page("clusters", {"lang": "en"})
    picker = at.selectbox(key="clusters-open")
    assert picker.label == "Open a cluster's page" and picker.value is None
    assert picker.options == ["Arena Trondheim", "Arena Uten Kommune", "GCE Ocean Technology", "NCE Kongsberg"]
    picker.select("gce-ocean").run()
    assert at.title[0].value == "GCE Ocean Technology"
    at.button(key="profile-back-top").click().run()
    assert at.title[0].value == "Clusters" and "cluster" not in at.query_params
    assert at.selectbox(key="clusters-open").value is None
