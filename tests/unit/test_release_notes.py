"""'Changed in release X' for a profile and a budget year, on the fixture releases: 2026.2.1
corrected nce-kongsberg's sector_en and the 2020 allocation, and dropped arena-split's 2008 level."""

import re

import pytest

from klyngekart.changes import CURRENT, CellChange, ReleaseChanges, RowChange, TableChanges, history_changes
from klyngekart.data import load_dataset
from klyngekart.data.schema import END_BASES, TABLES_BY_NAME
from klyngekart.i18n import LANGUAGES, strings
from klyngekart.release_notes import (
    PROFILE_TABLES,
    SHARED_LABELS,
    budget_year_changes,
    changed_years,
    profile_changes,
    profile_lines,
    summary_title,
    table_label,
)
from tests.conftest import FIXTURE_DATA

NEW = "2026.2.1"


@pytest.fixture(scope="module")
def history():
    ds = load_dataset(FIXTURE_DATA)
    return history_changes(FIXTURE_DATA, ds.raw, ds.release.fingerprint)


def plain(lines: list[str]) -> str:
    """As a reader sees it: data values are escaped with backslashes."""
    return re.sub(r"\\(.)", r"\1", "\n".join(lines))


def test_a_corrected_cluster_row_names_its_release_column_values_and_reason(history):
    [note] = profile_changes(history, "nce-kongsberg")
    assert note.version == NEW
    assert [(table, row.kind) for table, row in note.rows] == [("clusters", "changed")]
    assert plain([summary_title([note], "nb")]) == "Endret i utgave 2026.2.1"
    assert plain([summary_title([note], "en")]) == "Changed in release 2026.2.1"
    nb, en = plain(profile_lines(note, "nb")), plain(profile_lines(note, "en"))
    assert nb.startswith("- **Klyngeopplysninger**\n  - Bransje (engelsk): systems technology → systems engineering\n")
    assert en.startswith("- **Cluster details**\n  - Sector (English): systems technology → systems engineering\n")
    assert "\n  - Reason (note): Old Buskerud was split in 2024" in en


def test_a_removed_level_row_is_named_by_its_level_and_start_year(history):
    [note] = profile_changes(history, "arena-split")
    assert plain(profile_lines(note, "nb")).startswith("- **Arena fra 2008:** fjernet\n")
    assert plain(profile_lines(note, "en")).startswith("- **Arena from 2008:** removed\n")
    assert "Fixture: dropped in 2026.2.1." in plain(profile_lines(note, "en"))


def test_an_unchanged_cluster_has_nothing_to_say(history):
    assert profile_changes(history, "gce-ocean") == []
    assert profile_changes(history, "no-such-cluster") == []


def test_budget_years_changed_in_a_release_for_the_programme_shown(history):
    [note] = budget_year_changes(history, [2020, 2021, 2022], "cluster_programme")
    assert (note.version, changed_years(note)) == (NEW, ["2020"])
    assert sorted(row.kind for _, row in note.rows) == ["added", "removed"]
    assert budget_year_changes(history, ["2021"], "cluster_programme") == []
    assert budget_year_changes(history, ["2020"], "business_networks") == []


def test_changes_not_yet_released_come_first(data_copy):
    path = data_copy / "clusters.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",systems engineering,", ",systems design,"), encoding="utf-8")
    ds = load_dataset(data_copy)
    notes = profile_changes(history_changes(data_copy, ds.raw, ds.release.fingerprint), "nce-kongsberg")
    assert [note.version for note in notes] == [CURRENT, NEW]
    assert plain([summary_title(notes, "en")]) == "Changed after release 2026.2.1 (not yet released); Changed in release 2026.2.1"
    assert "systems engineering → systems design" in plain(profile_lines(notes[0], "en"))


def _one_row(*cells: CellChange, reason: str = "", key=(("cluster_id", "x"), ("level", "NCE"), ("start_year", "2006"))):
    row = RowChange("changed", "cluster_id=x", cells, reason, key)
    return [ReleaseChanges(None, NEW, (TableChanges("cluster_levels", (row,)),))]


def test_lists_show_items_added_and_removed_long_text_only_that_it_changed_and_codes_in_words():
    [note] = profile_changes(
        _one_row(
            CellChange("source_ids", "a;b", "b;c"),
            CellChange("note", "old words", "new words"),
            CellChange("end_status", "unknown", "ended"),
            CellChange("end_year", "", "2020"),
        ),
        "x",
    )
    line = plain(profile_lines(note, "nb"))
    assert line.split("\n") == [
        "- **NCE fra 2006**",
        "  - Kilder: − a, + c",
        "  - Merknad (på engelsk) endret",
        "  - Status ved slutt: ukjent → avsluttet",
        "  - Sluttår: – → 2020",
    ]
    assert "old words" not in line


def test_data_values_cannot_become_markup():
    hostile = "[click](https://evil.example) <img src=x> $x$ **b**"
    key = (("cluster_id", "x"), ("level", hostile), ("start_year", "2006"))
    [note] = profile_changes(_one_row(CellChange("round", hostile, "*"), reason=hostile, key=key), "x")
    shown = "\n".join(profile_lines(note, "en"))
    assert "](" not in shown and "<img" not in shown and "$x$" not in shown and "**b**" not in shown


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_column_of_a_profile_table_has_a_label(lang):
    for table in PROFILE_TABLES:
        for column in TABLES_BY_NAME[table].column_names:
            if column != "cluster_id":
                assert SHARED_LABELS.get(column, f"changes.column_{column}") in strings(lang), column
    for status in TABLES_BY_NAME["cluster_levels"].columns[4].options:
        assert f"changes.status_{status}" in strings(lang)
    for basis in END_BASES:
        assert f"changes.basis_{basis}" in strings(lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_table_is_named_in_the_readers_language(lang):
    for table in TABLES_BY_NAME:
        assert f"changes.table_name.{table}" in strings(lang), table
    assert table_label("restructuring_regions", "nb") == "omstillingsområder"
