"""What `make run` serves: dashboard.py inside Streamlit's ASGI app, with gzip.

Streamlit serves its JavaScript bundles uncompressed; compressing them cuts what a visitor on a
phone downloads by about two thirds (bench/page_load.py prints both).
"""

import streamlit as st
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware

app = st.App("dashboard.py", middleware=[Middleware(GZipMiddleware, minimum_size=1024)])
