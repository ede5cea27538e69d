import pytest

from klyngekart.i18n import t
from klyngekart.ui import DATA_DIR_VARIABLE
from klyngekart.ui.registry import PAGES as ENTRIES
from tests.app.conftest import PAGES, open_page
from tests.conftest import REPO

TITLE_KEYS = {entry.key: entry.heading_key for entry in ENTRIES}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_page_renders_in_both_languages(page, lang):
    at = open_page(page, {"lang": lang})
    assert not at.exception
    assert at.title[0].value == t(TITLE_KEYS[page], lang)
    assert at.sidebar.radio[0].value == lang


def test_home_shows_latest_figures_with_sources():
    at = open_page("home")
    labels = [m.label for m in at.metric]
    assert "Klynger i programmet (2022)" in labels
    assert at.metric[labels.index("Klynger i programmet (2022)")].value == "39"
    assert any("Årsrapport 2022" in (m.help or "") for m in at.metric)


def test_home_in_english_formats_numbers_for_english_readers():
    at = open_page("home", {"lang": "en"})
    values = {m.label: m.value for m in at.metric}
    assert values["Participating firms (2022)"] == "2,500"


def test_home_in_norwegian_uses_norwegian_number_style():
    values = {m.label: m.value for m in open_page("home").metric}
    assert values["Deltakende bedrifter (2022)"] == "2\u00a0500"


def test_sources_page_lists_every_source_and_offers_downloads():
    at = open_page("sources", {"lang": "en"})
    assert "Showing 4 of 4 sources." in [m.value for m in at.markdown]
    assert len(at.get("download_button")) == 2
    table = at.dataframe[0].value
    assert len(table) == 4


def test_sources_search_filters_the_table():
    at = open_page("sources")
    at.text_input[0].input("ssb").run()
    assert len(at.dataframe[0].value) == 1


def test_language_picker_switches_and_keeps_the_choice_in_the_url():
    at = open_page("home")
    at.sidebar.radio[0].set_value("en").run()
    assert at.title[0].value == "Klyngekart"
    assert at.query_params["lang"] == "en"
    assert "Latest figures" in [h.value for h in at.header]
    at.switch_page("pages/sources.py").run()
    assert at.title[0].value == "Sources and data"


def test_unknown_language_falls_back_and_says_so():
    at = open_page("home", {"lang": "de"})
    assert not at.exception
    assert at.title[0].value == "Klyngekart"
    assert any("språk" in i.value for i in at.info)


def test_broken_data_shows_error_page_and_no_figures(monkeypatch, data_copy):
    path = data_copy / "budgets.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",200,", ",2OO,"), encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    at = open_page("home")
    assert not at.exception
    assert at.title[0].value == "Dataene kunne ikke leses"
    assert "data/budgets.csv, line 2, column 'value'" in at.markdown[0].value
    assert len(at.metric) == 0


@pytest.mark.parametrize("page", PAGES)
def test_pages_render_on_the_real_dataset(page, monkeypatch):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(REPO / "data"))
    at = open_page(page)
    assert not at.exception
    assert at.title[0].value != "Dataene kunne ikke leses"
