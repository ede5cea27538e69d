"""Today's county borders (data/geo/counties_2024.geojson), read by one plain function.

The file is built offline by tools/build_counties.py; the app only reads it, through the cached
wrapper in klyngekart.ui, never with geopandas.
"""

from __future__ import annotations

import json
from pathlib import Path

from klyngekart.data import DATA_DIR

COUNTIES_FILE = Path("geo") / "counties_2024.geojson"
MAP_CREDIT = "© Kartverket (CC BY 4.0), forenklet / simplified"


def read_counties(data_dir: Path = DATA_DIR) -> dict:
    """The GeoJSON FeatureCollection of today's 15 counties, keyed by properties.county_code."""
    return json.loads((data_dir / COUNTIES_FILE).read_text(encoding="utf-8"))
