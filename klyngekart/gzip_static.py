"""Streamlit's own JavaScript and CSS, gzipped once per process instead of once per request.

Gzip on the fly (Starlette's GZipMiddleware, level 9) cost the server about 0.3 s of CPU for the
Plotly bundle alone on every cold page load, on the same two cores the visitor's browser needs.
The bundles under /static/ have content hashes in their names and never change while the server
runs, so each is compressed the first time it is asked for and then served from memory.
"""

from __future__ import annotations

import asyncio
import gzip
import mimetypes
import threading
from pathlib import Path

import streamlit

# Streamlit's web root; its bundles live in the "static" folder inside it, under the same URL prefix.
STATIC_ROOT = Path(streamlit.__file__).parent / "static"
PREFIX = "/static/"
SUFFIXES = {".js", ".css", ".json", ".svg", ".map", ".txt"}
IMMUTABLE = b"public, immutable, max-age=31536000"


class PrecompressedStatic:
    """ASGI middleware: answers GET /static/… with a cached gzip body when the browser accepts gzip;
    everything else passes through untouched."""

    def __init__(self, app, root: Path = STATIC_ROOT) -> None:
        self.app = app
        self.folder = (root / PREFIX.strip("/")).resolve()
        self._cache: dict[Path, bytes] = {}
        self._lock = threading.Lock()

    def file_for(self, path: str) -> Path | None:
        if not path.startswith(PREFIX):
            return None
        candidate = (self.folder / path[len(PREFIX) :]).resolve()
        if candidate.suffix not in SUFFIXES or not candidate.is_relative_to(self.folder) or not candidate.is_file():
            return None
        return candidate

    def gzipped(self, file: Path) -> bytes:
        with self._lock:
            body = self._cache.get(file)
        if body is None:
            body = gzip.compress(file.read_bytes(), compresslevel=9, mtime=0)
            with self._lock:
                self._cache[file] = body
        return body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            headers = dict(scope["headers"])
            file = self.file_for(scope["path"])
            if file is not None and b"gzip" in headers.get(b"accept-encoding", b""):
                # The first request for a file compresses it off the event loop; later ones read memory.
                body = self._cache.get(file) or await asyncio.to_thread(self.gzipped, file)
                kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
                await send(
                    {
                        "type": "http.response.start",
                        "status": 200,
                        "headers": [
                            (b"content-type", kind.encode()),
                            (b"content-encoding", b"gzip"),
                            (b"content-length", str(len(body)).encode()),
                            (b"vary", b"Accept-Encoding"),
                            (b"cache-control", IMMUTABLE),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
                return
        await self.app(scope, receive, send)
