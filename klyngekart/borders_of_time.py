"""Counties as they were: which border set a year is drawn in, its outlines, and the county of
that time for a municipality of today. The map draws today's 15 counties by default; "of their
time" draws a year in the counties that existed then, where a border set for that year is built
(tools/build_historic_counties.py). Unknown stays unknown: a year without a built set gets None.
"""

from __future__ import annotations

import pandas as pd

from klyngekart.data import Dataset
from klyngekart.data.borders import BORDER_SETS, CURRENT_SET, BorderSet
from klyngekart.geo import Outline, county_outlines, inside, project

TODAY = "today"
OF_THEIR_TIME = "of_their_time"
BORDER_CHOICES = (TODAY, OF_THEIR_TIME)


def border_set(year: int, borders: str = TODAY) -> BorderSet | None:
    """The set to draw `year` in: today's, or the one in force that year (None if not built)."""
    if borders not in BORDER_CHOICES:
        raise ValueError(f"borders must be one of {BORDER_CHOICES}")
    if borders == TODAY:
        return CURRENT_SET
    return next((s for s in BORDER_SETS if s.covers(year)), None)


def available(ds: Dataset, chosen: BorderSet | None) -> bool:
    """Whether the dataset holds this border set (an earlier year's may be missing)."""
    return chosen is not None and chosen.name in ds.border_sets


def approximated(ds: Dataset, chosen: BorderSet) -> list[dict]:
    """The municipalities a set draws whole in one county though they were split between two
    then (name, counties, drawn_in): what the map's note must name."""
    return list(ds.border_sets[chosen.name].get("approximated", []))


def outlines_for(ds: Dataset, year: int, borders: str = TODAY) -> tuple[BorderSet, dict[str, Outline]] | None:
    """The county outlines `year` is drawn in, keyed by county code, with the set they belong to;
    None where that set is not built or not in the dataset. Worked out once per set and shared:
    treat as read-only."""
    chosen = border_set(year, borders)
    if not available(ds, chosen):
        return None
    return chosen, outlines_for_set(ds, chosen)


def outlines_for_set(ds: Dataset, chosen: BorderSet) -> dict[str, Outline]:
    return ds.memo(f"borders.outlines:{chosen.name}", lambda ds: county_outlines(ds.border_sets[chosen.name]))


def _codes(ds: Dataset, chosen: BorderSet) -> list[str]:
    return sorted(str(feature["properties"]["county_code"]) for feature in ds.border_sets[chosen.name]["features"])


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


def municipality_counties(ds: Dataset, chosen: BorderSet) -> dict[str, str]:
    """Today's municipality number → the county of `chosen` its point lies in, by the outlines
    the map draws, so a cluster is counted in the county it is drawn in. Worked out once per set."""

    def build(ds: Dataset) -> dict[str, str]:
        towns = ds["reference/municipalities"].dropna(subset=["latitude", "longitude"])
        east, north = project(towns["latitude"].to_numpy(float), towns["longitude"].to_numpy(float))
        codes = towns["municipality_code"].to_numpy()
        found: dict[str, str] = {}
        for county, outline in outlines_for_set(ds, chosen).items():
            for code in codes[inside(outline, east, north)]:
                found.setdefault(str(code), county)
        return found

    return ds.memo(f"borders.municipality_counties:{chosen.name}", build)


def counties_then(ds: Dataset, frame: pd.DataFrame, chosen: BorderSet) -> list[str | None]:
    """For each row of `frame` (clusters), its county or counties (';'-separated) in `chosen`:
    where its host municipalities lie in that set's polygons; without a host municipality, the
    county the source names when it is a county of that set. Otherwise None: not known then."""
    towns = municipality_counties(ds, chosen)
    in_set = set(_codes(ds, chosen))
    placed: list[str | None] = []
    for municipalities, named in zip(frame["municipality_code"], frame["county_code_source"], strict=True):
        if isinstance(municipalities, str):
            codes = {towns.get(code) for code in municipalities.split(";")}
        elif isinstance(named, str):
            codes = set(named.split(";"))
        else:
            codes = {None}
        placed.append(";".join(sorted(codes)) if codes and None not in codes and codes <= in_set else None)
    return placed


def set_counties(ds: Dataset, chosen: BorderSet) -> pd.DataFrame:
    """The counties of `chosen` (county_code, name) in code order, named from reference/counties."""
    codes = _codes(ds, chosen)
    names = ds["reference/counties"].drop_duplicates("county_code").set_index("county_code")["name"]
    return pd.DataFrame({"county_code": codes, "name": [names.get(code, code) for code in codes]})


def today_county(ds: Dataset, code: str | None) -> str | None:
    """The county of today a clicked county stands for: itself, or the one county an older county
    lies wholly in (Hordaland → Vestland); None where it was split (Buskerud before 2020)."""
    if code is None:
        return None
    counties = ds.memo("borders.counties_by_code", lambda ds: ds["reference/counties"].drop_duplicates("county_code").set_index("county_code"))
    if code not in counties.index:
        return None
    if pd.isna(counties.at[code, "valid_to"]):
        return code
    maps_to = counties.at[code, "maps_to"]
    return maps_to if isinstance(maps_to, str) and ";" not in maps_to else None
