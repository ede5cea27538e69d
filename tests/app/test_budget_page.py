import pytest

from tests.app.conftest import decode, open_page, plotted


def bars(figure: dict) -> dict[int, float]:
    return {
        x: y
        for trace in figure["data"]
        if trace["type"] == "bar"
        for x, y in zip(decode(trace["x"]), decode(trace["y"]), strict=True)
    }


def test_nominal_chart_plots_preferred_figures():
    at = open_page("budget")
    assert not at.exception
    assert bars(plotted(at)) == {2020: 200, 2021: 207, 2022: 147}


def test_real_terms_from_the_url():
    at = open_page("budget", {"terms": "real", "base": "2022"})
    values = bars(plotted(at))
    assert values[2022] == pytest.approx(147)
    assert values[2020] == pytest.approx(200 * 122.8 / 112.2)


def test_switching_to_real_terms_updates_chart_and_url():
    at = open_page("budget", {"lang": "en"})
    terms = next(r for r in at.radio if r.label == "Kroner")
    terms.set_value("real").run()
    assert at.query_params["terms"] == "real"
    assert bars(plotted(at))[2021] == pytest.approx(207 * 122.8 / 116.1)


def test_years_without_figure_are_marked_not_filled():
    at = open_page("budget", {"lang": "en"})
    figure = plotted(at)
    gap_trace = next(t for t in figure["data"] if t["type"] == "scatter")
    assert 2019 in decode(gap_trace["x"]) and 2020 not in decode(gap_trace["x"])
    assert any("No public figure found for 2002–2019" in m.value for m in at.markdown)


def test_table_lists_conflicting_rows_and_sources():
    at = open_page("budget", {"lang": "en"})
    table = at.dataframe[0].value
    assert table[table["year"].eq(2021)]["value"].tolist() == [207, 210]
    assert table[table["year"].eq(2021)]["conflict"].all()
    assert table["source_url"].notna().all()


def test_support_ranges_chart_present():
    at = open_page("budget")
    assert len(at.get("plotly_chart")) == 2


def test_unknown_programme_in_url_falls_back():
    at = open_page("budget", {"programme": "pickle"})
    assert not at.exception
    assert any("programme" in i.value for i in at.info)
    assert bars(plotted(at)) == {2020: 200, 2021: 207, 2022: 147}


def test_programme_without_budget_says_so():
    at = open_page("budget", {"programme": "business_networks"})
    assert not at.exception
    assert len(at.get("plotly_chart")) == 0
