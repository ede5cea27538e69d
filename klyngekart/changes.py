"""What changed between two releases: per table, the rows added, removed and changed (old → new
per column), matched on the table's key from the data contract. Tables without a key are matched
on all the columns both releases have, so a changed value there reads as one row removed and one
added. Computed from the release snapshots in data/releases/, never typed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from klyngekart.data.releases import ReleaseRecord, read_history, read_snapshot, snapshot_dir
from klyngekart.data.schema import TABLES, TABLES_BY_NAME

CURRENT = "current"  # the data being served, whether released or not
# Columns that name a row of a table without a key, in the reader's words.
LABEL_COLUMNS = 4


@dataclass(frozen=True)
class CellChange:
    column: str
    old: str
    new: str


@dataclass(frozen=True)
class RowChange:
    kind: str  # added, removed or changed
    label: str  # the row's key, e.g. "cluster_id=gce-ocean"
    cells: tuple[CellChange, ...]  # for added and removed rows: every non-empty value but the note
    reason: str  # the row's note (the new row's, or the removed row's)
    key: tuple[tuple[str, str], ...]  # the values the row was matched on, as (column, value)


@dataclass(frozen=True)
class TableChanges:
    table: str
    rows: tuple[RowChange, ...]

    def count(self, kind: str) -> int:
        return sum(row.kind == kind for row in self.rows)


@dataclass(frozen=True)
class ReleaseChanges:
    """One release (or the unreleased current data, record None) against the release before it."""

    record: ReleaseRecord | None
    previous: str | None
    tables: tuple[TableChanges, ...]


def _match_columns(name: str, old: pd.DataFrame, new: pd.DataFrame) -> list[str]:
    key = list(TABLES_BY_NAME[name].key) if name in TABLES_BY_NAME else []
    if key and all(c in old.columns and c in new.columns for c in key):
        return key
    return [c for c in new.columns if c in old.columns]


def _indexed(frame: pd.DataFrame, columns: list[str]) -> dict[tuple[str, ...], dict[str, str]]:
    """Rows by their matching values; a repeated row gets its occurrence number, so two equal rows
    in one release and one in the next read as one removed."""
    seen: dict[tuple[str, ...], int] = {}
    rows = {}
    for record in frame.to_dict("records"):
        values = tuple(str(record[c]) for c in columns)
        seen[values] = seen.get(values, 0) + 1
        rows[(*values, str(seen[values]))] = {k: str(v) for k, v in record.items()}
    return rows


def _label(columns: list[str], row: dict[str, str]) -> str:
    return ", ".join(f"{c}={row.get(c, '')}" for c in columns)


def _key(columns: list[str], row: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((c, row.get(c, "")) for c in columns)


def diff_table(name: str, old: pd.DataFrame | None, new: pd.DataFrame | None) -> TableChanges:
    old = old if old is not None else pd.DataFrame(columns=[] if new is None else new.columns)
    new = new if new is not None else pd.DataFrame(columns=old.columns)
    match = _match_columns(name, old, new)
    label_columns = match if len(match) <= LABEL_COLUMNS else list(new.columns if len(new.columns) else old.columns)[:LABEL_COLUMNS]
    before, after = _indexed(old, match), _indexed(new, match)
    columns = list(dict.fromkeys([*old.columns, *new.columns]))
    values = [c for c in columns if c != "note"]  # an added or removed row's note is its reason
    changes = []
    for key, row in after.items():
        if key not in before:
            cells = tuple(CellChange(c, "", row[c]) for c in values if row.get(c, ""))
            changes.append(RowChange("added", _label(label_columns, row), cells, row.get("note", ""), _key(match, row)))
            continue
        was = before[key]
        cells = tuple(CellChange(c, was.get(c, ""), row.get(c, "")) for c in columns if was.get(c, "") != row.get(c, ""))
        if cells:
            changes.append(RowChange("changed", _label(label_columns, row), cells, row.get("note", ""), _key(match, row)))
    for key, row in before.items():
        if key not in after:
            cells = tuple(CellChange(c, row[c], "") for c in values if row.get(c, ""))
            changes.append(RowChange("removed", _label(label_columns, row), cells, row.get("note", ""), _key(match, row)))
    return TableChanges(name, tuple(changes))


def diff_releases(old: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame]) -> tuple[TableChanges, ...]:
    """Only the tables where something changed, in the contract's order."""
    names = [t.name for t in TABLES] + sorted((set(old) | set(new)) - {t.name for t in TABLES})
    found = (diff_table(name, old.get(name), new.get(name)) for name in names if name in old or name in new)
    return tuple(changes for changes in found if changes.rows)


def tables_of(data_dir: Path, version: str, current: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """A release's tables, or `current` (the validated tables being served) for CURRENT."""
    if version == CURRENT:
        return current
    if version not in {record.version for record in read_history(data_dir)}:
        raise KeyError(version)
    return read_snapshot(snapshot_dir(data_dir, version))


def history_changes(data_dir: Path, current: dict[str, pd.DataFrame], fingerprint: str) -> list[ReleaseChanges]:
    """Newest first: the current data where it differs from the latest release, then every
    release against the one before it (the first against nothing)."""
    history = read_history(data_dir)
    found = []
    previous_tables: dict[str, pd.DataFrame] = {}
    for index, record in enumerate(history):
        tables = read_snapshot(snapshot_dir(data_dir, record.version))
        previous = history[index - 1].version if index else None
        found.append(ReleaseChanges(record, previous, diff_releases(previous_tables, tables) if previous else ()))
        previous_tables = tables
    if history and history[-1].fingerprint != fingerprint:
        found.append(ReleaseChanges(None, history[-1].version, diff_releases(previous_tables, current)))
    return found[::-1]


def changes_to(history: list[ReleaseChanges], table: str, **values: str) -> list[tuple[ReleaseChanges, RowChange]]:
    """Where rows of `table` matching `values` (e.g. cluster_id="gce-ocean", or year="2021" for
    budgets) were added, removed or changed, newest release first: for a profile or a budget year
    to say "changed in release X"."""
    found = []
    for entry in history:
        for changes in entry.tables:
            if changes.table == table:
                found += [(entry, row) for row in changes.rows if all(dict(row.key).get(c) == v for c, v in values.items())]
    return found


def describe(changes: tuple[TableChanges, ...]) -> list[str]:
    """Plain-text lines for the command line."""
    if not changes:
        return ["no differences"]
    lines = []
    for table in changes:
        counts = ", ".join(f"{table.count(kind)} {kind}" for kind in ("added", "removed", "changed"))
        lines.append(f"{table.table}: {counts}")
        for row in table.rows:
            if row.kind == "changed":
                detail = "; ".join(f"{c.column}: {c.old!r} → {c.new!r}" for c in row.cells)
            else:
                detail = "; ".join(f"{c.column}={c.new or c.old}" for c in row.cells)
            reason = f" (note: {row.reason})" if row.reason else ""
            lines.append(f"  {row.kind} {row.label}: {detail}{reason}")
    return lines
