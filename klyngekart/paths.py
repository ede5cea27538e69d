"""Paths through the programme, from cluster_levels: where Arena clusters went next, how long levels lasted.

Only rows with a start year can be placed in order, so every figure here leaves the others out
and says how many that was. A duration is end year minus start year, and only for levels a
source says have ended (a reported end or a move, not a period planned in advance); awards run
from mid-year to mid-year, so a three-year Arena period awarded in 2012 ends in 2015 and counts
as three years.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from klyngekart.clusters import ordered_levels
from klyngekart.data.schema import LEVELS

ONWARD_LEVELS = ("Arena Pro", "NCE", "GCE")


@dataclass(frozen=True)
class LeftOut:
    rows: int  # level rows without a start year
    clusters: int  # clusters with at least one such row


def left_out(levels: pd.DataFrame) -> LeftOut:
    undated = levels[levels["start_year"].isna()]
    return LeftOut(rows=len(undated), clusters=undated["cluster_id"].nunique())


def onward(levels: pd.DataFrame, origin: str = "Arena", targets: tuple[str, ...] = ONWARD_LEVELS) -> tuple[int, pd.DataFrame]:
    """How many clusters with a dated `origin` row later reached each target level.

    "Later" means a target row starting in or after the year the cluster entered `origin`.
    Returns the number of such clusters and one row per target: level, clusters, share (0–1).
    """
    dated = levels[levels["start_year"].notna()]
    entered = dated[dated["level"].eq(origin)].groupby("cluster_id")["start_year"].min()
    rows = []
    for target in targets:
        reached = dated[dated["level"].eq(target) & dated["cluster_id"].isin(entered.index)]
        later = reached[reached["start_year"].ge(reached["cluster_id"].map(entered))]
        count = later["cluster_id"].nunique()
        rows.append({"level": target, "clusters": count, "share": count / len(entered) if len(entered) else float("nan")})
    return len(entered), pd.DataFrame(rows, columns=["level", "clusters", "share"])


def path_counts(levels: pd.DataFrame) -> pd.DataFrame:
    """Each sequence of levels clusters went through ('Arena → NCE'), with how many took it."""
    dated = ordered_levels(levels[levels["start_year"].notna()])
    sequences = dated.groupby("cluster_id")["level"].agg(lambda held: " → ".join(dict.fromkeys(held)))
    counts = sequences.value_counts().rename_axis("path").reset_index(name="clusters")
    return counts.sort_values(["clusters", "path"], ascending=[False, True]).reset_index(drop=True)


def durations(levels: pd.DataFrame) -> pd.DataFrame:
    """Per level: rows with a start year, how many have a stated end, how many only a planned one, and
    the years the stated ones lasted (NaN: none ended)."""
    dated = levels[levels["start_year"].notna()]
    with_end = dated["end_status"].eq("ended") & dated["end_year"].notna()
    planned = with_end & dated["end_basis"].eq("planned")
    ended = dated[with_end & ~planned]
    years = (ended["end_year"] - ended["start_year"]).astype(int)
    rows = []
    for level in LEVELS:
        at_level = years[ended["level"].eq(level)]
        total = int(dated["level"].eq(level).sum())
        if not total:
            continue
        planned_here = int((planned & dated["level"].eq(level)).sum())
        rows.append(
            {
                "level": level,
                "rows": total,
                "ended": len(at_level),
                "planned": planned_here,
                "open": total - len(at_level) - planned_here,
                "median_years": float(at_level.median()) if len(at_level) else float("nan"),
                "min_years": float(at_level.min()) if len(at_level) else float("nan"),
                "max_years": float(at_level.max()) if len(at_level) else float("nan"),
            }
        )
    return pd.DataFrame(rows, columns=["level", "rows", "ended", "planned", "open", "median_years", "min_years", "max_years"])
