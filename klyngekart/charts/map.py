"""The map page's county choropleth, and the view behind it (counts, clusters shown, areas)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from klyngekart.borders_of_time import BORDER_CHOICES, OF_THEIR_TIME, TODAY, approximated, available, border_set, counties_then, outlines_for_set, set_counties
from klyngekart.charts import ChartBundle
from klyngekart.data import Dataset
from klyngekart.data.borders import CURRENT_SET, BorderSet
from klyngekart.figures.maps import choropleth, county_key
from klyngekart.geo import Outline, hit_points, map_credit
from klyngekart.i18n import format_number, t
from klyngekart.mapping import (
    ACTIVE,
    END_UNKNOWN,
    ENDED,
    METRICS,
    POPULATION_DATE,
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
from klyngekart.reconcile import published_served
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


def county_targets(ds: Dataset, outlines: dict[str, Outline], border_set_name: str = CURRENT_SET.name) -> dict[str, Outline]:
    """The click targets inside each county of this border set, worked out once per process."""
    return ds.memo(f"map.hit_points:{border_set_name}", lambda ds: hit_points(outlines))


# Population and restructuring areas are kept by today's counties only.
HISTORIC_METRICS = ("admitted", "active")


def drawn_set(ds: Dataset, year: int, borders: str, metric: str) -> BorderSet:
    """The border set the map of `year` is drawn in: the counties of that time where asked for,
    in the dataset, and the measure can be counted in them; else today's."""
    if borders != OF_THEIR_TIME or metric not in HISTORIC_METRICS:
        return CURRENT_SET
    chosen = border_set(year, OF_THEIR_TIME)
    return chosen if available(ds, chosen) else CURRENT_SET


def county_labels(ds: Dataset):
    return ds.memo("map.label_points", lambda ds: county_label_points(ds["reference/municipalities"]))


def map_params(ds: Dataset) -> list[Param]:
    def build(ds: Dataset) -> list[Param]:
        sectors = tuple(sorted(ds["clusters"]["sector_en"].dropna().unique()))
        return [
            Param("year", str(last_year(ds)), int_range=(FIRST_YEAR, last_year(ds))),
            Param("metric", "admitted", METRICS),
            Param("level", "all", level_options(ds["cluster_levels"])),
            Param("sector", "all", ("all", *sectors)),
            Param("county", "all", ("all", *today_counties(ds))),
            Param("borders", TODAY, BORDER_CHOICES),
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
class Coverage:
    """How many of the registry's clusters the map counts in a year, and why the others are not:
    the parts add up to `total` (a cluster over two counties is one cluster here)."""

    total: int
    shown: int
    no_county: int  # would be counted but today's county is not known
    filtered: int  # hidden by the level or sector filter
    later: int  # admitted after the year
    undated: int  # no start year on any level
    unknown: int  # admitted, but the sources do not say whether still in that year (metric "active")
    ended: int  # had left by the year (metric "active")
    published: int | None  # Innovasjon Norge's clusters served that year, where published for all levels

    def parts(self) -> dict[str, int]:
        names = ("no_county", "filtered", "unknown", "ended", "later", "undated")
        return {name: getattr(self, name) for name in names if getattr(self, name)}


def coverage(ds: Dataset, admitted: pd.DataFrame, metric: str, level: str, sector: str, year: int) -> Coverage:
    distinct = admitted.drop_duplicates("cluster_id")
    kept = filter_clusters(distinct, level, sector)
    counted = kept[kept["status"].eq(ACTIVE)] if metric == "active" else kept
    placed = counted["county_code_today"].notna()
    undated = len(unplaced(ds)["no_years"])
    published = published_served(ds["programme_stats"]).get(year)
    return Coverage(
        total=len(ds["clusters"]),
        shown=int(placed.sum()),
        no_county=int((~placed).sum()),
        filtered=len(distinct) - len(kept),
        later=len(ds["clusters"]) - undated - len(distinct),
        undated=undated,
        unknown=int(kept["status"].eq(END_UNKNOWN).sum()) if metric == "active" else 0,
        ended=int(kept["status"].eq(ENDED).sum()) if metric == "active" else 0,
        # A published total says nothing about one level or sector.
        published=published[1] if published and published[0] == ("all",) and level == sector == "all" else None,
    )


@dataclass(frozen=True)
class MapView:
    year: int
    metric: str
    column: str  # the county table's column that the metric colours
    shown: pd.DataFrame  # clusters counted, after the level and sector filters, with source columns
    regions: pd.DataFrame
    table: pd.DataFrame  # all 15 counties
    end_unknown: int  # clusters admitted by the year whose sources do not say whether they were still in
    coverage: Coverage
    borders: BorderSet  # the counties the table and map are in (today's unless of their time was asked)


def map_view(ds: Dataset, state: dict[str, str]) -> MapView:
    year, metric = int(state["year"]), state["metric"]
    as_it_stood = programme(ds)[year]
    admitted, regions = as_it_stood.admitted, as_it_stood.regions
    drawn = drawn_set(ds, year, state.get("borders", TODAY), metric)
    counted = admitted[admitted["status"].eq(ACTIVE)] if metric == "active" else admitted
    # The clusters listed under the map keep today's county whatever borders the map is drawn in.
    shown = filter_clusters(counted, state["level"], state["sector"])
    if drawn is CURRENT_SET:
        base = ds.memo("map.county_base", lambda ds: county_base(ds["reference/counties"], ds["reference/county_population"]))
        table = count_by_county(base, shown, regions)
    else:
        # Counted and covered in the counties of the time: there "county_code_today" holds the county then.
        admitted = admitted.assign(county_code_today=counties_then(ds, admitted, drawn))
        counties = set_counties(ds, drawn)
        base = counties.assign(population=pd.array([pd.NA] * len(counties), dtype="Int64"), population_date=pd.NA)
        then = filter_clusters(admitted[admitted["status"].eq(ACTIVE)] if metric == "active" else admitted, state["level"], state["sector"])
        table = count_by_county(base, then, regions).assign(regions=pd.NA, per_100k=pd.NA)
    if metric == "active":
        # Not known is not zero: each county also says how many might have been in.
        maybe = filter_clusters(admitted[admitted["status"].eq(END_UNKNOWN)], state["level"], state["sector"])
        table["unknown"] = count_by_county(base, maybe, regions)["clusters"]
    column = "clusters" if metric in ("admitted", "active") else metric
    covered = coverage(ds, admitted, metric, state["level"], state["sector"], year)
    return MapView(year, metric, column, shown, regions, table, int(admitted["status"].eq(END_UNKNOWN).sum()), covered, drawn)


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
        counties=len(table),
        # Clusters, not county counts: one over two counties is one cluster (as the coverage line says).
        total=view.coverage.shown,
        areas=len(view.regions),
        unknown=view.end_unknown,
    )
    if metric == "regions":
        shown_ids = source_ids_of(view.regions)
    else:
        # A cluster on the map rests on its own row and on the level row that puts it in this year.
        shown_ids = source_ids_of(view.shown) + source_ids_of(view.shown[["level_source_ids"]].set_axis(["source_ids"], axis=1))
    if metric == "per_100k":
        population = ds["reference/county_population"]
        shown_ids += source_ids_of(population[population["date"].eq(POPULATION_DATE)])
    chosen = state.get("county")
    labels = county_labels(ds)
    notes: tuple[str, ...] = ()
    if view.borders is not CURRENT_SET:
        outlines = outlines_for_set(ds, view.borders)
        labels = None
        notes = (borders_note(ds, view.borders, year, len(table), lang),)
    fig = choropleth(
        table, outlines, column, lang, unit, labels, "unknown" if metric == "active" else None,
        chosen=chosen if chosen != "all" else None, targets=county_targets(ds, outlines, view.borders.name),
    )
    return ChartBundle(
        key="map",
        fig=fig,
        rows=table,
        title=t(f"map.chart_title_{metric}", lang, year=year),
        subtitle=t(f"map.subtitle_{metric}", lang, year=year, borders=borders_phrase(view.borders, year, len(table), lang)),
        source_line=source_line(ds, shown_ids, lang),
        summary=summary,
        # A printed map cannot be hovered: the numbers on it, named.
        notes=(county_key(table, column, lang, 2 if metric == "per_100k" else 0), *notes, map_credit(lang)),
    )


def borders_phrase(drawn: BorderSet, year: int, counties: int, lang: str) -> str:
    """'by today's 15 counties' or 'by the 19 counties of 2012'."""
    if drawn is CURRENT_SET:
        return t("map.borders_today", lang)
    return t("map.borders_then", lang, count=counties, year=year)


def borders_note(ds: Dataset, drawn: BorderSet, year: int, counties: int, lang: str) -> str:
    """Which borders are shown and, before 2020, the municipalities drawn whole in one county."""
    text = t("map.borders_then_note", lang, count=counties, year=year)
    split = approximated(ds, drawn)
    if split:
        text += " " + t("map.borders_approximated", lang, names=", ".join(entry["name"] for entry in split))
    return text


def map_coverage_text(covered: Coverage, year: int, metric: str, lang: str) -> str:
    """'71 of 102 clusters in the registry are on the map for 2024. Not on it: 15 without a known
    county, …', and for the metric "active" the published count beside what the registry confirms."""
    if metric == "regions":
        return ""
    parts = [t(f"map.coverage_{name}", lang, count=count) for name, count in covered.parts().items()]
    text = t("map.coverage", lang, shown=covered.shown, total=covered.total, year=year)
    if parts:
        text += " " + t("map.coverage_not_shown", lang, parts=", ".join(parts))
    if metric == "active" and covered.published is not None:
        text += " " + t(
            "map.coverage_published", lang, published=covered.published, confirmed=covered.shown + covered.no_county,
            unknown=covered.unknown, year=year,
        )
    return text
