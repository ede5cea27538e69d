"""End-to-end fixtures: the real app under `streamlit run`, driven by Debian's Chromium.

Browser tests need Chromium from the OS packages (`apt-get install chromium`). Where none is
found they are skipped with that reason, except in CI (KLYNGEKART_REQUIRE_BROWSER=1), where a
missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import REPO

BROWSER_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
SKELETON = '[data-testid="stSkeleton"]'


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def pytest_collection_modifyitems(config, items):
    if chromium_path():
        return
    reason = "no Chromium found: install it with `apt-get install chromium` to run the browser tests"
    if os.environ.get("KLYNGEKART_REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(reason)
    for item in items:
        if "e2e" in item.path.parts:
            item.add_marker(pytest.mark.skip(reason=reason))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("streamlit did not become healthy in time")


@contextmanager
def running_server() -> Iterator[str]:
    """`make run`'s server on a free local port, until the block ends."""
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


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    with running_server() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=BROWSER_FLAGS)
        yield launched
        launched.close()


class Visit:
    """A browser page that records every request it makes."""

    def __init__(self, page, base: str):
        self.page = page
        self.base = base
        self.requests: list[str] = []
        self.console: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: self.console.append(message.text))

    def open(self, path: str = "/") -> None:
        self.page.goto(self.base + path)
        self.settle()

    def settle(self) -> None:
        """Wait until the script has finished and its elements replaced the skeletons."""
        self.page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=60_000)
        self.page.wait_for_selector("h1", timeout=60_000)
        self.page.wait_for_selector(IDLE, timeout=60_000)
        self.page.wait_for_function(f"() => !document.querySelector('{SKELETON}')", timeout=60_000)

    def eventually(self, read: Callable[[], object], wanted: object, timeout: float = 30) -> object:
        """What `read()` returns once it equals `wanted`, or at the deadline, for the caller to assert.

        A chart's frame (.main-svg) can be in the page before Plotly has drawn the traces of the
        latest run, most often on a loaded machine; reading its data once can see none yet.
        """
        deadline = time.monotonic() + timeout
        while (value := read()) != wanted and time.monotonic() < deadline:
            self.page.wait_for_timeout(250)
        return value

    def stable(self, read: Callable[[], object], timeout: float = 30) -> object:
        """What `read()` returns once two reads a frame apart agree (a scroll or layout has settled)."""
        deadline = time.monotonic() + timeout
        previous = read()
        while time.monotonic() < deadline:
            self.page.evaluate("() => new Promise(requestAnimationFrame)")
            if (current := read()) == previous:
                return current
            previous = current
        return previous

    def quiet(self) -> None:
        """Wait until the page has made no request for half a second (Playwright's network idle)."""
        self.page.wait_for_load_state("networkidle", timeout=60_000)

    def blocked_by_policy(self) -> list[str]:
        """Console reports of something the Content-Security-Policy refused."""
        return [text for text in self.console if "Content Security Policy" in text]

    def outside_requests(self) -> list[str]:
        # data: and blob: URLs never leave the page (deck.gl and Plotly load workers and images from them).
        return [url for url in self.requests if not url.startswith(("data:", "blob:")) and urlparse(url).hostname not in LOCAL_HOSTS]


@pytest.fixture(scope="session")
def warm_server(browser, server) -> str:
    """Load the main page once before any deep link.

    Streamlit registers st.navigation's pages on the first script run, so the very first deep
    link after a server start shows a "page not found" notice (streamlit/streamlit#9624).
    """
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "/")
    page.wait_for_selector(IDLE, timeout=60_000)
    context.close()
    return server


@pytest.fixture
def visit(browser, warm_server) -> Iterator[Visit]:
    server = warm_server
    context = browser.new_context(viewport={"width": 1280, "height": 1600}, accept_downloads=True)
    yield Visit(context.new_page(), server)
    context.close()
