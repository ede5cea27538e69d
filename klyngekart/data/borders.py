"""The county borders are data too: checked at start with the tables, so that a truncated or
edited GeoJSON gives the same clear message as a broken CSV instead of a half-drawn map.

These checks are structural and cheap (parse, one feature per county of the division, closed
rings of coordinates inside Norway). That the shapes tile the country without gaps or overlaps is
checked with shapely in tests/unit/test_geometry.py and test_borders_of_time.py, since the app
does not ship shapely.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from klyngekart.data.validate import Problem

COUNTIES_FILE = Path("geo") / "counties_2024.geojson"
# Longitude and latitude of mainland Norway with its coastal islands, with a margin.
LONGITUDE = (3.0, 33.0)
LATITUDE = (57.0, 72.0)


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


def counties_in_force(counties: pd.DataFrame, year: int) -> set[str]:
    """Codes of the counties that existed at the end of `year` (reference/counties, raw text)."""
    end = f"{year}-12-31"
    started = counties["valid_from"].eq("pre-2002") | counties["valid_from"].le(end)
    lasting = counties["valid_to"].eq("") | counties["valid_to"].ge(end)
    return set(counties.loc[started & lasting, "county_code"])


def read_border_sets(data_dir: Path, counties: pd.DataFrame) -> tuple[dict[str, dict], list[Problem]]:
    """Every border set data/ holds, by name, each checked against the counties in force at the
    end of its first year (today's against today's). Today's set must be there; a missing set of
    an earlier year is not an error: the map then offers only today's borders for its years."""
    sets: dict[str, dict] = {}
    problems: list[Problem] = []
    for chosen in BORDER_SETS:
        if chosen is not CURRENT_SET and not (data_dir / chosen.file).is_file():
            continue
        codes = set(counties.loc[counties["valid_to"] == "", "county_code"]) if chosen is CURRENT_SET else counties_in_force(counties, chosen.first_year)
        collection, found = read_borders(data_dir, codes, chosen.file)
        problems += found
        if collection is not None:
            sets[chosen.name] = collection
    return sets, problems


def _ring_problem(ring: object) -> str | None:
    if not isinstance(ring, list) or len(ring) < 4:
        return "a ring needs at least four points"
    for point in ring:
        if not (isinstance(point, list) and len(point) == 2 and all(isinstance(v, int | float) and not isinstance(v, bool) for v in point)):
            return "a point must be [longitude, latitude]"
        if not (LONGITUDE[0] <= point[0] <= LONGITUDE[1] and LATITUDE[0] <= point[1] <= LATITUDE[1]):
            return f"point {point} lies outside Norway"
    if ring[0] != ring[-1]:
        return "a ring must end where it starts"
    return None


def _geometry_problem(geometry: object) -> str | None:
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return "geometry must be a Polygon or MultiPolygon"
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    if not isinstance(polygons, list) or not polygons or not all(isinstance(p, list) and p for p in polygons):
        return "geometry has no polygons"
    for polygon in polygons:
        for ring in polygon:
            if found := _ring_problem(ring):
                return found
    return None


def read_borders(data_dir: Path, county_codes: set[str], path: Path = COUNTIES_FILE) -> tuple[dict | None, list[Problem]]:
    """A county borders file, parsed once, with what is wrong with it; the collection only when
    nothing is."""
    file = path.as_posix()
    try:
        collection = json.loads((data_dir / path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, [Problem(file, "file is missing")]
    except UnicodeDecodeError as error:
        return None, [Problem(file, f"is not UTF-8 (byte {error.start})")]
    except json.JSONDecodeError as error:
        return None, [Problem(file, f"is not valid JSON: {error.msg} at character {error.colno}", line=error.lineno)]
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list) or collection.get("type") != "FeatureCollection":
        return None, [Problem(file, "must be a GeoJSON FeatureCollection")]
    problems, seen = [], []
    for index, feature in enumerate(features, start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        code = str(properties.get("county_code", "")) if isinstance(properties, dict) else ""
        where = f"feature {index} (county_code '{code}')"
        if code not in county_codes:
            whose = "today's counties" if path == COUNTIES_FILE else "the counties of this border set"
            problems.append(Problem(file, f"{where}: county_code is not one of {whose}"))
        seen.append(code)
        if found := _geometry_problem(feature.get("geometry") if isinstance(feature, dict) else None):
            problems.append(Problem(file, f"{where}: {found}"))
    missing = sorted(county_codes - set(seen))
    if missing:
        problems.append(Problem(file, f"has no shape for county {', '.join(missing)}"))
    twice = sorted({code for code in seen if seen.count(code) > 1})
    if twice:
        problems.append(Problem(file, f"has more than one feature for county {', '.join(twice)}"))
    return (None if problems else collection), problems
