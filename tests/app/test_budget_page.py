import pytest

from tests.app.conftest import decode, open_page, plotted


def bars(figure: dict, name: str = "Hele programmet") -> dict[int, float]:
    """Year → value of the bar series `name` (nb label unless the page is in English)."""
    return {
        x: y
        for trace in figure["data"]
        if trace["type"] == "bar" and trace["name"] in (name, "Whole programme")
        for x, y in zip(decode(trace["x"]), decode(trace["y"]), strict=True)
    }


def test_default_series_holds_only_whole_programme_figures_of_one_stage():
    at = open_page("budget", {"lang": "en"})
    figure = plotted(at)
    solid = [t for t in figure["data"] if t["type"] == "bar" and not t["marker"].get("pattern")]
    # One solid series: the enacted whole-programme amounts; the proposal's 200 and 140 are another stage.
    assert [t["name"] for t in solid] == ["Whole programme"]
    assert dict(zip(decode(solid[0]["x"]), decode(solid[0]["y"]), strict=True)) == {2020: 200, 2021: 207, 2022: 147}
    parts = {t["name"]: t for t in figure["data"] if t["type"] == "bar" and t["marker"].get("pattern")}
    assert set(parts) == {"NCE only", "KMD's share"}
    assert all(p["marker"]["pattern"]["shape"] == "/" for p in parts.values())
    assert "enacted budget" in at.header[0].value


def test_derived_toggle_is_off_by_default_and_kept_in_the_url():
    at = open_page("budget", {"lang": "en"})
    toggle = next(t for t in at.toggle if "derived" in t.label)
    assert toggle.value is False and 2023 not in bars(plotted(at))
    toggle.set_value(True).run()
    assert at.query_params["derived"] == "show"
    derived = next(t for t in plotted(at)["data"] if t["name"] == "Whole programme (derived)")
    assert decode(derived["x"]) == [2023] and derived["marker"]["pattern"]["shape"] == "."


def test_another_stage_from_the_url_and_the_stage_table():
    at = open_page("budget", {"lang": "en", "stage": "proposal"})
    assert bars(plotted(at)) == {2021: 200, 2022: 140}
    stages = at.dataframe[0].value.set_index("year")
    assert stages.loc[2021, "diff_enacted"] == 7 and stages.loc[2022, "diff_enacted"] == 7


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
    assert any("No whole-programme figure found at this stage for 2002–2019, 2023" in m.value for m in at.markdown)


def test_table_lists_conflicting_rows_and_sources():
    at = open_page("budget", {"lang": "en"})
    table = at.dataframe[-1].value
    enacted = table[table["year"].eq(2021) & table["stage"].eq("Enacted budget")]
    assert enacted["value"].tolist() == [207, 210]
    assert enacted["conflict"].all()
    assert table["source_url"].notna().all()


def test_support_ranges_chart_present():
    at = open_page("budget")
    assert len(at.get("plotly_chart")) == 2


def test_unknown_programme_in_url_falls_back():
    at = open_page("budget", {"programme": "pickle"})
    assert not at.exception
    # The notice names the setting as the page does, not the URL's English parameter name.
    assert any(i.value.endswith("standard: program.") for i in at.info)
    assert bars(plotted(at)) == {2020: 200, 2021: 207, 2022: 147}


def test_programme_without_budget_says_so():
    at = open_page("budget", {"programme": "business_networks"})
    assert not at.exception
    assert len(at.get("plotly_chart")) == 0


def column_labels(frame) -> dict[str, str]:
    import json

    return {name: config["label"] for name, config in json.loads(frame.proto.columns).items() if isinstance(config, dict) and "label" in config}


def test_tables_follow_real_terms_with_the_base_year_in_the_heading():
    at = open_page("budget", {"terms": "real", "base": "2022"})
    stages, figures = at.dataframe[0], at.dataframe[-1]
    assert column_labels(figures)["value_real"] == "Verdi (mill. 2022-kroner)"
    row = figures.value[figures.value["year"].eq(2020) & figures.value["stage"].eq("Vedtatt budsjett")].iloc[0]
    # Current kroner stay beside the real-terms figure.
    assert row["value"] == 200 and row["value_real"] == pytest.approx(round(200 * 122.8 / 112.2, 1))
    assert column_labels(stages)["enacted"] == "Vedtatt budsjett (mill. 2022-kroner)"
    assert stages.value.set_index("year").loc[2021, "enacted"] == pytest.approx(round(207 * 122.8 / 116.1, 1))


def test_tables_in_current_kroner_have_no_real_terms_column():
    at = open_page("budget")
    assert "value_real" not in at.dataframe[-1].value.columns
    assert column_labels(at.dataframe[0])["enacted"] == "Vedtatt budsjett"
