"""Share and export in a real browser: embed view, and CLI output equal to the page's download."""

import pytest

from klyngekart.data import load_dataset
from klyngekart.export.cli import export_chart
from tests.conftest import REPO


@pytest.fixture(scope="module")
def ds():
    return load_dataset(REPO / "data")


def test_embed_view_shows_one_chart_with_its_source(visit):
    visit.page.goto(visit.base + "/?chart=budget&embed=true&lang=en&terms=real")
    visit.page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=60_000)
    visit.page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)
    assert visit.page.locator('[data-testid="stPlotlyChart"]').count() == 1
    assert visit.page.locator('[data-testid="stSidebarNav"]').count() == 0
    assert visit.page.get_by_text("Sources:", exact=False).first.is_visible()
    assert visit.page.get_by_role("link", name="Open in Klyngekart").get_attribute("href").endswith("/budsjett?lang=en&terms=real")
    assert visit.outside_requests() == []


def test_command_line_csv_equals_the_page_download(visit, ds):
    visit.open("/budsjett?terms=real&base=2015")
    visit.page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=60_000)
    with visit.page.expect_download(timeout=60_000) as download:
        visit.page.locator(".st-key-budget-csv button").click()
    from_page = open(download.value.path(), "rb").read()
    assert from_page == export_chart(ds, "budget", "csv", "nb", ["terms=real", "base=2015"], "http://x")
