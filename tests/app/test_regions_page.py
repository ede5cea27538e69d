import pytest

from tests.app.conftest import open_page, plotted
from tests.html_rows import parse_table


def areas_per_county(at) -> dict[str, float]:
    """County code → areas with status, from each county's click targets on the map."""
    return {t["meta"]["county_code"]: t["meta"]["value"] for t in plotted(at)["data"] if t.get("meta", {}).get("county_code")}


def test_the_map_counts_areas_per_county_for_a_year():
    at = open_page("regions", {"lang": "en", "year": "2012"})
    assert not at.exception
    # The 2012–2018 area spans Akershus and Buskerud and counts in both; the Hordaland area had ended in 2010.
    assert areas_per_county(at) == {"03": 0, "32": 1, "33": 1, "46": 0, "50": 0}
    at.slider[0].set_value(2005).run()
    assert at.query_params["year"] == "2005"
    assert areas_per_county(at) == {"03": 0, "32": 0, "33": 0, "46": 1, "50": 0}
    assert any("In 2005, 1 area we know of had restructuring status, in 1 of today's counties." in m.value for m in at.markdown)


def test_areas_of_the_year_link_to_their_profiles():
    at = open_page("regions", {"lang": "en", "year": "2012"})
    table = parse_table(at.get("html")[0].proto.body)
    assert [row[0] for row in table.rows] == [("Test region", "omstilling?region=kongsberg-baerum&lang=en")]
    assert table.caption == "Areas with status in 2012"


@pytest.mark.parametrize(("lang", "heading", "county"), [("nb", "Rapporterte resultater", "Buskerud"), ("en", "Reported results", "Akershus, Buskerud")])
def test_the_region_profile_renders_in_both_languages(lang, heading, county):
    at = open_page("regions", {"lang": lang, "region": "kongsberg-baerum"})
    assert not at.exception
    assert at.title[0].value == "Test region"
    assert heading in [h.value for h in at.header]
    facts = at.markdown[0].value
    assert "2012–2018" in facts and "Kongsberg, Bærum" in facts and county in facts
    results = at.dataframe[0].value
    assert results["years"].tolist() == ["2012–2018", "2012–2018"]
    assert results["reported_by"].tolist() == ["final evaluation", "final evaluation"]
    assert results["figure"].tolist() == (["about 120", "15"] if lang == "en" else ["om lag 120", "15"])
    assert len(at.get("plotly_chart")) == 0


def test_a_profile_without_results_says_so():
    at = open_page("regions", {"lang": "en", "region": "hordaland-only"})
    assert any("not found reported results" in i.value for i in at.info)
    assert "County today:** Vestland" in at.markdown[0].value


def test_a_profile_of_an_area_named_without_years_or_place_draws():
    at = open_page("regions", {"lang": "en", "region": "undated-area"})
    assert not at.exception
    facts = at.markdown[0].value
    assert "nan" not in facts and "<NA>" not in facts
    assert "County today:** not stated" in facts


def test_an_unknown_region_falls_back_to_the_map():
    at = open_page("regions", {"lang": "en", "region": "<script>"})
    assert not at.exception
    assert any(i.value.endswith("default: restructuring area.") for i in at.info)
    assert len(at.get("plotly_chart")) == 1


def test_a_click_on_a_county_lists_its_areas_and_goes_in_the_url():
    at = open_page("regions", {"lang": "en", "year": "2012"})
    at.session_state["regions"] = {"selection": {"points": [{"customdata": ["46", "Vestland"]}]}}
    at.run()
    assert at.query_params["county"] == "46"
    # No area there that year: the list says so in words instead of drawing an empty table.
    assert "No rows match the choices, so the table is empty." in [i.value for i in at.info]
    at.session_state["regions"] = {"selection": {"points": [{"customdata": ["33", "Buskerud"]}]}}
    at.run()
    rows = parse_table(at.get("html")[0].proto.body).rows
    assert [row[0][0] for row in rows] == ["Test region"]


@pytest.mark.parametrize(
    ("key", "query", "title"),
    [
        ("regions", {"year": "2005"}, "Restructuring areas with status in 2005, by today's county"),
        ("networks", {}, "Business networks and the firms in them, year by year"),
    ],
)
def test_the_new_charts_embed_alone(key, query, title):
    at = open_page("home", {"chart": key, "embed": "true", "lang": "en", **query})
    assert not at.exception
    assert len(at.get("plotly_chart")) == 1 and at.subheader[0].value == title
    assert not at.get("metric")


def test_the_map_page_links_to_the_restructuring_page_for_its_year():
    at = open_page("map", {"lang": "en", "year": "2012", "metric": "regions"})
    links = [link for link in at.get("page_link") if link.proto.page == "omstilling"]
    assert len(links) == 1 and "year=2012" in links[0].proto.query_string
