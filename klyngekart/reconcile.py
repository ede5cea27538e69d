"""Checks of the cluster registry against itself and against Innovasjon Norge's published counts.

Reconciliation compares, for each year with a published "clusters served" figure, the clusters
the registry places in the programme that year (a source puts the year inside a level's period)
with the published figure. The published figure is the preferred `level = all` row; where a year
has only per-level rows, their sum is compared with the registry's clusters at those levels.
Clusters admitted earlier whose sources do not say whether they were still in are listed: they
are what the registry cannot tell, and the usual reason for a shortfall.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import pandas as pd

from klyngekart.clusters import fold
from klyngekart.data.schema import END_BASES
from klyngekart.data.validate import round_keys, split_list
from klyngekart.mapping import ACTIVE, END_UNKNOWN, programme_years

TOLERANCE = 0.10


@dataclass(frozen=True)
class Reconciliation:
    year: int
    levels: tuple[str, ...]  # ("all",) or the levels whose published figures were summed
    registry: int  # clusters a source places in the programme that year
    published: int
    unknown: tuple[str, ...]  # cluster ids admitted by then whose sources do not say whether they were still in

    @property
    def met(self) -> bool:
        return abs(self.registry - self.published) <= TOLERANCE * self.published

    @property
    def explained(self) -> bool:
        """Whether the clusters not known to have left would close the gap if they were still in."""
        return self.registry + len(self.unknown) >= (1 - TOLERANCE) * self.published

    @property
    def line(self) -> str:
        return f"reconcile {self.year}: registry {self.registry}, published {self.published}"


def published_served(stats: pd.DataFrame) -> dict[int, tuple[tuple[str, ...], int]]:
    """Year -> (levels, published clusters served) from the preferred cluster-programme rows."""
    rows = stats[
        stats["preferred"] & stats["programme"].eq("cluster_programme") & stats["indicator"].eq("clusters_served")
    ]
    out = {}
    for year, group in rows.groupby("year"):
        whole = group[group["level"].eq("all")]
        if not whole.empty:
            out[int(year)] = (("all",), int(whole["value"].iloc[0]))
        else:
            out[int(year)] = (tuple(sorted(group["level"])), int(group["value"].sum()))
    return out


def reconcile(clusters: pd.DataFrame, levels: pd.DataFrame, stats: pd.DataFrame) -> list[Reconciliation]:
    published = published_served(stats)
    if not published:
        return []
    out = []
    for year, (counted_levels, value) in sorted(published.items()):
        rows = levels if counted_levels == ("all",) else levels[levels["level"].isin(counted_levels)]
        status = programme_years(clusters, rows, [year])
        active = status.loc[status["status"].eq(ACTIVE), "cluster_id"].nunique()
        unknown = status.loc[status["status"].eq(END_UNKNOWN), "cluster_id"]
        out.append(Reconciliation(year, counted_levels, int(active), value, tuple(sorted(unknown))))
    return out


def name_set(name: object, other_names: object) -> set[str]:
    names = [name, *(split_list(other_names) if isinstance(other_names, str) else [])]
    return {fold(n).strip() for n in names if fold(n).strip()}


def duplicate_pairs(clusters: pd.DataFrame) -> list[tuple[str, str]]:
    """Pairs of rows that look like one cluster: a name (or earlier name) of one, folded, is a name of the other."""
    names = {cid: name_set(n, o) for cid, n, o in zip(clusters["cluster_id"], clusters["name"], clusters["other_names"], strict=True)}
    return [(a, b) for a, b in combinations(sorted(names), 2) if names[a] & names[b]]


def round_disagreements(levels: pd.DataFrame, events: pd.DataFrame) -> dict[str, list[int]]:
    """Admission rounds whose level rows do not all carry the round's year as start year:
    round key -> the distinct start years found (the round's own year first)."""
    if "round" not in levels.columns:
        return {}
    year_of = round_keys(events.astype({"year": "string", "date": "string"}))
    out = {}
    for key, group in levels[levels["round"].notna()].groupby("round"):
        expected = year_of.get(str(key))
        years = sorted({int(y) for y in group["start_year"].dropna()})
        if expected is None or years != [expected] or group["start_year"].isna().any():
            out[str(key)] = [expected, *[y for y in years if y != expected]] if expected is not None else years
    return out


def undated_on_map(clusters: pd.DataFrame, levels: pd.DataFrame, years: range) -> set[str]:
    """Clusters with no start year on any level that the map would still count in some year (must be none)."""
    dated = set(levels.loc[levels["start_year"].notna(), "cluster_id"])
    undated = set(clusters["cluster_id"]) - dated
    counted = set(programme_years(clusters, levels, years)["cluster_id"])
    return undated & counted


def closed_with_end(levels: pd.DataFrame) -> tuple[int, int]:
    """(closed level rows with an end year, closed level rows): rows with a start year not stated as ongoing."""
    closed = levels[levels["start_year"].notna() & levels["end_status"].ne("ongoing")]
    return int(closed["end_year"].notna().sum()), len(closed)


def end_bases(levels: pd.DataFrame) -> dict[str, int]:
    """How the closed levels' end years are known, in the contract's order: a planned end may have moved."""
    closed = levels[levels["start_year"].notna() & levels["end_status"].ne("ongoing") & levels["end_year"].notna()]
    counts = closed["end_basis"].value_counts()
    return {basis: int(counts.get(basis, 0)) for basis in END_BASES}
