"""On a phone (390 px, touch): a swipe over a chart scrolls the page and never zooms the chart,
and one tap on a county's area chooses it (issue 16)."""

from collections.abc import Iterator

import pytest

from klyngekart.ui.registry import CHART, COUNTY_MAP
from tests.e2e.conftest import Visit
from tests.e2e.test_map_browser import county_target

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}


@pytest.fixture
def phone(browser, warm_server) -> Iterator[Visit]:
    context = browser.new_context(**PHONE)
    yield Visit(context.new_page(), warm_server)
    context.close()


def chart_state(page, index: int = 0) -> dict:
    """Where the chart is on screen and what its axes show."""
    return page.evaluate(
        """(index) => {
            const gd = document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')[index];
            const axes = Object.keys(gd._fullLayout).filter(k => /^[xy]axis/.test(k)).sort();
            return {top: gd.getBoundingClientRect().top, ranges: axes.map(k => gd._fullLayout[k].range.map(v => Number(v)))};
        }""",
        index,
    )


def swipe_up(page, x: float, y: float, distance: int = 180) -> None:
    """A finger put down on the chart and moved up, as touch events through Chromium's input
    pipeline: the page scrolls unless the chart's own handler stops it (Plotly's zoom did)."""
    session = page.context.new_cdp_session(page)
    for step in range(0, distance + 1, 30):
        kind = "touchStart" if step == 0 else "touchMove"
        session.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": x, "y": y - step}]})
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    session.detach()


@pytest.mark.parametrize("path", ["/budsjett", "/kart", "/effekter", "/tidslinje"])
def test_a_swipe_over_a_chart_scrolls_the_page_and_leaves_the_chart_as_it_was(phone, path):
    phone.open(path)
    selector = COUNTY_MAP if path == "/kart" else CHART
    phone.page.wait_for_selector(selector, state="visible", timeout=60_000)
    chart = phone.page.locator('[data-testid="stPlotlyChart"]').first
    chart.evaluate("chart => chart.scrollIntoView({block: 'start'})")
    before = phone.stable(lambda: chart_state(phone.page))
    # Start the swipe on the plot area itself, near its foot (or the screen's), where a drag used to zoom.
    plot = phone.page.locator('[data-testid="stPlotlyChart"] .nsewdrag').first.bounding_box()
    swipe_up(phone.page, plot["x"] + plot["width"] / 2, min(plot["y"] + plot["height"] - 10, PHONE["viewport"]["height"] - 60))
    after = phone.stable(lambda: chart_state(phone.page))
    assert after["top"] < before["top"] - 60, "the page did not scroll under the finger"
    assert after["ranges"] == before["ranges"], "the swipe zoomed or panned the chart"


def test_the_county_map_leaves_room_to_scroll_past_it(phone):
    phone.open("/kart")
    phone.page.wait_for_selector(COUNTY_MAP, state="visible", timeout=60_000)
    box = phone.page.locator('[data-testid="stPlotlyChart"]').first.bounding_box()
    # Less than three quarters of the screen: the page above and below it stays in reach.
    assert box["height"] <= 0.7 * PHONE["viewport"]["height"]


def test_one_tap_on_a_county_chooses_it(phone):
    phone.open("/kart?lang=en")
    phone.page.wait_for_selector(COUNTY_MAP, state="visible", timeout=60_000)
    phone.page.locator('[data-testid="stPlotlyChart"]').first.evaluate("chart => chart.scrollIntoView({block: 'end'})")
    x, y = phone.stable(lambda: county_target(phone.page, "50", 10))
    phone.page.touchscreen.tap(x, y)
    phone.page.wait_for_url("**county=50**", timeout=30_000)


def swipe_over_deck(phone) -> float:
    """Swipe up over the host-town map; how far the page moved under the finger."""
    canvas = phone.page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    canvas.wait_for(state="visible", timeout=60_000)
    canvas.evaluate("canvas => canvas.scrollIntoView({block: 'start'})")
    before = phone.stable(lambda: canvas.bounding_box()["y"])
    box = canvas.bounding_box()
    swipe_up(phone.page, box["x"] + box["width"] / 2, min(box["y"] + box["height"] - 20, PHONE["viewport"]["height"] - 60))
    return before - phone.stable(lambda: canvas.bounding_box()["y"])


def test_a_swipe_over_the_host_town_map_scrolls_the_page_until_moving_is_turned_on(phone):
    phone.open("/kart?view=towns")
    assert swipe_over_deck(phone) > 60, "the page did not scroll under the finger"
    # Asked for, the map takes the gesture and the page stays where it is.
    phone.page.get_by_text("Flytt og zoom i kartet").click()
    phone.page.locator(".st-key-movable-map-towns canvas").wait_for(state="visible", timeout=60_000)
    phone.settle()
    assert swipe_over_deck(phone) == 0
