"""The embed view in a frame as tall as the snippet suggests: title, chart, key, source and
licence all inside it, at a phone's width and a desktop's, and nothing of the site around it."""

from __future__ import annotations

import pytest

from klyngekart.ui.share import EMBED_HEIGHT
from tests.e2e.conftest import IDLE, SKELETON, Visit

SIDEBAR = '[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"]'
CAPTIONS = '.st-key-embed [data-testid="stCaptionContainer"]'


@pytest.fixture
def framed(browser, warm_server, request):
    """A page whose viewport is the iframe: `request.param` pixels wide, EMBED_HEIGHT tall."""
    context = browser.new_context(viewport={"width": request.param, "height": EMBED_HEIGHT})
    yield Visit(context.new_page(), warm_server)
    context.close()


def open_embed(visit: Visit, key: str, lang: str = "nb") -> None:
    visit.page.goto(f"{visit.base}/?chart={key}&embed=true&lang={lang}")
    visit.page.wait_for_selector('.st-key-embed [data-testid="stPlotlyChart"] .main-svg', state="attached", timeout=60_000)
    visit.page.wait_for_selector(IDLE, timeout=60_000)
    visit.page.wait_for_function(f"() => !document.querySelector('{SKELETON}')", timeout=60_000)


def bottom(visit: Visit, locator) -> float:
    """Where the element ends, once the chart has taken its height and the layout has settled."""

    def read() -> float:
        box = locator.bounding_box()
        return round(box["y"] + box["height"])

    return visit.stable(read)


@pytest.mark.parametrize("framed", [320, 1280], indirect=True)
@pytest.mark.parametrize(("key", "note"), [("budget", "(1) "), ("timeline", None), ("map", "© Kartverket")])
def test_embed_shows_everything_inside_the_snippets_height(framed, key, note):
    open_embed(framed, key)
    page = framed.page
    source = page.locator(CAPTIONS).last
    assert "Kilde" in source.inner_text() and "Lisens: " in source.inner_text()
    assert bottom(framed, source) <= EMBED_HEIGHT
    assert page.locator(".st-key-embed h3").bounding_box()["y"] >= 0
    chart = page.locator('.st-key-embed [data-testid="stPlotlyChart"]').bounding_box()
    assert chart["height"] >= 120 and chart["y"] + chart["height"] <= EMBED_HEIGHT
    if note:
        # The key of the chart's marks (the numbered milestones) or the map outlines' credit.
        assert any(note in text for text in page.locator(CAPTIONS).all_inner_texts())
    assert page.locator(SIDEBAR).count() == 0 or not page.locator(SIDEBAR).first.is_visible()


@pytest.mark.parametrize("framed", [320], indirect=True)
def test_embed_view_has_no_serious_accessibility_violations(framed):
    from axe_playwright_python.sync_playwright import Axe

    open_embed(framed, "budget", "en")
    violations = Axe().run(framed.page).response["violations"]
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []
