"""Share and embed: the permalink, an iframe snippet that shows one chart alone, a citation."""

from __future__ import annotations

import html
from urllib.parse import urlencode, urlsplit

import streamlit as st

from klyngekart.charts import ChartBundle
from klyngekart.charts.registry import CHARTS
from klyngekart.data.fingerprint import release_label
from klyngekart.i18n import t
from klyngekart.markdown import escape_markdown
from klyngekart.ui import dataset, language, page_state, tr
from klyngekart.ui.charts import PLOTLY_CONFIG, chart_bundle, current_url

EMBED_PARAM = "chart"
# The iframe height the snippet suggests, and what the embed view's own top and bottom padding
# (klyngekart/house.css) take of it.
EMBED_HEIGHT = 620
EMBED_PADDING = 24


def site_root() -> str:
    parts = urlsplit(st.context.url or "")
    return f"{parts.scheme}://{parts.netloc}/" if parts.netloc else "/"


def embed_url(key: str) -> str:
    query = {name: st.query_params[name] for name in st.query_params} | {EMBED_PARAM: key, "embed": "true"}
    return site_root() + "?" + urlencode(query)


def share_box(bundle: ChartBundle, date: str) -> None:
    """Under a chart: the link to this exact view, an embed snippet and a ready citation.

    Drawn only when asked for: st.code's highlighter costs every page load about 1.5 s of
    script parsing on a slow machine (bench/page_load.py), before the chart itself can draw.
    """
    if st.toggle(tr("share.title"), key=f"share-{bundle.key}"):
        st.markdown(tr("share.link"))
        st.code(current_url(), language=None, wrap_lines=True)
        if bundle.key in CHARTS:
            st.markdown(tr("share.embed"))
            snippet = (
                f'<iframe src="{html.escape(embed_url(bundle.key))}" title="{html.escape(bundle.title)}" '
                f'width="100%" height="{EMBED_HEIGHT}" style="border:0" loading="lazy"></iframe>'
            )
            st.code(snippet, language=None, wrap_lines=True)
        st.markdown(tr("share.citation"))
        citation = tr("share.citation_text", sources=bundle.source_line, date=date, url=current_url())
        release = tr("changes.citation_release", release=release_label(dataset().release))
        st.code(f"{citation} {release}", language=None, wrap_lines=True)


def embedded_chart() -> str | None:
    """The chart key asked for with ?chart=…&embed=true, when it names a chart that can stand
    alone; without embed=true the address is an ordinary page view."""
    key = st.query_params.get(EMBED_PARAM)
    # Streamlit keeps embed=true out of st.query_params and reports it here.
    return key if st.context.is_embedded and key in CHARTS else None


def render_embedded(key: str) -> None:
    """One chart with its title, key, sources and licence, and nothing else: for iframes.

    Everything sits in a box as tall as the snippet's iframe, and the chart takes what the text
    leaves (height="stretch"), so the source and licence line stays inside the frame whatever the
    width: at 320 px the text wraps onto more lines and the chart gets shorter. The house
    stylesheet (klyngekart/house.css) trims the page's paddings and makes the box follow the
    frame's real height.
    """
    chart = CHARTS[key]
    data = dataset()
    values = page_state(chart.params(data))
    bundle = chart_bundle(key, values, language())
    if bundle is None:
        st.info(tr("share.no_chart"))
        return
    with st.container(height=EMBED_HEIGHT - EMBED_PADDING, border=False, gap="small", key="embed"):
        st.subheader(bundle.title, anchor=False)
        st.plotly_chart(bundle.fig, config=PLOTLY_CONFIG, width="stretch", height="stretch", alt=bundle.summary)
        # The notes say what the chart's marks mean (numbered milestones, hatching) and credit
        # the map outlines, as under an exported image.
        for note in bundle.notes:
            st.caption(escape_markdown(note))
        licence = t("export.licence_line", language(), licence=data.release.licence)
        query = {name: st.query_params[name] for name in st.query_params if name not in (EMBED_PARAM, "embed")}
        full = site_root() + chart.page_path + ("?" + urlencode(query) if query else "")
        st.caption(f"{escape_markdown(bundle.source_line)} {escape_markdown(licence)} · [{tr('share.open_full')}]({full})")
