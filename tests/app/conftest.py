"""AppTest helpers: run the real router (dashboard.py) on a chosen data directory."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from klyngekart.ui import DATA_DIR_VARIABLE
from klyngekart.ui.registry import PAGES as ENTRIES
from tests.conftest import FIXTURE_DATA, REPO

# The home page is what the router runs first; every other page is reached by switching to it.
PAGES = {entry.key: (entry.script if entry.url_path else None) for entry in ENTRIES}


def open_page(page: str, query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60)
    for name, value in (query or {}).items():
        at.query_params[name] = value
    # A browser reports ?embed=true through st.context, not st.query_params.
    if (query or {}).get("embed") == "true":
        at.context["is_embedded"] = True
    at.run()
    if PAGES[page]:
        at.switch_page(PAGES[page]).run()
    return at


@pytest.fixture(autouse=True)
def fixture_data(monkeypatch) -> Path:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(FIXTURE_DATA))
    return FIXTURE_DATA


def decode(values) -> list:
    """Plotly 7 writes numeric arrays as base64 typed arrays; give them back as a list."""
    import base64

    import numpy as np

    if isinstance(values, dict) and "bdata" in values:
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def plotted(at: AppTest, index: int = 0) -> dict:
    import json

    return json.loads(at.get("plotly_chart")[index].proto.spec)
