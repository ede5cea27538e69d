"""The effects page's business-network chart: networks served and firms in them, year by year."""

from __future__ import annotations

import pandas as pd
from plotly.subplots import make_subplots

from klyngekart.charts import ChartBundle
from klyngekart.data import Dataset
from klyngekart.effects import stat_series, year_gaps
from klyngekart.figures.effects import with_qualifier
from klyngekart.figures.style import SERIES_COLOURS, base_layout, gap_markers
from klyngekart.i18n import t
from klyngekart.provenance import source_ids_of, source_line, with_source_columns
from klyngekart.report import year_ranges
from klyngekart.urlstate import Param

# (indicator, panel): networks on top, the firms in them below, as their scales differ tenfold.
SERIES = (("networks_served", 1), ("agriculture_networks", 1), ("firms_participating", 2))
COLOURS = dict(zip((s for s, _ in SERIES), SERIES_COLOURS, strict=False))


def networks_params(ds: Dataset) -> list[Param]:
    return []


def networks_rows(ds: Dataset) -> pd.DataFrame:
    rows = stat_series(ds["programme_stats"], "business_networks", tuple(s for s, _ in SERIES))
    return rows[rows["level"].eq("all")].reset_index(drop=True)


def _figure(rows: pd.DataFrame, gaps: list[int], lang: str):
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.14,
                        subplot_titles=(t("networks.panel_networks", lang), t("networks.panel_firms", lang)))
    for indicator, panel in SERIES:
        part = rows[rows["indicator"].eq(indicator)]
        if part.empty:
            continue
        texts = [with_qualifier(v, q, lang) for v, q in zip(part["value"], part["qualifier"], strict=True)]
        fig.add_bar(
            x=part["year"].astype(int), y=part["value"].astype(float), name=t(f"effects.stat_{indicator}", lang),
            marker_color=COLOURS[indicator], text=texts, textposition="outside", cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra>%{fullData.name}</extra>", row=panel, col=1,
        )
    gap_markers(fig, gaps, t("effects.no_figure", lang), t("effects.no_figure_hover", lang))
    base_layout(fig, lang)
    years = list(range(int(rows["year"].min()), int(rows["year"].max()) + 1))
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=years, title=None)
    fig.update_yaxes(rangemode="tozero")
    fig.update_layout(barmode="group", height=520, margin={"t": 40})
    return fig


def networks_chart(ds: Dataset, state: dict[str, str], lang: str) -> ChartBundle | None:
    rows = networks_rows(ds)
    if rows.empty:
        return None
    gaps = year_gaps(rows)
    served = rows[rows["indicator"].eq("networks_served")]
    firms = rows[rows["indicator"].eq("firms_participating")]
    summary = t("networks.summary", lang, years=year_ranges(rows["year"]))
    if not served.empty:
        last = served.iloc[-1]
        summary += " " + t("networks.latest_networks", lang, value=with_qualifier(last["value"], last["qualifier"], lang), year=int(last["year"]))
    if not firms.empty:
        last = firms.iloc[-1]
        summary += " " + t("networks.latest_firms", lang, value=with_qualifier(last["value"], last["qualifier"], lang), year=int(last["year"]))
    if gaps:
        summary += " " + t("effects.gaps", lang, years=year_ranges(gaps))
    return ChartBundle(
        key="networks",
        fig=_figure(rows, gaps, lang),
        rows=with_source_columns(rows, ds),
        title=t("networks.chart_title", lang),
        subtitle=t("networks.unit", lang),
        source_line=source_line(ds, source_ids_of(rows), lang),
        summary=summary,
        notes=(t("networks.what", lang),),
    )
