import pandas as pd

from klyngekart import __main__ as cli
from klyngekart.changes import CURRENT, CellChange, changes_to, diff_releases, diff_table, history_changes, tables_of
from klyngekart.data import load_dataset
from tests.conftest import FIXTURE_DATA

# The edits tests/fixtures/make_releases.py made to release 2026.1.1; 2026.2.1 is the fixture data.
OLD, NEW = "2026.1.1", "2026.2.1"


def _diff(data_dir=FIXTURE_DATA, old=OLD, new=NEW):
    current = load_dataset(data_dir).raw
    return {t.table: t for t in diff_releases(tables_of(data_dir, old, current), tables_of(data_dir, new, current))}


def test_fixture_releases_differ_by_exactly_the_known_edits():
    found = _diff()
    assert sorted(found) == ["budgets", "cluster_levels", "clusters"]
    [changed] = found["clusters"].rows
    assert (changed.kind, changed.label) == ("changed", "cluster_id=nce-kongsberg")
    assert changed.cells == (CellChange("sector_en", "systems technology", "systems engineering"),)
    assert changed.reason.startswith("Old Buskerud was split")
    [removed] = found["cluster_levels"].rows
    assert (removed.kind, removed.label) == ("removed", "cluster_id=arena-split, level=Arena, start_year=2008")
    assert removed.reason == "Fixture: dropped in 2026.2.1."


def test_a_table_without_a_key_shows_a_changed_value_as_one_row_removed_and_one_added():
    budgets = _diff()["budgets"]
    assert (budgets.count("added"), budgets.count("removed"), budgets.count("changed")) == (1, 1, 0)
    value = {row.kind: dict((c.column, c.new or c.old) for c in row.cells)["value"] for row in budgets.rows}
    assert value == {"added": "200", "removed": "195"}


def test_the_reverse_comparison_swaps_added_and_removed():
    found = _diff(old=NEW, new=OLD)
    assert [row.kind for row in found["cluster_levels"].rows] == ["added"]
    assert found["clusters"].rows[0].cells == (CellChange("sector_en", "systems engineering", "systems technology"),)


def test_the_latest_release_and_the_current_fixture_data_agree():
    assert _diff(old=NEW, new=CURRENT) == {}


def test_history_lists_releases_newest_first_and_unreleased_changes_on_top(data_copy):
    ds = load_dataset(data_copy)
    history = history_changes(data_copy, ds.raw, ds.release.fingerprint)
    assert [(h.record.version, h.previous) for h in history] == [(NEW, OLD), (OLD, None)]
    assert history[1].tables == ()
    path = data_copy / "cluster_members.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")
    ds = load_dataset(data_copy)
    history = history_changes(data_copy, ds.raw, ds.release.fingerprint)
    assert (history[0].record, history[0].previous) == (None, NEW)
    assert [(t.table, [r.kind for r in t.rows]) for t in history[0].tables] == [("cluster_members", ["removed"])]


def test_repeated_rows_and_missing_tables_are_counted_row_by_row():
    row = {"year": "2020", "label_nb": "a"}
    twice, once = pd.DataFrame([row, row]), pd.DataFrame([row])
    assert [r.kind for r in diff_table("events", twice, once).rows] == ["removed"]
    assert [r.kind for r in diff_table("events", None, twice).rows] == ["added", "added"]


def test_command_line_prints_the_diff_and_refuses_an_unknown_release(monkeypatch, capsys):
    monkeypatch.setattr(cli, "DATA_DIR", FIXTURE_DATA)
    assert cli.main(["changes", OLD, NEW]) == 0
    out = capsys.readouterr().out
    assert "clusters: 0 added, 0 removed, 1 changed" in out
    assert "sector_en: 'systems technology' → 'systems engineering'" in out
    assert cli.main(["changes"]) == 0
    assert "no differences" in capsys.readouterr().out
    assert cli.main(["changes", "1999.1.1"]) == 2


def test_changes_to_one_cluster_or_budget_year_name_their_release(fixture_dataset):
    history = history_changes(FIXTURE_DATA, fixture_dataset.raw, fixture_dataset.release.fingerprint)
    [(entry, row)] = changes_to(history, "clusters", cluster_id="nce-kongsberg")
    assert (entry.record.version, row.kind) == (NEW, "changed")
    assert sorted(row.kind for _, row in changes_to(history, "budgets", year="2020")) == ["added", "removed"]
    assert changes_to(history, "budgets", year="2021") == []
    assert changes_to(history, "clusters", cluster_id="gce-ocean") == []
