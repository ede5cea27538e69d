"""Today's county borders (data/geo/counties_2024.geojson), read by one plain function.

The file is built offline by tools/build_counties.py; the app only reads it, through the cached
wrapper in klyngekart.ui, never with geopandas.
"""

from __future__ import annotations

import json
from pathlib import Path

from klyngekart.data import DATA_DIR

COUNTIES_FILE = Path("geo") / "counties_2024.geojson"
# Where server.py serves that file. Pages give maps this address instead of the 230 KB of
# GeoJSON, so the browser fetches the borders once (and caches them) rather than on every rerun.
COUNTIES_URL = "/geo/counties_2024.geojson"
MAP_CREDIT = "© Kartverket (CC BY 4.0), forenklet / simplified"


def read_counties(data_dir: Path = DATA_DIR) -> dict:
    """The GeoJSON FeatureCollection of today's 15 counties, keyed by properties.county_code."""
    return json.loads((data_dir / COUNTIES_FILE).read_text(encoding="utf-8"))


def inline_county_borders(figure: dict) -> dict:
    """The figure with COUNTIES_URL replaced by the GeoJSON itself, for renderers that cannot
    fetch from the app (kaleido's image export)."""
    borders = None
    for trace in figure.get("data", []):
        if trace.get("geojson") == COUNTIES_URL:
            borders = borders or read_counties()
            trace["geojson"] = borders
    return figure
