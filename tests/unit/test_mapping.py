"""Clusters per county per year on the fixture, whose answers are worked out by hand:

gce-ocean       Bergen (4601, county 46)   NCE 2006–2014 ended, GCE 2015– ongoing
nce-kongsberg   Kongsberg (3303): Buskerud 06 in the source, split in 2024; today Buskerud 33
arena-split     old Buskerud 06, no municipality: today's county unknown; Arena 2012, end unknown
arena-trondheim Sør-Trøndelag 16 → Trøndelag 50; Arena 2010–2012 (a planned end)
"""

import pytest

from klyngekart.mapping import (
    ACTIVE,
    END_UNKNOWN,
    ENDED,
    count_by_county,
    county_base,
    filter_clusters,
    programme_years,
    regions_in_year,
    without_place,
)


def clusters_in_year(clusters, levels, year, metric, every=None):
    """What the map counts in `year`: admitted by then, or (metric "active") placed in it by a source."""
    every = programme_years(clusters, levels, [year]) if every is None else every
    rows = every[every["year"].eq(year)]
    return (rows[rows["status"].eq(ACTIVE)] if metric == "active" else rows).reset_index(drop=True)


def status(ds, year):
    found = clusters_in_year(ds["clusters"], ds["cluster_levels"], year, "admitted")
    return {row.cluster_id: (row.level, row.status) for row in found.itertuples()}


def test_status_in_2012(fixture_dataset):
    # arena-split was admitted in 2012: its admission places it in the programme that year, and
    # no source says whether it was still in after.
    assert status(fixture_dataset, 2013)["arena-split"] == ("Arena", END_UNKNOWN)
    assert status(fixture_dataset, 2012) == {
        "arena-split": ("Arena", ACTIVE),
        "arena-trondheim": ("Arena", ACTIVE),
        "gce-ocean": ("NCE", ACTIVE),
        "nce-kongsberg": ("NCE", ACTIVE),
    }


def test_promotion_and_exit(fixture_dataset):
    assert status(fixture_dataset, 2014)["gce-ocean"] == ("NCE", ACTIVE)
    assert status(fixture_dataset, 2015)["gce-ocean"] == ("GCE", ACTIVE)
    # nce-kongsberg's end is reported: it had left. arena-trondheim's end was planned in advance, so
    # after it the registry does not know whether the cluster was still in.
    assert status(fixture_dataset, 2017)["nce-kongsberg"] == ("NCE", ENDED)
    assert status(fixture_dataset, 2012)["arena-trondheim"] == ("Arena", ACTIVE)
    assert status(fixture_dataset, 2013)["arena-trondheim"] == ("Arena", END_UNKNOWN)


def test_nothing_before_the_first_start(fixture_dataset):
    assert status(fixture_dataset, 2005) == {}


def test_admitted_counts_every_cluster_started_by_then(fixture_dataset):
    frame = clusters_in_year(fixture_dataset["clusters"], fixture_dataset["cluster_levels"], 2016, "admitted")
    assert sorted(frame["cluster_id"]) == ["arena-split", "arena-trondheim", "gce-ocean", "nce-kongsberg"]


def test_active_counts_only_what_a_source_places_in_the_year(fixture_dataset):
    frame = clusters_in_year(fixture_dataset["clusters"], fixture_dataset["cluster_levels"], 2016, "active")
    assert sorted(frame["cluster_id"]) == ["gce-ocean", "nce-kongsberg"]


def test_county_table_by_todays_county_with_zeros(fixture_dataset):
    ds = fixture_dataset
    in_year = clusters_in_year(ds["clusters"], ds["cluster_levels"], 2012, "admitted")
    regions = regions_in_year(ds["restructuring_regions"], 2012)
    base = county_base(ds["reference/counties"], ds["reference/county_population"])
    table = count_by_county(base, in_year, regions).set_index("county_code")
    # The split-county cluster without a municipality is not put in any county.
    assert table["clusters"].to_dict() == {"03": 0, "32": 0, "33": 1, "46": 1, "50": 1}
    # The Kongsberg–Bærum area of 2012–2018 lies in two counties today; each counts it.
    assert table["regions"].to_dict() == {"03": 0, "32": 1, "33": 1, "46": 0, "50": 0}
    assert table.at["46", "per_100k"] == pytest.approx(round(1 / 651299 * 100_000, 2))


def test_regions_without_a_known_period_are_left_out(fixture_dataset):
    assert regions_in_year(fixture_dataset["restructuring_regions"], 2005)["region_id"].tolist() == ["hordaland-only"]
    assert regions_in_year(fixture_dataset["restructuring_regions"], 2019).empty


def test_filters(fixture_dataset):
    frame = clusters_in_year(fixture_dataset["clusters"], fixture_dataset["cluster_levels"], 2012, "admitted")
    # Sorted by level, then name: "Arena Trondheim" before "Arena Uten Kommune".
    assert filter_clusters(frame, "Arena", "all")["cluster_id"].tolist() == ["arena-trondheim", "arena-split"]
    assert filter_clusters(frame, "all", "health")["cluster_id"].tolist() == ["arena-trondheim"]


def test_unplaced_clusters(fixture_dataset):
    unplaced = without_place(fixture_dataset["clusters"], fixture_dataset["cluster_levels"])
    assert unplaced["no_years"].empty
    assert unplaced["no_county"]["cluster_id"].tolist() == ["arena-split"]


def test_all_years_at_once_match_one_year_at_a_time(fixture_dataset):
    """The map builds every year in one pass; each year must be what a one-year call gives."""
    ds = fixture_dataset
    years = range(2002, 2026)
    every = programme_years(ds["clusters"], ds["cluster_levels"], years)
    for year in years:
        for metric in ("admitted", "active"):
            one = clusters_in_year(ds["clusters"], ds["cluster_levels"], year, metric)
            picked = clusters_in_year(ds["clusters"], ds["cluster_levels"], year, metric, every)
            assert picked[["cluster_id", "level", "status"]].values.tolist() == one[["cluster_id", "level", "status"]].values.tolist()
    assert set(every["year"]) == set(range(2006, 2026))
