"""Publication-ready chart files: title, subtitle, source line, licence, view URL and date on the
image itself, so a reused image always carries its provenance; plus the data behind the chart.

Images are rendered by kaleido with the system Chromium (kaleido finds /usr/bin/chromium;
BROWSER_PATH overrides). One persistent kaleido browser per process makes every export after the
first take a fraction of a second.
"""

from __future__ import annotations

import copy
import datetime as dt
import html
import io
import textwrap
import threading
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from klyngekart.data.fingerprint import release_label
from klyngekart.i18n import t

WIDTH = 1200
HEIGHT = 720
# The footer is printed at 14 px on the 1200 px canvas: an image set in a 600 px article column
# still shows it at 7 px, the smallest that stays legible; 12 px text became 6 px there.
FOOTER_FONT_PX = 14
FOOTER_LINE_PX = 20
# Characters of 14 px text that fit across the image's width.
FOOTER_CHARS = 140
_kaleido_lock = threading.Lock()
_kaleido_started = False


@dataclass(frozen=True)
class ChartMeta:
    title: str
    subtitle: str
    source_line: str  # derived from the plotted rows' source_ids, never typed by hand
    licence: str
    url: str
    date: str
    lang: str
    notes: tuple[str, ...] = ()  # lines printed above the source line, e.g. the numbered milestones

    def footer_lines(self) -> list[str]:
        return [
            *self.notes,
            self.source_line,
            t("export.licence_line", self.lang, licence=self.licence),
            t("export.view_line", self.lang, url=self.url, date=self.date),
        ]


def meta_for(
    release, title: str, subtitle: str, source_line: str, notes: tuple[str, ...], url: str, lang: str, date: str | None = None
) -> ChartMeta:
    """The provenance block of an export: the dataset release's licence and version, the view, the date."""
    return ChartMeta(
        title=title,
        subtitle=subtitle,
        source_line=source_line,
        licence=f"{release.licence} · {release_label(release)}",
        url=url,
        date=date or dt.date.today().isoformat(),
        lang=lang,
        notes=notes,
    )


def publication_figure(fig: go.Figure, meta: ChartMeta) -> go.Figure:
    """A copy of `fig` with the title block on top and the provenance block at the foot."""
    out = go.Figure(copy.deepcopy(fig.to_dict()))
    footer = [part for line in meta.footer_lines() for part in textwrap.wrap(line, FOOTER_CHARS) or [""]]
    # Room below the x axis for tick labels and a legend, then the footer lines.
    bottom = 115 + FOOTER_LINE_PX * len(footer)
    out.update_layout(
        title={
            "text": f"<b>{html.escape(meta.title)}</b><br><span style='font-size:14px'>{html.escape(meta.subtitle)}</span>",
            "x": 0.01,
            "xanchor": "left",
            "y": 0.97,
            "yanchor": "top",
            "font": {"size": 22},
        },
        margin={"t": 110, "b": bottom, "l": 80, "r": 40},
        width=WIDTH,
        height=HEIGHT + FOOTER_LINE_PX * max(0, len(footer) - 4),
    )
    out.add_annotation(
        text="<br>".join(html.escape(line) for line in footer),
        x=0,
        y=0,
        xref="paper",
        yref="paper",
        xanchor="left",
        yanchor="top",
        yshift=-90,
        align="left",
        showarrow=False,
        font={"size": FOOTER_FONT_PX, "color": "#333333"},
    )
    return out


def _ensure_kaleido() -> None:
    """Start one kaleido browser for the process; later exports reuse it."""
    global _kaleido_started
    with _kaleido_lock:
        if not _kaleido_started:
            import kaleido

            kaleido.start_sync_server(silence_warnings=True)
            _kaleido_started = True


def chart_image(fig: go.Figure, meta: ChartMeta, fmt: str) -> bytes:
    """PNG (twice the pixels, for print and retina screens) or SVG of the publication figure."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown image format {fmt!r}")
    _ensure_kaleido()
    figure = publication_figure(fig, meta)
    with _kaleido_lock:  # kaleido's sync server handles one figure at a time
        return figure.to_image(format=fmt, width=WIDTH, height=figure.layout.height, scale=2 if fmt == "png" else 1)


def chart_csv(rows: pd.DataFrame) -> bytes:
    return rows.to_csv(index=False).encode("utf-8")


def chart_xlsx(rows: pd.DataFrame, meta: ChartMeta) -> bytes:
    """The chart's rows on one sheet and what they are (title, sources, licence, view) on another."""
    about = pd.DataFrame(
        {
            "field": ["title", "subtitle", "sources", "licence", "view", "downloaded"],
            "value": [meta.title, meta.subtitle, meta.source_line, meta.licence, meta.url, meta.date],
        }
    )
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        rows.to_excel(writer, sheet_name="data", index=False)
        about.to_excel(writer, sheet_name="about", index=False)
    return buffer.getvalue()
