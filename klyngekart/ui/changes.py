"""The release history for the What-changed page, a cluster profile and the budget page: worked
out once per process and data version, and laid out in the reader's language."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import streamlit as st

from klyngekart.changes import CURRENT, ReleaseChanges, TableChanges, history_changes
from klyngekart.data.fingerprint import short
from klyngekart.i18n import t
from klyngekart.markdown import escape_markdown
from klyngekart.release_notes import (
    RELEASE_PARAM,
    ReleaseNote,
    budget_year_changes,
    changed_years,
    profile_changes,
    profile_lines,
    release_title,
    summary_title,
)
from klyngekart.ui import data_dir, dataset, language, tr

KINDS = ("added", "removed", "changed")
PAGE = "pages/changes.py"


@st.cache_resource(show_spinner=False)
def _history(folder: str, fingerprint: str) -> list[ReleaseChanges]:
    return history_changes(Path(folder), dataset().raw, fingerprint)


def release_history() -> list[ReleaseChanges]:
    """Newest first; shared read-only by every session."""
    return _history(data_dir(), dataset().release.fingerprint)


def overview_frame(history: list[ReleaseChanges], lang: str) -> pd.DataFrame:
    rows = []
    for entry in history:
        record = entry.record
        counts = {kind: sum(table.count(kind) for table in entry.tables) for kind in KINDS}
        rows.append(
            {
                "version": record.version if record else t("changes.unreleased", lang),
                "date": record.date if record else "",
                "fingerprint": short(record.fingerprint) if record else "",
                **counts,
                "summary": record.summary(lang) if record else "",
            }
        )
    return pd.DataFrame(rows, columns=["version", "date", "fingerprint", *KINDS, "summary"])


def table_frame(table: TableChanges, lang: str) -> pd.DataFrame:
    """One line per changed cell; an added or removed row is one line with its values."""
    rows = []
    for row in table.rows:
        kind = t(f"changes.kind_{row.kind}", lang)
        if row.kind == "changed":
            rows += [{"change": kind, "row": row.label, "column": c.column, "old": c.old, "new": c.new, "reason": row.reason} for c in row.cells]
        else:
            values = "; ".join(f"{c.column}: {c.new or c.old}" for c in row.cells)
            old, new = ("", values) if row.kind == "added" else (values, "")
            rows.append({"change": kind, "row": row.label, "column": "", "old": old, "new": new, "reason": row.reason})
    return pd.DataFrame(rows, columns=["change", "row", "column", "old", "new", "reason"])


def release_link(note: ReleaseNote) -> None:
    """To the What-changed page showing this release only."""
    if note.version == CURRENT:
        label = tr("changes.unreleased_link")
    else:
        label = tr("changes.release_link", version=escape_markdown(note.version))
    st.page_link(PAGE, label=label, icon=":material/history:", query_params={RELEASE_PARAM: note.version, "lang": language()})


def profile_changes_block(cluster_id: str) -> None:
    """A profile's 'changed in release X', opened for the details; nothing when nothing changed."""
    notes = profile_changes(release_history(), cluster_id)
    if not notes:
        return
    lang = language()
    with st.expander(summary_title(notes, lang), icon=":material/history:"):
        for note in notes:
            # With one release the expander's own label already names it.
            heading = [f"**{release_title(note, lang)}**", ""] if len(notes) > 1 else []
            st.markdown("\n".join([*heading, *profile_lines(note, lang)]))
            release_link(note)


def budget_years_block(programme: str, years: Iterable[object]) -> None:
    """Under the budget table: per release, the years whose figures it changed."""
    for note in budget_year_changes(release_history(), years, programme):
        shown = ", ".join(escape_markdown(year) for year in changed_years(note))
        if note.version == CURRENT:
            st.markdown(tr("changes.budget_years_unreleased", previous=escape_markdown(note.previous or ""), years=shown))
        else:
            st.markdown(tr("changes.budget_years", version=escape_markdown(note.version), years=shown))
        release_link(note)
