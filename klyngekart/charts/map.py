"""The map page's county choropleth, and the view behind it (counts, clusters shown, areas)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from klyngekart.charts import ChartBundle
from klyngekart.data import Dataset
from klyngekart.figures.maps import choropleth
from klyngekart.geo import MAP_CREDIT
from klyngekart.i18n import format_number, t
from klyngekart.mapping import (
    END_UNKNOWN,
    METRICS,
    clusters_in_year,
    county_label_points,
    county_table,
    filter_clusters,
    level_options,
    level_status,
    regions_in_year,
)
from klyngekart.provenance import source_ids_of, source_line
from klyngekart.urlstate import Param

FIRST_YEAR = 2002


def last_year(ds: Dataset) -> int:
    levels = ds["cluster_levels"]
    return int(max(levels["start_year"].max(), levels["end_year"].max()))


def today_counties(ds: Dataset) -> dict[str, str]:
    counties = ds["reference/counties"]
    today = counties[counties["valid_to"].isna()].sort_values("name")
    return dict(zip(today["county_code"], today["name"], strict=True))


def map_params(ds: Dataset) -> list[Param]:
    sectors = tuple(sorted(ds["clusters"]["sector_en"].dropna().unique()))
    return [
        Param("year", str(last_year(ds)), int_range=(FIRST_YEAR, last_year(ds))),
        Param("metric", "admitted", METRICS),
        Param("level", "all", level_options(ds["cluster_levels"])),
        Param("sector", "all", ("all", *sectors)),
        Param("county", "all", ("all", *today_counties(ds))),
    ]


@dataclass(frozen=True)
class MapView:
    year: int
    metric: str
    column: str  # the county table's column that the metric colours
    shown: pd.DataFrame  # clusters counted, after the level and sector filters
    regions: pd.DataFrame
    table: pd.DataFrame  # all 15 counties


def map_view(ds: Dataset, state: dict[str, str]) -> MapView:
    year, metric = int(state["year"]), state["metric"]
    in_year = clusters_in_year(ds["clusters"], ds["cluster_levels"], year, "active" if metric == "active" else "admitted")
    shown = filter_clusters(in_year, state["level"], state["sector"])
    regions = regions_in_year(ds["restructuring_regions"], year)
    table = county_table(ds["reference/counties"], ds["reference/county_population"], shown, regions)
    column = "clusters" if metric in ("admitted", "active") else metric
    return MapView(year, metric, column, shown, regions, table)


def map_chart(ds: Dataset, state: dict[str, str], lang: str, geojson: dict | str) -> ChartBundle:
    view = map_view(ds, state)
    table, column, metric, year = view.table, view.column, view.metric, view.year
    unit = t(f"map.unit_{metric}", lang)
    top = table.sort_values(column, ascending=False).iloc[0]
    summary = t(
        f"map.summary_{metric}",
        lang,
        year=year,
        county=top["name"],
        value=format_number(top[column], lang, 2 if metric == "per_100k" else 0),
        zero=int((table[column] == 0).sum()),
        total=int(table["clusters"].sum()),
        areas=len(view.regions),
        unknown=int(level_status(ds["cluster_levels"], year)["status"].eq(END_UNKNOWN).sum()),
    )
    if metric == "regions":
        shown_ids = source_ids_of(view.regions)
    else:
        # A cluster on the map rests on its own row and on the level row that puts it in this year.
        shown_ids = source_ids_of(view.shown) + source_ids_of(view.shown[["level_source_ids"]].set_axis(["source_ids"], axis=1))
    if metric == "per_100k":
        shown_ids += source_ids_of(ds["reference/county_population"])
    fig = choropleth(table, geojson, column, lang, unit, county_label_points(ds["reference/municipalities"]))
    return ChartBundle(
        key="map",
        fig=fig,
        rows=table,
        title=t(f"map.chart_title_{metric}", lang, year=year),
        subtitle=unit,
        source_line=source_line(ds, shown_ids, lang),
        summary=summary,
        notes=(MAP_CREDIT,),
    )
