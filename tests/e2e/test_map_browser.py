"""Map page in a real browser: both maps draw offline, a county click filters, the URL restores."""

import math
import re

from klyngekart.charts.map import last_year, map_view
from klyngekart.data import load_dataset
from klyngekart.figures.maps import CENTRE, ZOOM
from tests.conftest import REPO

CHOROPLETH = '[data-testid="stPlotlyChart"] .maplibregl-canvas, [data-testid="stPlotlyChart"] canvas'
DECK = '[data-testid="stDeckGlJsonChart"] canvas'


def test_choropleth_and_point_map_draw(visit):
    visit.open("/kart?year=2015")
    visit.page.wait_for_selector(CHOROPLETH, state="visible", timeout=60_000)
    # The host-town map and its WebGL library load only when their tab is opened.
    assert visit.page.locator(DECK).count() == 0
    assert not any("DeckGlJsonChart" in url for url in visit.requests)
    visit.page.get_by_role("tab", name="Vertsbyer").click()
    visit.page.wait_for_selector(DECK, state="visible", timeout=60_000)
    visit.page.wait_for_url("**view=towns**", timeout=30_000)
    box = visit.page.locator(DECK).first.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 200
    assert visit.outside_requests() == []


def test_url_opens_the_host_town_map(visit):
    visit.open("/kart?view=towns&lang=en")
    visit.page.wait_for_selector(DECK, state="visible", timeout=60_000)
    assert visit.page.get_by_role("tab", name="Host towns", selected=True).is_visible()


def test_url_restores_year_and_metric(visit):
    visit.open("/kart?year=2009&metric=per_100k&lang=en")
    visit.page.wait_for_selector(CHOROPLETH, state="visible", timeout=60_000)
    assert visit.page.get_by_role("heading", name="Clusters admitted by 2009 per 100,000 inhabitants").is_visible()
    # The slider may draw just after the map: its code arrives in the same turn as the map's.
    visit.page.locator('[data-testid="stSlider"]').get_by_text("2009").first.wait_for(timeout=30_000)


def county_circle(page, code: str) -> tuple[float, float]:
    """Screen position of a county's number circle, projected by the map itself."""
    return page.evaluate(
        """(code) => {
            const gd = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
            const trace = gd._fullData[1];
            const i = trace.customdata.findIndex(c => c[0] === code);
            const map = gd._fullLayout.map._subplot.map;
            const point = map.project([trace.lon[i], trace.lat[i]]);
            const rect = map.getContainer().getBoundingClientRect();
            return [rect.left + point.x, rect.top + point.y];
        }""",
        code,
    )


def test_county_click_filters_the_list(visit):
    visit.open("/kart?lang=en")
    visit.page.wait_for_selector(CHOROPLETH, state="visible", timeout=60_000)
    assert visit.page.get_by_role("heading", name=re.compile("Clusters in the programme: All counties")).is_visible()
    # Bring the county map's lower half (where Vestland's circle sits) into the window.
    visit.page.locator(CHOROPLETH).first.evaluate("canvas => canvas.scrollIntoView({block: 'end'})")
    visit.page.wait_for_timeout(1000)
    x, y = county_circle(visit.page, "46")
    visit.page.mouse.click(x, y)
    visit.page.wait_for_url("**county=46**", timeout=30_000)
    visit.settle()
    assert visit.page.get_by_role("heading", name=re.compile("Clusters in the programme: Vestland")).is_visible()


def test_map_image_export_carries_the_borders(visit):
    visit.open("/kart?year=2012&lang=en")
    visit.page.wait_for_selector(CHOROPLETH, state="visible", timeout=60_000)
    with visit.page.expect_download(timeout=120_000) as download:
        visit.page.locator(".st-key-map-svg button").click()
    svg = open(download.value.path(), encoding="utf-8").read()
    assert "Clusters admitted by 2012, by county" in svg and "Kartverket" in svg


def mercator(lat: float, lon: float) -> tuple[float, float]:
    """Web Mercator in deck.gl's pixels at the point map's zoom (a 512-pixel world at zoom 0)."""
    size = 512 * 2**ZOOM
    y = (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2 * size
    return (lon + 180) / 360 * size, y


def loneliest_town() -> tuple[float, float]:
    """The host town farthest from any other on today's map, so a click there hits its own dot."""
    ds = load_dataset(REPO / "data")
    state = {"year": str(last_year(ds)), "metric": "admitted", "level": "all", "sector": "all", "county": "all"}
    towns = map_view(ds, state).shown.dropna(subset=["latitude", "longitude"])[["latitude", "longitude"]].astype(float)
    points = list(towns.drop_duplicates().itertuples(index=False))
    return max(points, key=lambda p: min(math.dist(p, q) for q in points if q != p))


def test_clicking_a_host_town_opens_its_profile(visit):
    visit.open("/kart?view=towns&lang=en")
    canvas = visit.page.locator(DECK).first
    canvas.wait_for(state="visible", timeout=60_000)
    visit.page.wait_for_timeout(1500)
    box = canvas.bounding_box()
    lat, lon = loneliest_town()
    (x, y), (cx, cy) = mercator(lat, lon), mercator(CENTRE["lat"], CENTRE["lon"])
    visit.page.mouse.click(box["x"] + box["width"] / 2 + x - cx, box["y"] + box["height"] / 2 + y - cy)
    link = visit.page.get_by_role("link", name=re.compile("^Open the profile of "))
    link.wait_for(timeout=30_000)
    # The link's text starts with its icon's name ("hub"), which screen readers skip.
    name = link.inner_text().split("Open the profile of ", 1)[1].strip()
    link.click()
    visit.page.wait_for_url("**cluster=**", timeout=30_000)
    visit.settle()
    assert visit.page.locator("h1").first.inner_text().strip() == name
