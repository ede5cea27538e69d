"""Navigation and state in a real browser (issue 16): addresses that are no page, each page's
own title, and a profile's way back."""

import re

import pytest

from klyngekart.i18n import t
from klyngekart.navigation import page_title
from klyngekart.ui.registry import PAGES, page_entry

SIDEBAR_LINKS = '[data-testid="stSidebarNav"] a'


@pytest.mark.parametrize(
    ("path", "title", "lang"),
    [("/kart/extra/path", "Fant ikke siden", "nb"), ("/nope?lang=en", "Page not found", "en"), ("/a/b?lang=en", "Page not found", "en")],
)
def test_an_address_that_is_no_page_shows_ours_with_the_site_navigation(visit, path, title, lang):
    visit.open(path)
    assert visit.page.locator("h1").first.inner_text().strip() == title
    # The site's menu, in the page's language, and a way to a cluster.
    menu = visit.page.locator(SIDEBAR_LINKS)
    menu.first.wait_for(timeout=30_000)
    # A link's text starts with its icon's name ("payments"), which screen readers skip.
    assert t("nav.budget", lang) in [text.split()[-1] for text in menu.all_inner_texts()]
    assert visit.page.get_by_label(t("notfound.search", lang)).is_visible()
    # Not Streamlit's own box, which is English whatever the page's language.
    assert visit.page.get_by_text("You have requested page").count() == 0
    assert visit.page.locator('[role="dialog"]').count() == 0
    assert visit.page.title() == f"{title} · Klyngekart"


def test_the_not_found_search_leads_to_a_profile(visit):
    visit.open("/kart/extra/path?lang=en")
    box = visit.page.get_by_label("Search for a cluster")
    box.fill("ocean")
    box.press("Enter")
    link = visit.page.get_by_role("link", name=re.compile("Ocean"))
    link.first.wait_for(timeout=30_000)
    link.first.click()
    visit.page.wait_for_url("**cluster=**", timeout=30_000)
    visit.settle()
    assert "Ocean" in visit.page.locator("h1").first.inner_text()


# Every title the document has had since the first byte, in order.
RECORD_TITLES = """
window.__titles = [];
new MutationObserver(() => {
  const title = document.title;
  if (window.__titles[window.__titles.length - 1] !== title) window.__titles.push(title);
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("key", ["home", "budget", "clusters"])
def test_the_browser_title_names_the_page_from_the_first_byte(visit, key, lang):
    entry = page_entry(key)
    visit.page.add_init_script(RECORD_TITLES)
    visit.open(f"/{entry.url_path}?lang={lang}")
    wanted = page_title(entry, lang)
    # Streamlit retitles the document on every navigation; after the run it must still be ours,
    # and it was never anything else on the way (not "Streamlit", not the bare menu name).
    visit.page.wait_for_function("(wanted) => document.title === wanted", arg=wanted, timeout=30_000)
    assert visit.page.title() == wanted
    assert set(visit.page.evaluate("window.__titles")) == {wanted}


def test_the_title_follows_the_menu(visit):
    visit.open("/budsjett?lang=en")
    target = next(entry for entry in PAGES if entry.key == "sources")
    visit.page.locator(SIDEBAR_LINKS).filter(has_text=t(target.title_key, "en")).first.click()
    visit.page.wait_for_function("(wanted) => document.title === wanted", arg=page_title(target, "en"), timeout=30_000)


def test_back_from_a_linked_profile_leaves_no_cluster_in_the_address(visit):
    visit.open("/klynger?cluster=gce-ocean-technology&q=ocean&lang=en")
    visit.page.get_by_role("button", name="Back to all clusters").first.click()
    visit.page.wait_for_function("() => !location.search.includes('cluster=')", timeout=30_000)
    visit.settle()
    assert visit.page.locator("h1").first.inner_text().strip() == "Clusters"
    assert "q=ocean" in visit.page.url and "lang=en" in visit.page.url
    # A reload shows the explorer, not the profile again.
    visit.page.reload()
    visit.settle()
    assert visit.page.locator("h1").first.inner_text().strip() == "Clusters"


def test_back_from_a_profile_opened_on_the_map_returns_to_the_map(visit):
    visit.open("/kart?year=2015&view=table&lang=en")
    link = visit.page.get_by_role("link", name="GCE Ocean Technology")
    link.first.click()
    visit.page.wait_for_url("**from=map**", timeout=30_000)
    visit.settle()
    visit.page.get_by_role("button", name="Back to the map").first.click()
    visit.page.wait_for_url(re.compile(r"/kart\?"), timeout=30_000)
    visit.settle()
    assert visit.page.locator("h1").first.inner_text().strip() == "Map"
    assert "year=2015" in visit.page.url and "view=table" in visit.page.url and "cluster=" not in visit.page.url


def test_a_language_switch_on_the_not_found_page_stays_on_it(visit):
    visit.open("/nope?lang=en")
    visit.page.get_by_text("Norsk (bokmål)", exact=True).click()
    visit.page.wait_for_function("() => document.title === 'Fant ikke siden · Klyngekart'", timeout=30_000)
    visit.settle()
    assert visit.page.locator("h1").first.inner_text().strip() == "Fant ikke siden"


def test_a_profile_opens_from_the_explorer_by_keyboard_alone(visit):
    visit.open("/klynger?lang=en")
    picker = visit.page.get_by_role("combobox", name="Open a cluster's page")
    picker.focus()
    visit.page.keyboard.type("GCE Ocean")
    option = visit.page.get_by_role("option", name="GCE Ocean Technology")
    option.wait_for(timeout=30_000)
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_url("**cluster=gce-ocean-technology**", timeout=30_000)
    visit.settle()
    assert visit.page.locator("h1").first.inner_text().strip() == "GCE Ocean Technology"
    back = visit.page.get_by_role("button", name="Back to all clusters").first
    back.focus()
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_function("() => !location.search.includes('cluster=')", timeout=30_000)
    visit.settle()
    assert visit.page.locator("h1").first.inner_text().strip() == "Clusters"
