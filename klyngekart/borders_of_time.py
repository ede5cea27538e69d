"""Counties as they were: which border set a year is drawn in, its outlines, and the county of
that time for a municipality of today. The map draws today's 15 counties by default; "of their
time" draws a year in the counties that existed then, where a border set for that year is built
(tools/build_historic_counties.py). Unknown stays unknown: a year without a built set gets None.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from klyngekart.data import DATA_DIR, Dataset
from klyngekart.data.borders import COUNTIES_FILE
from klyngekart.geo import Outline, county_outlines

TODAY = "today"
OF_THEIR_TIME = "of_their_time"
BORDER_CHOICES = (TODAY, OF_THEIR_TIME)


@dataclass(frozen=True)
class BorderSet:
    name: str  # the first year of the division, as in the file name
    file: Path  # below data/
    first_year: int
    last_year: int | None  # None: still in force

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


# Before 2020 the sets are built from 2020 polygons: a few municipalities made of parts of two
# counties of the time are drawn whole in one ("approximated" in each file; see the tool).
BORDER_SETS = (
    BorderSet("2017", Path("geo") / "counties_2017.geojson", 2002, 2017),
    BorderSet("2018", Path("geo") / "counties_2018.geojson", 2018, 2018),
    BorderSet("2019", Path("geo") / "counties_2019.geojson", 2019, 2019),
    BorderSet("2020", Path("geo") / "counties_2020.geojson", 2020, 2023),
    BorderSet("2024", COUNTIES_FILE, 2024, None),
)
CURRENT_SET = BORDER_SETS[-1]


def border_set(year: int, borders: str = TODAY) -> BorderSet | None:
    """The set to draw `year` in: today's, or the one in force that year (None if not built)."""
    if borders not in BORDER_CHOICES:
        raise ValueError(f"borders must be one of {BORDER_CHOICES}")
    if borders == TODAY:
        return CURRENT_SET
    return next((s for s in BORDER_SETS if s.covers(year)), None)


@cache
def _collection(path: str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


@cache
def _outlines(path: str) -> dict[str, Outline]:
    return county_outlines(_collection(path))


def approximated(chosen: BorderSet, data_dir: Path = DATA_DIR) -> list[dict]:
    """The municipalities a set draws whole in one county though they were split between two
    then (name, counties, drawn_in): what the map's note must name."""
    return list(_collection(str(data_dir / chosen.file)).get("approximated", []))


def outlines_for(year: int, borders: str = TODAY, data_dir: Path = DATA_DIR) -> tuple[BorderSet, dict[str, Outline]] | None:
    """The county outlines `year` is drawn in, keyed by county code, with the set they belong to.
    Read once per file and shared: treat as read-only."""
    chosen = border_set(year, borders)
    return None if chosen is None else (chosen, _outlines(str(data_dir / chosen.file)))


def county_of_time(ds: Dataset, municipality_code: str, year: int) -> str | None:
    """The county a municipality of today belonged to in `year`, through the 2020 -> 2024
    municipality crosswalk (a 2020 municipality number begins with its 2020 county). None before
    2020, where the 2020 polygons and crosswalk cannot tell."""
    if year >= CURRENT_SET.first_year:
        found = ds["reference/municipalities"].loc[lambda f: f["municipality_code"] == municipality_code, "county_code"]
    elif year >= 2020:
        crosswalk: pd.DataFrame = ds["reference/municipalities_2020_2024"]
        found = crosswalk.loc[crosswalk["municipality_code"] == municipality_code, "municipality_code_2020"].str[:2]
    else:
        return None
    return str(found.iloc[0]) if len(found) else None
