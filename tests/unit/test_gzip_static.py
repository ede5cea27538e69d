import gzip

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from klyngekart.gzip_static import PrecompressedStatic


def app_over(root):
    inner = Starlette(routes=[Route("/{path:path}", lambda request: PlainTextResponse("inner:" + request.url.path))])
    return PrecompressedStatic(inner, root)


def make_root(tmp_path):
    (tmp_path / "static" / "js").mkdir(parents=True)
    (tmp_path / "static" / "js" / "chart.abc123.js").write_text("console.log('chart');" * 100)
    (tmp_path / "secret.js").write_text("outside")
    return tmp_path


def test_bundle_is_served_gzipped_and_compressed_once(tmp_path):
    middleware = app_over(make_root(tmp_path))
    client = TestClient(middleware)
    first = client.get("/static/js/chart.abc123.js", headers={"Accept-Encoding": "gzip"})
    second = client.get("/static/js/chart.abc123.js", headers={"Accept-Encoding": "gzip"})
    assert first.status_code == 200 and first.headers["content-encoding"] == "gzip"
    assert first.text == (tmp_path / "static" / "js" / "chart.abc123.js").read_text() == second.text
    assert "javascript" in first.headers["content-type"]
    assert "immutable" in first.headers["cache-control"] and first.headers["vary"] == "Accept-Encoding"
    assert list(middleware._cache) == [(tmp_path / "static" / "js" / "chart.abc123.js").resolve()]
    assert gzip.decompress(middleware._cache[next(iter(middleware._cache))]).startswith(b"console.log")


def test_everything_else_passes_through(tmp_path):
    client = TestClient(app_over(make_root(tmp_path)))
    # No gzip asked for, a file that does not exist, a path outside /static/, a path climbing out.
    assert client.get("/static/js/chart.abc123.js", headers={"Accept-Encoding": "identity"}).text == "inner:/static/js/chart.abc123.js"
    assert client.get("/static/js/missing.js", headers={"Accept-Encoding": "gzip"}).text == "inner:/static/js/missing.js"
    assert client.get("/kart", headers={"Accept-Encoding": "gzip"}).text == "inner:/kart"
    middleware = app_over(tmp_path)
    assert middleware.file_for("/static/../secret.js") is None
    assert middleware.file_for("/static/js/chart.abc123.js") is not None
