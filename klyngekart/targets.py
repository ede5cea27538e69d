"""Issue 13's targets for the completeness report: participation year by year, effect report
years, the budget's stage and funder, and years with a whole-programme amount at some stage.

Years searched without result are listed in data/README.md under the headings below: a line per
year or range ("- 2016: where we looked", "- 2010–2017: ..."), for participation under a
"### <programme>" sub-heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from klyngekart.data import Dataset
from klyngekart.stages import whole_years

PARTICIPATION_YEARS = range(2010, 2025)
EFFECT_YEARS = range(2014, 2025)
WHOLE_YEARS = range(2002, 2026)
MAX_LISTED = 3
# The count that says a programme was running that year, as a whole-programme total.
PARTICIPATION = {
    "cluster_programme": "clusters_served",
    "business_networks": "networks_served",
    "regional_restructuring": "restructuring_regions",
}
PARTICIPATION_HEADING = "## Years with no participation figure"
EFFECTS_HEADING = "## Report years without effect estimates"


def _section(text: str, heading: str) -> str:
    if heading not in text:
        return ""
    # A section ends at the next heading of its own depth ("## " ends at "## ", not at "### ").
    marks = heading.split(" ", 1)[0]
    return text.split(heading, 1)[1].split(f"\n{marks} ", 1)[0]


def listed_years(readme: Path, heading: str, sub_heading: str | None = None) -> set[int]:
    """Years listed ("- 2016:" or "- 2010–2017:") in data/README.md's section `heading`,
    within its sub-section `sub_heading` where given."""
    text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    section = _section(text, heading)
    if sub_heading is not None:
        section = _section(section, sub_heading)
    years: set[int] = set()
    for first, last in re.findall(r"^- (\d{4})(?:[–-](\d{4}))?\b", section, flags=re.MULTILINE):
        years.update(range(int(first), int(last or first) + 1))
    return years


@dataclass(frozen=True)
class Participation:
    programme: str
    missing: list[int]  # years without a preferred whole-programme count
    listed: list[int]  # of those, the years data/README.md lists as searched without result

    @property
    def unexplained(self) -> list[int]:
        return [y for y in self.missing if y not in self.listed]

    @property
    def met(self) -> bool:
        return not self.unexplained and len(self.missing) <= MAX_LISTED


def participation(ds: Dataset, readme: Path) -> list[Participation]:
    stats = ds["programme_stats"]
    found = []
    for programme, indicator in PARTICIPATION.items():
        rows = stats[stats["preferred"] & stats["programme"].eq(programme) & stats["indicator"].eq(indicator) & stats["level"].eq("all")]
        have = {int(y) for y in rows["year"]}
        missing = [y for y in PARTICIPATION_YEARS if y not in have]
        listed = listed_years(readme, PARTICIPATION_HEADING, f"### {programme}")
        found.append(Participation(programme, missing, [y for y in missing if y in listed]))
    return found


def effect_years(ds: Dataset, readme: Path) -> tuple[list[int], list[int], list[int]]:
    """Report years with estimates, years of EFFECT_YEARS without them listed as searched, and not listed."""
    have = sorted({int(y) for y in ds["effects"]["report_year"]})
    listed = listed_years(readme, EFFECTS_HEADING)
    missing = [y for y in EFFECT_YEARS if y not in have]
    return have, [y for y in missing if y in listed], [y for y in missing if y not in listed]


def budget_rows_without(ds: Dataset, column: str) -> int:
    """Budget rows with `column` empty (the contract requires stage and funder; this says it in the report)."""
    return int(ds["budgets"][column].isna().sum())


def years_with_whole_amount(ds: Dataset, programme: str) -> list[int]:
    """Years of WHOLE_YEARS with a whole-programme amount from a source at some stage (derived ones are not found)."""
    by_stage = whole_years(ds["budgets"], programme)
    return sorted(set().union(*by_stage.values()) & set(WHOLE_YEARS))


def years_with_whole_figure(ds: Dataset, programme: str) -> list[int]:
    """Like `years_with_whole_amount`, counting any whole-programme figure: a change or an extra package too."""
    budgets = ds["budgets"]
    rows = budgets[budgets["programme"].eq(programme) & budgets["component"].eq("all") & ~budgets["basis"].eq("derived")]
    rows = rows[~rows["measure"].str.startswith("per_cluster")]
    return sorted({int(y) for y in rows["year"]} & set(WHOLE_YEARS))
