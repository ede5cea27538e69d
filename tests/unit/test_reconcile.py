"""Registry checks: reconciliation per year, one start year per admission round, duplicates."""

import pandas as pd

from klyngekart.reconcile import duplicate_pairs, end_bases, reconcile, round_disagreements, undated_on_map


def clusters(*ids):
    return pd.DataFrame({"cluster_id": list(ids), "name": [i.upper() for i in ids], "other_names": [pd.NA] * len(ids)})


def levels(rows):
    """Level rows as (cluster, level, start, end, status, round[, confirmed_until[, first_funded_year]])."""
    rows = [tuple(row) + (None,) * (8 - len(row)) for row in rows]
    frame = pd.DataFrame(rows, columns=["cluster_id", "level", "start_year", "end_year", "end_status", "round", "confirmed_until", "first_funded_year"])
    return frame.assign(
        start_year=frame["start_year"].astype("Int64"),
        end_year=frame["end_year"].astype("Int64"),
        confirmed_until=frame["confirmed_until"].astype("Int64"),
        first_funded_year=frame["first_funded_year"].astype("Int64"),
        end_basis=frame["end_year"].map(lambda end: None if end is None else "reported"),
        source_ids="s",
    )


def stats(rows):
    frame = pd.DataFrame(rows, columns=["year", "level", "value", "preferred"])
    return frame.assign(programme="cluster_programme", indicator="clusters_served")


LEVELS = levels(
    [
        ("a", "Arena", 2010, 2013, "ended", None),  # in 2011 and 2012
        ("b", "NCE", 2010, None, "ongoing", None),  # in every year
        ("c", "Arena", 2010, None, "unknown", None),  # not known after 2010
        ("d", "Arena", 2012, 2014, "ended", None),
    ]
)
CLUSTERS = clusters("a", "b", "c", "d")


def test_reconciliation_per_year_names_the_unknown():
    found = {r.year: r for r in reconcile(CLUSTERS, LEVELS, stats([(2011, "all", 2, True), (2012, "all", 4, True)]))}
    assert found[2011].line == "reconcile 2011: registry 2, published 2"
    assert found[2011].met
    assert found[2012].registry == 3 and not found[2012].met
    assert found[2012].unknown == ("c",) and found[2012].explained


def test_admission_year_and_dated_confirmation_place_a_cluster():
    rows = levels([("e", "Arena", 2010, None, "unknown", None, 2012), ("f", "Arena", 2011, None, "unknown", None)])
    found = {r.year: r.registry for r in reconcile(clusters("e", "f"), rows, stats([(y, "all", 2, True) for y in (2010, 2011, 2012, 2013)]))}
    # e: admitted 2010 and confirmed to 2012; f: only its admission year is known.
    assert found == {2010: 1, 2011: 2, 2012: 1, 2013: 0}


def test_a_stated_first_funded_year_places_a_cluster_in_that_year():
    # g: admitted in November 2020, funded from 2021 by its source, no end stated.
    rows = levels([("g", "Arena Pro", 2020, None, "unknown", None, None, 2021)])
    found = {r.year: r.registry for r in reconcile(clusters("g"), rows, stats([(y, "all", 1, True) for y in (2020, 2021, 2022)]))}
    assert found == {2020: 1, 2021: 1, 2022: 0}


def test_within_ten_percent_is_met():
    found = reconcile(CLUSTERS, LEVELS, stats([(2012, "all", 3, True)]))[0]
    assert found.met
    assert not reconcile(CLUSTERS, LEVELS, stats([(2012, "all", 40, True)]))[0].explained


def test_per_level_figures_are_summed_and_compared_at_those_levels():
    found = reconcile(CLUSTERS, LEVELS, stats([(2011, "NCE", 1, True), (2011, "NCE", 9, False)]))[0]
    assert (found.levels, found.registry, found.published) == (("NCE",), 1, 1)


def test_all_level_row_wins_over_per_level_rows():
    found = reconcile(CLUSTERS, LEVELS, stats([(2011, "NCE", 1, True), (2011, "all", 2, True)]))[0]
    assert (found.levels, found.registry) == (("all",), 2)


def test_admission_round_must_share_one_year():
    events = pd.DataFrame(
        {"year": [2009, 2024], "date": ["2009-10-16", pd.NA], "event_type": ["admission_round", "admission_round"]}
    )
    rows = levels(
        [
            ("a", "Arena", 2009, None, "unknown", "2009-10-16"),
            ("b", "Arena", 2010, None, "unknown", "2009-10-16"),
            ("c", "NIC Explore", 2024, None, "unknown", "2024"),
        ]
    )
    assert round_disagreements(rows, events) == {"2009-10-16": [2009, 2010]}
    fixed = rows.assign(start_year=pd.array([2009, 2009, 2024], dtype="Int64"))
    assert round_disagreements(fixed, events) == {}


def test_duplicates_by_name_or_other_name():
    frame = pd.DataFrame(
        {
            "cluster_id": ["cod", "torsk", "wind", "vind"],
            "name": ["Cod Cluster", "Arena Torsk", "Windcluster Mid-Norway", "Arena Vindenergi"],
            "other_names": ["Arena  torsk;Cod", pd.NA, pd.NA, pd.NA],
        }
    )
    assert duplicate_pairs(frame) == [("cod", "torsk")]
    assert duplicate_pairs(frame.assign(other_names=pd.NA)) == []


def test_undated_clusters_are_never_counted():
    rows = levels([("a", "Arena", 2010, None, "unknown", None), ("u", "Arena", None, None, "unknown", None)])
    assert undated_on_map(clusters("a", "u"), rows, range(2005, 2025)) == set()


def test_end_bases_count_only_closed_levels_with_an_end_year():
    frame = LEVELS.assign(end_basis=["planned", None, None, "move"])
    undated = pd.DataFrame([{"cluster_id": "e", "level": "Arena", "start_year": pd.NA, "end_year": 2016, "end_status": "ended", "end_basis": "reported"}])
    assert end_bases(pd.concat([frame, undated.astype({"start_year": "Int64", "end_year": "Int64"})])) == {"reported": 0, "planned": 1, "move": 1}
