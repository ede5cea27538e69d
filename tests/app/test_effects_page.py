import pytest

from tests.app.conftest import decode, open_page, plotted

# Chart order on the page: effects, participation, business networks, restructuring outcomes.
EFFECTS, PARTICIPATION, NETWORKS, OUTCOMES = 0, 1, 2, 3


def bars(figure: dict) -> dict[str, dict[int, float]]:
    """Trace name → year → value of the bars."""
    return {
        trace["name"]: dict(zip(decode(trace["x"]), decode(trace["y"]), strict=True))
        for trace in figure["data"]
        if trace["type"] == "bar"
    }


def gap_years(figure: dict) -> list[int]:
    return [x for trace in figure["data"] if trace["type"] == "scatter" for x in decode(trace["x"])]


def test_effects_chart_shows_estimates_as_published_with_the_method_break():
    at = open_page("effects", {"lang": "en"})
    assert not at.exception
    figure = plotted(at, EFFECTS)
    assert bars(figure) == {
        "Sales revenue": {2015: 13, 2021: pytest.approx(15.2), 2022: pytest.approx(18.6)},
        "Employment": {2015: 8, 2021: pytest.approx(5.8)},
    }
    # Slots 2015…2022 on a category axis: the break sits between 2020 (slot 5) and 2021 (slot 6).
    assert [shape["x0"] for shape in figure["layout"]["shapes"]] == [5.5]
    assert gap_years(figure) == [2016, 2017, 2018, 2019, 2020]
    summary = next(m.value for m in at.markdown if m.value.startswith("In the latest report"))
    assert "2022" in summary and "18.6" in summary and "between 2015 and 2021" in summary
    assert "employment in 2022" in summary


def test_method_card_is_built_from_the_data():
    at = open_page("effects", {"lang": "en"})
    texts = [m.value for m in at.markdown]
    assert "How the figures were computed" in [s.value for s in at.subheader]
    assert any(t.startswith("**SSB**, report years 2015.") and "similar firms not in a cluster" in t for t in texts)
    assert any(t.startswith("**Samfunnsøkonomisk analyse**, report years 2021–2022.") for t in texts)
    assert any("not proven causal effects" in t for t in texts)


def test_key_figures_with_change_from_the_year_before_and_source():
    at = open_page("effects")
    metrics = {m.label: m for m in at.metric}
    sales = metrics["Omsetning (2022)"]
    assert sales.value == "18,6 pp"
    assert "+3,4 pp fra 2021" in str(sales.proto.delta)
    assert "Innovasjon Norge" in sales.help
    clusters = metrics["Klynger i programmet (2022)"]
    assert clusters.value == "39" and clusters.proto.delta == "\u22125 fra 2021"
    assert metrics["Bedrifter i klyngene (2022)"].value == "2\u00a0500"


def test_participation_defaults_to_clusters_by_level():
    at = open_page("effects", {"lang": "en"})
    assert bars(plotted(at, PARTICIPATION)) == {"Total": {2021: 44, 2022: 39}, "Arena": {2021: 20, 2022: 18}}


def test_participation_from_the_url_with_gaps_and_qualifiers():
    at = open_page("effects", {"lang": "en", "indicator": "firms_participating"})
    figure = plotted(at, PARTICIPATION)
    assert bars(figure) == {"Total": {2016: 2000, 2022: 2500}}
    assert gap_years(figure) == [2017, 2018, 2019, 2020, 2021]
    assert figure["data"][0]["text"] == ["nearly 2,000", "2,500"]
    assert any("No public figure found for 2017–2021" in m.value for m in at.markdown)


def test_choosing_a_programme_updates_chart_and_url():
    at = open_page("effects", {"lang": "en"})
    programme = next(r for r in at.radio if r.label == "Programme")
    programme.set_value("business_networks").run()
    assert at.query_params["programme"] == "business_networks"
    # Clusters served does not exist for networks: the first count the programme has is shown.
    assert at.query_params["indicator"] == "networks_served"
    assert bars(plotted(at, PARTICIPATION)) == {"Total": {2022: 96}}
    at.selectbox[0].set_value("agriculture_networks").run()
    assert at.query_params["indicator"] == "agriculture_networks"
    assert bars(plotted(at, PARTICIPATION)) == {"Total": {2022: 11}}


def test_unknown_indicator_in_url_falls_back_and_says_so():
    at = open_page("effects", {"indicator": "<script>"})
    assert not at.exception
    assert any(i.value.endswith("standard: tall.") for i in at.info)
    assert bars(plotted(at, PARTICIPATION))["I alt"] == {2021: 44, 2022: 39}


def test_restructuring_outcomes_per_year():
    at = open_page("effects", {"lang": "en"})
    figure = plotted(at, OUTCOMES)
    assert bars(figure) == {
        "Jobs created": {2016: 379, 2022: 232},
        "Jobs secured": {2016: 281, 2022: 371},
        "New firms": {2016: 234},
    }
    assert gap_years(figure) == [2017, 2018, 2019, 2020, 2021]


def test_regions_table_has_counties_then_and_today_and_sources():
    at = open_page("effects", {"lang": "en"})
    table = at.dataframe[-1].value.set_index("name")
    assert table.loc["Test region", "county_then"] == "Buskerud"
    assert table.loc["Test region", "county_today"] == "Akershus, Buskerud"
    assert table.loc["Hordaland region", "county_today"] == "Vestland"
    assert table.loc["Hordaland region", "period"] == "2004–2010"
    assert table["source_url"].str.startswith("https://").all()
    assert table.loc["Test region", "profile"] == "omstilling?region=kongsberg-baerum&lang=en"


@pytest.mark.parametrize(("lang", "what"), [("nb", "Bedriftsnettverk er Innovasjon Norges"), ("en", "Business networks (bedriftsnettverk) is")])
def test_business_networks_have_their_own_series_and_a_sentence(lang, what):
    at = open_page("effects", {"lang": lang})
    assert any(m.value.startswith(what) for m in at.markdown)
    networks = plotted(at, NETWORKS)
    assert [decode(t["y"]) for t in networks["data"]] == [[96], [11]]
    # Networks in the top panel, firms (none in the fixture) would be in the lower one.
    assert [t["yaxis"] for t in networks["data"]] == ["y", "y"]


def test_every_chart_offers_its_files():
    at = open_page("effects")
    keys = {b.proto.id for b in at.get("download_button")}
    assert len(at.get("plotly_chart")) == 4
    # Four files per chart, two per table (effects and regions).
    assert len(keys) == 4 * 4 + 2 * 2
