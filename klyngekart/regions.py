"""Restructuring areas year by year and one area at a time.

An area has status in a year when the sources' stated period includes it. An area with a start
but no stated end is "end not stated" after its start and never counted as having status then;
an area without years is listed, never placed in a year. The dataset's list of areas is not
complete, so a count here is the areas we know of, set beside the national count where one is published.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from klyngekart.data import Dataset
from klyngekart.data.validate import split_list
from klyngekart.effects import period, region_rows
from klyngekart.mapping import count_by_county, county_base, regions_in_year
from klyngekart.provenance import sources_for, with_source_columns


def year_range(ds: Dataset) -> range:
    """From the first stated start to the last stated year, no later than the release's year."""
    def build(ds: Dataset) -> range:
        regions = ds["restructuring_regions"]
        years = pd.concat([regions["start_year"], regions["end_year"]]).dropna().astype(int)
        last = min(int(years.max()), int(ds.release.date[:4]))
        return range(int(regions["start_year"].min()), last + 1)

    return ds.memo("regions.year_range", build)


def default_year(ds: Dataset) -> int:
    """The latest year in which any area is known to have status."""
    def build(ds: Dataset) -> int:
        years = [y for y in year_range(ds) if not regions_in_year(ds["restructuring_regions"], y).empty]
        return max(years) if years else year_range(ds)[-1]

    return ds.memo("regions.default_year", build)


@dataclass(frozen=True)
class RegionYear:
    year: int
    areas: pd.DataFrame  # areas with status in the year, with county names and source columns
    table: pd.DataFrame  # today's counties with `regions`: areas with status there (an area in two counties counts in both)
    end_not_stated: int  # areas started by the year whose end the sources do not give
    undated: int  # areas without a start year
    national: float | None  # the national count for the year where a source gives one


def region_year(ds: Dataset, year: int, name_column: str = "name") -> RegionYear:
    """The areas and counties of one year, worked out once per dataset, year and language."""
    return ds.memo(f"regions.year.{year}.{name_column}", lambda ds: _region_year(ds, year, name_column))


def all_areas(ds: Dataset, name_column: str = "name") -> pd.DataFrame:
    """Every area with county names then and today and its sources, by start year."""
    return ds.memo(
        f"regions.all.{name_column}",
        lambda ds: with_source_columns(region_rows(ds["restructuring_regions"], ds["reference/counties"], name_column), ds),
    )


def _region_year(ds: Dataset, year: int, name_column: str) -> RegionYear:
    regions = ds["restructuring_regions"]
    in_year = regions_in_year(regions, year)
    base = ds.memo("map.county_base", lambda ds: county_base(ds["reference/counties"], ds["reference/county_population"]))
    no_clusters = pd.DataFrame({"county_code_today": pd.Series(dtype="string")})
    table = count_by_county(base, no_clusters, in_year)
    started = regions["start_year"].le(year) & regions["end_year"].isna()
    stats = ds["programme_stats"]
    national = stats[
        stats["preferred"] & stats["indicator"].eq("restructuring_regions") & stats["level"].eq("all") & stats["year"].eq(year)
    ]
    listed = region_rows(in_year, ds["reference/counties"], name_column) if not in_year.empty else in_year
    return RegionYear(
        year=year,
        areas=with_source_columns(listed, ds),
        table=table[["county_code", "name", "regions"]],
        end_not_stated=int(started.fillna(False).sum()),
        undated=int(regions["start_year"].isna().sum()),
        national=float(national["value"].iloc[0]) if not national.empty else None,
    )


def in_county(areas: pd.DataFrame, county_code: str) -> pd.DataFrame:
    """The areas with a municipality in today's county `county_code` ("all": every area)."""
    if county_code == "all":
        return areas
    codes = areas["county_codes_today"].fillna("").map(split_list)
    return areas[codes.map(lambda found: county_code in found)]


@dataclass(frozen=True)
class Profile:
    region_id: str
    name: str
    period: str | None
    municipalities: list[str]
    county_then: str | None
    county_today: str | None
    note: str | None
    results: pd.DataFrame  # preferred results the area or its evaluators report, with source columns
    sources: pd.DataFrame  # every source behind the profile


def _text(value: object) -> str | None:
    """A cell as text, or None where the sources leave it empty (NaN and NA are truthy or ambiguous)."""
    return value if isinstance(value, str) and value else None


def region_profile(ds: Dataset, region_id: str, name_column: str = "name") -> Profile | None:
    rows = region_rows(ds["restructuring_regions"], ds["reference/counties"], name_column)
    found = rows[rows["region_id"].eq(region_id)]
    if found.empty:
        return None
    area = found.iloc[0]
    results = ds["region_results"]
    results = results[results["region_id"].eq(region_id) & results["preferred"]].sort_values(["start_year", "indicator"])
    years = [str(int(s)) if s == e else period(s, e) for s, e in zip(results["start_year"], results["end_year"], strict=True)]
    results = with_source_columns(results.assign(years=years), ds)
    ids = split_list(area["source_ids"]) + [i for ids in results["source_ids"] for i in split_list(ids)]
    return Profile(
        region_id=region_id,
        name=str(area["name"]),
        period=_text(area["period"]),
        municipalities=split_list(area["municipalities"]) if isinstance(area["municipalities"], str) else [],
        county_then=_text(area["county_then"]),
        county_today=_text(area["county_today"]),
        note=_text(area["note"]),
        results=results.reset_index(drop=True),
        sources=sources_for(ds, dict.fromkeys(ids)),
    )
