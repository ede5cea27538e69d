from klyngekart.geo import COUNTIES_URL, inline_county_borders, read_counties


def test_borders_are_inlined_only_where_the_app_address_is_used():
    figure = {"data": [{"type": "choroplethmap", "geojson": COUNTIES_URL}, {"type": "scattermap"}]}
    inlined = inline_county_borders(figure)
    assert inlined["data"][0]["geojson"]["type"] == "FeatureCollection"
    assert len(inlined["data"][0]["geojson"]["features"]) == 15
    assert "geojson" not in inlined["data"][1]


def test_read_counties_keys():
    codes = {f["properties"]["county_code"] for f in read_counties()["features"]}
    assert "03" in codes and "55" in codes
