"""The real dataset holds the facts of the seed documents, each sourced (issue: curated dataset v1)."""

import pandas as pd
import pytest

from klyngekart.data import load_dataset
from tests.conftest import REPO

ANNUAL_REPORT_2022 = "https://arsrapport.innovasjonnorge.no/2022/no/artikkel/flere-innovative-naeringsmiljoer"


@pytest.fixture(scope="module")
def ds():
    return load_dataset(REPO / "data")


def stat(ds, year: int, programme: str, indicator: str) -> pd.Series:
    rows = ds["programme_stats"]
    found = rows[rows["year"].eq(year) & rows["programme"].eq(programme) & rows["indicator"].eq(indicator) & rows["level"].eq("all") & rows["preferred"]]
    assert len(found) == 1, (year, programme, indicator)
    return found.iloc[0]


def cites(ds, row: pd.Series, url: str) -> bool:
    sources = ds["sources"].set_index("source_id")
    return any(sources.at[i, "url"] == url for i in row["source_ids"].split(";"))


@pytest.mark.parametrize(
    ("programme", "indicator", "value"),
    [
        ("cluster_programme", "clusters_served", 39),
        ("cluster_programme", "firms_participating", 2500),
        ("business_networks", "networks_served", 96),
        ("business_networks", "agriculture_networks", 11),
        ("regional_restructuring", "restructuring_regions", 20),
        ("regional_restructuring", "jobs_created", 232),
        ("regional_restructuring", "jobs_secured", 371),
    ],
)
def test_2022_annual_report_counts(ds, programme, indicator, value):
    row = stat(ds, 2022, programme, indicator)
    assert row["value"] == value
    assert cites(ds, row, ANNUAL_REPORT_2022)


def test_2022_effects(ds):
    effects = ds["effects"]
    found = effects[effects["report_year"].eq(2022)].set_index("indicator")["value_pp"].to_dict()
    assert found == {"sales_revenue": 18.6, "value_creation": 15.8, "productivity": 3.4, "fte": 3.6}


def test_2022_cut(ds):
    budgets = ds["budgets"]
    cut = budgets[budgets["year"].eq(2022) & budgets["component"].eq("all") & budgets["preferred"]].set_index("measure")
    assert (cut.at["change", "value"], cut.at["change", "qualifier"]) == (-60, "nearly")
    assert (cut.at["change_pct", "value"], cut.at["change_pct", "qualifier"]) == (-30, "about")


def test_2016_programme_facts(ds):
    assert stat(ds, 2016, "cluster_programme", "clusters_served")["value"] == 39
    firms = stat(ds, 2016, "cluster_programme", "firms_participating")
    assert (firms["value"], firms["qualifier"]) == (2000, "nearly")
    knowledge = stat(ds, 2016, "cluster_programme", "knowledge_institutions")
    assert (knowledge["value"], knowledge["qualifier"]) == (350, "over")
    budgets = ds["budgets"]
    frame = budgets[budgets["year"].eq(2016) & budgets["component"].eq("all") & budgets["measure"].eq("allocation") & budgets["preferred"]]
    assert frame["value"].tolist() == [157]


def cluster_named(ds, name: str) -> pd.Series:
    clusters = ds["clusters"]
    names = clusters["name"].fillna("") + ";" + clusters["other_names"].fillna("")
    found = clusters[names.str.contains(name, case=False, regex=False)]
    assert len(found) == 1, name
    return found.iloc[0]


@pytest.mark.parametrize(
    ("name", "county_today"),
    [
        ("BioTech North", "55"),
        ("Mineralklynge Nord", None),  # "Nord-Norge": three counties then and now
        ("Next Media", "50"),
        ("iKuben", "15"),
        ("Digin", "42"),
        ("Electric Mobility Norway", None),  # "Kongsberg – Oslo": two counties today
        ("Heidner", "34"),
    ],
)
def test_seven_arena_clusters_of_2012(ds, name, county_today):
    cluster = cluster_named(ds, name)
    levels = ds["cluster_levels"]
    arena = levels[levels["cluster_id"].eq(cluster["cluster_id"]) & levels["level"].eq("Arena")]
    assert 2012 in arena["start_year"].tolist()
    assert pd.notna(cluster["county_code_source"]) or pd.notna(cluster["municipality_code"])
    if county_today:
        assert cluster["county_code_today"] == county_today


@pytest.mark.parametrize("name", ["NCE Raufoss", "Heidner", "Norwegian Wood Cluster", "HelseINN"])
def test_innlandet_programme_members(ds, name):
    cluster = cluster_named(ds, name)
    assert cluster["county_code_today"] == "34"
    assert cluster["cluster_id"] in set(ds["cluster_levels"]["cluster_id"])
