"""Today's county borders (data/geo/counties_2024.geojson), read by one plain function, and
projected for drawing.

The file is built offline by tools/build_counties.py; the app only reads it, through the cached
wrapper in klyngekart.ui, never with geopandas.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from klyngekart.data import DATA_DIR

COUNTIES_FILE = Path("geo") / "counties_2024.geojson"
# Where server.py serves that file, for the host-town map (deck.gl fetches its layers by address).
COUNTIES_URL = "/geo/counties_2024.geojson"
MAP_CREDIT = "© Kartverket (CC BY 4.0), forenklet / simplified"
# Transverse Mercator on 15° east, the meridian of UTM zone 33 in which Norway's own maps are
# drawn: the country keeps its familiar shape, where Web Mercator swells Finnmark.
EARTH_RADIUS_KM = 6371.0
CENTRAL_MERIDIAN = 15.0

Outline = tuple[list[int | None], list[int | None]]


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
    """Each county's rings in whole kilometres, a None between rings: what a Plotly scatter
    with fill="toself" draws as one shape with islands and holes. Whole kilometres suit borders
    simplified to about 1 km and keep a county map's figure small enough to send on every rerun."""
    outlines: dict[str, Outline] = {}
    for feature in geojson["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        xs: list[int | None] = []
        ys: list[int | None] = []
        for ring in (ring for polygon in polygons for ring in polygon):
            points = np.asarray(ring, dtype=float)
            east, north = project(points[:, 1], points[:, 0])
            if xs:
                xs.append(None)
                ys.append(None)
            xs += [int(v) for v in np.rint(east)]
            ys += [int(v) for v in np.rint(north)]
        outlines[str(feature["properties"]["county_code"])] = (xs, ys)
    return outlines
