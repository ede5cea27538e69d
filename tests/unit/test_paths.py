import pandas as pd
import pytest

from klyngekart.paths import durations, left_out, onward, path_counts


def levels(rows: list[tuple]) -> pd.DataFrame:
    """Rows as (cluster, level, start, end, status[, end_basis]); an end without a basis is reported."""
    rows = [tuple(row) + ((None if row[3] is None else "reported"),) if len(row) == 5 else tuple(row) for row in rows]
    frame = pd.DataFrame(rows, columns=["cluster_id", "level", "start_year", "end_year", "end_status", "end_basis"])
    frame["source_ids"] = "s"
    return frame.astype({"start_year": "Int64", "end_year": "Int64"})


LEVELS = levels(
    [
        ("a", "Arena", 2010, 2013, "ended"),
        ("a", "NCE", 2013, None, "unknown"),
        ("b", "Arena", 2011, 2014, "ended"),
        ("b", "Arena Pro", 2014, 2019, "ended"),
        ("c", "Arena", 2012, None, "unknown"),
        ("d", "NCE", 2008, 2014, "ended"),
        ("d", "GCE", 2014, None, "ongoing"),
        ("e", "Arena", None, None, "unknown"),
        ("f", "GCE", 2005, None, "unknown"),
        ("f", "Arena", 2009, None, "unknown"),
    ]
)


def test_rows_without_start_year_are_counted_as_left_out():
    assert left_out(LEVELS).rows == 1
    assert left_out(LEVELS).clusters == 1


def test_onward_from_arena_counts_only_later_levels():
    entered, reached = onward(LEVELS)
    # a, b, c and f entered Arena with a year; e has no year and is left out.
    assert entered == 4
    by_level = reached.set_index("level")
    assert by_level.at["NCE", "clusters"] == 1  # a
    assert by_level.at["Arena Pro", "clusters"] == 1  # b
    # f held GCE before it entered Arena: that is not a path onward from Arena.
    assert by_level.at["GCE", "clusters"] == 0
    assert by_level.at["NCE", "share"] == pytest.approx(0.25)


def test_onward_without_arena_clusters():
    entered, reached = onward(levels([("d", "NCE", 2008, None, "unknown")]))
    assert entered == 0
    assert reached["clusters"].tolist() == [0, 0, 0]


def test_path_counts_follow_start_years():
    paths = path_counts(LEVELS).set_index("path")["clusters"].to_dict()
    assert paths == {"Arena → NCE": 1, "Arena → Arena Pro": 1, "Arena": 1, "NCE → GCE": 1, "GCE → Arena": 1}


def test_path_counts_add_up_clusters_on_the_same_path():
    two = levels(
        [("a", "Arena", 2010, 2013, "ended"), ("a", "NCE", 2013, None, "unknown"), ("b", "Arena", 2011, 2014, "ended"), ("b", "NCE", 2014, None, "unknown")]
    )
    assert path_counts(two).to_dict("records") == [{"path": "Arena → NCE", "clusters": 2}]


def test_durations_only_from_stated_ends():
    planned = levels([("g", "Arena", 2015, 2018, "ended", "planned")])
    table = durations(pd.concat([LEVELS, planned], ignore_index=True)).set_index("level")
    assert table.at["Arena", "rows"] == 5
    assert table.at["Arena", "ended"] == 2
    # g's end was planned in advance: counted apart, and its three years are not a duration.
    assert table.at["Arena", "planned"] == 1
    assert table.at["Arena", "open"] == 2
    assert table.at["Arena", "median_years"] == 3  # 2010–2013 and 2011–2014
    assert table.at["Arena Pro", "max_years"] == 5
    assert table.at["NCE", "median_years"] == 6  # d: 2008–2014; a's NCE has no end
    assert table.at["GCE", "ended"] == 0
    assert pd.isna(table.at["GCE", "median_years"])
    assert "Mature cluster" not in table.index


def test_paths_on_the_fixture(fixture_dataset):
    fixture_levels = fixture_dataset["cluster_levels"]
    assert left_out(fixture_levels).rows == 1
    entered, reached = onward(fixture_levels)
    assert entered == 2
    assert reached["clusters"].sum() == 0
    assert path_counts(fixture_levels).set_index("path")["clusters"].to_dict() == {"NCE → NIC Explore": 1, "NCE → GCE": 1, "Arena": 2}
