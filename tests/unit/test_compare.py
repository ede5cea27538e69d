import pandas as pd
import pytest

from klyngekart.compare import (
    POPULATION_DATE,
    chosen_counties,
    default_counties,
    entered_by_year,
    per_population,
    period_text,
    reached_by,
    regions,
    sectors,
    undated_by_county,
)

CODES = ("03", "32", "33", "46", "50")


def test_default_counties_are_the_two_with_most_clusters(fixture_dataset):
    # One cluster each in 33, 46 and 50 today: ties go to the lower code.
    assert default_counties(fixture_dataset["clusters"], CODES) == ("33", "46")


def test_chosen_counties_keep_valid_distinct_codes_up_to_four():
    assert chosen_counties(["46", "46", "xx", "50", "", "03", "33", "32"], CODES) == ["46", "50", "03", "33"]


def test_per_100000_inhabitants_by_hand(fixture_dataset):
    figures = per_population(fixture_dataset["clusters"], fixture_dataset["reference/county_population"], ["46", "33", "03"])
    rows = figures.set_index("county_code")
    assert rows.at["46", "per_100k"] == pytest.approx(1 / 651_299 * 100_000)
    assert rows.at["33", "per_100k"] == pytest.approx(1 / 269_819 * 100_000)
    assert rows.at["03", "clusters"] == 0 and rows.at["03", "per_100k"] == 0
    assert rows.at["46", "population"] == 651_299


def test_per_100000_without_population_is_empty_not_zero():
    clusters = pd.DataFrame({"county_code_today": ["99"], "cluster_id": ["x"]})
    population = pd.DataFrame({"county_code": ["46"], "date": [POPULATION_DATE], "population": [10], "source_ids": ["s"]})
    assert pd.isna(per_population(clusters, population, ["99"]).at[0, "per_100k"])


def test_clusters_entered_by_year_count_from_start_years(fixture_dataset):
    entered = entered_by_year(fixture_dataset["clusters"], fixture_dataset["cluster_levels"], ["46", "50"], range(2005, 2017))
    at = entered.set_index(["county_code", "level", "year"])["clusters"]
    assert at[("46", "NCE", 2005)] == 0 and at[("46", "NCE", 2006)] == 1 and at[("46", "NCE", 2016)] == 1
    assert at[("46", "GCE", 2014)] == 0 and at[("46", "GCE", 2015)] == 1
    assert at[("50", "Arena", 2009)] == 0 and at[("50", "Arena", 2010)] == 1
    # Trondheim's Arena Pro has no start year: not in the chart, counted apart.
    assert ("50", "Arena Pro") not in {(c, level) for c, level, _ in at.index}
    assert undated_by_county(fixture_dataset["clusters"], fixture_dataset["cluster_levels"], ["46", "50"]) == {"46": 0, "50": 1}
    assert reached_by(entered, 2016) == {"46": [("NCE", 1), ("GCE", 1)], "50": [("Arena", 1)]}


def test_sectors_in_the_page_language(fixture_dataset):
    found = sectors(fixture_dataset["clusters"], ["46", "50"], "nb")
    assert found[["county_code", "sector", "clusters", "names"]].values.tolist() == [
        ["46", "havteknologi", 1, "GCE Ocean Technology"],
        ["50", "helse", 1, "Arena Trondheim"],
    ]


def test_regions_by_county_today(fixture_dataset):
    found = regions(fixture_dataset["restructuring_regions"], ["33", "46", "32"])
    # The Kongsberg–Bærum region spans Akershus and Buskerud today, so it is under both.
    assert found[["county_code", "name"]].values.tolist() == [["32", "Test region"], ["33", "Test region"], ["46", "Hordaland region"]]
    assert found.loc[found["county_code"].eq("46"), "start_year"].tolist() == [2004]


def test_period_text():
    assert period_text(2004, 2010) == "2004–2010"
    assert period_text(2004, pd.NA) == "2004–"
    assert period_text(pd.NA, pd.NA) == ""
