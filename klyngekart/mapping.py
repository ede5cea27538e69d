"""The programme as it stood in a given year, counted by today's county.

A cluster's level row places it in the programme in a year only when a source puts the year
inside the row's period: from the start year to the end year, or to any later year when a
source says the cluster is still in the programme ("ongoing"). For many clusters the sources give
a start but no end; those are "end not known" in later years and are never counted as active,
because programme norms (Arena 3–5 years …) are not evidence of when a particular cluster left.
What is always known is whether a cluster had been admitted by a year: the map's default.
"""

from __future__ import annotations

import pandas as pd

from klyngekart.data.schema import LEVELS

ACTIVE = "active"
END_UNKNOWN = "end_unknown"
ENDED = "ended"
# When one cluster holds two levels in the same year (a promotion year), the map shows the higher.
LEVEL_RANK = {"GCE": 0, "NCE": 1, "Arena Pro": 2, "Arena": 3, "Mature cluster": 4, "Hub-node": 5}
STATUS_RANK = {ACTIVE: 0, END_UNKNOWN: 1, ENDED: 2}
METRICS = ("admitted", "active", "per_100k", "regions")
COLUMNS = ["cluster_id", "level", "status", "source_ids"]


def _row_status(rows: pd.DataFrame, year: int) -> pd.Series:
    in_period = rows["end_year"].notna() & rows["end_year"].ge(year)
    ongoing = rows["end_year"].isna() & rows["end_status"].eq("ongoing")
    ended = rows["end_year"].notna() & rows["end_year"].lt(year)
    status = pd.Series(END_UNKNOWN, index=rows.index)
    status[in_period | ongoing] = ACTIVE
    status[ended] = ENDED
    return status


def level_status(levels: pd.DataFrame, year: int) -> pd.DataFrame:
    """One row per cluster admitted by `year`: its level then, and whether a source places it in
    the programme that year (active), says it had left (ended), or does not say (end_unknown)."""
    started = levels[levels["start_year"].notna() & levels["start_year"].le(year)]
    if started.empty:
        return pd.DataFrame(columns=COLUMNS)
    rows = started.assign(status=_row_status(started, year))
    rows = rows.assign(
        _status=rows["status"].map(STATUS_RANK), _level=rows["level"].map(LEVEL_RANK), _start=-rows["start_year"]
    ).sort_values(["cluster_id", "_status", "_start", "_level"])
    return rows.drop_duplicates("cluster_id")[COLUMNS].reset_index(drop=True)


def clusters_in_year(clusters: pd.DataFrame, levels: pd.DataFrame, year: int, metric: str) -> pd.DataFrame:
    """Clusters the metric counts in `year` (admitted by then, or active then), with today's county."""
    status = level_status(levels, year)
    if metric == "active":
        status = status[status["status"].eq(ACTIVE)]
    joined = status.rename(columns={"source_ids": "level_source_ids"}).merge(clusters, on="cluster_id", how="left")
    order = joined.assign(_level=joined["level"].map(LEVEL_RANK)).sort_values(["_level", "name"])
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


def county_table(
    counties: pd.DataFrame,
    population: pd.DataFrame,
    in_year: pd.DataFrame,
    regions: pd.DataFrame,
) -> pd.DataFrame:
    """All 15 of today's counties with clusters, clusters per 100 000 inhabitants and areas.

    A county with none gets 0, never a gap: zero is a finding.
    """
    today = counties[counties["valid_to"].isna()][["county_code", "name"]].sort_values("county_code")
    clusters = in_year.dropna(subset=["county_code_today"]).groupby("county_code_today").size()
    area_counties = regions["county_codes_today"].dropna().str.split(";").explode()
    areas = area_counties.value_counts()
    latest = population.sort_values("date").drop_duplicates("county_code", keep="last").set_index("county_code")
    table = today.assign(
        clusters=today["county_code"].map(clusters).fillna(0).astype(int),
        regions=today["county_code"].map(areas).fillna(0).astype(int),
        population=today["county_code"].map(latest["population"]).astype("Int64"),
        population_date=today["county_code"].map(latest["date"]),
    )
    table["per_100k"] = (table["clusters"] / table["population"].astype(float) * 100_000).round(2)
    return table.reset_index(drop=True)


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
