"""The committed county map: today's 15 counties, small, clockwise, borders shared exactly."""

import json

import pandas as pd
import pytest
import shapely

from tests.conftest import REPO

GEOJSON = REPO / "data" / "geo" / "counties_2024.geojson"


@pytest.fixture(scope="module")
def counties() -> dict:
    return json.loads(GEOJSON.read_text(encoding="utf-8"))


def rings(geometry: dict):
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in polygons:
        yield polygon[0], polygon[1:]


def signed_area(ring) -> float:
    """Shoelace area in lon/lat; negative means clockwise."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False)) / 2


def test_size_within_budget():
    assert GEOJSON.stat().st_size <= 250_000


def test_today_15_counties(counties):
    codes = sorted(f["properties"]["county_code"] for f in counties["features"])
    table = pd.read_csv(REPO / "data/reference/counties.csv", dtype=str, keep_default_na=False)
    assert codes == sorted(table.loc[table["valid_to"] == "", "county_code"])
    assert len(codes) == 15


def test_exterior_rings_clockwise_holes_counterclockwise(counties):
    # Plotly's geo choropleth (d3-geo) reads a counter-clockwise exterior as "the whole globe minus this".
    for feature in counties["features"]:
        for exterior, holes in rings(feature["geometry"]):
            assert signed_area(exterior) < 0, feature["properties"]["name"]
            assert all(signed_area(hole) > 0 for hole in holes), feature["properties"]["name"]


def test_valid_coverage_without_overlaps(counties):
    shapes = [shapely.geometry.shape(f["geometry"]) for f in counties["features"]]
    assert all(shape.is_valid for shape in shapes)
    assert shapely.coverage_is_valid(shapely.GeometryCollection(shapes))


def test_municipality_points_fall_in_their_county(counties):
    shapes = {f["properties"]["county_code"]: shapely.geometry.shape(f["geometry"]) for f in counties["features"]}
    points = pd.read_csv(REPO / "data/reference/municipalities.csv", dtype={"municipality_code": str, "county_code": str})
    placed = points.dropna(subset=["latitude", "longitude"])
    assert len(placed) >= len(points) - 2  # only Ålesund/Haram, split in 2024, lack a point
    outside = [
        row.municipality_code
        for row in placed.itertuples()
        if not shapes[row.county_code].buffer(0.02).contains(shapely.Point(row.longitude, row.latitude))
    ]
    assert outside == []
