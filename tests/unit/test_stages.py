import pandas as pd
import pytest

from klyngekart.charts.budget import budget_chart, budget_params
from klyngekart.stages import default_stage, part_label, reconcile, stage_series, whole_years

COLUMNS = ["year", "programme", "component", "measure", "value", "basis", "stage", "funder", "preferred", "source_ids"]


def budgets(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    frame["value"] = frame["value"].astype("Float64")
    return frame


def row(year, component, value, stage="enacted", basis="state_budget", funder="NFD", measure="allocation"):
    return (year, "cluster_programme", component, measure, value, basis, stage, funder, True, "a")


def test_a_one_level_figure_never_enters_the_whole_programme_series():
    frame = budgets([row(2006, "NCE", 36.0), row(2007, "KRD share", 30.0, funder="KRD"), row(2014, "all", 127.0)])
    series = stage_series(frame, "cluster_programme", "enacted")
    assert series.loc[series["whole"], "year"].tolist() == [2014]
    assert series.loc[~series["whole"], "component"].tolist() == ["NCE", "KRD share"]
    assert whole_years(frame, "cluster_programme")["enacted"] == {2014}


def test_the_chart_draws_parts_apart_from_the_whole(fixture_dataset):
    state = {p.name: p.default for p in budget_params(fixture_dataset)}
    bundle = budget_chart(fixture_dataset, state, "en")
    bars = {trace.name: trace for trace in bundle.fig.data if trace.type == "bar"}
    assert sorted(int(x) for x in bars["Whole programme"].x) == [2020, 2021, 2022]
    assert bars["Whole programme"].marker.pattern.shape is None
    for name in ("NCE only", "KMD's share"):
        assert bars[name].marker.pattern.shape == "/" and list(bars[name].x) == [2019]
    # Barmode group: a part sits beside the whole, never on top of it.
    assert bundle.fig.layout.barmode == "group"


def test_parts_are_labelled_in_both_languages():
    assert part_label("NCE", "unstated", "en") == "NCE only"
    assert part_label("NCE", "unstated", "nb") == "bare NCE"
    assert part_label("KRD share", "KRD", "en") == "KRD's share"
    assert part_label("KRD share", "KRD", "nb") == "KRDs andel"
    assert part_label("kap. 2421 post 71", "NFD", "en") == "kap. 2421 post 71 (part of the programme)"


def test_derived_figures_are_off_by_default_and_never_found(fixture_dataset):
    params = {p.name: p.default for p in budget_params(fixture_dataset)}
    assert params["derived"] == "hide"
    hidden = budget_chart(fixture_dataset, params, "en")
    assert 2023 not in set(hidden.rows["year"].astype(int))
    shown = budget_chart(fixture_dataset, params | {"derived": "show"}, "en")
    derived = shown.rows[shown.rows["derived"]]
    assert derived["year"].tolist() == [2023]
    assert any(trace.name == "Whole programme (derived)" and trace.marker.pattern.shape == "." for trace in shown.fig.data)
    assert 2023 not in whole_years(fixture_dataset["budgets"], "cluster_programme")["enacted"]


def test_default_stage_is_the_most_complete():
    frame = budgets([row(2014, "all", 127.0, "proposal"), row(2015, "all", 137.0, "proposal"), row(2015, "all", 140.0)])
    assert default_stage(frame, "cluster_programme") == "proposal"
    frame = budgets([*frame.itertuples(index=False), row(2016, "all", 150.0), row(2017, "all", 160.0, basis="derived")])
    # A derived figure does not make a stage more complete: two against two, the earlier stage wins.
    assert default_stage(frame, "cluster_programme") == "proposal"


def test_reconcile_gives_differences_to_the_previous_stage_with_a_figure():
    frame = budgets([row(2021, "all", 200.0, "proposal"), row(2021, "all", 207.0), row(2021, "all", 190.0, "granted"), row(2022, "all", 147.0)])
    table = reconcile(frame, "cluster_programme").set_index("year")
    assert table.index.tolist() == [2021]
    assert table.loc[2021, "diff_enacted"] == pytest.approx(7.0)
    assert table.loc[2021, "diff_granted"] == pytest.approx(-17.0)
