"""Security headers on every response, one Vary header, and Streamlit's metrics kept off the public site.

The Content-Security-Policy allows what Streamlit's frontend needs and nothing from other hosts:
its bundles and the page shell's small inline script (Streamlit runs some code through eval and
inline scripts, so those two stay allowed), inline styles (its CSS-in-JS), images, fonts and
workers from this origin or from data:/blob: addresses (Plotly, deck.gl), and the websocket to
this origin. A page may be framed by other sites only in the embed view, which exists for that.
"""

from __future__ import annotations

from urllib.parse import parse_qs

POLICY = (
    "default-src 'self'; "
    "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:; "
    "style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; "
    "font-src 'self' data:; "
    "connect-src 'self' data: blob:; "
    "worker-src 'self' blob:; "
    "frame-src 'self' blob: data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; "
)
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"),
]
# Streamlit's Prometheus counters describe the server, not the data; they are for its operators.
PRIVATE_PATHS = ("/_stcore/metrics",)


def frame_ancestors(query_string: bytes) -> str:
    """Anyone may frame the embed view (`embed=true`); every other page only this site."""
    embed = parse_qs(query_string.decode("latin-1")).get("embed", [""])[-1].lower() == "true"
    return "frame-ancestors *" if embed else "frame-ancestors 'self'"


def policy_for(query_string: bytes) -> bytes:
    return (POLICY + frame_ancestors(query_string)).encode("ascii")


def merged_vary(headers) -> list[tuple[bytes, bytes]]:
    """One Vary header naming each field once: the app and the gzip layer each add theirs."""
    fields: dict[str, None] = {}
    for name, value in headers:
        if name.lower() == b"vary":
            for field in value.decode("latin-1").split(","):
                if field.strip():
                    fields.setdefault(field.strip().lower(), None)
    return [(b"vary", ", ".join(fields).encode("latin-1"))] if fields else []


class SecurityHeaders:
    """ASGI middleware: adds the headers above to every HTTP response; answers 404 for private paths."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        added = [*HEADERS, (b"content-security-policy", policy_for(scope.get("query_string", b"")))]
        names = {name for name, _ in added}

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names and k.lower() != b"vary"]
                message = message | {"headers": kept + added + merged_vary(message.get("headers", []))}
            await send(message)

        if scope["path"].rstrip("/").endswith(PRIVATE_PATHS):
            await with_headers({"type": "http.response.start", "status": 404, "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
            await with_headers({"type": "http.response.body", "body": b"not found"})
            return
        await self.app(scope, receive, with_headers)
