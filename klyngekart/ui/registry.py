"""Every page of the site: the router builds its navigation from this list, and the tests
visit every entry, so a new page is one line here (plus its script and strings)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageEntry:
    key: str  # short name used by tests and links
    script: str  # path of the page script, relative to the repository
    url_path: str  # stable path in the address bar ("" for the home page)
    icon: str
    title_key: str  # translation key of the navigation title
    heading_key: str  # translation key of the page's h1
    main_element: str  # CSS selector of what the page exists to show, for browser tests


CHART = '[data-testid="stPlotlyChart"] .main-svg'
# The county map exists to show the counties: their filled shapes, not only the chart's frame.
COUNTY_MAP = '[data-testid="stPlotlyChart"] .main-svg path.js-fill'
TABLE = '[data-testid="stDataFrame"]'

PAGES: tuple[PageEntry, ...] = (
    PageEntry("home", "pages/home.py", "", ":material/home:", "nav.home", "home.title", '[data-testid="stMetric"]'),
    PageEntry("map", "pages/map.py", "kart", ":material/map:", "nav.map", "map.title", COUNTY_MAP),
    PageEntry("budget", "pages/budget.py", "budsjett", ":material/payments:", "nav.budget", "budget.title", CHART),
    PageEntry("effects", "pages/effects.py", "effekter", ":material/trending_up:", "nav.effects", "effects.title", CHART),
    PageEntry("regions", "pages/regions.py", "omstilling", ":material/autorenew:", "nav.regions", "regions.title", COUNTY_MAP),
    PageEntry("clusters", "pages/clusters.py", "klynger", ":material/hub:", "nav.clusters", "clusters.title", TABLE),
    PageEntry("timeline", "pages/timeline.py", "tidslinje", ":material/timeline:", "nav.timeline", "timeline.title", CHART),
    PageEntry("compare", "pages/compare.py", "sammenlign", ":material/compare_arrows:", "nav.compare", "compare.title", CHART),
    PageEntry("sources", "pages/sources.py", "kilder", ":material/menu_book:", "nav.sources", "sources.title", TABLE),
    PageEntry("changes", "pages/changes.py", "endringer", ":material/history:", "nav.changes", "changes.title", TABLE),
)


def page_entry(key: str) -> PageEntry | None:
    """The page with this key, or None where a page links to one that is not (yet) in the site."""
    return next((entry for entry in PAGES if entry.key == key), None)
