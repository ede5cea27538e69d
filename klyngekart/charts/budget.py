"""The budget page's charts: yearly amounts at one stage (nominal or real) and per-cluster support ranges."""

from __future__ import annotations

from klyngekart.budget import add_change, add_real_terms, events_for, missing_years, support_ranges
from klyngekart.charts import ChartBundle
from klyngekart.data import Dataset
from klyngekart.data.schema import PROGRAMMES
from klyngekart.figures.budget import LABELLED_EVENTS, budget_figure, milestone_text, support_figure
from klyngekart.i18n import format_number, t
from klyngekart.provenance import source_ids_of, source_line, with_source_columns
from klyngekart.report import year_ranges
from klyngekart.stages import STAGES, dataset_default_stage, funder_text, part_label, stage_series
from klyngekart.urlstate import Param

FIRST_YEAR = 2002
AUTO = "auto"


def budget_params(ds: Dataset) -> list[Param]:
    cpi_years = tuple(str(int(y)) for y in ds["reference/cpi"]["year"])
    return [
        Param("programme", "cluster_programme", PROGRAMMES),
        # `auto`: the stage with most whole-programme years for the chosen programme.
        Param("stage", AUTO, (AUTO, *STAGES)),
        Param("parts", "show", ("show", "hide")),
        Param("derived", "hide", ("hide", "show")),
        Param("terms", "nominal", ("nominal", "real")),
        Param("base", cpi_years[-1], cpi_years),
    ]


def chosen_stage(ds: Dataset, state: dict[str, str]) -> str:
    programme, stage = state["programme"], state["stage"]
    if stage != AUTO:
        return stage
    return dataset_default_stage(ds, programme)


def _summary(series, gaps: list[int], without_index: list[int], value_column: str, unit: str, lang: str) -> str:
    whole = series[series["whole"] & ~series["derived"]]
    if whole.empty:
        text = t("budget.summary_parts_only", lang, count=len(series))
    else:
        peak = whole.loc[whole[value_column].astype(float).idxmax()]
        latest = whole.iloc[-1]
        text = t(
            "budget.summary", lang, first=int(whole["year"].min()), last=int(whole["year"].max()),
            peak=format_number(peak[value_column], lang, 1), peak_year=int(peak["year"]),
            latest=format_number(latest[value_column], lang, 1), latest_year=int(latest["year"]), unit=unit,
        )
    parts = series[~series["whole"]]
    if not parts.empty:
        text += " " + t("budget.summary_parts", lang, count=len(parts), labels=", ".join(dict.fromkeys(parts["label"])))
    if series["derived"].any():
        text += " " + t("budget.summary_derived", lang, count=int(series["derived"].sum()))
    if gaps:
        text += " " + t("budget.gaps", lang, years=year_ranges(gaps))
    if without_index:
        text += " " + t("budget.no_index", lang, years=year_ranges(without_index))
    return text


def budget_chart(ds: Dataset, state: dict[str, str], lang: str) -> ChartBundle | None:
    """Yearly amounts of the chosen programme at one stage; None when it has none there."""
    programme, terms, base = state["programme"], state["terms"], state["base"]
    stage = chosen_stage(ds, state)
    budgets, cpi = ds["budgets"], ds["reference/cpi"]
    series = stage_series(budgets, programme, stage, derived=state["derived"] == "show")
    if state["parts"] == "hide":
        series = series[series["whole"]]
    value_column, without_index = "value", []
    if terms == "real":
        series = add_real_terms(series, cpi, int(base))
        value_column = "value_real"
        without_index = sorted({int(y) for y in series.loc[series[value_column].isna(), "year"]})
        series = series.dropna(subset=[value_column])
    if series.empty:
        return None
    series = add_change(series.reset_index(drop=True), value_column)
    series["label"] = [part_label(c, f, lang) for c, f in zip(series["component"], series["funder"], strict=True)]
    last_year = int(max(budgets["year"].max(), cpi["year"].max()))
    # A gap is a year without a whole-programme amount from a source; a year without a price index is said in words.
    whole = series[series["whole"] & ~series["derived"]]
    gaps = [y for y in missing_years(whole, range(FIRST_YEAR, last_year + 1)) if y not in without_index]
    events = events_for(ds["events"], programme, LABELLED_EVENTS)
    unit = t("budget.axis_real", lang, base=base) if terms == "real" else t("budget.axis_nominal", lang)
    milestone_note = milestone_text(events, lang)
    summary = _summary(series, gaps, without_index, value_column, unit, lang)
    parts_note = " ".join(
        t(key, lang) for key, shown in (("budget.parts_note", ~series["whole"]), ("budget.derived_note", series["derived"])) if shown.any()
    )
    return ChartBundle(
        key="budget",
        # The hover names the funder in words; the downloaded rows keep the data's codes.
        fig=budget_figure(series.assign(funder=[funder_text(f, lang) for f in series["funder"]]), gaps, events, lang, value_column, unit),
        rows=with_source_columns(series, ds),
        title=t("budget.chart_title", lang, programme=t(f"programme.{programme}", lang), stage=t(f"stage.{stage}", lang).lower()),
        subtitle=unit,
        source_line=source_line(ds, source_ids_of(series) + source_ids_of(events), lang),
        summary=summary + ("\n\n" + milestone_note if milestone_note else ""),
        notes=tuple(note for note in (parts_note, milestone_note) if note),
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
