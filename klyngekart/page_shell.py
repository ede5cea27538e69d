"""The HTML page every address starts from, made Klyngekart's before Streamlit's script runs.

Streamlit answers every page address with the same index.html: lang "en", title "Streamlit",
Streamlit's favicon, and no hint of what the page will need. This middleware edits that shell:

- `<html lang>` and the title are right from the first byte (a screen reader picks its voice
  before any script runs), with a description for search engines and link previews;
- the favicon is ours, not Streamlit's, also for the moment before the app sets it;
- the title names the page ("Budsjett · Klyngekart"); the router keeps it so (dashboard.py);
- an address that is no page is answered with status 404, so crawlers drop it, while the visitor
  still gets the app and, in it, the not-found page;
- the shell's own files are addressed from the site's root: Streamlit writes them relative
  ("./static/js/…"), which on an address two segments deep (/kart/extra/path) pointed below it,
  where Streamlit answers with this same HTML instead of the script, and the page stayed blank;
- the frontend is told where the server is. Without that, on a deep link such as /kart it first
  asks /kart/_stcore/health, gets a 404 and retries at the root about 0.1 s later;
- pages that exist to show a Plotly chart start fetching Plotly's chunk (1.4 MB gzip) and the
  chunks it imports with the page's first scripts, instead of after the first script run has
  reached the browser; bench/page_load.py measures what that is worth.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import parse_qs

import streamlit

from klyngekart.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from klyngekart.navigation import page_for_path, page_title
from klyngekart.ui.registry import PAGES

# Plotly's drag layer takes every touch that starts on a chart and cancels the page's scroll
# whenever a drag mode is set, and Streamlit sets "pan" on every chart that reports clicks (the
# county maps). Stopping the touch before it reaches Plotly leaves the swipe to the browser; a
# tap still hovers and selects, through the mouse events the browser sends after it.
TOUCH_SCROLL = (
    "<script>document.addEventListener('touchstart', (event) => {"
    " if (event.target instanceof Element && event.target.closest('.js-plotly-plot .draglayer')) event.stopPropagation();"
    " }, {capture: true, passive: true});</script>"
)
STATIC_JS = Path(streamlit.__file__).parent / "static" / "static" / "js"
FAVICON = "app/static/favicon.png"
# Dropped from page requests before Streamlit sees them. The shell differs by address and
# language, so Streamlit's ETag for index.html says nothing about the page a browser has cached;
# and Streamlit would gzip the shell before it can be edited (server.py's gzip, outside this, does).
DROPPED = {b"if-none-match", b"if-modified-since", b"accept-encoding"}
# The house stylesheet (focus outline, target sizes, embed view), inline: no extra request.
HOUSE_STYLE = "<style>" + (Path(__file__).parent / "house.css").read_text(encoding="utf-8") + "</style>"


# A chunk's static imports, as Streamlit's bundler writes them: import{…}from"./name.hash.js".
STATIC_IMPORT = re.compile(r'(?:from|import)"\./([\w.-]+\.js)"')
# An attribute holding an address relative to the shell, as Streamlit's index.html writes them.
RELATIVE = re.compile(r'\b(href|src)="\./')


def plotly_chunks(folder: Path = STATIC_JS) -> tuple[str, ...]:
    """Streamlit's Plotly chunk and every chunk it imports, by file name (the hashes change with
    Streamlit's version); empty when the chunk is not found exactly once."""
    found = sorted(folder.glob("PlotlyChart.*.js"))
    if len(found) != 1:
        return ()
    chunks, pending = [found[0].name], [found[0].name]
    while pending:
        for name in STATIC_IMPORT.findall((folder / pending.pop()).read_text(encoding="utf-8")):
            if name not in chunks and (folder / name).is_file():
                chunks.append(name)
                pending.append(name)
    return tuple(chunks)


def chart_paths() -> frozenset[str]:
    """URL paths of the pages whose main element is a Plotly chart ("" is the home page)."""
    return frozenset(entry.url_path for entry in PAGES if "stPlotlyChart" in entry.main_element)


def page_language(query_string: bytes) -> str:
    wanted = parse_qs(query_string.decode("latin-1")).get("lang", [""])[-1]
    return wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE


def rewrite(shell: str, base_path: str, page_path: str, lang: str, chunks: tuple[str, ...], charts: frozenset[str]) -> str:
    """Streamlit's index.html as the shell of the page at `page_path` (no leading or trailing
    slash, base path removed) in `lang`. Parts Streamlit has changed are left as they are."""
    prefix = f"/{base_path}/" if base_path else "/"
    title = html.escape(page_title(page_for_path(page_path), lang))
    description = html.escape(t("shell.description", lang), quote=True)
    head = [
        f'<meta name="description" content="{description}" />',
        # BACKEND_BASE_URL is Streamlit's setting for where its server lives; the page's own origin
        # and base path is where it always is here.
        f"<script>window.__streamlit = {{BACKEND_BASE_URL: location.origin + {json.dumps(prefix)}}};</script>",
        TOUCH_SCROLL,
        HOUSE_STYLE,
    ]
    if page_path in charts:
        # The shell already preloads the chunks every page needs.
        head += [f'<link rel="modulepreload" crossorigin href="{prefix}static/js/{name}" />' for name in chunks if name not in shell]
    shell = shell.replace('<html lang="en">', f'<html lang="{lang}">', 1)
    shell = shell.replace("<title>Streamlit</title>", f"<title>{title}</title>", 1)
    shell = shell.replace('href="./favicon.png"', f'href="{prefix}{FAVICON}"', 1)
    shell = RELATIVE.sub(lambda found: f'{found[1]}="{prefix}', shell)
    return shell.replace("</head>", "\n".join(head) + "\n</head>", 1)


class PageShell:
    """ASGI middleware: rewrites the HTML shell of every page request; passes everything else."""

    def __init__(self, app, base_path: str | None = None) -> None:
        self.app = app
        self.base_path = (streamlit.config.get_option("server.baseUrlPath") if base_path is None else base_path).strip("/")
        self.chunks = plotly_chunks()
        self.charts = chart_paths()

    def page_path(self, path: str) -> str:
        path = path.strip("/")
        if self.base_path and (path == self.base_path or path.startswith(self.base_path + "/")):
            path = path[len(self.base_path) :].strip("/")
        return path

    async def __call__(self, scope, receive, send) -> None:
        headers = dict(scope.get("headers", []))
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or b"text/html" not in headers.get(b"accept", b""):
            await self.app(scope, receive, send)
            return
        # HEAD is answered from the edited page too, so its headers match what GET sends.
        head_only = scope["method"] == "HEAD"
        scope = dict(scope, method="GET", headers=[(k, v) for k, v in scope["headers"] if k not in DROPPED])
        lang = page_language(scope.get("query_string", b""))
        page = self.page_path(scope["path"])
        start: dict | None = None
        body: list[bytes] = []

        async def edit(message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                response = dict(message.get("headers", []))
                plain_html = response.get(b"content-type", b"").startswith(b"text/html") and b"content-encoding" not in response
                if message["status"] == 200 and plain_html:
                    # Streamlit answers every address with the app; only the router's pages are pages.
                    start = message if page_for_path(page) is not None else message | {"status": 404}
                else:
                    await send(message)
                return
            if start is None:
                await send(message)
                return
            body.append(message.get("body", b""))
            if message.get("more_body"):
                return
            text = rewrite(b"".join(body).decode("utf-8"), self.base_path, page, lang, self.chunks, self.charts).encode("utf-8")
            kept = [(k, v) for k, v in start["headers"] if k not in (b"content-length", b"etag", b"last-modified")]
            await send(start | {"headers": [*kept, (b"content-length", str(len(text)).encode())]})
            await send({"type": "http.response.body", "body": b"" if head_only else text})

        await self.app(scope, receive, edit)
