"""Effect and participation series on small cases whose answers are known by hand."""

import pandas as pd
import pytest

from klyngekart.effects import (
    effect_series,
    indicator_gaps,
    indicators_with_data,
    key_figures,
    latest_count,
    latest_effects,
    latest_report,
    method_breaks,
    methods,
    period,
    pick_indicator,
    region_rows,
    stat_series,
    year_gaps,
)
from klyngekart.i18n import strings


def effects(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["report_year", "indicator", "value_pp", "method_id", "computed_by", "source_ids"])
    frame["report_year"] = frame["report_year"].astype("Int64")
    frame["value_pp"] = frame["value_pp"].astype("Float64")
    frame["window"] = "first three years"
    frame["comparison"] = "similar firms"
    return frame


def stats(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["year", "programme", "indicator", "level", "value", "qualifier", "preferred", "source_ids"])
    frame["year"] = frame["year"].astype("Int64")
    frame["value"] = frame["value"].astype("Float64")
    return frame


SSB = ("ssb-2015", "SSB", "a")
SOA = ("soa", "Samfunnsøkonomisk analyse", "b")
EFFECTS = effects(
    [
        (2015, "sales_revenue", 13.0, *SSB),
        (2015, "fte", 8.0, *SSB),
        (2021, "sales_revenue", 15.2, *SOA),
        (2021, "fte", 5.8, *SOA),
        (2022, "sales_revenue", 18.6, *SOA),
        (2022, "productivity", 3.4, *SOA),
        (2022, "fte", 3.6, *SOA),
    ]
)


def test_method_break_where_the_method_id_changes_between_report_years():
    assert method_breaks(EFFECTS) == [(2015, 2021)]
    series = effect_series(EFFECTS)
    flagged = sorted({int(y) for y in series.loc[series["new_method"], "report_year"]})
    assert flagged == [2021]


def test_no_break_within_one_method():
    assert method_breaks(EFFECTS[EFFECTS["report_year"].ge(2021)]) == []


def test_series_orders_years_then_indicators_in_contract_order():
    series = effect_series(EFFECTS)
    assert series[["report_year", "indicator"]].astype(str).agg(" ".join, axis=1).tolist() == [
        "2015 sales_revenue",
        "2015 fte",
        "2021 sales_revenue",
        "2021 fte",
        "2022 sales_revenue",
        "2022 productivity",
        "2022 fte",
    ]


def test_report_years_without_any_report_are_gaps():
    assert year_gaps(effect_series(EFFECTS), "report_year") == [2016, 2017, 2018, 2019, 2020]


def test_indicator_missing_from_a_report_is_listed_per_indicator():
    assert indicator_gaps(effect_series(EFFECTS)) == {"sales_revenue": [], "productivity": [2015, 2021], "fte": []}


def test_methods_card_lists_each_method_with_its_years():
    found = methods(EFFECTS)
    assert [(m.method_id, m.computed_by, m.years) for m in found] == [
        ("ssb-2015", "SSB", (2015,)),
        ("soa", "Samfunnsøkonomisk analyse", (2021, 2022)),
    ]
    assert found[1].comparisons == ("similar firms",) and found[1].source_ids == "b"


def test_latest_effects_change_only_against_the_same_method_the_year_before():
    latest = {e.indicator: e for e in latest_effects(EFFECTS)}
    assert latest["sales_revenue"].change == pytest.approx(18.6 - 15.2)
    assert latest["fte"].change == pytest.approx(3.6 - 5.8)
    # No productivity figure in 2021: no change is invented.
    assert latest["productivity"].change is None


def test_latest_effects_across_a_break_have_no_change():
    across = effects([(2021, "fte", 5.8, *SSB), (2022, "fte", 3.6, *SOA)])
    assert latest_effects(across)[0].change is None
    assert latest_effects(EFFECTS.iloc[0:0]) == []


STATS = stats(
    [
        (2016, "cluster_programme", "firms_participating", "all", 2000, "nearly", True, "a"),
        (2022, "cluster_programme", "firms_participating", "all", 2500, pd.NA, True, "b"),
        (2022, "cluster_programme", "firms_participating", "all", 3000, "over", False, "c"),
        (2021, "cluster_programme", "clusters_served", "all", 44, pd.NA, True, "b"),
        (2022, "cluster_programme", "clusters_served", "NCE", 10, pd.NA, True, "b"),
        (2022, "cluster_programme", "clusters_served", "all", 39, pd.NA, True, "b"),
        (2022, "cluster_programme", "clusters_served", "Arena", 18, pd.NA, True, "b"),
        (2022, "cluster_programme", "projects", "all", 1000, pd.NA, True, "b"),
        (2022, "business_networks", "networks_served", "all", 96, pd.NA, True, "b"),
        (2022, "regional_restructuring", "jobs_created", "all", 232, pd.NA, True, "b"),
    ]
)


def test_participation_uses_preferred_rows_and_orders_levels():
    served = stat_series(STATS, "cluster_programme", ("clusters_served",))
    assert served[["year", "level"]].astype(str).agg(" ".join, axis=1).tolist() == ["2021 all", "2022 all", "2022 Arena", "2022 NCE"]
    firms = stat_series(STATS, "cluster_programme", ("firms_participating",))
    assert firms["value"].tolist() == [2000, 2500]


def test_participation_gaps_between_first_and_last_year():
    firms = stat_series(STATS, "cluster_programme", ("firms_participating",))
    assert year_gaps(firms) == [2017, 2018, 2019, 2020, 2021]
    assert year_gaps(firms.iloc[0:0]) == []


def test_indicators_with_data_leave_out_cumulative_projects_and_outcomes():
    assert indicators_with_data(STATS, "cluster_programme") == ("clusters_served", "firms_participating")
    assert indicators_with_data(STATS, "regional_restructuring") == ()


def test_a_programmes_main_count_comes_first():
    networks = stats(
        [
            (2018, "business_networks", "firms_participating", "all", 800, "about", True, "a"),
            (2018, "business_networks", "networks_served", "all", 80, "over", True, "a"),
        ]
    )
    assert indicators_with_data(networks, "business_networks") == ("networks_served", "firms_participating")


def test_key_figures_compare_with_the_year_before_only():
    found = {f.indicator: f for f in key_figures(STATS)}
    assert found["clusters_served"].value == 39 and found["clusters_served"].change == -5
    assert found["firms_participating"].value == 2500 and found["firms_participating"].change is None
    assert found["jobs_created"].previous_year is None


def test_qualifier_is_kept_on_a_key_figure():
    found = key_figures(STATS.iloc[[0]], (("cluster_programme", "firms_participating"),))
    assert found[0].qualifier == "nearly" and found[0].year == 2016


def test_period_in_words():
    assert period(2009, 2013) == "2009–2013"
    assert period(2007, pd.NA) == "2007–"
    assert period(pd.NA, 2013) == "–2013"
    assert period(pd.NA, pd.NA) is None


def test_regions_get_county_names_then_and_today(fixture_dataset):
    rows = region_rows(fixture_dataset["restructuring_regions"], fixture_dataset["reference/counties"]).set_index("region_id")
    # Kongsberg and Bærum: Buskerud (06) at the time; today Akershus (32) and Buskerud (33).
    assert rows.loc["kongsberg-baerum", "county_then"] == "Buskerud"
    assert rows.loc["kongsberg-baerum", "county_today"] == "Akershus, Buskerud"
    assert rows.loc["kongsberg-baerum", "municipality_list"] == "Kongsberg, Bærum"
    # No municipality given: Hordaland (12) lies wholly within Vestland (46).
    assert rows.loc["hordaland-only", "county_today"] == "Vestland"
    assert rows.loc["hordaland-only", "period"] == "2004–2010"
    # Ordered by start year; an area named without years comes last.
    assert list(rows.index) == ["hordaland-only", "kongsberg-baerum", "undated-area"]
    assert rows.loc["undated-area", ["county_then", "county_today", "period"]].isna().all()


def test_every_indicator_and_count_has_a_label_in_both_languages():
    from klyngekart.data.schema import EFFECT_INDICATORS
    from klyngekart.effects import KEY_STATS, PARTICIPATION_INDICATORS, RESTRUCTURING_OUTCOMES

    for lang in ("nb", "en"):
        table = strings(lang)
        assert all(f"effects.indicator_{i}" in table for i in EFFECT_INDICATORS)
        assert all(f"effects.stat_{i}" in table for i in PARTICIPATION_INDICATORS + RESTRUCTURING_OUTCOMES)
        assert all(f"effects.key_{i}" in table for _, i in KEY_STATS)


def test_latest_report_range_and_author():
    report = latest_report(effect_series(EFFECTS))
    assert (report.year, report.computed_by, report.low, report.high) == (2022, "Samfunnsøkonomisk analyse", 3.4, 18.6)


def test_latest_count_prefers_the_total():
    served = stat_series(STATS, "cluster_programme", ("clusters_served",))
    assert latest_count(served)["value"] == 39
    assert latest_count(served[served["level"].ne("all")])["level"] == "NCE"


def test_pick_indicator_falls_back_to_the_programmes_first_count():
    assert pick_indicator("clusters_served", ("networks_served", "agriculture_networks")) == "networks_served"
    assert pick_indicator("agriculture_networks", ("networks_served", "agriculture_networks")) == "agriculture_networks"
    assert pick_indicator("clusters_served", ()) == "clusters_served"
