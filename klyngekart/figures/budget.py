"""Budget charts: yearly frames with gaps and milestones; per-cluster support ranges."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from klyngekart.budget import SUPPORT_MEASURES
from klyngekart.figures.style import EVENT_COLOUR, LEVEL_COLOURS, base_layout, gap_markers
from klyngekart.i18n import format_number, t

# Milestones labelled on the chart; the others stay in the events table.
LABELLED_EVENTS = ("programme_start", "level_introduced", "renewal", "budget_cut", "extra_package")


def milestones(events: pd.DataFrame, lang: str) -> list[tuple[int, str]]:
    """(year, label) of the milestones drawn on a chart, one per year, numbered in this order."""
    labelled = events[events["event_type"].isin(LABELLED_EVENTS)]
    return [(int(year), " · ".join(group[f"label_{lang}"])) for year, group in labelled.groupby("year")]


def milestone_text(events: pd.DataFrame, lang: str) -> str:
    """The numbered milestones in words, for under the chart and the foot of an exported image."""
    items = [f"({n}) {year}: {label}" for n, (year, label) in enumerate(milestones(events, lang), start=1)]
    return t("budget.milestones", lang, items="; ".join(items)) if items else ""


def _hover_rows(rows: pd.DataFrame, value_column: str, lang: str) -> list[list[str]]:
    out = []
    for row in rows.itertuples():
        change = row.change
        pct = row.change_pct
        out.append(
            [
                (t(f"qualifier.{row.qualifier}", lang) + " " if isinstance(row.qualifier, str) else "")
                + format_number(getattr(row, value_column), lang, 1),
                t("budget.hover_change", lang, change=format_number(change, lang, 1, signed=True), pct=format_number(pct, lang, 1, signed=True))
                if not pd.isna(change)
                else t("budget.hover_no_change", lang),
                t(f"basis.{row.basis}", lang) + (f" · {row.funder}" if isinstance(row.funder, str) else ""),
            ]
        )
    return out


def _bar_style(whole: bool, derived: bool, colour: str) -> dict:
    """Whole-programme amounts are solid; a part is an outline with hatching; a derived figure is dotted."""
    if derived:
        return {"color": "white", "line": {"color": colour, "width": 2}, "pattern": {"shape": ".", "fgcolor": colour, "size": 6}}
    if whole:
        return {"color": colour}
    return {"color": "white", "line": {"color": colour, "width": 2}, "pattern": {"shape": "/", "fgcolor": colour, "size": 8}}


def budget_figure(
    series: pd.DataFrame,
    gaps: list[int],
    events: pd.DataFrame,
    lang: str,
    value_column: str,
    y_title: str,
) -> go.Figure:
    """Bars side by side, never stacked: one series for the whole programme and one per part
    (labelled by `label`); gap markers for years without a whole-programme figure; milestone lines."""
    fig = go.Figure()
    # The whole programme first, so it keeps the first colour and legend entry; derived figures last.
    ordered = series.assign(_order=(~series["whole"]).astype(int) + 2 * series["derived"].astype(int)).sort_values(["_order", "year"], kind="stable")
    for (label, derived), rows in ordered.groupby(["label", "derived"], sort=False):
        whole = bool(rows["whole"].iloc[0])
        colour = LEVEL_COLOURS.get(rows["component"].iloc[0], "#666666")
        fig.add_bar(
            x=rows["year"].astype(int),
            y=rows[value_column].astype(float),
            name=label + (" " + t("budget.derived_suffix", lang) if derived else ""),
            marker=_bar_style(whole, derived, colour),
            customdata=_hover_rows(rows, value_column, lang),
            hovertemplate="%{x}: %{customdata[0]} " + t("budget.unit", lang) + "<br>%{customdata[1]}<br>%{customdata[2]}<extra>%{fullData.name}</extra>",
        )
    gap_markers(fig, gaps, t("budget.no_figure", lang), t("budget.no_figure_hover", lang))
    for number, (year, label) in enumerate(milestones(events, lang), start=1):
        fig.add_vline(x=year, line={"color": EVENT_COLOUR, "width": 1, "dash": "dot"})
        fig.add_annotation(
            x=year, y=1, yref="paper", yanchor="bottom", text=f"<b>{number}</b>", showarrow=False,
            font={"size": 12, "color": "white"}, bgcolor=EVENT_COLOUR, borderpad=3, hovertext=f"{year}: {label}",
        )
    base_layout(fig, lang)
    # Milestone numbers sit on the top edge, so the legend goes below the axis.
    fig.update_layout(barmode="group", bargap=0.15, height=480, margin={"t": 40})
    fig.update_xaxes(title=None)
    fig.update_yaxes(title=y_title, rangemode="tozero")
    return fig


def support_figure(ranges: pd.DataFrame, lang: str) -> go.Figure:
    """Per-cluster support as published: a line from minimum to maximum, a dot for the average."""
    fig = go.Figure()
    labels = [f"{row.component} ({int(row.year)})" for row in ranges.itertuples()]
    low, avg, high = (ranges[m].astype(float) for m in SUPPORT_MEASURES)
    for label, component, lo, hi in zip(labels, ranges["component"], low, high, strict=True):
        if pd.notna(lo) and pd.notna(hi):
            fig.add_scatter(
                x=[lo, hi], y=[label, label], mode="lines+markers", showlegend=False,
                line={"color": LEVEL_COLOURS.get(component, "#666666"), "width": 6},
                marker={"size": 9}, hovertemplate="%{x} " + t("budget.unit_per_year", lang) + "<extra>" + label + "</extra>",
            )
    single = low.where(high.isna(), other=pd.NA).combine_first(high.where(low.isna(), other=pd.NA))
    fig.add_scatter(
        x=single, y=labels, mode="markers", name=t("budget.support_single", lang),
        marker={"symbol": "line-ns-open", "size": 16, "color": "#1a1a1a", "line": {"width": 3}},
        hovertemplate="%{x} " + t("budget.unit_per_year", lang) + "<extra>%{y}</extra>",
    )
    fig.add_scatter(
        x=avg, y=labels, mode="markers", name=t("budget.support_average", lang),
        marker={"symbol": "diamond", "size": 11, "color": "#1a1a1a"},
        hovertemplate="%{x} " + t("budget.unit_per_year", lang) + "<extra>%{y}</extra>",
    )
    base_layout(fig, lang)
    fig.update_layout(height=max(260, 34 * len(labels) + 120))
    fig.update_xaxes(title=t("budget.support_axis", lang), rangemode="tozero", showgrid=True, gridcolor="#e5e5e5")
    fig.update_yaxes(autorange="reversed", gridcolor="white")
    return fig
