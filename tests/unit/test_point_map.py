import json

import pandas as pd

from klyngekart.figures.maps import POINTS, picked_cluster, point_layer_data, point_map

ROWS = pd.DataFrame(
    {
        "cluster_id": ["nce-a", "arena-b"],
        "name": ["NCE A", "Arena B"],
        "level": ["NCE", "Arena"],
        "status": ["active", "end_unknown"],
        "county_code_today": ["46", None],
        "sector_en": ["energy", None],
        "latitude": [60.39, 69.65],
        "longitude": [5.32, 18.96],
    }
)


def test_click_on_a_dot_names_its_cluster():
    state = {"selection": {"indices": {POINTS: [1]}, "objects": {POINTS: [{"cluster_id": "arena-b", "name": "Arena B"}]}}}
    assert picked_cluster(state) == "arena-b"


def test_no_click_or_a_click_elsewhere_names_none():
    assert picked_cluster(None) is None
    assert picked_cluster({"selection": {"indices": {}, "objects": {}}}) is None
    assert picked_cluster({"selection": {"objects": {"counties": [{"county_code": "46"}]}}}) is None
    assert picked_cluster({"selection": {"objects": {POINTS: ["not a row"]}}}) is None


def test_every_layer_has_an_id_and_only_dots_are_clickable():
    # Streamlit keeps a selectable deck's state across reruns only when every layer has an id.
    deck = json.loads(point_map(point_layer_data(ROWS, {"46": "Vestland"}, "en"), "/geo/counties.geojson").to_json())
    layers = {layer["id"]: layer for layer in deck["layers"]}
    assert set(layers) == {"counties", POINTS}
    assert layers[POINTS]["pickable"] is True and not layers["counties"].get("pickable")
    assert [row["cluster_id"] for row in layers[POINTS]["data"]] == ["nce-a", "arena-b"]


def test_the_map_stays_put_until_the_visitor_asks_to_move_it():
    still = json.loads(point_map(point_layer_data(ROWS, {"46": "Vestland"}, "en"), "/geo/counties.geojson").to_json())
    movable = json.loads(point_map(point_layer_data(ROWS, {"46": "Vestland"}, "en"), "/geo/counties.geojson", movable=True).to_json())
    assert [view["controller"] for view in still["views"]] == [False]
    assert [view["controller"] for view in movable["views"]] == [True]
