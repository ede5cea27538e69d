"""'Changed in release X' for one cluster profile or some budget years: the rows a release
added, removed or changed there, grouped by release, newest first, and written as Markdown lines
in the reader's language. Plain functions over the history from klyngekart/changes.py; the
Streamlit side is klyngekart/ui/changes.py."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from klyngekart.changes import CURRENT, CellChange, ReleaseChanges, RowChange, changes_to
from klyngekart.i18n import strings, t
from klyngekart.markdown import escape_markdown
from klyngekart.urlstate import Param

PROFILE_TABLES = ("clusters", "cluster_levels")
# Lists kept in one cell: a change reads as the items added and removed, not two long strings.
LIST_COLUMNS = frozenset({"source_ids", "other_names"})
# Long text: the line says it changed; the row's note, shown as the reason, has the new text.
TEXT_COLUMNS = frozenset({"note", "description_nb", "description_en"})
# Column labels the site already uses elsewhere; the rest are changes.column_<name>.
SHARED_LABELS = {"note": "table.note", "other_names": "clusters.col_other_names", "year": "table.year"}
EMPTY = "–"
# The What-changed page shows one release when its address names it: a profile or a budget year
# links there with the release that changed it.
RELEASE_PARAM = "release"


@dataclass(frozen=True)
class ReleaseNote:
    version: str  # the release, or CURRENT for data changed since the latest release
    previous: str | None
    rows: tuple[tuple[str, RowChange], ...]  # (table, row), in the history's order


def release_name(entry: ReleaseChanges) -> str:
    """The name the What-changed page's `release` parameter knows this entry by."""
    return entry.record.version if entry.record else CURRENT


def release_param(history: list[ReleaseChanges]) -> Param:
    """The What-changed page's `release`: a release in the history, or CURRENT; none means all."""
    return Param(RELEASE_PARAM, "", tuple(release_name(entry) for entry in history))


def _group(history: list[ReleaseChanges], found: list[tuple[str, ReleaseChanges, RowChange]]) -> list[ReleaseNote]:
    notes = []
    for entry in history:
        rows = tuple((table, row) for table, owner, row in found if owner is entry)
        if rows:
            notes.append(ReleaseNote(release_name(entry), entry.previous, rows))
    return notes


def profile_changes(history: list[ReleaseChanges], cluster_id: str) -> list[ReleaseNote]:
    """Where this cluster's row in `clusters` or its rows in `cluster_levels` changed."""
    found = [(table, entry, row) for table in PROFILE_TABLES for entry, row in changes_to(history, table, cluster_id=cluster_id)]
    return _group(history, found)


def budget_year_changes(history: list[ReleaseChanges], years: Iterable[object], programme: str | None = None) -> list[ReleaseNote]:
    """Where `budgets` rows of these years (of one programme, if given) changed."""
    wanted = {str(year) for year in years}
    values = {"programme": programme} if programme else {}
    found = [("budgets", entry, row) for entry, row in changes_to(history, "budgets", **values) if dict(row.key).get("year") in wanted]
    return _group(history, found)


def changed_years(note: ReleaseNote) -> list[str]:
    years = {dict(row.key).get("year", "") for _, row in note.rows}
    return sorted((year for year in years if year), key=lambda year: (len(year), year))


def table_label(table: str, lang: str) -> str:
    """A table's name in the reader's language ('omstillingsområder' for restructuring_regions)."""
    return strings(lang).get(f"changes.table_name.{table}", table)


def column_label(column: str, lang: str) -> str:
    key = SHARED_LABELS.get(column, f"changes.column_{column}")
    return strings(lang).get(key, column)


def _level(value: str, lang: str) -> str:
    # An old release may hold a level the site no longer names.
    return strings(lang).get(f"clusters.level_{value}", value)


def _value(column: str, value: str, lang: str) -> str:
    if not value:
        return EMPTY
    if column == "level":
        return escape_markdown(_level(value, lang))
    if column == "end_status":
        return escape_markdown(strings(lang).get(f"changes.status_{value}", value))
    if column == "end_basis":
        return escape_markdown(strings(lang).get(f"changes.basis_{value}", value))
    return escape_markdown(value)


def _cell(cell: CellChange, lang: str) -> str:
    label = escape_markdown(column_label(cell.column, lang))
    if cell.column in TEXT_COLUMNS:
        return t("changes.cell_text", lang, column=label)
    if cell.column in LIST_COLUMNS:
        old, new = (set(filter(None, v.split(";"))) for v in (cell.old, cell.new))
        items = [f"+ {escape_markdown(i)}" for i in new - old] + [f"− {escape_markdown(i)}" for i in old - new]
        if items:
            return f"{label}: {', '.join(sorted(items, key=lambda item: item[2:]))}"
    return f"{label}: {_value(cell.column, cell.old, lang)} → {_value(cell.column, cell.new, lang)}"


def row_name(table: str, row: RowChange, lang: str) -> str:
    key = dict(row.key)
    if table == "cluster_levels":
        return t("changes.row_level", lang, level=escape_markdown(_level(key.get("level", ""), lang)), start=escape_markdown(key.get("start_year", "")))
    if table == "clusters":
        return t("changes.row_cluster", lang)
    return escape_markdown(row.label)


def profile_lines(note: ReleaseNote, lang: str) -> list[str]:
    """A Markdown list item per row, every data value escaped: a changed row with one nested item
    per column, an added or removed row with its kind; the row's reason nested last."""
    lines = []
    for table, row in note.rows:
        name = row_name(table, row, lang)
        if row.kind == "changed":
            lines.append(f"- **{name}**")
            lines += [f"  - {_cell(cell, lang)}" for cell in row.cells]
        else:
            lines.append(f"- **{name}:** {t(f'changes.kind_{row.kind}', lang)}")
        if row.reason:
            lines.append(f"  - {t('changes.reason', lang, reason=escape_markdown(row.reason))}")
    return lines


def release_title(note: ReleaseNote, lang: str) -> str:
    if note.version == CURRENT:
        return t("changes.in_unreleased", lang, previous=escape_markdown(note.previous or ""))
    return t("changes.in_release", lang, version=escape_markdown(note.version))


def summary_title(notes: list[ReleaseNote], lang: str) -> str:
    """The one line a profile shows before it is opened: every release that changed it."""
    return "; ".join(release_title(note, lang) for note in notes)
