"""Keyboard focus is plain to see, and the year slider's handle is big enough to hit."""

from __future__ import annotations

import re

# The element that shows focus: the focused element itself, or the label around a visually
# hidden input (radio, toggle), which is what the visitor sees.
RING = """() => {
  const focused = document.activeElement;
  const shown = (focused.matches('input') && focused.closest('label')) || focused;
  const style = getComputedStyle(shown);
  return {testid: focused.closest('[data-testid]')?.dataset.testid, key: focused.closest('[class*="st-key-"]')?.className,
          sidebar: !!focused.closest('[data-testid="stSidebar"]'), type: focused.type || '',
          style: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor};
}"""


def luminance(colour: str) -> float:
    """WCAG relative luminance of a CSS rgb()/rgba() colour."""
    channels = [int(v) / 255 for v in re.findall(r"[\d.]+", colour)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(colour: str) -> float:
    return 1.05 / (luminance(colour) + 0.05)


def tab_to(page, wanted, limit: int = 80) -> dict:
    """Press Tab until the focused element is the one `wanted(ring)` accepts; its ring."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        ring = page.evaluate(RING)
        if wanted(ring):
            return ring
    raise AssertionError("never reached by Tab")


def assert_clearly_visible(ring: dict) -> None:
    assert ring["style"] not in ("none", "hidden")
    assert ring["width"] >= 2
    assert contrast_with_white(ring["colour"]) >= 3


def test_focus_ring_on_sidebar_link_language_switch_and_toggle(visit):
    visit.open("/budsjett")
    page = visit.page
    page.wait_for_selector('.st-key-share-budget input[role="switch"]', state="attached", timeout=30_000)
    link = tab_to(page, lambda ring: ring["testid"] == "stSidebarNavLink")
    assert_clearly_visible(link)
    # The current page's link, not focused, has no ring: focus and "you are here" look different.
    current = page.locator('[data-testid="stSidebarNavLink"][aria-current="page"]')
    assert current.evaluate("e => e !== document.activeElement && getComputedStyle(e).outlineStyle") == "none"
    language = tab_to(page, lambda ring: ring["sidebar"] and ring["type"] == "radio")
    assert_clearly_visible(language)
    toggle = tab_to(page, lambda ring: "st-key-share-budget" in (ring["key"] or ""))
    assert_clearly_visible(toggle)


def test_year_slider_handle_is_at_least_24_px(visit):
    visit.open("/kart")
    thumb = visit.page.locator('[data-testid="stSlider"] input[type="range"]').first.locator("xpath=../..")
    box = visit.stable(thumb.bounding_box)
    assert box["width"] >= 24 and box["height"] >= 24
