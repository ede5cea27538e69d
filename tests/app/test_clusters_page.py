"""Explorer, profile, timeline and county comparison on the fixture data, in both languages."""

import re

import pytest

from tests.app.conftest import decode, open_page, plotted


def shown_ids(at) -> list[str]:
    return at.dataframe[0].value["name"].tolist()


def page_links(at) -> list[str]:
    return [link.proto.label for link in at.get("page_link")]


def texts(at) -> str:
    """The page's Markdown as a reader sees it: data values are escaped with backslashes."""
    return re.sub(r"\\(.)", r"\1", "\n".join(m.value for m in at.markdown))


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_explorer_lists_every_cluster(lang):
    at = open_page("clusters", {"lang": lang})
    assert not at.exception
    assert shown_ids(at) == ["Arena Trondheim", "Arena Uten Kommune", "GCE Ocean Technology", "NCE Kongsberg"]


def test_search_finds_an_earlier_name_and_keeps_it_in_the_url():
    at = open_page("clusters", {"lang": "en"})
    at.text_input[0].input("nce subsea").run()
    assert shown_ids(at) == ["GCE Ocean Technology"]
    assert at.query_params["q"] == ["nce subsea"] or at.query_params["q"] == "nce subsea"
    assert "Showing 1 of 4 clusters." in texts(at)


def test_filters_come_from_the_url():
    at = open_page("clusters", {"level": "NCE", "county": "46", "lang": "en"})
    assert shown_ids(at) == ["GCE Ocean Technology"]
    assert open_page("clusters", {"county": "unknown"}).dataframe[0].value["name"].tolist() == ["Arena Uten Kommune"]


def test_table_columns_in_the_page_language():
    table = open_page("clusters", {"lang": "en"}).dataframe[0].value.set_index("name")
    assert table.at["GCE Ocean Technology", "sector"] == "ocean technology"
    assert table.at["NCE Kongsberg", "members"] == "over 100 members (2016)"
    nb = open_page("clusters").dataframe[0].value.set_index("name")
    assert nb.at["GCE Ocean Technology", "sector"] == "havteknologi"


def test_unknown_filter_value_falls_back_and_says_so():
    at = open_page("clusters", {"level": "Platinum"})
    assert not at.exception
    assert len(shown_ids(at)) == 4
    assert any(i.value.endswith("standard: nivå.") for i in at.info)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_profile_shows_history_map_members_and_sources(lang):
    at = open_page("clusters", {"cluster": "gce-ocean", "lang": lang})
    assert not at.exception
    assert at.title[0].value == "GCE Ocean Technology"
    figure = plotted(at)
    bars = [trace for trace in figure["data"] if trace["type"] == "bar"]
    assert [decode(trace["base"]) for trace in bars] == [[2006], [2015]]
    # NCE ran 2006–2014; GCE is ongoing, so it runs to the release year (2026 in the fixture).
    assert [decode(trace["x"]) for trace in bars] == [[8.0], [11.0]]
    assert len(at.get("deck_gl_json_chart")) == 1
    description = "Ocean technology cluster in Bergen." if lang == "en" else "Havteknologiklynge i Bergen."
    assert description in texts(at)
    assert "[Pressemelding om klyngeprogrammet](https://www.regjeringen.no/no/aktuelt/example/id1/)" in texts(at)
    assert "https://www.gceocean.no/" in texts(at)
    assert at.dataframe[0].value["year"].tolist() == [2014]


def test_profile_lists_undated_levels_in_words_and_skips_the_map():
    at = open_page("clusters", {"cluster": "arena-trondheim", "lang": "en"})
    assert not at.exception
    assert "The sources also name these levels without a year, so they are not drawn: Arena Pro." in texts(at)
    bars = [trace for trace in plotted(at)["data"] if trace["type"] == "bar"]
    assert [trace["name"] for trace in bars] == ["Arena"]
    assert len(at.get("deck_gl_json_chart")) == 0


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_unknown_cluster_id_suggests_the_closest_names(lang):
    at = open_page("clusters", {"cluster": "gce-ocaen", "lang": lang})
    assert not at.exception
    assert len(at.warning) == 1
    assert "GCE Ocean Technology" in page_links(at)
    assert len(at.get("plotly_chart")) == 0


def test_hostile_cluster_id_is_not_found_not_an_error():
    at = open_page("clusters", {"cluster": "<script>alert(1)</script>" * 20})
    assert not at.exception
    assert len(at.warning) == 1


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_timeline_draws_every_dated_level(lang):
    at = open_page("timeline", {"lang": lang})
    assert not at.exception
    figure = plotted(at)
    bars = [trace for trace in figure["data"] if trace["type"] == "bar"]
    assert sum(len(decode(trace["base"])) for trace in bars) == 6
    # Arena Uten Kommune's Arena level and NCE Kongsberg's NIC Explore have no stated end: dotted lines run to the release year.
    dotted = [trace for trace in figure["data"] if trace["type"] == "scatter" and trace.get("line", {}).get("dash") == "dot" and trace.get("x") != [None]]
    assert [trace["x"] for trace in dotted] == [[2013, 2026, None], [2025, 2026, None]]


def test_timeline_summary_and_paths_in_english():
    at = open_page("timeline", {"lang": "en"})
    text = texts(at)
    assert "The chart shows 6 periods of 4 clusters from 2006 to 2026." in text
    assert "Of 2 clusters that entered Arena, 0 (0%) later went on to NCE" in text
    assert len(at.get("plotly_chart")) == 2


def test_timeline_filters_from_the_url():
    at = open_page("timeline", {"county": "33", "lang": "en"})
    bars = [trace for trace in plotted(at)["data"] if trace["type"] == "bar"]
    # NCE, then NIC Explore from the 2024 round: two bars on one line.
    assert [list(trace["y"]) for trace in bars] == [["NCE Kongsberg"], ["NCE Kongsberg"]]


def test_timeline_with_nothing_to_show_says_so():
    at = open_page("timeline", {"county": "03"})
    assert not at.exception
    assert len(at.get("plotly_chart")) == 0
    # The chart says it has nothing to show, and so does the durations table below it.
    assert [i.value for i in at.info][1:] == ["Ingen rader passer til valgene, så tabellen er tom."]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_compare_default_counties(lang):
    at = open_page("compare", {"lang": lang})
    assert not at.exception
    assert at.multiselect[0].value == ["33", "46"]
    per = plotted(at, 1)["data"][0]
    assert decode(per["y"]) == pytest.approx([1 / 269_819 * 100_000, 1 / 651_299 * 100_000])


def test_compare_counties_from_the_url():
    at = open_page("compare", {"c1": "46", "c2": "50", "c3": "32", "lang": "en"})
    assert at.multiselect[0].value == ["46", "50", "32"]
    assert "By 2026: Vestland: NCE 1, GCE 1; Trøndelag: Arena 1; Akershus: none with a known start year." in texts(at)
    regions = at.dataframe[0].value
    assert regions[["county", "name"]].values.tolist() == [["Akershus", "Test region"], ["Vestland", "Hordaland region"]]


def test_compare_asks_for_two_counties():
    at = open_page("compare", {"c1": "46", "c2": "46"})
    assert not at.exception
    assert len(at.get("plotly_chart")) == 0
    assert len(at.info) == 1


def test_compare_changing_counties_updates_the_url():
    at = open_page("compare", {"lang": "en"})
    at.multiselect[0].select("50").run()
    assert at.query_params["c3"] in ("50", ["50"])


def test_explorer_with_a_county_says_how_many_have_no_county():
    at = open_page("clusters", {"county": "33", "lang": "en"})
    assert shown_ids(at) == ["NCE Kongsberg"]
    assert "Showing 1 of 4 clusters." in texts(at)
    assert "1 cluster without a known county today cannot be shown when a county is chosen." in texts(at)


def test_timeline_says_how_many_it_shows_of_all():
    at = open_page("timeline", {"county": "33", "lang": "en"})
    assert "The timeline shows 1 of 4 clusters in the registry. Hidden by the filters: 3. Without a known start year (not drawn): 0." in texts(at)


def test_profile_labels_the_host_town():
    at = open_page("clusters", {"cluster": "gce-ocean", "lang": "nb"})
    assert "**Vertssted:** Bergen" in texts(at)
