"""The effects page's charts: effect estimates against a comparison group, participation counts
per programme, and what the restructuring areas report."""

from __future__ import annotations

from klyngekart.charts import ChartBundle
from klyngekart.data import Dataset
from klyngekart.data.schema import PROGRAMMES
from klyngekart.effects import (
    PARTICIPATION_INDICATORS,
    RESTRUCTURING_OUTCOMES,
    effect_series,
    indicator_gaps,
    indicators_with_data,
    latest_count,
    latest_report,
    method_breaks,
    pick_indicator,
    stat_series,
    year_gaps,
)
from klyngekart.figures.effects import effects_figure, outcomes_figure, participation_figure, with_qualifier
from klyngekart.i18n import format_number, t
from klyngekart.provenance import source_ids_of, source_line, with_source_columns
from klyngekart.report import year_ranges
from klyngekart.urlstate import Param


def no_params(ds: Dataset) -> list[Param]:
    return []


def participation_params(ds: Dataset) -> list[Param]:
    return [Param("programme", "cluster_programme", PROGRAMMES), Param("indicator", "clusters_served", PARTICIPATION_INDICATORS)]


def participation_indicator(ds: Dataset, state: dict[str, str]) -> str:
    """The count shown: the one asked for where the programme has it, else the programme's first."""
    return pick_indicator(state["indicator"], indicators_with_data(ds["programme_stats"], state["programme"]))


def effects_chart(ds: Dataset, state: dict[str, str], lang: str) -> ChartBundle | None:
    effects = ds["effects"]
    series = effect_series(effects)
    if series.empty:
        return None
    breaks = method_breaks(effects)
    report_gaps = year_gaps(series, "report_year")
    report = latest_report(series)
    summary = t(
        "effects.summary_faster" if report.low > 0 else "effects.summary_range",
        lang,
        year=report.year,
        by=report.computed_by,
        low=format_number(report.low, lang, 1),
        high=format_number(report.high, lang, 1),
    )
    for before, after in breaks:
        summary += " " + t("effects.summary_break", lang, before=before, after=after)
    if report_gaps:
        summary += " " + t("effects.summary_gaps", lang, years=year_ranges(report_gaps))
    missing = [
        t("effects.summary_missing_one", lang, indicator=t(f"effects.indicator_{i}", lang).lower(), years=year_ranges(g))
        for i, g in indicator_gaps(series).items()
        if g
    ]
    if missing:
        summary += " " + t("effects.summary_missing", lang, items="; ".join(missing))
    return ChartBundle(
        key="effects",
        fig=effects_figure(series, breaks, report_gaps, lang),
        rows=with_source_columns(series, ds),
        title=t("effects.chart_title", lang),
        subtitle=t("effects.unit", lang),
        source_line=source_line(ds, source_ids_of(series), lang),
        summary=summary,
        notes=tuple(t("effects.break_hover", lang, before=b, after=a) for b, a in breaks),
    )


def participation_chart(ds: Dataset, state: dict[str, str], lang: str) -> ChartBundle | None:
    programme = state["programme"]
    indicator = participation_indicator(ds, state)
    counts = stat_series(ds["programme_stats"], programme, (indicator,))
    if counts.empty:
        return None
    gaps = year_gaps(counts)
    newest = latest_count(counts)
    summary = t(
        "effects.participation_summary" if counts["year"].nunique() > 1 else "effects.participation_summary_one",
        lang,
        indicator=t(f"effects.stat_{indicator}", lang),
        first=int(counts["year"].min()),
        last=int(counts["year"].max()),
        value=with_qualifier(newest["value"], newest["qualifier"], lang),
        year=int(newest["year"]),
        years=counts["year"].nunique(),
    )
    if gaps:
        summary += " " + t("effects.gaps", lang, years=year_ranges(gaps))
    return ChartBundle(
        key="participation",
        fig=participation_figure(counts, gaps, indicator, lang),
        rows=with_source_columns(counts, ds),
        title=t("effects.participation_title", lang, programme=t(f"programme.{programme}", lang)),
        subtitle=t(f"effects.stat_{indicator}", lang),
        source_line=source_line(ds, source_ids_of(counts), lang),
        summary=summary,
    )


def outcomes_chart(ds: Dataset, state: dict[str, str], lang: str) -> ChartBundle | None:
    outcomes = stat_series(ds["programme_stats"], "regional_restructuring", RESTRUCTURING_OUTCOMES)
    if outcomes.empty:
        return None
    gaps = year_gaps(outcomes)
    newest_year = int(outcomes["year"].max())
    newest = outcomes[outcomes["year"].eq(newest_year)]
    figures = "; ".join(
        f"{t(f'effects.stat_{row.indicator}', lang).lower()}: {with_qualifier(row.value, row.qualifier, lang)}" for row in newest.itertuples()
    )
    summary = t("effects.outcomes_summary", lang, year=newest_year, figures=figures, count=outcomes["year"].nunique())
    if gaps:
        summary += " " + t("effects.gaps", lang, years=year_ranges(gaps))
    return ChartBundle(
        key="outcomes",
        fig=outcomes_figure(outcomes, gaps, lang),
        rows=with_source_columns(outcomes, ds),
        title=t("effects.outcomes_title", lang),
        subtitle=t("effects.outcomes_axis", lang),
        source_line=source_line(ds, source_ids_of(outcomes), lang),
        summary=summary,
    )
