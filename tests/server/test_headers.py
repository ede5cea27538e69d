"""Security headers on every response of the real server (issue 15, finding 6)."""

import urllib.error
import urllib.request

import pytest


def fetch(server, path: str, accept: str = "*/*") -> tuple[int, dict[str, str], bytes]:
    host, port, _ = server
    request = urllib.request.Request(f"http://{host}:{port}{path}", headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


@pytest.mark.parametrize(
    ("path", "accept"),
    [("/", "text/html"), ("/budsjett?lang=en", "text/html"), ("/data/budgets.csv", "*/*"), ("/_stcore/health", "*/*"), ("/app/static/favicon.png", "*/*")],
)
def test_every_response_carries_the_headers(trapped_server, path, accept):
    status, headers, _ = fetch(trapped_server, path, accept)
    assert status == 200
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["permissions-policy"]
    policy = headers["content-security-policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy and "frame-ancestors 'self'" in policy


def test_only_the_embed_view_may_be_framed_elsewhere(trapped_server):
    _, headers, _ = fetch(trapped_server, "/?chart=budget&embed=true", "text/html")
    assert headers["content-security-policy"].endswith("frame-ancestors *")


def test_metrics_are_not_public(trapped_server):
    status, _, body = fetch(trapped_server, "/_stcore/metrics")
    assert status == 404 and b"stcore" not in body


def test_unknown_table_is_not_echoed(trapped_server):
    status, _, body = fetch(trapped_server, "/data/%3Cscript%3Ealert(1)%3C%2Fscript%3E.csv")
    assert status == 404 and b"script" not in body and b"alert" not in body
