"""The county borders are validated at start like every table (issue 15, finding 5)."""

import json

import pytest

from klyngekart.data import DataError, load_dataset
from klyngekart.data.borders import COUNTIES_FILE


def problems(data_dir) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_dataset(data_dir)
    return [str(p) for p in caught.value.problems]


def edit(data_dir, change) -> None:
    path = data_dir / COUNTIES_FILE
    collection = json.loads(path.read_text(encoding="utf-8"))
    change(collection)
    path.write_text(json.dumps(collection), encoding="utf-8")


def test_truncated_file_names_file_and_line(data_copy):
    path = data_copy / COUNTIES_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    found = problems(data_copy)
    assert len(found) == 1 and found[0].startswith("data/geo/counties_2024.geojson, line ") and "not valid JSON" in found[0]


def test_missing_file(data_copy):
    (data_copy / COUNTIES_FILE).unlink()
    assert problems(data_copy) == ["data/geo/counties_2024.geojson: file is missing"]


def test_not_utf8(data_copy):
    (data_copy / COUNTIES_FILE).write_bytes(b'{"type": "FeatureCollection", "features": ["\xff"]}')
    assert "is not UTF-8" in problems(data_copy)[0]


def test_county_missing_and_unknown_code(data_copy):
    def drop_and_rename(collection):
        collection["features"].pop()
        collection["features"][0]["properties"]["county_code"] = "99"

    edit(data_copy, drop_and_rename)
    found = "\n".join(problems(data_copy))
    assert "feature 1 (county_code '99'): county_code is not one of today's counties" in found
    assert "has no shape for county" in found


def test_open_ring_and_point_outside_norway(data_copy):
    def damage(collection):
        first = collection["features"][0]["geometry"]
        ring = first["coordinates"][0] if first["type"] == "Polygon" else first["coordinates"][0][0]
        ring[-1] = [ring[-1][0] + 0.5, ring[-1][1]]
        second = collection["features"][1]["geometry"]
        ring = second["coordinates"][0] if second["type"] == "Polygon" else second["coordinates"][0][0]
        ring[1] = [-70.0, 40.0]

    edit(data_copy, damage)
    found = "\n".join(problems(data_copy))
    assert "feature 1" in found and "a ring must end where it starts" in found
    assert "feature 2" in found and "lies outside Norway" in found


def test_duplicate_feature(data_copy):
    edit(data_copy, lambda collection: collection["features"].append(collection["features"][0]))
    assert any("more than one feature" in p for p in problems(data_copy))


def test_served_borders_refuse_a_broken_file(data_copy, monkeypatch):
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    import klyngekart.routes as routes

    (data_copy / COUNTIES_FILE).write_text("{", encoding="utf-8")
    monkeypatch.setattr(routes, "_dataset", lambda: load_dataset(data_copy))
    response = TestClient(Starlette(routes=routes.ROUTES)).get(routes.COUNTIES_URL)
    assert response.status_code == 503
