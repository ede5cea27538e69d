import math

import numpy as np
import pytest

from klyngekart.geo import CENTRAL_MERIDIAN, EARTH_RADIUS_KM, county_outlines, project, read_counties


def test_read_counties_keys():
    codes = {f["properties"]["county_code"] for f in read_counties()["features"]}
    assert "03" in codes and "55" in codes


def test_projection_on_the_central_meridian_is_distance_from_the_equator():
    east, north = project(60.0, CENTRAL_MERIDIAN)
    assert float(east) == pytest.approx(0.0, abs=1e-9)
    assert float(north) == pytest.approx(EARTH_RADIUS_KM * math.radians(60.0))


def test_projection_is_symmetric_about_the_central_meridian_and_keeps_west_west():
    west, north_w = project(65.0, CENTRAL_MERIDIAN - 8)
    east, north_e = project(65.0, CENTRAL_MERIDIAN + 8)
    assert float(west) == pytest.approx(-float(east)) and float(west) < 0
    assert float(north_w) == pytest.approx(float(north_e))


def test_a_degree_of_longitude_in_the_north_is_short():
    # Near 70° north a degree east is about a third of a degree north, as on the globe.
    x1, _ = project(70.0, CENTRAL_MERIDIAN)
    x2, _ = project(70.0, CENTRAL_MERIDIAN + 1)
    _, y1 = project(70.0, CENTRAL_MERIDIAN)
    _, y2 = project(71.0, CENTRAL_MERIDIAN)
    assert (float(x2) - float(x1)) / (float(y2) - float(y1)) == pytest.approx(math.cos(math.radians(70.0)), rel=0.01)


def test_outlines_keep_every_ring_of_every_county():
    geojson = {
        "features": [
            {
                "properties": {"county_code": "46"},
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [
                        [[[5.0, 60.0], [6.0, 60.0], [6.0, 61.0], [5.0, 60.0]], [[5.4, 60.2], [5.6, 60.2], [5.6, 60.4], [5.4, 60.2]]],
                        [[[4.8, 61.5], [5.0, 61.5], [5.0, 61.6], [4.8, 61.5]]],
                    ],
                },
            },
            {"properties": {"county_code": "03"}, "geometry": {"type": "Polygon", "coordinates": [[[10.7, 59.9], [10.8, 59.9], [10.8, 60.0], [10.7, 59.9]]]}},
        ]
    }
    outlines = county_outlines(geojson)
    assert set(outlines) == {"46", "03"}
    xs, ys = outlines["46"]
    assert xs.dtype == ys.dtype == np.float32
    assert len(xs) == 4 + 1 + 4 + 1 + 4 and np.isnan(xs).sum() == np.isnan(ys).sum() == 2
    assert np.isnan(xs[4]) and np.isnan(xs[9])
    finite = xs[~np.isnan(xs)]
    assert np.array_equal(finite, np.rint(finite))
    east, north = project(60.0, 5.0)
    assert (xs[0], ys[0]) == (round(float(east)), round(float(north)))


def test_todays_outlines_span_norway():
    outlines = county_outlines(read_counties())
    assert len(outlines) == 15
    xs = np.concatenate([x for x, _ in outlines.values()])
    ys = np.concatenate([y for _, y in outlines.values()])
    xs, ys = xs[~np.isnan(xs)], ys[~np.isnan(ys)]
    # About 1 200 km from the western skerries to the Russian border; Lindesnes (58.0° N) to
    # Nordkapp (71.2° N) is 13.2 degrees of latitude, about 1 470 km.
    assert 1100 < max(xs) - min(xs) < 1300 and 1400 < max(ys) - min(ys) < 1550
