"""One chart path: every Plotly chart on every page is a registered chart (klyngekart/charts/),
so it has an export-command key, an embed view and a share box (issue 14)."""

import pytest

from klyngekart.charts.registry import CHARTS
from klyngekart.ui import DATA_DIR_VARIABLE
from klyngekart.ui.registry import PAGES as ENTRIES
from tests.app.conftest import PAGES, open_page
from tests.conftest import FIXTURE_DATA

# Views that draw each page's optional charts on the fixture data, by page key.
VIEWS = {"clusters": {"cluster": "gce-ocean"}, "compare": {"c1": "46", "c2": "03"}}
PAGE_OF_PATH = {entry.url_path: entry.key for entry in ENTRIES}


def drawn_keys(at) -> list[str]:
    # Streamlit writes a keyed element's id as "$$ID-<hash>-<key>".
    return [element.proto.id.split("-", 2)[-1] for element in at.get("plotly_chart")]


@pytest.fixture(scope="module")
def drawn() -> dict[str, list[str]]:
    # Module-wide, so the autouse fixture-data setting of tests/app/conftest.py is made here too.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_VARIABLE, str(FIXTURE_DATA))
        return {page: drawn_keys(open_page(page, {"lang": "en", **VIEWS.get(page, {})})) for page in PAGES}


def test_every_drawn_chart_is_registered(drawn):
    assert {page: [key for key in keys if key not in CHARTS] for page, keys in drawn.items()} == {page: [] for page in PAGES}


def test_every_registered_chart_is_drawn_on_its_page(drawn):
    missing = [key for key, chart in CHARTS.items() if key not in drawn[PAGE_OF_PATH[chart.page_path]]]
    assert missing == []


@pytest.mark.parametrize("key", sorted(CHARTS))
def test_every_registered_chart_embeds_alone(key):
    view = VIEWS.get(PAGE_OF_PATH[CHARTS[key].page_path], {})
    at = open_page("home", {"chart": key, "embed": "true", "lang": "en", **view})
    assert not at.exception
    assert len(at.get("plotly_chart")) == 1
    assert len(at.sidebar.radio) == 0 and len(at.title) == 0
