"""A sortable table with a link to each row's source, and downloads of exactly the rows shown.

Numbers on screen are written in the reader's language (column_formats, the same format_number
the charts use); the downloads keep plain machine-readable numbers."""

from __future__ import annotations

import io

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from klyngekart.html_table import html_table
from klyngekart.i18n import column_formats, plural
from klyngekart.ui import language, tr


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
    if rows.empty:
        st.info(tr("table.empty"), icon=":material/info:")
        return
    shown = _blank_text(rows[list(columns)])
    config = {name: label for name, label in columns.items()}
    for name, text in ({"source_url": tr("table.open_source")} | (links or {})).items():
        if name in columns:
            config[name] = st.column_config.LinkColumn(columns[name], display_text=text)
    st.dataframe(readable(shown), hide_index=True, width="stretch", column_config=config, key=f"{key}-frame")
    st.markdown(plural("table.count", len(shown), language()))
    download_buttons(shown, stem, key)


def readable(frame: pd.DataFrame) -> pd.DataFrame | Styler:
    """`frame` for st.dataframe, its numbers written in the reader's language (column_formats).
    A styled frame keeps the numbers underneath, so the grid still sorts 9 before 10."""
    shown = _blank_text(frame)
    formats = column_formats(shown, language())
    return shown.style.format(formats) if formats else shown


def _blank_text(rows: pd.DataFrame) -> pd.DataFrame:
    """Empty text cells read as empty, not as "None", on screen and in the downloads; number
    columns keep their type (an empty number is blank on screen and in the files)."""
    text = [name for name in rows.columns if rows[name].dtype == object or pd.api.types.is_string_dtype(rows[name])]
    return rows.assign(**{name: rows[name].astype(object).where(rows[name].notna(), "") for name in text})


def link_table(
    rows: pd.DataFrame, columns: dict[str, str], stem: str, key: str, links: dict[str, str], caption: str
) -> None:
    """Like `download_table`, drawn as a plain HTML table named `caption`: `links` maps a column to
    the column with the address its text links to (those address columns are in the downloads,
    not on screen)."""
    if rows.empty:
        st.info(tr("table.empty"), icon=":material/info:")
        return
    shown_columns = {name: label for name, label in columns.items() if name not in links.values()}
    formats = column_formats(rows[list(shown_columns)], language())
    st.html(html_table(rows, shown_columns, caption, st.get_option("theme.primaryColor") or "", links, formats))
    st.markdown(plural("table.count", len(rows), language()))
    download_buttons(_blank_text(rows[list(columns)]), stem, key)


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
