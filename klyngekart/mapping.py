"""The programme as it stood in a given year, counted by today's county.

A cluster's level row places it in the programme in a year only when a source puts the year
inside the row's period: its start year (the admission), up to the end year, up to its first funded
year where a source gives one (a November admission funded from January), up to the latest year
a dated source confirms it at the level (`confirmed_until`), or any later year when a source says
the cluster is still in the programme ("ongoing"). After a planned end (`end_basis`) whether the
cluster was still in is not known; after a reported end or a move it had left. For many clusters the sources give a start but
no end; those are "end not known" in later years and are never counted as active,
because programme norms (Arena 3–5 years …) are not evidence of when a particular cluster left.
What is always known is whether a cluster had been admitted by a year: the map's default.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from klyngekart.data.derive import per_county
from klyngekart.data.schema import LEVELS

ACTIVE = "active"
END_UNKNOWN = "end_unknown"
ENDED = "ended"
# When one cluster holds two levels in the same year (a promotion year), the map shows the higher.
# The highest level a cluster reached sorts first. NIC Impact is the revised programme's top level; the
# order Connect → Explore → Impact is read from two sources, not stated whole by one.
LEVEL_RANK = {
    "GCE": 0, "NCE": 1, "NIC Impact": 2, "Arena Pro": 3, "NIC Explore": 4, "NIC Connect": 5, "Arena": 6, "Mature cluster": 7, "Hub-node": 8,
}
STATUS_RANK = {ACTIVE: 0, END_UNKNOWN: 1, ENDED: 2}
METRICS = ("admitted", "active", "per_100k", "regions")
# Population per county for "per inhabitant" figures: the official count on the 2024 division
# (1 Jan 2022, Prop. 127 S (2021–2022), regjeringen.no). The 1 Jan 2024 rows rest on a third-party
# file, so no chart uses them.
POPULATION_DATE = "2022-01-01"
COLUMNS = ["cluster_id", "level", "status", "source_ids"]


def _statuses(levels: pd.DataFrame, years: Iterable[int]) -> pd.DataFrame:
    """One row per cluster and year in `years` from its admission on: its level that year, and
    whether a source places it in the programme then (active), says it had left (ended), or does
    not say (end_unknown). All years are worked out in one pass, so a page can build every year
    once instead of once per rerun."""
    started = levels[levels["start_year"].notna()]
    rows = started.merge(pd.DataFrame({"year": list(years)}, dtype="int64"), how="cross")
    rows = rows[rows["start_year"].le(rows["year"])]
    if rows.empty:
        return pd.DataFrame(columns=["year", *COLUMNS])
    end, year, confirmed, funded = rows["end_year"], rows["year"], rows["confirmed_until"], rows["first_funded_year"]
    status = pd.Series(END_UNKNOWN, index=rows.index)
    # The admission places a cluster in the programme in its start year; after that a stated end,
    # a stated first year of funding, a dated confirmation or a source saying it is still in does.
    in_programme = (
        year.eq(rows["start_year"])
        | (end.notna() & end.ge(year))
        | (end.isna() & funded.notna() & funded.ge(year))
        | (end.isna() & confirmed.notna() & confirmed.ge(year))
        | (end.isna() & rows["end_status"].eq("ongoing"))
    )
    status[in_programme] = ACTIVE
    # A planned end is a period stated in advance: after it the cluster may have been extended,
    # so the year stays "not known" rather than "had left".
    status[end.notna() & end.lt(year) & rows["end_basis"].ne("planned")] = ENDED
    rows = rows.assign(
        status=status,
        _status=status.map(STATUS_RANK),
        _level=rows["level"].map(LEVEL_RANK),
        _start=-rows["start_year"],
    ).sort_values(["year", "cluster_id", "_status", "_start", "_level"])
    # When one cluster holds two level rows in a year, a row that places it there wins, then the latest start, then the higher level.
    return rows.drop_duplicates(["year", "cluster_id"])[["year", *COLUMNS]].reset_index(drop=True)


def programme_years(clusters: pd.DataFrame, levels: pd.DataFrame, years: Iterable[int]) -> pd.DataFrame:
    """Every cluster admitted by each year in `years`, joined to its cluster row (today's county
    included), sorted by year, level and name. The level row's sources are `level_source_ids`."""
    status = _statuses(levels, years).rename(columns={"source_ids": "level_source_ids"})
    joined = status.merge(clusters, on="cluster_id", how="left")
    order = joined.assign(_level=joined["level"].map(LEVEL_RANK)).sort_values(["year", "_level", "name"])
    return order.drop(columns="_level").reset_index(drop=True)


def filter_clusters(frame: pd.DataFrame, level: str, sector: str) -> pd.DataFrame:
    """`sector` is the English label, the stable value kept in the URL whatever the language."""
    if level != "all":
        frame = frame[frame["level"].eq(level)]
    if sector != "all":
        frame = frame[frame["sector_en"].eq(sector)]
    return frame


def regions_in_year(regions: pd.DataFrame, year: int) -> pd.DataFrame:
    """Restructuring areas whose stated period includes `year` (areas without years are left out)."""
    known = regions["start_year"].notna() & regions["end_year"].notna()
    active = known & regions["start_year"].le(year) & regions["end_year"].ge(year)
    return regions[active].reset_index(drop=True)


def county_base(counties: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    """Today's 15 counties with their population on POPULATION_DATE."""
    today = counties[counties["valid_to"].isna()][["county_code", "name"]].sort_values("county_code")
    latest = population[population["date"].eq(POPULATION_DATE)].set_index("county_code")
    return today.assign(
        population=today["county_code"].map(latest["population"]).astype("Int64"),
        population_date=today["county_code"].map(latest["date"]),
    ).reset_index(drop=True)


def count_by_county(base: pd.DataFrame, in_year: pd.DataFrame, regions: pd.DataFrame) -> pd.DataFrame:
    """`county_base` with clusters, clusters per 100 000 inhabitants and restructuring areas.

    A county with none gets 0, never a gap: zero is a finding. An area in two counties counts in both.
    """
    clusters = Counter(per_county(in_year)["county_code_today"])
    areas = Counter(code for codes in regions["county_codes_today"].dropna() for code in codes.split(";"))
    codes = base["county_code"].tolist()
    table = base.assign(clusters=[clusters[code] for code in codes], regions=[areas[code] for code in codes])
    table["per_100k"] = (table["clusters"] / table["population"].astype(float) * 100_000).round(2)
    return table[["county_code", "name", "clusters", "regions", "population", "population_date", "per_100k"]]


def without_place(clusters: pd.DataFrame, levels: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Clusters the map cannot place: no level years at all, or no county today."""
    dated = set(levels.loc[levels["start_year"].notna(), "cluster_id"])
    return {
        "no_years": clusters[~clusters["cluster_id"].isin(dated)].sort_values("name"),
        "no_county": clusters[clusters["county_code_today"].isna()].sort_values("name"),
    }


def level_options(levels: pd.DataFrame) -> tuple[str, ...]:
    present = set(levels["level"])
    return ("all", *(level for level in LEVELS if level in present))


def county_label_points(municipalities: pd.DataFrame) -> pd.DataFrame:
    """Where a county's number sits on the map: the mean of its municipalities' points."""
    placed = municipalities.dropna(subset=["latitude", "longitude"])
    points = placed.groupby("county_code")[["latitude", "longitude"]].mean().astype(float).round(4)
    return points.reset_index()


def county_from_point(point: dict) -> str | None:
    """The county code of a clicked label circle, from the chart's selection event."""
    data = point.get("customdata")
    if isinstance(data, list) and data:
        return str(data[0])
    return str(data) if data else None
