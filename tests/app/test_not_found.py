"""The page an address that is no page gets, in the visitor's language (issue 16)."""

import pytest
from streamlit.runtime.pages_manager import PagesManager

from tests.app.conftest import open_page


@pytest.fixture
def address(monkeypatch):
    """Open the app the way a browser does at an address: Streamlit's frontend names the page by
    its path when it has no page id (the first run of a session)."""

    def open_address(path: str, lang: str | None = None):
        real = PagesManager.set_script_intent

        def from_the_address_bar(manager, page_hash, page_name):
            real(manager, page_hash, page_name or ("" if page_hash else path))

        monkeypatch.setattr(PagesManager, "set_script_intent", from_the_address_bar)
        return open_page("home", {"lang": lang} if lang else None)

    return open_address


@pytest.mark.parametrize(
    ("path", "lang", "title", "lead", "pages"),
    [
        ("nope", None, "Fant ikke siden", "Det finnes ingen side på denne adressen.", "Sidene i Klyngekart:"),
        ("kart/extra/path", "en", "Page not found", "There is no page at this address.", "The pages of Klyngekart:"),
    ],
)
def test_an_address_that_is_no_page_gets_our_not_found_page(address, path, lang, title, lead, pages):
    at = address(path, lang)
    assert not at.exception
    assert [t.value for t in at.title] == [title]
    assert at.warning[0].value.startswith(lead)
    assert pages in [m.value for m in at.markdown]
    links = [link.proto.label for link in at.get("page_link")]
    assert links[:3] == (["Home", "Map", "Budget"] if lang == "en" else ["Forside", "Kart", "Budsjett"])
    # The site's menu and language switch are there as on any page.
    assert len(at.sidebar.radio) == 1


def test_the_not_found_page_searches_clusters_and_links_their_profiles(address):
    at = address("a/b", "en")
    at.text_input(key="notfound-q").input("subsea").run()
    assert not at.exception
    found = [link for link in at.get("page_link") if link.proto.label == "GCE Ocean Technology"]
    assert len(found) == 1
    assert found[0].proto.page == "klynger" and found[0].proto.query_string == "cluster=gce-ocean&lang=en"
    at.text_input(key="notfound-q").input("zzzz").run()
    assert "No cluster matches the search." in [m.value for m in at.markdown]


def test_known_addresses_are_not_sent_to_the_not_found_page(address):
    at = address("budsjett", "en")
    assert at.title[0].value == "Budget"
