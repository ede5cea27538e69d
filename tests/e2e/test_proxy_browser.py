"""Two replicas behind nginx (`make serve`, deploy/serve.py) in a real browser.

Each visitor sticks to one replica by the proxy's kk_route cookie, which names that replica;
the proxy names the replica that answered in an X-Upstream header, on pages and on the
websocket handshake alike. Each browser here starts with the cookie of one replica, so where
it lands is known before it opens the page.
"""

from __future__ import annotations

import os
import urllib.request
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlparse

import pytest

from deploy import serve
from klyngekart.data import load_dataset
from klyngekart.export.cli import export_chart
from tests.conftest import REPO
from tests.e2e.conftest import Visit, free_port
from tests.e2e.test_budget_browser import CHART, plotted_bars

ROUTE = "kk_route"


@pytest.fixture(scope="module")
def replicas(tmp_path_factory) -> Iterator[tuple[str, list[str]]]:
    """The proxy's address and its replicas' addresses."""
    if serve.nginx_binary() is None:
        reason = "nginx not found: install it with `apt-get install nginx` to run the proxy tests"
        if os.environ.get("KLYNGEKART_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    runtime = tmp_path_factory.mktemp("serve")
    ports = [free_port(), free_port()]
    url = serve.start(runtime, f"127.0.0.1:{free_port()}", ports)
    try:
        yield url, [f"127.0.0.1:{port}" for port in ports]
    finally:
        serve.stop(runtime)


class ProxyVisit(Visit):
    """A browser page pinned to one replica by its cookie; records where its websockets went."""

    def __init__(self, context, base: str, route: str):
        context.add_cookies([{"name": ROUTE, "value": route, "url": base}])
        super().__init__(context.new_page(), base)
        self.sockets: list[str] = []
        cdp = context.new_cdp_session(self.page)
        cdp.send("Network.enable")
        cdp.on("Network.webSocketHandshakeResponseReceived", self._handshake)

    def _handshake(self, event) -> None:
        headers = {name.lower(): value for name, value in event["response"]["headers"].items()}
        self.sockets.append(headers.get("x-upstream", "?"))


@pytest.fixture
def pinned(browser, replicas) -> Iterator:
    proxy = replicas[0]
    contexts = []

    def open_on(route: str) -> ProxyVisit:
        context = browser.new_context(viewport={"width": 1280, "height": 1600}, accept_downloads=True)
        contexts.append(context)
        return ProxyVisit(context, proxy, route)

    yield open_on
    for context in contexts:
        context.close()


def test_two_visitors_on_two_replicas_filter_download_and_share(pinned, replicas):
    proxy, (first, second) = replicas
    # A new visitor is given the cookie of the replica that answered.
    with urllib.request.urlopen(proxy + "/_stcore/health", timeout=10) as response:
        served = response.headers["X-Upstream"]
        cookies = [cookie.split(";", 1)[0] for cookie in response.headers.get_all("Set-Cookie")]
    assert served in (first, second)
    assert f"{ROUTE}={served}" in cookies

    visit = pinned(first)
    visit.open("/budsjett")
    visit.page.wait_for_selector(CHART, timeout=60_000)
    nominal = visit.stable(lambda: plotted_bars(visit.page))
    assert nominal
    visit.page.get_by_text("Faste", exact=True).click()
    visit.page.wait_for_url("**terms=real**", timeout=30_000)
    visit.settle()
    real = visit.stable(lambda: plotted_bars(visit.page))
    assert real and real != nominal
    assert visit.sockets == [first]

    # The file behind a download button lives in the memory of the replica that drew the page.
    with visit.page.expect_download(timeout=60_000) as download:
        visit.page.locator(".st-key-budget-csv button").click()
    params = [f"{key}={value}" for key, value in parse_qsl(urlparse(visit.page.url).query)]
    expected = export_chart(load_dataset(REPO / "data"), "budget", "csv", "nb", params, "http://x")
    assert open(download.value.path(), "rb").read() == expected

    # The permalink, opened by another visitor who lands on the other replica, shows the same view.
    other = pinned(second)
    other.open(urlparse(visit.page.url)._replace(scheme="", netloc="").geturl())
    other.page.wait_for_selector(CHART, timeout=60_000)
    assert other.page.get_by_role("radio", name="Faste").is_checked()
    assert other.eventually(lambda: plotted_bars(other.page), real) == real
    assert other.sockets == [second]
    assert visit.outside_requests() == other.outside_requests() == []
