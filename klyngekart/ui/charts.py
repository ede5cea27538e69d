"""A chart with its provenance and downloads, the same under every chart on every page."""

from __future__ import annotations

import hashlib
import json
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from klyngekart.charts import ChartBundle
from klyngekart.charts.registry import CHARTS
from klyngekart.export.chart import ChartMeta, chart_csv, chart_image, chart_xlsx, meta_for
from klyngekart.i18n import file_stem
from klyngekart.markdown import escape_markdown
from klyngekart.ui import dataset, language, outlines, tr

# No Plotly toolbar: its camera button saved images without title, source or licence (the
# download buttons make proper ones), its zoom and pan tools took over touch scrolling, and it
# covered legends and milestone labels on narrow screens. No scroll or double-click zoom either.
PLOTLY_CONFIG = {"displayModeBar": False, "scrollZoom": False, "doubleClick": False, "showTips": False, "responsive": True}


def current_url() -> str:
    """The address of the view as the visitor sees it, query included: a permalink."""
    base = (st.context.url or "").split("?", 1)[0]
    query = {name: st.query_params[name] for name in st.query_params}
    return base + ("?" + urlencode(query) if query else "")


@st.cache_data(show_spinner=False, max_entries=64)
def _image(figure_json: str, meta: ChartMeta, fmt: str) -> bytes:
    return chart_image(go.Figure(json.loads(figure_json)), meta, fmt)


@st.cache_resource(show_spinner=False, max_entries=256)
def _bundle(key: str, view: tuple[tuple[str, str], ...], lang: str, version: str) -> ChartBundle | None:
    return CHARTS[key].build(dataset(), dict(view), lang, outlines())


def chart_bundle(key: str, view: dict[str, str], lang: str) -> ChartBundle | None:
    """A registered chart for this view, built once per view and language and shared by every
    session (read-only): most visitors look at the same few views."""
    return _bundle(key, tuple(sorted(view.items())), lang, dataset().release.version)


def chart_meta(title: str, subtitle: str, source_line: str, notes: tuple[str, ...] = ()) -> ChartMeta:
    return meta_for(dataset().release, title, subtitle, source_line, notes, current_url(), language())


def bundle_block(bundle: ChartBundle, selectable: bool = False) -> object:
    """Draw a registered chart built by klyngekart.charts (the same code the export command runs),
    followed by its share box."""
    from klyngekart.ui.share import share_box

    meta = chart_meta(bundle.title, bundle.subtitle, bundle.source_line, bundle.notes)
    event = _chart_block(bundle.fig, bundle.rows, meta, bundle.key, bundle.summary, selectable, bundle.figure_json)
    share_box(bundle, meta.date)
    return event


def _chart_block(
    fig: go.Figure, rows: pd.DataFrame, meta: ChartMeta, key: str, summary: str, selectable: bool = False,
    figure_json: str | None = None,
) -> object:
    """Draw the chart, say its main finding in words, name its sources, offer its files.

    With `selectable`, a click on the chart reruns the page and the selection is returned.
    `figure_json` is `fig` as JSON where the caller has it already.
    """
    event = st.plotly_chart(
        fig, config=PLOTLY_CONFIG, key=key, width="stretch", alt=summary,
        on_select="rerun" if selectable else "ignore", selection_mode=("points",),
    )
    st.markdown(summary)
    st.caption(f"{escape_markdown(meta.source_line)} · {escape_markdown(tr('export.licence_line', licence=meta.licence))}")
    figure_json = figure_json or fig.to_json()
    stem = file_stem(language(), key, hashlib.sha1(figure_json.encode()).hexdigest()[:8])
    # A wrapping row keeps the four labels whole in a narrow column and on a phone.
    row = st.container(horizontal=True, wrap=True)
    row.download_button(
        tr("export.png"), data=lambda: _image(figure_json, meta, "png"), file_name=f"{stem}.png",
        mime="image/png", icon=":material/image:", on_click="ignore", key=f"{key}-png",
    )
    row.download_button(
        tr("export.svg"), data=lambda: _image(figure_json, meta, "svg"), file_name=f"{stem}.svg",
        mime="image/svg+xml", icon=":material/draw:", on_click="ignore", key=f"{key}-svg",
    )
    row.download_button(
        tr("export.csv"), data=lambda: chart_csv(rows), file_name=f"{stem}.csv",
        mime="text/csv", icon=":material/table:", on_click="ignore", key=f"{key}-csv",
    )
    row.download_button(
        tr("export.xlsx"), data=lambda: chart_xlsx(rows, meta), file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table_view:", on_click="ignore", key=f"{key}-xlsx",
    )
    return event
