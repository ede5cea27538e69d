"""The release history for the What-changed page: worked out once per process and data version,
and laid out as tables in the reader's language."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from klyngekart.changes import ReleaseChanges, TableChanges, history_changes
from klyngekart.data.fingerprint import short
from klyngekart.i18n import t
from klyngekart.ui import data_dir, dataset

KINDS = ("added", "removed", "changed")


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
