"""Clusters in a real browser: search → profile → back, the profile's map, not found, downloads."""

import csv
import io

import pytest

from klyngekart.clusters import cluster_table, filter_table
from klyngekart.data import load_dataset
from tests.conftest import REPO

SEARCH = "Search for a cluster, an earlier name or a place"
MAP = '[data-testid="stDeckGlJsonChart"] canvas'
# The grid is drawn on a canvas: a row's selection box sits in the first column, below the header row.
HEADER_HEIGHT = 35
ROW_HEIGHT = 35


@pytest.fixture(scope="module")
def ds():
    return load_dataset(REPO / "data")


def serious_violations(page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations if v["impact"] in ("serious", "critical")]


def test_search_opens_profile_and_back_restores_the_search(visit, ds):
    expected = filter_table(cluster_table(ds, "en"), "subsea").iloc[0]
    visit.open("/klynger?lang=en")
    box = visit.page.get_by_label(SEARCH)
    box.fill("subsea")
    box.press("Enter")
    visit.page.wait_for_url("**q=subsea**", timeout=30_000)
    visit.settle()
    grid = visit.page.locator('[data-testid="stDataFrame"]').first.bounding_box()
    visit.page.mouse.click(grid["x"] + 18, grid["y"] + HEADER_HEIGHT + ROW_HEIGHT / 2)
    visit.page.wait_for_url(f"**cluster={expected['cluster_id']}**", timeout=30_000)
    visit.settle()
    assert visit.page.locator("h1").first.inner_text().strip() == expected["name"]
    visit.page.get_by_role("button", name="Back to all clusters").first.click()
    visit.page.wait_for_function("() => !location.search.includes('cluster=')", timeout=30_000)
    visit.settle()
    assert visit.page.locator("h1").first.inner_text().strip() == "Clusters"
    assert visit.page.get_by_label(SEARCH).input_value() == "subsea"
    assert visit.outside_requests() == []


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_profile_map_draws_locally_and_is_accessible(visit, lang):
    visit.open(f"/klynger?cluster=gce-ocean-technology&lang={lang}")
    visit.page.wait_for_selector(MAP, state="visible", timeout=30_000)
    visit.page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', state="visible", timeout=30_000)
    visit.quiet()
    assert visit.outside_requests() == []
    assert serious_violations(visit.page) == []


def test_mistyped_id_offers_the_closest_names(visit):
    visit.open("/klynger?cluster=gce-ocean-tech&lang=en")
    assert visit.page.get_by_text("We found no cluster at this address.").is_visible()
    visit.page.get_by_role("link", name="GCE Ocean Technology").click()
    visit.page.wait_for_url("**cluster=gce-ocean-technology**", timeout=30_000)
    visit.settle()
    assert visit.page.locator("h1").first.inner_text().strip() == "GCE Ocean Technology"
    assert serious_violations(visit.page) == []


def test_csv_download_holds_exactly_the_filtered_rows(visit, ds):
    expected = filter_table(cluster_table(ds, "en"), level="NCE")
    visit.open("/klynger?level=NCE&lang=en")
    with visit.page.expect_download(timeout=60_000) as download:
        visit.page.locator(".st-key-clusters-csv button").click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert [row["Cluster"] for row in rows] == expected["name"].tolist()


def test_compare_permalink_restores_the_counties(visit):
    visit.open("/sammenlign?c1=46&c2=50&c3=11&lang=en")
    visit.page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', state="visible", timeout=30_000)
    tags = visit.page.locator('[data-testid="stMultiSelectTagsContainer"]').first.locator("[data-tag]")
    assert [tags.nth(i).get_attribute("aria-label") for i in range(tags.count())] == ["Vestland", "Trøndelag", "Rogaland"]


@pytest.mark.parametrize(("lang", "word"), [("nb", "omtrentlig"), ("en", "approximate")])
def test_a_cluster_placed_by_majority_county_says_approximate(visit, ds, lang, word):
    placed = ds["clusters"][ds["clusters"]["county_basis"].eq("majority")]
    cluster_id = placed["cluster_id"].iloc[0]
    shown = cluster_table(ds, lang).set_index("cluster_id").at[cluster_id, "county_today"]
    assert shown.endswith(f"({word})")
    visit.open(f"/klynger?cluster={cluster_id}&lang={lang}")
    visit.page.wait_for_selector("h1", timeout=30_000)
    main = visit.page.locator('[data-testid="stMain"]')
    main.get_by_text(shown, exact=False).first.wait_for(state="visible", timeout=30_000)
    # The caption under the facts says why the county is approximate.
    assert main.get_by_text("85", exact=False).first.is_visible()
