"""Budget series: preferred figures per year, gaps kept as gaps, real terms, year-over-year change.

Nothing here fills a missing year: a year without a public figure stays empty in every series,
and a change is only computed between two consecutive years that both have a figure.
"""

from __future__ import annotations

import pandas as pd

from klyngekart.data.schema import LEVELS

SUPPORT_MEASURES = ("per_cluster_min", "per_cluster_avg", "per_cluster_max")


def preferred_rows(budgets: pd.DataFrame, programme: str, measures: tuple[str, ...]) -> pd.DataFrame:
    rows = budgets[budgets["preferred"] & budgets["programme"].eq(programme) & budgets["measure"].isin(measures)]
    return rows.sort_values(["year", "component"]).reset_index(drop=True)


def missing_years(series: pd.DataFrame, years: range) -> list[int]:
    """Years in `years` with no figure at all in `series`: drawn as gaps, never filled."""
    present = set(int(y) for y in series["year"])
    return [y for y in years if y not in present]


def cpi_factor(cpi: pd.DataFrame, base_year: int) -> pd.Series:
    """Multiplier per year that turns that year's kroner into `base_year` kroner."""
    index = cpi.set_index("year")["cpi"].astype(float)
    if base_year not in index.index:
        raise ValueError(f"no consumer price index for {base_year}")
    return index[base_year] / index


def add_real_terms(series: pd.DataFrame, cpi: pd.DataFrame, base_year: int) -> pd.DataFrame:
    """`value_real`: the value in `base_year` kroner; empty where the year has no index."""
    factor = cpi_factor(cpi, base_year)
    out = series.copy()
    out["value_real"] = (out["value"].astype(float) * out["year"].astype(int).map(factor)).astype("Float64")
    return out


def add_change(series: pd.DataFrame, value_column: str = "value") -> pd.DataFrame:
    """Change in MNOK and percent against the previous year, per component, only across adjacent years."""
    out = series.sort_values(["component", "year"]).copy()
    previous_year = out.groupby("component")["year"].shift(1)
    previous_value = out.groupby("component")[value_column].shift(1)
    adjacent = previous_year.eq(out["year"] - 1)
    change = (out[value_column] - previous_value).where(adjacent)
    out["change"] = change.astype("Float64")
    out["change_pct"] = (change / previous_value * 100).where(adjacent).astype("Float64")
    return out.sort_values(["year", "component"]).reset_index(drop=True)


def support_ranges(budgets: pd.DataFrame, programme: str = "cluster_programme") -> pd.DataFrame:
    """State support per cluster per year as published: one row per level and year, min/avg/max columns."""
    rows = preferred_rows(budgets, programme, SUPPORT_MEASURES)
    if rows.empty:
        return pd.DataFrame(columns=["component", "year", *SUPPORT_MEASURES, "source_ids"])
    wide = rows.pivot_table(index=["component", "year"], columns="measure", values="value", aggfunc="first")
    sources = rows.groupby(["component", "year"])["source_ids"].agg(lambda ids: ";".join(dict.fromkeys(";".join(ids).split(";"))))
    wide = wide.reindex(columns=list(SUPPORT_MEASURES)).join(sources).reset_index()
    level_order = {level: i for i, level in enumerate(LEVELS)}
    return wide.sort_values(["component", "year"], key=lambda s: s.map(level_order) if s.name == "component" else s).reset_index(drop=True)


def table_rows(budgets: pd.DataFrame, programme: str, components: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Every row of the programme (conflicting ones too), flagged, for the table under the chart."""
    rows = budgets[budgets["programme"].eq(programme)].copy()
    if components is not None:
        rows = rows[rows["component"].isin(components)]
    # Figures of different stages (a proposal and the enacted budget) differ by design, not in conflict.
    group = ["year", "programme", "component", "measure", "stage"]
    rows["conflict"] = rows.groupby(group, dropna=False)["value"].transform("size").gt(1)
    return rows.sort_values(["year", "component", "measure", "preferred"], ascending=[True, True, True, False]).reset_index(drop=True)


def events_for(events: pd.DataFrame, programme: str, types: tuple[str, ...]) -> pd.DataFrame:
    rows = events[events["programme"].eq(programme) & events["event_type"].isin(types)]
    return rows.sort_values(["year", "date"]).reset_index(drop=True)
