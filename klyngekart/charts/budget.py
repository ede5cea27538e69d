"""The budget page's charts: yearly frames (nominal or real) and per-cluster support ranges."""

from __future__ import annotations

from klyngekart.budget import (
    FRAME_COMPONENTS,
    add_change,
    add_real_terms,
    events_for,
    frame_series,
    missing_years,
    support_ranges,
)
from klyngekart.charts import ChartBundle
from klyngekart.data import Dataset
from klyngekart.data.schema import PROGRAMMES
from klyngekart.figures.budget import LABELLED_EVENTS, budget_figure, milestone_text, support_figure
from klyngekart.i18n import format_number, t
from klyngekart.provenance import source_ids_of, source_line, with_source_columns
from klyngekart.report import year_ranges
from klyngekart.urlstate import Param

FIRST_YEAR = 2002


def budget_params(ds: Dataset) -> list[Param]:
    cpi_years = tuple(str(int(y)) for y in ds["reference/cpi"]["year"])
    return [
        Param("programme", "cluster_programme", PROGRAMMES),
        Param("component", "frames", ("frames", *FRAME_COMPONENTS)),
        Param("terms", "nominal", ("nominal", "real")),
        Param("base", cpi_years[-1], cpi_years),
    ]


def budget_chart(ds: Dataset, state: dict[str, str], lang: str) -> ChartBundle | None:
    """Yearly frames of the chosen programme; None when no frame has been published for it."""
    programme, component, terms, base = state["programme"], state["component"], state["terms"], state["base"]
    budgets, cpi = ds["budgets"], ds["reference/cpi"]
    chosen = FRAME_COMPONENTS if component == "frames" else (component,)
    series = frame_series(budgets, programme, chosen)
    value_column, without_index = "value", []
    if terms == "real":
        series = add_real_terms(series, cpi, int(base))
        value_column = "value_real"
        without_index = sorted({int(y) for y in series.loc[series[value_column].isna(), "year"]})
        series = series.dropna(subset=[value_column]).reset_index(drop=True)
    if series.empty:
        return None
    series = add_change(series, value_column)
    last_year = int(max(budgets["year"].max(), cpi["year"].max()))
    # A year without a price index is said in words, not marked as a year without a figure.
    gaps = [y for y in missing_years(series, range(FIRST_YEAR, last_year + 1)) if y not in without_index]
    events = events_for(ds["events"], programme, LABELLED_EVENTS)
    unit = t("budget.axis_real", lang, base=base) if terms == "real" else t("budget.axis_nominal", lang)
    peak = series.loc[series[value_column].astype(float).idxmax()]
    latest = series.iloc[-1]
    summary = t(
        "budget.summary",
        lang,
        first=int(series["year"].min()),
        last=int(series["year"].max()),
        peak=format_number(peak[value_column], lang, 1),
        peak_year=int(peak["year"]),
        latest=format_number(latest[value_column], lang, 1),
        latest_year=int(latest["year"]),
        unit=unit,
    )
    if gaps:
        summary += " " + t("budget.gaps", lang, years=year_ranges(gaps))
    if without_index:
        summary += " " + t("budget.no_index", lang, years=year_ranges(without_index))
    milestone_note = milestone_text(events, lang)
    return ChartBundle(
        key="budget",
        fig=budget_figure(series, gaps, events, lang, value_column, unit),
        rows=with_source_columns(series, ds),
        title=t("budget.chart_title", lang, programme=t(f"programme.{programme}", lang)),
        subtitle=unit,
        source_line=source_line(ds, source_ids_of(series) + source_ids_of(events), lang),
        summary=summary + ("\n\n" + milestone_note if milestone_note else ""),
        notes=(milestone_note,) if milestone_note else (),
    )


def support_chart(ds: Dataset, state: dict[str, str], lang: str) -> ChartBundle | None:
    ranges = support_ranges(ds["budgets"], state["programme"])
    if ranges.empty:
        return None
    return ChartBundle(
        key="support",
        fig=support_figure(ranges, lang),
        rows=with_source_columns(ranges, ds),
        title=t("budget.support_title", lang),
        subtitle=t("budget.unit_per_year", lang),
        source_line=source_line(ds, source_ids_of(ranges), lang),
        summary=t("budget.support_summary", lang, count=len(ranges)),
    )
