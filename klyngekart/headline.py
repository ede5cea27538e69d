"""The headline figures of the latest year, for the home page."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from klyngekart.data import Dataset
from klyngekart.stages import DERIVED, dataset_default_stage

# (figure key, table, filter) – the figures a visitor sees first.
HEADLINES = (
    ("clusters_served", "programme_stats", {"programme": "cluster_programme", "indicator": "clusters_served", "level": "all"}),
    ("firms_participating", "programme_stats", {"programme": "cluster_programme", "indicator": "firms_participating", "level": "all"}),
    ("networks_served", "programme_stats", {"programme": "business_networks", "indicator": "networks_served", "level": "all"}),
    ("restructuring_regions", "programme_stats", {"programme": "regional_restructuring", "indicator": "restructuring_regions", "level": "all"}),
    ("cluster_budget", "budgets", {"programme": "cluster_programme", "component": "all", "measure": "allocation"}),
)


@dataclass(frozen=True)
class Headline:
    key: str
    year: int
    value: float
    qualifier: str
    previous_year: int | None
    previous_value: float | None
    source_ids: str

    @property
    def change(self) -> float | None:
        return None if self.previous_value is None else self.value - self.previous_value


def latest_figure(key: str, rows: pd.DataFrame) -> Headline | None:
    """The last of `rows` (sorted by year), with the figure of the year before where there is one."""
    if rows.empty:
        return None
    latest = rows.iloc[-1]
    year = int(latest["year"])
    before = rows[rows["year"].eq(year - 1)]
    return Headline(
        key=key,
        year=year,
        value=float(latest["value"]),
        qualifier="" if pd.isna(latest["qualifier"]) else str(latest["qualifier"]),
        previous_year=year - 1 if not before.empty else None,
        previous_value=float(before.iloc[-1]["value"]) if not before.empty else None,
        source_ids=str(latest["source_ids"]),
    )


def _matching(frame: pd.DataFrame, conditions: dict[str, str]) -> pd.DataFrame:
    mask = frame["preferred"].astype(bool)
    for column, value in conditions.items():
        mask &= frame[column].eq(value)
    return frame[mask].sort_values("year")


def latest_headlines(ds: Dataset) -> list[Headline]:
    """Each headline's latest preferred figure, with the figure of the year before where there is one."""
    found = []
    for key, table, conditions in HEADLINES:
        rows = _matching(ds[table], conditions)
        if table == "budgets":
            # One stage, the budget chart's default, and no derived figure: a proposal is never set against an enacted budget.
            stage = dataset_default_stage(ds, conditions["programme"])
            rows = rows[rows["stage"].eq(stage) & ~rows["basis"].eq(DERIVED)]
        figure = latest_figure(key, rows)
        if figure is not None:
            found.append(figure)
    return found
