"""What the programmes achieve and who takes part: effect estimates, participation, restructuring.

Effect estimates are shown as published, never recomputed. A report year whose methods differ
from the previous report year's is a method break: figures on either side are not comparable.
Missing years stay missing; a change is only computed between two consecutive years.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from itertools import pairwise

import pandas as pd

from klyngekart.data.schema import EFFECT_INDICATORS, LEVELS
from klyngekart.data.validate import split_list
from klyngekart.headline import Headline, latest_figure

# Counts of who takes part, per programme, its main count first. Jobs and new firms are outcomes
# of restructuring and get their own chart; `projects` is cumulative and would read as a yearly count.
PROGRAMME_INDICATORS = {
    "cluster_programme": ("clusters_served", "clusters_admitted", "firms_participating", "knowledge_institutions"),
    "business_networks": ("networks_served", "agriculture_networks", "firms_participating"),
    "regional_restructuring": ("restructuring_regions",),
}
PARTICIPATION_INDICATORS = tuple(dict.fromkeys(i for group in PROGRAMME_INDICATORS.values() for i in group))
RESTRUCTURING_OUTCOMES = ("jobs_created", "jobs_secured", "new_firms")
LEVEL_ORDER = ("all", *LEVELS)
# (programme, indicator) of the participation figures shown at the top of the page.
KEY_STATS = (
    ("cluster_programme", "clusters_served"),
    ("cluster_programme", "firms_participating"),
    ("business_networks", "networks_served"),
    ("regional_restructuring", "jobs_created"),
)


def _sorted_levels(rows: pd.DataFrame) -> pd.DataFrame:
    order = {level: i for i, level in enumerate(LEVEL_ORDER)}
    return rows.sort_values(["year", "level"], key=lambda s: s.map(order) if s.name == "level" else s).reset_index(drop=True)


# --- effect estimates -------------------------------------------------------------------------


def method_of_year(effects: pd.DataFrame) -> dict[int, tuple[str, ...]]:
    """The method ids behind each report year (usually one)."""
    return {int(year): tuple(sorted(set(group["method_id"]))) for year, group in effects.groupby("report_year")}


def method_breaks(effects: pd.DataFrame) -> list[tuple[int, int]]:
    """(last year of the old method, first year of the new) wherever the method changes between report years."""
    methods = method_of_year(effects)
    years = sorted(methods)
    return [(before, after) for before, after in pairwise(years) if methods[before] != methods[after]]


def effect_series(effects: pd.DataFrame) -> pd.DataFrame:
    """Every published estimate, by report year and indicator, with `new_method` on the first year of a method.

    `new_method` is true where the report year's method differs from the previous report year's,
    so every bar right of a break carries it, whichever indicators that year reported.
    """
    breaks = {after for _, after in method_breaks(effects)}
    order = {indicator: i for i, indicator in enumerate(EFFECT_INDICATORS)}
    out = effects.sort_values(["report_year", "indicator"], key=lambda s: s.map(order) if s.name == "indicator" else s).copy()
    out["new_method"] = out["report_year"].astype(int).isin(breaks)
    return out.reset_index(drop=True)


def indicator_gaps(series: pd.DataFrame) -> dict[str, list[int]]:
    """Per indicator, the report years that published other indicators but not this one."""
    years = sorted({int(y) for y in series["report_year"]})
    return {
        indicator: [y for y in years if y not in {int(r) for r in series.loc[series["indicator"].eq(indicator), "report_year"]}]
        for indicator in EFFECT_INDICATORS
        if series["indicator"].eq(indicator).any()
    }


@dataclass(frozen=True)
class Method:
    method_id: str
    computed_by: str
    years: tuple[int, ...]
    windows: tuple[str, ...]
    comparisons: tuple[str, ...]
    source_ids: str


def methods(effects: pd.DataFrame) -> list[Method]:
    """One entry per method, in order of first use, with every wording of its window and comparison."""
    found = []
    for method_id, rows in effects.sort_values("report_year").groupby("method_id", sort=False):
        found.append(
            Method(
                method_id=str(method_id),
                computed_by=" / ".join(dict.fromkeys(rows["computed_by"])),
                years=tuple(sorted({int(y) for y in rows["report_year"]})),
                windows=tuple(dict.fromkeys(rows["window"])),
                comparisons=tuple(dict.fromkeys(rows["comparison"])),
                source_ids=";".join(dict.fromkeys(i for ids in rows["source_ids"] for i in split_list(ids))),
            )
        )
    return found


@dataclass(frozen=True)
class Report:
    year: int
    computed_by: str
    low: float
    high: float


def latest_report(series: pd.DataFrame) -> Report:
    """The newest report year, who computed it, and its smallest and largest estimate."""
    year = int(series["report_year"].max())
    rows = series[series["report_year"].eq(year)]
    values = rows["value_pp"].astype(float)
    return Report(year, " / ".join(dict.fromkeys(rows["computed_by"])), float(values.min()), float(values.max()))


@dataclass(frozen=True)
class EffectFigure:
    indicator: str
    report_year: int
    value_pp: float
    computed_by: str
    previous_value: float | None
    source_ids: str

    @property
    def change(self) -> float | None:
        return None if self.previous_value is None else self.value_pp - self.previous_value


def latest_effects(effects: pd.DataFrame) -> list[EffectFigure]:
    """The latest report year's estimates, each with the estimate of the report the year before.

    The earlier estimate is left out when there was no report the year before, or when it used
    another method: a difference across a method break says nothing about the programme.
    """
    series = effect_series(effects)
    if series.empty:
        return []
    year = int(series["report_year"].max())
    before = series[series["report_year"].eq(year - 1)].set_index(["indicator", "method_id"])["value_pp"]
    found = []
    for row in series[series["report_year"].eq(year)].itertuples():
        previous = before.get((row.indicator, row.method_id))
        found.append(
            EffectFigure(
                indicator=row.indicator,
                report_year=year,
                value_pp=float(row.value_pp),
                computed_by=row.computed_by,
                previous_value=None if previous is None or pd.isna(previous) else float(previous),
                source_ids=row.source_ids,
            )
        )
    return found


# --- participation and restructuring counts ---------------------------------------------------


def stat_series(stats: pd.DataFrame, programme: str, indicators: tuple[str, ...]) -> pd.DataFrame:
    """Preferred counts of `indicators` for `programme`, one row per year, indicator and level."""
    rows = stats[stats["preferred"] & stats["programme"].eq(programme) & stats["indicator"].isin(indicators)]
    return _sorted_levels(rows)


def indicators_with_data(stats: pd.DataFrame, programme: str) -> tuple[str, ...]:
    """The participation counts this programme has at least one preferred figure for, its main count first."""
    wanted = PROGRAMME_INDICATORS.get(programme, ())
    present = set(stat_series(stats, programme, wanted)["indicator"])
    return tuple(i for i in wanted if i in present)


def pick_indicator(requested: str, available: tuple[str, ...]) -> str:
    """The requested count where the programme has it; else its first count (the URL may name another programme's)."""
    return requested if requested in available or not available else available[0]


def latest_count(counts: pd.DataFrame) -> pd.Series:
    """The newest total where the sources give one; else the newest figure of any level."""
    totals = counts[counts["level"].eq("all")]
    return (totals if not totals.empty else counts).iloc[-1]


def year_gaps(series: pd.DataFrame, year_column: str = "year") -> list[int]:
    """Years between the first and the last figure with no figure at all: drawn as gaps, never filled."""
    if series.empty:
        return []
    years = set(int(y) for y in series[year_column])
    return [y for y in range(min(years), max(years) + 1) if y not in years]


@dataclass(frozen=True)
class KeyFigure(Headline):
    programme: str = ""
    indicator: str = ""


def key_figures(stats: pd.DataFrame, wanted: tuple[tuple[str, str], ...] = KEY_STATS) -> list[KeyFigure]:
    """Each wanted count's latest preferred total, with the total of the year before where there is one."""
    found = []
    for programme, indicator in wanted:
        rows = stat_series(stats, programme, (indicator,))
        figure = latest_figure(f"{programme}.{indicator}", rows[rows["level"].eq("all")])
        if figure is not None:
            found.append(KeyFigure(**asdict(figure), programme=programme, indicator=indicator))
    return found


# --- restructuring regions --------------------------------------------------------------------


def _county_names(codes: object, names: dict[str, str]) -> str | None:
    if not isinstance(codes, str) or not codes:
        return None
    return ", ".join(names.get(code, code) for code in split_list(codes))


def period(start: object, end: object) -> str | None:
    """'2009–2013', '2007–' (end not stated), '–2013' (start not stated); None when neither is."""
    if pd.isna(start) and pd.isna(end):
        return None
    return f"{'' if pd.isna(start) else int(start)}–{'' if pd.isna(end) else int(end)}"


def region_rows(regions: pd.DataFrame, counties: pd.DataFrame, name_column: str = "name") -> pd.DataFrame:
    """The restructuring regions with county names of their time and of today, by start year.

    Today's counties come from the loader's derived `county_codes_today`; a region whose old
    county was split and whose municipalities are unknown keeps an empty county today.
    """
    names = dict(zip(counties["county_code"], counties[name_column], strict=True))
    out = regions.copy()
    out["municipality_list"] = out["municipalities"].map(lambda m: ", ".join(split_list(m)) if isinstance(m, str) else None)
    out["county_then"] = out["county_code_source"].map(lambda c: _county_names(c, names))
    out["county_today"] = out["county_codes_today"].map(lambda c: _county_names(c, names))
    out["period"] = [period(start, end) for start, end in zip(out["start_year"], out["end_year"], strict=True)]
    return out.sort_values(["start_year", "name"], na_position="last").reset_index(drop=True)
