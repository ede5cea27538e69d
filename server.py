"""What `make run` serves: dashboard.py inside Streamlit's ASGI app, with gzip and stable
download addresses for the data (/data/<table>.csv, /data/klyngekart.zip).

Streamlit serves its JavaScript bundles uncompressed; compressing them cuts what a visitor on a
phone downloads by about two thirds (bench/page_load.py prints both). Its bundles never change,
so they are compressed once and served from memory; the rest is compressed per response.
The page shell (klyngekart/page_shell.py) sits inside the gzip layer: it edits Streamlit's
index.html as plain text, and the layer outside compresses the result. The origin guard sits
outside everything: a foreign site's websocket is refused before Streamlit would look up this
machine's public address to judge it (klyngekart/origin_guard.py), and every response carries
the security headers of klyngekart/security_headers.py.
"""

import streamlit as st
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from streamlit.runtime.pages_manager import PagesManager

from klyngekart.gzip_static import PrecompressedStatic
from klyngekart.origin_guard import OriginGuard
from klyngekart.page_shell import PageShell
from klyngekart.routes import ROUTES
from klyngekart.security_headers import SecurityHeaders

# Streamlit still honours its first multipage design, in which every script in pages/ is a page
# of its own: until dashboard.py's st.navigation has run once in this process, an address such as
# /map runs pages/map.py directly, without the router's language, data check and footer. Every
# address goes through dashboard.py instead, from the first request on.
PagesManager.uses_pages_directory = False

app = st.App(
    "dashboard.py",
    routes=ROUTES,
    middleware=[
        Middleware(OriginGuard),
        Middleware(SecurityHeaders),
        Middleware(PrecompressedStatic),
        Middleware(GZipMiddleware, minimum_size=1024),
        Middleware(PageShell),
    ],
)
