"""Effect and participation charts: bars per year as published, gaps marked, method breaks marked."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from klyngekart.data.schema import EFFECT_INDICATORS
from klyngekart.effects import LEVEL_ORDER, RESTRUCTURING_OUTCOMES
from klyngekart.figures.style import EVENT_COLOUR, GAP_COLOUR, LEVEL_COLOURS, SERIES_COLOURS, base_layout, gap_markers
from klyngekart.i18n import format_number, t

# One colour per indicator on every chart and in every year.
INDICATOR_COLOURS = dict(zip(EFFECT_INDICATORS, SERIES_COLOURS, strict=False))
OUTCOME_COLOURS = dict(zip(RESTRUCTURING_OUTCOMES, SERIES_COLOURS, strict=False))


def level_label(level: str, lang: str) -> str:
    return t("effects.level_all", lang) if level == "all" else level


def with_qualifier(value: float, qualifier: object, lang: str) -> str:
    """'nearly 2,000': the number as the source words it."""
    number = format_number(value, lang, 1 if float(value) % 1 else 0)
    return f"{t(f'qualifier.{qualifier}', lang)} {number}" if isinstance(qualifier, str) and qualifier else number


def year_axis(fig: go.Figure, first: int, last: int) -> None:
    """Every year from `first` to `last` gets the same slot, so a gap reads as a gap and bars keep one width."""
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=list(range(first, last + 1)), title=None)


def _gap_markers(fig: go.Figure, gaps: list[int], lang: str) -> None:
    gap_markers(fig, gaps, t("effects.no_figure", lang), t("effects.no_figure_hover", lang))


def effects_figure(series: pd.DataFrame, breaks: list[tuple[int, int]], gaps: list[int], lang: str) -> go.Figure:
    """Grouped bars: one group per report year, one colour per indicator; a dashed line at each method break."""
    fig = go.Figure()
    for indicator in EFFECT_INDICATORS:
        rows = series[series["indicator"].eq(indicator)]
        if rows.empty:
            continue
        values = rows["value_pp"].astype(float)
        fig.add_bar(
            x=rows["report_year"].astype(int),
            y=values,
            name=t(f"effects.indicator_{indicator}", lang),
            marker_color=INDICATOR_COLOURS[indicator],
            text=[format_number(v, lang, 1) for v in values],
            textposition="outside",
            textfont={"size": 11},
            constraintext="none",
            cliponaxis=False,
            customdata=[[by, method] for by, method in zip(rows["computed_by"], rows["method_id"], strict=True)],
            hovertemplate="%{x}: %{text} " + t("effects.unit_short", lang) + "<br>%{customdata[0]} (%{customdata[1]})<extra>%{fullData.name}</extra>",
        )
    _gap_markers(fig, gaps, lang)
    first = int(series["report_year"].min())
    for before, after in breaks:
        # On a category axis shapes are placed by slot: halfway between the two years' slots.
        slot = after - first - 0.5
        fig.add_vline(x=slot, line={"color": EVENT_COLOUR, "width": 2, "dash": "dash"})
        fig.add_annotation(
            x=slot, y=1, yref="paper", yanchor="bottom", xanchor="right", showarrow=False,
            text=t("effects.break_label", lang), font={"size": 13, "color": EVENT_COLOUR},
            hovertext=t("effects.break_hover", lang, before=before, after=after),
        )
    base_layout(fig, lang)
    fig.update_layout(barmode="group", bargap=0.2, height=460, margin={"t": 40})
    year_axis(fig, first, int(series["report_year"].max()))
    fig.update_yaxes(title=t("effects.unit", lang), rangemode="tozero")
    return fig


def count_figure(
    series: pd.DataFrame,
    group_column: str,
    labels: dict[str, str],
    colours: dict[str, str],
    gaps: list[int],
    lang: str,
    y_title: str,
) -> go.Figure:
    """Grouped bars of counts per year, one colour per group; qualifiers ('nearly', 'over') written on the bars."""
    fig = go.Figure()
    for group in labels:
        rows = series[series[group_column].eq(group)]
        if rows.empty:
            continue
        texts = [with_qualifier(v, q, lang) for v, q in zip(rows["value"], rows["qualifier"], strict=True)]
        fig.add_bar(
            x=rows["year"].astype(int),
            y=rows["value"].astype(float),
            name=labels[group],
            marker_color=colours.get(group, GAP_COLOUR),
            text=texts,
            textposition="outside",
            textfont={"size": 12},
            constraintext="none",
            cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra>%{fullData.name}</extra>",
        )
    _gap_markers(fig, gaps, lang)
    base_layout(fig, lang)
    fig.update_layout(barmode="group", bargap=0.2, height=420, margin={"t": 30})
    year_axis(fig, int(series["year"].min()), int(series["year"].max()))
    fig.update_yaxes(title=y_title, rangemode="tozero")
    return fig


def participation_figure(series: pd.DataFrame, gaps: list[int], indicator: str, lang: str) -> go.Figure:
    """Counts of one indicator per year: the total and each programme level the sources give."""
    levels = [level for level in LEVEL_ORDER if series["level"].eq(level).any()]
    labels = {level: level_label(level, lang) for level in levels}
    return count_figure(series, "level", labels, LEVEL_COLOURS, gaps, lang, t(f"effects.stat_{indicator}", lang))


def outcomes_figure(series: pd.DataFrame, gaps: list[int], lang: str) -> go.Figure:
    """Jobs created, jobs secured and new firms per year in the restructuring areas."""
    labels = {indicator: t(f"effects.stat_{indicator}", lang) for indicator in RESTRUCTURING_OUTCOMES}
    return count_figure(series, "indicator", labels, OUTCOME_COLOURS, gaps, lang, t("effects.outcomes_axis", lang))
