"""The map page's county choropleth, and the view behind it (counts, clusters shown, areas)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from klyngekart.charts import ChartBundle
from klyngekart.data import Dataset
from klyngekart.figures.maps import choropleth
from klyngekart.geo import MAP_CREDIT, Outline
from klyngekart.i18n import format_number, t
from klyngekart.mapping import (
    ACTIVE,
    END_UNKNOWN,
    METRICS,
    count_by_county,
    county_base,
    county_label_points,
    filter_clusters,
    level_options,
    programme_years,
    regions_in_year,
    without_place,
)
from klyngekart.provenance import source_ids_of, source_line, with_source_columns
from klyngekart.urlstate import Param

FIRST_YEAR = 2002


def last_year(ds: Dataset) -> int:
    levels = ds["cluster_levels"]
    return int(max(levels["start_year"].max(), levels["end_year"].max()))


def today_counties(ds: Dataset) -> dict[str, str]:
    def build(ds: Dataset) -> dict[str, str]:
        counties = ds["reference/counties"]
        today = counties[counties["valid_to"].isna()].sort_values("name")
        return dict(zip(today["county_code"], today["name"], strict=True))

    return ds.memo("map.today_counties", build)


def map_params(ds: Dataset) -> list[Param]:
    def build(ds: Dataset) -> list[Param]:
        sectors = tuple(sorted(ds["clusters"]["sector_en"].dropna().unique()))
        return [
            Param("year", str(last_year(ds)), int_range=(FIRST_YEAR, last_year(ds))),
            Param("metric", "admitted", METRICS),
            Param("level", "all", level_options(ds["cluster_levels"])),
            Param("sector", "all", ("all", *sectors)),
            Param("county", "all", ("all", *today_counties(ds))),
        ]

    return ds.memo("map.params", build)


@dataclass(frozen=True)
class Year:
    admitted: pd.DataFrame  # every cluster admitted by the year, sorted by level and name, with source columns
    regions: pd.DataFrame  # restructuring areas whose stated period includes the year


def programme(ds: Dataset) -> dict[int, Year]:
    """The programme as it stood in each year the map shows, built once per dataset, so moving
    the year picks a ready answer instead of working it out again."""

    def build(ds: Dataset) -> dict[int, Year]:
        years = range(FIRST_YEAR, last_year(ds) + 1)
        every = with_source_columns(programme_years(ds["clusters"], ds["cluster_levels"], years), ds)
        by_year = {year: rows for year, rows in every.groupby("year", sort=False)}
        empty = every.iloc[0:0]
        return {
            year: Year(
                by_year.get(year, empty).drop(columns="year").reset_index(drop=True),
                regions_in_year(ds["restructuring_regions"], year),
            )
            for year in years
        }

    return ds.memo("map.programme", build)


def unplaced(ds: Dataset) -> dict[str, pd.DataFrame]:
    return ds.memo("map.unplaced", lambda ds: without_place(ds["clusters"], ds["cluster_levels"]))


@dataclass(frozen=True)
class MapView:
    year: int
    metric: str
    column: str  # the county table's column that the metric colours
    shown: pd.DataFrame  # clusters counted, after the level and sector filters, with source columns
    regions: pd.DataFrame
    table: pd.DataFrame  # all 15 counties
    end_unknown: int  # clusters admitted by the year whose sources do not say whether they were still in


def map_view(ds: Dataset, state: dict[str, str]) -> MapView:
    year, metric = int(state["year"]), state["metric"]
    as_it_stood = programme(ds)[year]
    admitted, regions = as_it_stood.admitted, as_it_stood.regions
    counted = admitted[admitted["status"].eq(ACTIVE)] if metric == "active" else admitted
    shown = filter_clusters(counted, state["level"], state["sector"])
    base = ds.memo("map.county_base", lambda ds: county_base(ds["reference/counties"], ds["reference/county_population"]))
    table = count_by_county(base, shown, regions)
    column = "clusters" if metric in ("admitted", "active") else metric
    return MapView(year, metric, column, shown, regions, table, int(admitted["status"].eq(END_UNKNOWN).sum()))


def map_chart(ds: Dataset, state: dict[str, str], lang: str, outlines: dict[str, Outline]) -> ChartBundle:
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
        unknown=view.end_unknown,
    )
    if metric == "regions":
        shown_ids = source_ids_of(view.regions)
    else:
        # A cluster on the map rests on its own row and on the level row that puts it in this year.
        shown_ids = source_ids_of(view.shown) + source_ids_of(view.shown[["level_source_ids"]].set_axis(["source_ids"], axis=1))
    if metric == "per_100k":
        shown_ids += source_ids_of(ds["reference/county_population"])
    labels = ds.memo("map.label_points", lambda ds: county_label_points(ds["reference/municipalities"]))
    fig = choropleth(table, outlines, column, lang, unit, labels)
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
