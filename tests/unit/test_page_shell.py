import re

import pytest
from starlette.applications import Starlette
from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient

from klyngekart.page_shell import STATIC_JS, PageShell, chart_paths, page_language, plotly_chunks, rewrite

SHELL = (STATIC_JS.parents[1] / "index.html").read_text(encoding="utf-8")
CHUNKS = plotly_chunks()
CHUNK = CHUNKS[0]
PAGE = {"Accept": "text/html,application/xhtml+xml", "Accept-Encoding": "gzip"}


def test_streamlit_ships_one_plotly_chunk_and_we_find_what_it_imports():
    # Guards the preload against a Streamlit upgrade that renames or splits the chunk.
    assert CHUNK.startswith("PlotlyChart.") and (STATIC_JS / CHUNK).is_file()
    assert all((STATIC_JS / name).is_file() for name in CHUNKS)
    assert any(name.startswith("withFullScreenWrapper.") for name in CHUNKS)


def test_imports_are_followed_through_every_chunk(tmp_path):
    (tmp_path / "PlotlyChart.a1.js").write_text('import{t}from"./b.b2.js";import"./c.c3.js";')
    (tmp_path / "b.b2.js").write_text('import{x}from"./d.d4.js";import{y}from"./missing.e5.js";')
    (tmp_path / "c.c3.js").write_text('import{t}from"./b.b2.js";')
    (tmp_path / "d.d4.js").write_text("export const x = 1;")
    assert plotly_chunks(tmp_path) == ("PlotlyChart.a1.js", "b.b2.js", "c.c3.js", "d.d4.js")
    (tmp_path / "PlotlyChart.z9.js").write_text("")
    assert plotly_chunks(tmp_path) == ()


def test_chart_pages_are_the_pages_whose_main_element_is_a_plotly_chart():
    assert {"kart", "budsjett", "effekter"} <= chart_paths()
    assert not {"", "klynger", "kilder"} & chart_paths()


def test_shell_in_the_page_language_with_our_title_icon_and_description():
    nb = rewrite(SHELL, "", "kart", "nb", CHUNKS, chart_paths())
    en = rewrite(SHELL, "", "kart", "en", CHUNKS, chart_paths())
    assert '<html lang="nb">' in nb and '<html lang="en">' not in nb
    assert '<html lang="en">' in en
    assert "<title>Kart · Klyngekart</title>" in nb and "<title>Streamlit</title>" not in nb
    assert "<title>Map · Klyngekart</title>" in en
    assert 'href="/app/static/favicon.png"' in nb
    assert 'name="description" content="Offentlige tall' in nb and 'name="description" content="Public figures' in en


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [
        ("", "nb", "Forside · Klyngekart"),
        ("budsjett", "nb", "Budsjett · Klyngekart"),
        ("budsjett", "en", "Budget · Klyngekart"),
        ("klynger", "en", "Clusters · Klyngekart"),
        ("nope", "nb", "Fant ikke siden · Klyngekart"),
        ("kart/extra/path", "en", "Page not found · Klyngekart"),
    ],
)
def test_every_page_has_its_own_title_in_the_page_language(path, lang, title):
    assert f"<title>{title}</title>" in rewrite(SHELL, "", path, lang, CHUNKS, chart_paths())


def test_the_shells_files_are_addressed_from_the_root_on_any_depth():
    # Relative to /kart/extra/path, "./static/js/…" pointed at /kart/extra/static/js/…, which
    # Streamlit answers with this HTML: no script ran and the page stayed blank.
    shell = rewrite(SHELL, "", "kart/extra/path", "nb", CHUNKS, chart_paths())
    assert '="./' not in shell
    entry = re.search(r'<script type="module" crossorigin src="([^"]+)"', shell)[1]
    assert entry.startswith("/static/js/index.")
    assert 'rel="stylesheet" crossorigin href="/static/css/' in shell
    under = rewrite(SHELL, "klyngekart", "a/b", "nb", CHUNKS, chart_paths())
    assert re.search(r'<script type="module" crossorigin src="/klyngekart/static/js/index\.', under)


def test_house_stylesheet_is_in_the_head_of_every_page():
    for page in ("", "kart", "kilder"):
        shell = rewrite(SHELL, "", page, "nb", CHUNKS, chart_paths())
        assert shell.count(":focus-visible") >= 1 and shell.index(":focus-visible") < shell.index("</head>")


def test_server_address_and_plotly_preload():
    shell = rewrite(SHELL, "", "kart", "nb", CHUNKS, chart_paths())
    assert 'BACKEND_BASE_URL: location.origin + "/"' in shell
    assert f'<link rel="modulepreload" crossorigin href="/static/js/{CHUNK}" />' in shell
    # The preload goes before </head>, where Streamlit's own module scripts are.
    assert shell.index(CHUNK) < shell.index("</head>")
    # Each chunk is preloaded once: those Streamlit's shell already preloads are not added again.
    assert all(shell.count(f"/{name}\"") == 1 for name in CHUNKS)
    assert CHUNK not in rewrite(SHELL, "", "kilder", "nb", CHUNKS, chart_paths())
    under = rewrite(SHELL, "klyngekart", "kart", "nb", CHUNKS, chart_paths())
    assert 'location.origin + "/klyngekart/"' in under and f'href="/klyngekart/static/js/{CHUNK}"' in under


def test_language_from_the_query_or_the_default():
    assert page_language(b"lang=en&year=2012") == "en"
    assert page_language(b"lang=de") == page_language(b"") == page_language(b"lang=%3Cscript%3E") == "nb"


def streamlit_like():
    """Answers every path with index.html the way Streamlit does: an ETag, 304 when it matches,
    gzip when asked for (Streamlit's own middleware); JSON under /_stcore/."""

    def index(request):
        if request.headers.get("if-none-match") == '"v1"':
            return Response(status_code=304)
        return Response(SHELL, media_type="text/html", headers={"etag": '"v1"', "cache-control": "no-cache"})

    def health(request):
        return JSONResponse({"ok": True})

    inner = Starlette(routes=[Route("/_stcore/health", health), Route("/{path:path}", index)])
    return TestClient(GZipMiddleware(PageShell(GZipMiddleware(inner), base_path=""), minimum_size=100))


def test_page_requests_get_the_edited_shell_gzipped():
    client = streamlit_like()
    response = client.get("/kart?lang=en", headers=PAGE | {"If-None-Match": '"v1"'})
    assert response.status_code == 200 and response.headers["content-encoding"] == "gzip"
    assert '<html lang="en">' in response.text and CHUNK in response.text
    assert "etag" not in response.headers and response.headers["cache-control"] == "no-cache"


def test_everything_else_passes_through():
    client = streamlit_like()
    raw = client.get("/kart", headers={"Accept": "*/*", "Accept-Encoding": "gzip"})
    assert '<html lang="en">' in raw.text and "BACKEND_BASE_URL" not in raw.text
    assert client.get("/_stcore/health", headers=PAGE).json() == {"ok": True}
    assert client.head("/kart", headers=PAGE).status_code == 200


@pytest.mark.parametrize("path", ["/nope", "/kart/extra/path", "/a/b", "/budsjett/x", "/ikke-funnet"])
def test_an_address_that_is_no_page_is_a_404_with_the_app_in_it(path):
    client = streamlit_like()
    for method in ("GET", "HEAD"):
        response = client.request(method, path + "?lang=en", headers=PAGE, follow_redirects=False)
        assert response.status_code == 404
    body = client.get(path + "?lang=en", headers=PAGE).text
    assert "<title>Page not found · Klyngekart</title>" in body and '<div id="root">' in body


@pytest.mark.parametrize("path", ["/", "/kart", "/budsjett", "/klynger?cluster=gce-ocean"])
def test_every_page_is_a_200(path):
    client = streamlit_like()
    assert client.get(path, headers=PAGE).status_code == 200
    assert client.head(path, headers=PAGE).status_code == 200


def test_pages_under_a_base_path():
    inner = streamlit_like().app.app.app  # the Streamlit stand-in, without our layers
    client = TestClient(PageShell(inner, base_path="/klyngekart/"))
    assert client.get("/klyngekart/kart", headers=PAGE).status_code == 200
    assert client.get("/klyngekart", headers=PAGE).status_code == 200
    assert client.get("/klyngekart/", headers=PAGE).status_code == 200
    missing = client.get("/klyngekart/kart/extra", headers=PAGE)
    assert missing.status_code == 404 and 'src="/klyngekart/static/js/index.' in missing.text
    # The base path's own name is no page inside it.
    assert client.get("/klyngekart/klyngekart", headers=PAGE).status_code == 404


def test_touch_on_a_chart_is_left_to_the_browser_from_the_first_byte():
    # Streamlit sets Plotly's "pan" on charts that report clicks, and Plotly then cancelled the
    # page's scroll on every touch (tests/e2e/test_touch_browser.py shows the swipe).
    shell = rewrite(SHELL, "", "kart", "nb", CHUNKS, chart_paths())
    assert shell.index("stopPropagation") < shell.index("</head>")
    assert "{capture: true, passive: true}" in shell
