import pandas as pd
import pytest

from klyngekart.budget import (
    add_change,
    add_real_terms,
    events_for,
    missing_years,
    support_ranges,
    table_rows,
)
from klyngekart.stages import stage_series


def budgets(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["year", "programme", "component", "measure", "value", "preferred", "source_ids"])
    frame["value"] = frame["value"].astype("Float64")
    frame["year"] = frame["year"].astype("Int64")
    return frame


CPI = pd.DataFrame({"year": pd.array([2020, 2021, 2022], dtype="Int64"), "cpi": pd.array([112.2, 116.1, 122.8], dtype="Float64")})


def test_real_terms_against_hand_computed_values():
    series = budgets([(2020, "cluster_programme", "all", "allocation", 200.0, True, "a")])
    real = add_real_terms(series, CPI, 2022)
    # 200 × 122.8 / 112.2 = 218.895…
    assert real["value_real"][0] == pytest.approx(218.8948, abs=1e-4)
    assert add_real_terms(series, CPI, 2020)["value_real"][0] == pytest.approx(200.0)


def test_real_terms_leave_years_without_index_empty():
    series = budgets([(2019, "cluster_programme", "all", "allocation", 190.0, True, "a")])
    assert pd.isna(add_real_terms(series, CPI, 2022)["value_real"][0])


def test_base_year_without_index_is_refused():
    with pytest.raises(ValueError):
        add_real_terms(budgets([]), CPI, 2030)


def test_only_preferred_allocation_rows_of_the_stage_are_plotted(fixture_dataset):
    series = stage_series(fixture_dataset["budgets"], "cluster_programme", "enacted")
    whole = series[series["whole"]]
    assert whole[["year", "value"]].astype(float).values.tolist() == [[2020, 200], [2021, 207], [2022, 147]]


def test_gaps_stay_gaps():
    series = budgets(
        [
            (2014, "cluster_programme", "all", "allocation", 127.0, True, "a"),
            (2016, "cluster_programme", "all", "allocation", 157.0, True, "a"),
        ]
    )
    assert missing_years(series, range(2014, 2018)) == [2015, 2017]
    changed = add_change(series)
    # 2016 has no 2015 figure to compare with: no change is invented across the gap.
    assert changed["change"].isna().all()


def test_change_between_adjacent_years():
    series = budgets(
        [
            (2021, "cluster_programme", "all", "allocation", 207.0, True, "a"),
            (2022, "cluster_programme", "all", "allocation", 147.0, True, "a"),
            (2022, "cluster_programme", "NCE", "allocation", 10.0, True, "a"),
        ]
    )
    changed = add_change(series).set_index(["year", "component"])
    assert changed.loc[(2022, "all"), "change"] == -60
    assert changed.loc[(2022, "all"), "change_pct"] == pytest.approx(-28.9855, abs=1e-4)
    assert pd.isna(changed.loc[(2022, "NCE"), "change"])


def test_table_flags_conflicts_and_lists_preferred_first(fixture_dataset):
    rows = table_rows(fixture_dataset["budgets"], "cluster_programme")
    year_2021 = rows[rows["year"].eq(2021) & rows["stage"].eq("enacted")]
    assert year_2021["conflict"].all()
    assert year_2021["value"].tolist() == [207, 210]
    # The 2021 proposal differs from the enacted budget by design: not a conflict.
    assert not rows[rows["year"].eq(2021) & rows["stage"].eq("proposal")]["conflict"].any()
    assert not rows[rows["year"].eq(2020)]["conflict"].any()


def test_support_ranges_pivot():
    rows = budgets(
        [
            (2014, "cluster_programme", "GCE", "per_cluster_min", 8.0, True, "a"),
            (2014, "cluster_programme", "GCE", "per_cluster_max", 10.0, True, "b"),
            (2014, "cluster_programme", "Arena", "per_cluster_min", 1.5, True, "a"),
            (2014, "cluster_programme", "Arena", "per_cluster_max", 3.0, False, "c"),
        ]
    )
    ranges = support_ranges(rows)
    assert ranges["component"].tolist() == ["Arena", "GCE"]
    gce = ranges.iloc[1]
    assert (gce["per_cluster_min"], gce["per_cluster_max"], gce["source_ids"]) == (8, 10, "a;b")
    assert pd.isna(ranges.iloc[0]["per_cluster_max"])


def test_events_for_programme(fixture_dataset):
    assert events_for(fixture_dataset["events"], "cluster_programme", ("budget_cut",))["year"].tolist() == [2022]
    assert events_for(fixture_dataset["events"], "business_networks", ("budget_cut",)).empty
