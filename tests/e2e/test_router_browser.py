"""Every address goes through the router, from a fresh server's very first request (issue 15,
finding 4): Streamlit's older multipage design would otherwise run pages/<name>.py directly."""

import subprocess
import sys

import pytest

from tests.conftest import REPO
from tests.e2e.conftest import IDLE, free_port, wait_healthy


@pytest.fixture
def fresh_server():
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "server.py", "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)


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
