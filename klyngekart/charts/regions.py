"""The restructuring page's county map: areas with status in a chosen year, by today's county."""

from __future__ import annotations

from klyngekart.charts import ChartBundle
from klyngekart.charts.map import county_labels, county_targets
from klyngekart.data import Dataset
from klyngekart.figures.maps import choropleth, county_key
from klyngekart.geo import Outline, map_credit
from klyngekart.i18n import format_number, plural, t
from klyngekart.provenance import source_ids_of, source_line
from klyngekart.regions import default_year, region_year, year_range
from klyngekart.urlstate import Param


def regions_params(ds: Dataset) -> list[Param]:
    years = year_range(ds)
    return [Param("year", str(default_year(ds)), int_range=(years[0], years[-1]))]


def regions_chart(ds: Dataset, state: dict[str, str], lang: str, outlines: dict[str, Outline]) -> ChartBundle:
    view = region_year(ds, int(state["year"]), "name" if lang == "nb" else "name_en")
    table, year = view.table, view.year
    unit = t("regions.unit", lang)
    areas = len(view.areas)
    summary = t("regions.summary_none", lang, year=year) if not areas else plural(
        "regions.summary", areas, lang, year=year, counties=int((table["regions"] > 0).sum()),
        county=table.sort_values("regions", ascending=False).iloc[0]["name"], most=int(table["regions"].max()),
    )
    if view.national is not None:
        summary += " " + t("regions.national", lang, value=format_number(view.national, lang), year=year)
    summary += " " + t(
        "regions.not_counted", lang,
        open_ended=plural("regions.open_ended", view.end_not_stated, lang), undated=plural("regions.undated", view.undated, lang),
    )
    ids = source_ids_of(view.areas) if areas else []
    return ChartBundle(
        key="regions",
        fig=choropleth(table, outlines, "regions", lang, unit, county_labels(ds), targets=county_targets(ds, outlines)),
        rows=table,
        title=t("regions.chart_title", lang, year=year),
        subtitle=t("regions.subtitle", lang, year=year),
        source_line=source_line(ds, ids, lang),
        summary=summary,
        notes=(county_key(table, "regions", lang, 0), t("regions.two_counties", lang), map_credit(lang)),
    )
