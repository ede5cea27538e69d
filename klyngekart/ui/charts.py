"""A chart with its provenance and downloads, the same under every chart on every page."""

from __future__ import annotations

import datetime as dt
import hashlib
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from klyngekart.export.chart import ChartMeta, chart_csv, chart_image, chart_xlsx
from klyngekart.ui import dataset, language, tr

PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"], "responsive": True}


def current_url() -> str:
    """The address of the view as the visitor sees it, query included: a permalink."""
    base = (st.context.url or "").split("?", 1)[0]
    query = {name: st.query_params[name] for name in st.query_params}
    return base + ("?" + urlencode(query) if query else "")


@st.cache_data(show_spinner=False, max_entries=64)
def _image(figure_json: str, meta: ChartMeta, fmt: str) -> bytes:
    return chart_image(pio.from_json(figure_json), meta, fmt)


def chart_meta(title: str, subtitle: str, source_line: str, notes: tuple[str, ...] = ()) -> ChartMeta:
    release = dataset().release
    return ChartMeta(
        title=title,
        subtitle=subtitle,
        source_line=source_line,
        licence=f"{release.licence} · Klyngekart {release.version}",
        url=current_url(),
        date=dt.date.today().isoformat(),
        lang=language(),
        notes=notes,
    )


def chart_block(fig: go.Figure, rows: pd.DataFrame, meta: ChartMeta, key: str, summary: str) -> None:
    """Draw the chart, say its main finding in words, name its sources, offer its files."""
    st.plotly_chart(fig, config=PLOTLY_CONFIG, key=key, width="stretch")
    st.markdown(summary)
    st.markdown(f"<small>{meta.source_line} · {tr('export.licence_line', licence=meta.licence)}</small>", unsafe_allow_html=True)
    figure_json = fig.to_json()
    stem = f"klyngekart-{key}-{hashlib.sha1(figure_json.encode()).hexdigest()[:8]}"
    columns = st.columns(4)
    columns[0].download_button(
        tr("export.png"), data=lambda: _image(figure_json, meta, "png"), file_name=f"{stem}.png",
        mime="image/png", icon=":material/image:", on_click="ignore", key=f"{key}-png",
    )
    columns[1].download_button(
        tr("export.svg"), data=lambda: _image(figure_json, meta, "svg"), file_name=f"{stem}.svg",
        mime="image/svg+xml", icon=":material/draw:", on_click="ignore", key=f"{key}-svg",
    )
    columns[2].download_button(
        tr("export.csv"), data=lambda: chart_csv(rows), file_name=f"{stem}.csv",
        mime="text/csv", icon=":material/table:", on_click="ignore", key=f"{key}-csv",
    )
    columns[3].download_button(
        tr("export.xlsx"), data=lambda: chart_xlsx(rows, meta), file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table_view:", on_click="ignore", key=f"{key}-xlsx",
    )
