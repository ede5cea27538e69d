"""Today's county borders (data/geo/counties_2024.geojson), read by one plain function, and
projected for drawing.

The file is built offline by tools/build_counties.py; the app only reads it, through the cached
wrapper in klyngekart.ui, never with geopandas.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

import numpy as np

from klyngekart.data import DATA_DIR
from klyngekart.data.borders import COUNTIES_FILE
from klyngekart.i18n import t

# Where server.py serves that file, for the host-town map (deck.gl fetches its layers by address).
COUNTIES_URL = "/geo/counties_2024.geojson"


@cache
def counties_version(data_dir: Path = DATA_DIR) -> str:
    """A short hash of the borders file: part of its address, so a new file is never read from cache."""
    return hashlib.sha256((data_dir / COUNTIES_FILE).read_bytes()).hexdigest()[:12]


def counties_url() -> str:
    return f"{COUNTIES_URL}?v={counties_version()}"


def map_credit(lang: str) -> str:
    """Kartverket's credit for the borders, in the page's language."""
    return t("map.credit_text", lang)


# Transverse Mercator on 15° east, the meridian of UTM zone 33 in which Norway's own maps are
# drawn: the country keeps its familiar shape, where Web Mercator swells Finnmark.
EARTH_RADIUS_KM = 6371.0
CENTRAL_MERIDIAN = 15.0

Outline = tuple[np.ndarray, np.ndarray]


def read_counties(data_dir: Path = DATA_DIR) -> dict:
    """The GeoJSON FeatureCollection of today's 15 counties, keyed by properties.county_code."""
    return json.loads((data_dir / COUNTIES_FILE).read_text(encoding="utf-8"))


def project(latitude: np.ndarray | float, longitude: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
    """Kilometres east and north on the map: spherical transverse Mercator on 15° east."""
    phi = np.radians(np.asarray(latitude, dtype=float))
    lam = np.radians(np.asarray(longitude, dtype=float) - CENTRAL_MERIDIAN)
    east = EARTH_RADIUS_KM * np.arctanh(np.cos(phi) * np.sin(lam))
    north = EARTH_RADIUS_KM * np.arctan2(np.tan(phi), np.cos(lam))
    return east, north


def county_outlines(geojson: dict) -> dict[str, Outline]:
    """Each county's rings as east and north arrays in whole kilometres, NaN between rings: what
    a Plotly scatter with fill="toself" draws as one shape with islands and holes.

    Whole kilometres suit borders simplified to about 1 km. The arrays are float32: Plotly checks
    and sends a typed array in a few milliseconds, where a list of 13 000 numbers took about ten
    times as long on every year the map is drawn for.
    """
    outlines: dict[str, Outline] = {}
    for feature in geojson["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        rings = [np.asarray(ring, dtype=float) for polygon in polygons for ring in polygon]
        gap = np.array([[np.nan, np.nan]])
        points = np.concatenate([part for ring in rings for part in (gap, ring)][1:])
        east, north = project(points[:, 1], points[:, 0])
        outlines[str(feature["properties"]["county_code"])] = (np.rint(east).astype(np.float32), np.rint(north).astype(np.float32))
    return outlines


def inside(outline: Outline, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Which of the points (x, y) lie inside `outline`: the even–odd rule over its rings (islands
    and holes alike), in plain numpy; the app does not ship shapely."""
    east, north = (np.asarray(axis, dtype=float) for axis in outline)
    x, y = np.asarray(x, dtype=float)[:, None], np.asarray(y, dtype=float)[:, None]
    found = np.zeros(len(x), dtype=bool)
    breaks = np.flatnonzero(np.isnan(east))
    for start, end in zip(np.r_[0, breaks + 1], np.r_[breaks, len(east)], strict=True):
        if end - start < 4:
            continue
        x1, y1 = east[start:end], north[start:end]
        x2, y2 = np.roll(x1, 1), np.roll(y1, 1)
        spans = (y1 > y) != (y2 > y)
        with np.errstate(divide="ignore", invalid="ignore"):
            crossing = x < x1 + (y - y1) * (x2 - x1) / (y2 - y1)
        found ^= (np.count_nonzero(spans & crossing, axis=1) % 2).astype(bool)
    return found


def hit_points(outlines: dict[str, Outline], spacing_km: float = 18.0) -> dict[str, Outline]:
    """A grid of points every `spacing_km` inside each county.

    Plotly reports clicks on points, not on filled shapes: invisible markers on this grid make
    the whole county the click and tap target, and carry its hover text.
    """
    found: dict[str, Outline] = {}
    for code, (east, north) in outlines.items():
        # Offset by half a step, so a small county still gets points away from its edges.
        xs = np.arange(np.nanmin(east) + spacing_km / 2, np.nanmax(east), spacing_km)
        ys = np.arange(np.nanmin(north) + spacing_km / 2, np.nanmax(north), spacing_km)
        grid_x, grid_y = (axis.ravel() for axis in np.meshgrid(xs, ys))
        kept = inside((east, north), grid_x, grid_y)
        found[code] = (grid_x[kept].astype(np.float32), grid_y[kept].astype(np.float32))
    return found
