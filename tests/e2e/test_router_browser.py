"""Every address goes through the router, from a fresh server's very first request (issue 15,
finding 4): Streamlit's older multipage design would otherwise run pages/<name>.py directly."""

import pytest

from tests.e2e.conftest import IDLE, running_server


@pytest.fixture
def fresh_server():
    with running_server() as url:
        yield url


@pytest.mark.parametrize("path", ["/map", "/budget"])
def test_first_request_to_a_script_name_goes_through_the_router(browser, fresh_server, path):
    context = browser.new_context()
    page = context.new_page()
    page.goto(fresh_server + path)
    page.wait_for_selector(IDLE, timeout=60_000)
    page.wait_for_selector('[data-testid="stSidebar"]', timeout=60_000)
    # The router's language picker and footer are there; the script's file name is not the title.
    assert page.get_by_text("English").count() >= 1
    assert page.title().strip().lower() != path.strip("/")
    assert "Klyngekart" in page.title()
    context.close()
