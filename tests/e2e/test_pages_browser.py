"""What only a browser shows: pages draw, nothing leaves the machine, accessibility, downloads."""

import io
import zipfile

import pytest

from klyngekart.i18n import t
from klyngekart.ui.registry import PAGES as ENTRIES

PAGES = {entry.key: "/" + entry.url_path for entry in ENTRIES}
MAIN_ELEMENT = {entry.key: entry.main_element for entry in ENTRIES}
TITLE_KEYS = {entry.key: entry.heading_key for entry in ENTRIES}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_page_draws_its_main_element(visit, page, lang):
    visit.open(f"{PAGES[page]}?lang={lang}")
    assert visit.page.locator("h1").first.inner_text().strip() == t(TITLE_KEYS[page], lang)
    visit.page.wait_for_selector(MAIN_ELEMENT[page], state="visible", timeout=30_000)
    assert visit.page.get_by_text("Page not found").count() == 0


@pytest.mark.parametrize("page", PAGES)
def test_no_request_leaves_the_machine(visit, page):
    visit.open(PAGES[page])
    visit.page.wait_for_selector(MAIN_ELEMENT[page], state="visible", timeout=30_000)
    visit.quiet()
    assert visit.outside_requests() == []
    assert visit.blocked_by_policy() == []


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_no_serious_accessibility_violations(visit, page, lang):
    from axe_playwright_python.sync_playwright import Axe

    visit.open(f"{PAGES[page]}?lang={lang}")
    visit.page.wait_for_selector(MAIN_ELEMENT[page], state="visible", timeout=30_000)
    violations = Axe().run(visit.page).response["violations"]
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_html_lang_matches_the_page_language(visit, lang):
    visit.open(f"/?lang={lang}")
    visit.page.wait_for_function(f"document.documentElement.lang === '{lang}'", timeout=10_000)


def test_language_picker_puts_language_in_the_url(visit):
    visit.open("/")
    visit.page.get_by_text("English", exact=True).click()
    visit.page.wait_for_url("**lang=en**", timeout=30_000)
    visit.settle()
    assert visit.page.get_by_role("heading", name=t("home.figures_heading", "en")).is_visible()
    visit.open("/kilder?lang=en")
    assert visit.page.locator("h1").first.inner_text().strip() == "Sources and data"


def test_whole_dataset_downloads_as_zip(visit):
    visit.open("/kilder")
    with visit.page.expect_download(timeout=60_000) as download:
        visit.page.get_by_role("button", name=t("sources.download_zip", "nb")).click()
    payload = open(download.value.path(), "rb").read()
    names = zipfile.ZipFile(io.BytesIO(payload)).namelist()
    assert "klyngekart/budgets.csv" in names and "klyngekart/README.md" in names


def test_looks_like_a_public_site(visit):
    visit.open("/")
    assert visit.page.locator('[data-testid="stAppDeployButton"]').count() == 0
    assert visit.page.locator('[data-testid="stMainMenu"]').count() == 0
    assert "Klyngekart" in visit.page.title()
    # Streamlit's own favicon is ./favicon.png; ours is served from its media store.
    icon = visit.page.locator('link[rel="icon"], link[rel="shortcut icon"]').first.get_attribute("href")
    assert icon and "/media/" in icon


def test_deep_link_starts_in_its_language_and_finds_the_server_at_once(visit):
    response = visit.page.goto(visit.base + "/kart?lang=en")
    shell = response.text()
    assert '<html lang="en">' in shell and "<title>Map · Klyngekart</title>" in shell
    assert 'rel="modulepreload" crossorigin href="/static/js/PlotlyChart.' in shell
    visit.settle()
    # Without the server's address the frontend first asks /kart/_stcore/health and gets a 404.
    assert not [url for url in visit.requests if "/kart/_stcore/" in url]
    assert visit.page.locator("h1").first.inner_text().strip() == t("map.title", "en")
