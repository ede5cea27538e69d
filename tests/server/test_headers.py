"""Security headers on every response of the real server (issue 15, finding 6)."""

import http.client
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


def test_head_and_get_agree_on_a_page(trapped_server):
    host, port, _ = trapped_server

    answers = {}
    for method in ("HEAD", "GET"):
        connection = http.client.HTTPConnection(host, port, timeout=30)
        connection.request(method, "/budsjett?lang=en", headers={"Accept": "text/html"})
        response = connection.getresponse()
        body = response.read()
        answers[method] = (response.status, response.getheader("content-length"), response.getheader("etag"), body)
        connection.close()
    assert answers["HEAD"][:3] == answers["GET"][:3]
    assert answers["HEAD"][3] == b"" and int(answers["GET"][1]) == len(answers["GET"][3])


@pytest.mark.parametrize("path", ["/data/budgets.csv", "/data/klyngekart.zip", "/geo/counties_2024.geojson"])
def test_files_carry_one_vary_an_etag_and_answer_304(trapped_server, path):
    host, port, _ = trapped_server
    request = urllib.request.Request(f"http://{host}:{port}{path}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        vary = response.headers.get_all("vary") or []
        tag = response.headers["etag"]
        assert response.headers["last-modified"].endswith("GMT")
    assert len(vary) <= 1 and all(v.lower().split(", ").count("accept-encoding") <= 1 for v in vary)
    again = urllib.request.Request(f"http://{host}:{port}{path}", headers={"If-None-Match": tag})
    with pytest.raises(urllib.error.HTTPError) as not_modified:
        urllib.request.urlopen(again, timeout=30)
    assert not_modified.value.code == 304


def test_versioned_borders_are_cached_for_good(trapped_server):
    from klyngekart.geo import counties_url

    _, headers, _ = fetch(trapped_server, counties_url())
    assert "immutable" in headers["cache-control"]
    _, headers, _ = fetch(trapped_server, "/geo/counties_2024.geojson?v=old")
    assert "immutable" not in headers["cache-control"]
