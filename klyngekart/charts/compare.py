"""The county comparison's charts: clusters by level over time and clusters per inhabitant, for
two to four of today's counties named in the view (c1 … c4)."""

from __future__ import annotations

from klyngekart.charts import ChartBundle
from klyngekart.clusters import county_names, latest_year, level_label, today_county_codes
from klyngekart.compare import (
    MAX_COUNTIES,
    MIN_COUNTIES,
    POPULATION_DATE,
    chosen_counties,
    default_counties,
    entered_by_year,
    per_population,
    reached_by,
    undated_by_county,
)
from klyngekart.data import Dataset
from klyngekart.figures.clusters import entered_figure, per_population_figure
from klyngekart.i18n import format_number, plural, t
from klyngekart.provenance import source_ids_of, source_line, with_source_columns
from klyngekart.urlstate import Param

SLOTS = tuple(f"c{n}" for n in range(1, MAX_COUNTIES + 1))


def compare_params(ds: Dataset) -> list[Param]:
    codes = today_county_codes(ds["reference/counties"])
    defaults = default_counties(ds["clusters"], codes)
    return [Param(slot, defaults[i] if i < len(defaults) else "", ("", *codes)) for i, slot in enumerate(SLOTS)]


def picked_counties(ds: Dataset, state: dict[str, str]) -> list[str]:
    return chosen_counties([state.get(slot, "") for slot in SLOTS], today_county_codes(ds["reference/counties"]))


def view_of(picked: list[str]) -> dict[str, str]:
    return {slot: picked[i] if i < len(picked) else "" for i, slot in enumerate(SLOTS)}


def entered_chart(ds: Dataset, state: dict[str, str], lang: str) -> ChartBundle | None:
    picked = picked_counties(ds, state)
    clusters, levels = ds["clusters"], ds["cluster_levels"]
    if len(picked) < MIN_COUNTIES:
        return None
    latest = latest_year(ds)
    entered = entered_by_year(clusters, levels, picked, range(int(levels["start_year"].min()), latest + 1))
    if entered.empty:
        return None
    names = county_names(ds["reference/counties"], lang)
    reached = reached_by(entered, latest)
    parts = []
    for code in picked:
        counts = ", ".join(f"{level_label(level, lang)} {count}" for level, count in reached.get(code, []))
        parts.append(t("compare.entered_part", lang, county=names[code], levels=counts or t("compare.entered_no_level", lang)))
    summary = t("compare.entered_summary", lang, year=latest, parts="; ".join(parts))
    undated = undated_by_county(clusters, levels, picked)
    if any(undated.values()):
        summary += " " + t("compare.entered_undated", lang, counts=", ".join(f"{names[c]} {n}" for c, n in undated.items() if n))
    return ChartBundle(
        key="compare-entered",
        fig=entered_figure(entered, names, picked, lang),
        rows=with_source_columns(entered.assign(county=entered["county_code"].map(names)), ds),
        title=t("compare.entered_title", lang),
        subtitle=t("compare.entered_axis", lang),
        source_line=source_line(ds, source_ids_of(entered), lang),
        summary=summary,
    )


def per_population_chart(ds: Dataset, state: dict[str, str], lang: str) -> ChartBundle | None:
    picked = picked_counties(ds, state)
    if len(picked) < MIN_COUNTIES:
        return None
    clusters = ds["clusters"]
    names = county_names(ds["reference/counties"], lang)
    figures = per_population(clusters, ds["reference/county_population"], picked)
    summary = t("compare.per_summary", lang, date=POPULATION_DATE)
    if figures["per_100k"].notna().any():
        highest = figures.loc[figures["per_100k"].astype(float).idxmax()]
        summary = t("compare.per_highest", lang, county=names[highest["county_code"]], value=format_number(highest["per_100k"], lang, 2)) + " " + summary
    without = int(clusters["county_code_today"].isna().sum())
    if without:
        summary += " " + plural("compare.per_without", without, lang)
    return ChartBundle(
        key="compare-per",
        fig=per_population_figure(figures, names, lang),
        rows=with_source_columns(figures.assign(county=figures["county_code"].map(names)), ds),
        title=t("compare.per_title", lang),
        subtitle=t("compare.per_axis", lang),
        source_line=source_line(ds, source_ids_of(figures.dropna(subset=["source_ids"])), lang),
        summary=summary,
    )
