"""A sortable table with a link to each row's source, and downloads of exactly the rows shown."""

from __future__ import annotations

import io

import pandas as pd
import streamlit as st

from klyngekart.html_table import html_table
from klyngekart.ui import tr


def _xlsx(rows: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        rows.to_excel(writer, sheet_name="data", index=False)
    return buffer.getvalue()


def download_table(
    rows: pd.DataFrame, columns: dict[str, str], stem: str, key: str, links: dict[str, str] | None = None
) -> None:
    """Show `columns` of `rows` (labels translated) and offer those same rows as CSV and XLSX.

    `links` names further URL columns and the text their links show.
    """
    # Empty cells read as empty, not as "None", on screen and in the downloads.
    shown = rows[list(columns)].astype(object).where(rows[list(columns)].notna(), "")
    config = {name: label for name, label in columns.items()}
    for name, text in ({"source_url": tr("table.open_source")} | (links or {})).items():
        if name in columns:
            config[name] = st.column_config.LinkColumn(columns[name], display_text=text)
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config, key=f"{key}-frame")
    st.markdown(tr("table.count", count=len(shown)))
    download_buttons(shown, stem, key)


def link_table(
    rows: pd.DataFrame, columns: dict[str, str], stem: str, key: str, links: dict[str, str], caption: str
) -> None:
    """Like `download_table`, drawn as a plain HTML table named `caption`: `links` maps a column to
    the column with the address its text links to (those address columns are in the downloads,
    not on screen)."""
    shown_columns = {name: label for name, label in columns.items() if name not in links.values()}
    st.html(html_table(rows, shown_columns, caption, st.get_option("theme.primaryColor") or "", links))
    st.markdown(tr("table.count", count=len(rows)))
    shown = rows[list(columns)].astype(object).where(rows[list(columns)].notna(), "")
    download_buttons(shown, stem, key)


def download_buttons(shown: pd.DataFrame, stem: str, key: str) -> None:
    row = st.container(horizontal=True, wrap=True)
    row.download_button(
        tr("export.csv"), data=lambda: shown.to_csv(index=False).encode("utf-8"), file_name=f"{stem}.csv",
        mime="text/csv", icon=":material/table:", on_click="ignore", key=f"{key}-csv",
    )
    row.download_button(
        tr("export.xlsx"), data=lambda: _xlsx(shown), file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table_view:", on_click="ignore", key=f"{key}-xlsx",
    )
