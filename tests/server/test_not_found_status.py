"""Status codes of page addresses on the real server (issue 16): every page of the router is a
200, every other address a 404 that still carries the app (and with it our not-found page), for
GET and HEAD alike, also under a base path."""

from __future__ import annotations

import http.client
import subprocess
import sys
from collections.abc import Iterator

import pytest

from klyngekart.ui.registry import PAGES
from tests.conftest import REPO
from tests.e2e.conftest import free_port, wait_healthy

KNOWN = ["/" + entry.url_path for entry in PAGES] + ["/klynger?cluster=gce-ocean-technology&lang=en"]
UNKNOWN = ["/nope", "/nope?lang=en", "/kart/extra/path", "/a/b", "/map", "/ikke-funnet"]


def request(host: str, port: int, method: str, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request(method, path, headers={"Accept": "text/html"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize("path", KNOWN)
def test_every_page_is_a_200(trapped_server, method, path):
    host, port, _ = trapped_server
    assert request(host, port, method, path)[0] == 200


@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize("path", UNKNOWN)
def test_an_address_that_is_no_page_is_a_404(trapped_server, method, path):
    host, port, _ = trapped_server
    status, body = request(host, port, method, path)
    assert status == 404
    if method == "GET":
        # Still the app, whose scripts load from the root however deep the address.
        assert b'<div id="root">' in body and b'src="/static/js/index.' in body
        assert b"Klyngekart</title>" in body


def test_files_and_data_keep_their_own_status(trapped_server):
    host, port, _ = trapped_server
    assert request(host, port, "GET", "/data/budgets.csv")[0] == 200
    assert request(host, port, "GET", "/data/nope.csv")[0] == 404
    assert request(host, port, "GET", "/_stcore/health")[0] == 200


@pytest.fixture(scope="module")
def under_base_path() -> Iterator[tuple[str, int]]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "server.py", "--server.port", str(port), "--server.address", "127.0.0.1"]
        + ["--server.baseUrlPath", "klyngekart"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_healthy(f"http://127.0.0.1:{port}/klyngekart", process)
        yield "127.0.0.1", port
    finally:
        process.terminate()
        process.wait(timeout=15)


def test_under_a_base_path(under_base_path):
    host, port = under_base_path
    for method in ("GET", "HEAD"):
        assert request(host, port, method, "/klyngekart/")[0] == 200
        assert request(host, port, method, "/klyngekart/budsjett?lang=en")[0] == 200
        assert request(host, port, method, "/klyngekart/kart/extra/path")[0] == 404
    status, body = request(host, port, "GET", "/klyngekart/a/b")
    assert status == 404 and b'src="/klyngekart/static/js/index.' in body
