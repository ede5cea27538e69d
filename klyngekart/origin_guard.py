"""Websockets from another site are refused before Streamlit sees them.

Streamlit decides whether to accept a cross-origin websocket by comparing the Origin with the
machine's addresses, and finds those by connecting towards 8.8.8.8 and fetching
checkip.amazonaws.com, synchronously, on the server's only event loop. A stranger who opens a
websocket with a foreign Origin therefore makes the server call out to the internet, and where
outbound traffic is dropped the whole server stalls for as long as that lookup hangs (a failed
lookup is not remembered, so every such request stalls it again).

The dashboard's own frontend always connects from the page it was served on, so same-origin is
all it needs. Origins a host lists in `server.corsAllowedOrigins` stay allowed; the comparison is
pure string work and never leaves the machine.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from streamlit import config

# Websocket close code 1008, policy violation: the server sends HTTP 403 instead of upgrading.
POLICY_VIOLATION = 1008


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def allowed_origins() -> set[str]:
    return {origin.rstrip("/") for origin in config.get_option("server.corsAllowedOrigins") or ()}


def same_site(origin: str | None, host: str | None, extra: set[str] = frozenset()) -> bool:
    """True when a websocket may open: no Origin (not a browser), the Origin's host:port equals
    the Host the request was sent to, or the Origin is listed by the host's configuration."""
    if origin is None:
        return True
    if origin.rstrip("/") in extra:
        return True
    netloc = urlsplit(origin).netloc
    return bool(netloc) and host is not None and netloc.lower() == host.lower()


class OriginGuard:
    """ASGI middleware: closes cross-origin websocket handshakes; everything else passes through."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "websocket" or same_site(_header(scope, b"origin"), _header(scope, b"host"), allowed_origins()):
            await self.app(scope, receive, send)
            return
        message = await receive()
        if message["type"] == "websocket.connect":
            await send({"type": "websocket.close", "code": POLICY_VIOLATION})
