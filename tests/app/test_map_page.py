import json

import pytest

from klyngekart.ui import DATA_DIR_VARIABLE
from tests.app.conftest import open_page, plotted
from tests.conftest import REPO
from tests.html_rows import parse_table


def choropleth_values(at) -> dict[str, float]:
    """County code → the value the map shows, from each county's click targets."""
    return {t["meta"]["county_code"]: t["meta"]["value"] for t in plotted(at)["data"] if t.get("meta", {}).get("county_code")}


def deck(at) -> dict:
    return json.loads(at.get("deck_gl_json_chart")[0].proto.json)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_map_page_draws_both_maps(lang):
    at = open_page("map", {"lang": lang, "year": "2012"})
    assert not at.exception
    assert choropleth_values(at) == {"03": 0, "32": 0, "33": 1, "46": 1, "50": 1}
    # The host-town map is drawn only when its tab is open: its WebGL library is the heaviest download.
    assert len(at.get("deck_gl_json_chart")) == 0
    at = open_page("map", {"lang": lang, "year": "2012", "view": "towns"})
    assert not at.exception
    layers = deck(at)["layers"]
    assert [layer["@@type"] for layer in layers] == ["GeoJsonLayer", "ScatterplotLayer"]
    # Arena Trondheim has a county but no host municipality, so no point.
    assert [p["name"] for p in layers[1]["data"]] == ["GCE Ocean Technology", "NCE Kongsberg"]
    assert len(at.get("plotly_chart")) == 0


def test_opening_a_tab_keeps_the_view_in_the_url():
    at = open_page("map", {"lang": "en", "year": "2012"})
    at.session_state["map-view"] = "Host towns"
    at.run()
    assert at.query_params["view"] == "towns" and at.query_params["year"] == "2012"
    assert len(at.get("deck_gl_json_chart")) == 1
    at.session_state["map-view"] = "County map"
    at.run()
    assert "view" not in at.query_params
    assert choropleth_values(at)["46"] == 1


def test_no_basemap_is_requested():
    spec = deck(open_page("map", {"view": "towns"}))
    assert spec.get("mapStyle") == "__MAP_STYLE__" or "mapStyle" not in spec
    assert spec.get("mapProvider") in (None, "")


def test_url_restores_year_metric_and_county():
    at = open_page("map", {"year": "2016", "metric": "active", "county": "46", "lang": "en"})
    assert at.slider[0].value == 2016
    assert choropleth_values(at) == {"03": 0, "32": 0, "33": 1, "46": 1, "50": 0}
    rows = listed(at)
    assert rows == [
        [
            ("GCE Ocean Technology", "klynger?cluster=gce-ocean&from=map&year=2016&metric=active&county=46&lang=en"),
            ("GCE", None),
            ("Vestland", None),
            ("ocean technology", None),
            ("Nærings- og fiskeridepartementet: Pressemelding om klyngeprogrammet", "https://www.regjeringen.no/no/aktuelt/example/id1/"),
        ]
    ]


def listed(at) -> list[list[tuple[str, str | None]]]:
    """Rows of the cluster list, an HTML table: (text, link) per cell."""
    table = next(parse_table(m.proto.body) for m in at.get("html") if "kk-table" in m.proto.body)
    assert table.head[0] in ("Cluster", "Klynge")
    return table.rows


def test_cluster_list_links_profiles_and_sources():
    at = open_page("map", {"year": "2012", "lang": "en"})
    rows = listed(at)
    assert len(rows) == 4
    assert all(row[-1][1].startswith("https://") for row in rows)


def test_moving_the_year_updates_map_and_url():
    at = open_page("map")
    at.slider[0].set_value(2010).run()
    assert at.query_params["year"] == "2010"
    assert choropleth_values(at) == {"03": 0, "32": 0, "33": 1, "46": 1, "50": 1}


def test_county_table_lists_all_counties_with_zero():
    at = open_page("map", {"year": "2012", "lang": "en"})
    # The sortable table is in its own tab and drawn only when that tab is open.
    assert len(at.dataframe) == 0
    at = open_page("map", {"year": "2012", "lang": "en", "view": "table"})
    table = at.dataframe[0].value
    assert len(table) == 5
    assert (table["clusters"] == 0).sum() == 2


def test_unplaced_clusters_are_listed():
    at = open_page("map", {"lang": "en"})
    assert any("Arena Uten Kommune" in m.value for m in at.markdown)


def test_play_runs_through_the_years_and_stops_at_the_last(monkeypatch):
    import time

    seen = []
    real_sleep = time.sleep
    # The page pauses PLAY_SECONDS (1.2 s) between years; AppTest's own short polls pass through.
    monkeypatch.setattr(time, "sleep", lambda seconds: seen.append(seconds) if seconds == 1.2 else real_sleep(seconds))
    at = open_page("map", {"year": "2006"})
    at.button[0].click().run(timeout=60)
    # One pause per step from 2006 to the fixture's last year, 2024; then playing stops there.
    assert len(seen) == 2024 - 2006 + 1
    assert at.slider[0].value == 2024
    assert not at.session_state["map_playing"]


def test_2024_count_is_every_cluster_admitted_by_2024_with_a_county(fixture_data):
    from klyngekart.data import load_dataset
    from klyngekart.data.derive import county_list

    ds = load_dataset(fixture_data)
    levels = ds["cluster_levels"]
    admitted = set(levels.loc[levels["start_year"].le(2024).fillna(False), "cluster_id"])
    clusters = ds["clusters"][ds["clusters"]["cluster_id"].isin(admitted)]
    expected = sum(len(county_list(c)) for c in clusters["county_code_today"])
    at = open_page("map", {"year": "2024", "lang": "en"})
    assert sum(choropleth_values(at).values()) == expected == 3
    assert "3 of 4 clusters in the registry are on the map for 2024. Not on it: 1 without a known county." in [m.value for m in at.markdown]


def test_active_metric_sets_the_published_count_beside_the_confirmed():
    at = open_page("map", {"year": "2022", "metric": "active", "lang": "en"})
    text = next(m.value for m in at.markdown if m.value.startswith("1 of 4 clusters"))
    # arena-trondheim's end (2012) was planned, not reported: not known whether still in, not "had left".
    assert "Not on it: 2 whose sources do not say whether they were still in, 1 that had left." in text
    assert "Innovation Norway counts 39 clusters in the programme in 2022; 1 of them confirmed here." in text
    assert "Clusters admitted earlier that we do not know were still in: 2." in text
    at = open_page("map", {"year": "2022", "metric": "active", "lang": "en", "level": "Arena"})
    assert not any("Innovation Norway counts" in m.value for m in at.markdown)


@pytest.mark.parametrize(("lang", "phrase"), [("nb", "etter de 19 fylkene slik de var i 2012"), ("en", "by the 19 counties of 2012")])
def test_2012_in_the_counties_of_that_time(lang, phrase, monkeypatch):
    # The real border set of 2012: the fixture data hold a small synthetic one.
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(REPO / "data"))
    at = open_page("map", {"lang": lang, "year": "2012", "borders": "of_their_time"})
    assert not at.exception
    assert at.query_params["borders"] == "of_their_time"
    values = choropleth_values(at)
    # The 19 counties of 2012, Sør- and Nord-Trøndelag apart, and no county of today's division.
    assert len(values) == 19 and {"16", "17", "12"} <= set(values) and not {"46", "50", "39"} & set(values)
    # The page says which borders are drawn, and names the municipalities drawn whole in one county.
    words = " ".join(m.value for m in at.markdown)
    assert phrase in words and "Volda" in words


def test_2012_counts_each_cluster_where_it_lay_then():
    at = open_page("map", {"lang": "en", "year": "2012", "borders": "of_their_time"})
    assert not at.exception
    values = choropleth_values(at)
    # Fixture clusters of 2012: in Bergen (Hordaland then), Kongsberg (Buskerud), and two without a
    # host town whose sources name Sør-Trøndelag and Buskerud: the latter has no county today
    # (Buskerud was split), but it had one in 2012.
    assert {code: value for code, value in values.items() if value} == {"12": 1, "06": 2, "16": 1}


def test_a_measure_kept_by_todays_counties_says_so():
    at = open_page("map", {"lang": "en", "year": "2012", "metric": "per_100k", "borders": "of_their_time"})
    assert not at.exception
    assert set(choropleth_values(at)) == {"03", "32", "33", "46", "50"}
    assert any("shows today's 15 counties" in m.value for m in at.markdown)
