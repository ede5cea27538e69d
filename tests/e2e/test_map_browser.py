"""Map page in a real browser: both maps draw offline, a county click filters, the URL restores."""

import math
import re

from klyngekart.charts.map import last_year, map_view
from klyngekart.data import load_dataset
from klyngekart.figures.maps import CENTRE, CHOSEN_COLOUR, ZOOM
from klyngekart.ui.registry import COUNTY_MAP
from tests.conftest import REPO

DECK = '[data-testid="stDeckGlJsonChart"] canvas'


def test_choropleth_and_point_map_draw(visit):
    visit.open("/kart?year=2015")
    visit.page.wait_for_selector(COUNTY_MAP, state="visible", timeout=60_000)
    assert visit.page.locator(COUNTY_MAP).count() == 15
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
    visit.page.wait_for_selector(COUNTY_MAP, state="visible", timeout=60_000)
    assert visit.page.get_by_role("heading", name="Clusters admitted by 2009 per 100,000 inhabitants").is_visible()
    # The slider may draw just after the map: its code arrives in the same turn as the map's.
    visit.page.locator('[data-testid="stSlider"]').get_by_text("2009").first.wait_for(timeout=30_000)


def county_target(page, code: str, index: int = 0) -> tuple[float, float]:
    """Screen position of one of a county's click targets (a point of its area, not its label),
    placed by the chart's own axes."""
    return page.evaluate(
        """([code, index]) => {
            const gd = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
            const trace = gd._fullData.find(t => t.mode === 'markers' && t.customdata && t.customdata[0][0] === code);
            const { xaxis, yaxis } = gd._fullLayout;
            const rect = gd.querySelector('.main-svg').getBoundingClientRect();
            return [rect.left + xaxis._offset + xaxis.l2p(trace.x[index]), rect.top + yaxis._offset + yaxis.l2p(trace.y[index])];
        }""",
        [code, index],
    )


def outlined_county(page) -> list[str]:
    """Colours of the outlines drawn without fill: the chosen county's, if any."""
    return page.evaluate(
        """() => {
            const gd = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
            return gd._fullData.filter(t => t.mode === 'lines' && t.fill === 'none' && t.line.width >= 3).map(t => t.line.color);
        }"""
    )


def test_county_click_on_its_area_filters_the_list_and_outlines_it(visit):
    visit.open("/kart?lang=en")
    visit.page.wait_for_selector(COUNTY_MAP, state="visible", timeout=60_000)
    assert visit.page.get_by_role("heading", name=re.compile("Clusters in the programme: All counties")).is_visible()
    assert outlined_county(visit.page) == []
    # Bring the county map's lower half (where Vestland lies) into the window.
    visit.page.locator('[data-testid="stPlotlyChart"]').first.evaluate("chart => chart.scrollIntoView({block: 'end'})")
    # A point of Vestland's area far from where its number is written.
    x, y = visit.stable(lambda: county_target(visit.page, "46", 5))
    visit.page.mouse.click(x, y)
    visit.page.wait_for_url("**county=46**", timeout=30_000)
    visit.settle()
    assert visit.page.get_by_role("heading", name=re.compile("Clusters in the programme: Vestland")).is_visible()
    # The select box stays in step with the map: the keyboard path shows the same county.
    assert visit.page.locator(".st-key-map-county input").input_value() == "Vestland"
    assert visit.eventually(lambda: outlined_county(visit.page), [CHOSEN_COLOUR]) == [CHOSEN_COLOUR]


def test_map_image_export_carries_the_borders(visit):
    visit.open("/kart?year=2012&lang=en")
    visit.page.wait_for_selector(COUNTY_MAP, state="visible", timeout=60_000)
    with visit.page.expect_download(timeout=120_000) as download:
        visit.page.locator(".st-key-map-svg button").click()
    svg = open(download.value.path(), encoding="utf-8").read()
    assert "Clusters admitted by 2012, by county" in svg and "Kartverket" in svg
    # A vector map: the 15 counties are paths, not a picture of a canvas.
    assert svg.count("js-fill") >= 15 and "<image" not in svg


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
    box = visit.stable(canvas.bounding_box)
    lat, lon = loneliest_town()
    (x, y), (cx, cy) = mercator(lat, lon), mercator(CENTRE["lat"], CENTRE["lon"])
    px, py = box["x"] + box["width"] / 2 + x - cx, box["y"] + box["height"] / 2 + y - cy
    # deck.gl draws its dots some frames after the canvas appears, and a click before that hits
    # nothing. Hovering is harmless to repeat: once the dot's tooltip shows, the dot can be clicked.
    tooltip = visit.page.locator(".deck-tooltip")
    for step in range(120):
        visit.page.mouse.move(px + step % 2, py)
        if tooltip.is_visible() and tooltip.inner_text().strip():
            break
        visit.page.evaluate("() => new Promise(requestAnimationFrame)")
    visit.page.mouse.click(px, py)
    link = visit.page.get_by_role("link", name=re.compile("^Open the profile of "))
    link.wait_for(timeout=30_000)
    # The link's text starts with its icon's name ("hub"), which screen readers skip.
    name = link.inner_text().split("Open the profile of ", 1)[1].strip()
    link.click()
    visit.page.wait_for_url("**cluster=**", timeout=30_000)
    visit.settle()
    assert visit.page.locator("h1").first.inner_text().strip() == name
