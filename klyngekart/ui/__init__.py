"""Streamlit glue shared by the router and the pages: cached data, language, URL state.

Only this package and the page scripts import streamlit; everything else is plain functions.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import streamlit as st

from klyngekart.borders_of_time import outlines_for_set
from klyngekart.data import DATA_DIR, Dataset, load_dataset
from klyngekart.data.borders import CURRENT_SET
from klyngekart.export.dataset import dataset_xlsx, dataset_zip
from klyngekart.geo import Outline
from klyngekart.i18n import DEFAULT_LANGUAGE, LANGUAGES, setting_names, t
from klyngekart.urlstate import Param, read_state, to_query

LANG_PARAM = Param("lang", DEFAULT_LANGUAGE, LANGUAGES)


# Tests point the app at fixture data; visitors always get data/.
DATA_DIR_VARIABLE = "KLYNGEKART_DATA_DIR"


def data_dir() -> str:
    """data/, unless a test points KLYNGEKART_DATA_DIR elsewhere (an empty value counts as unset)."""
    return os.environ.get(DATA_DIR_VARIABLE) or str(DATA_DIR)


@st.cache_resource(show_spinner=False)
def _dataset(data_dir: str) -> Dataset:
    return load_dataset(Path(data_dir))


def dataset() -> Dataset:
    """Read and validate data/ once per process; every session shares the result (read-only)."""
    return _dataset(data_dir())


def county_shapes() -> dict:
    """Today's county borders as GeoJSON, read and checked once by the loader (read-only)."""
    return dataset().border_sets[CURRENT_SET.name]


def outlines() -> dict[str, Outline]:
    """Today's counties projected for drawing, worked out once per dataset and shared (read-only):
    the same outlines the borders-of-their-time map and the export command use."""
    return outlines_for_set(dataset(), CURRENT_SET)


@st.cache_data(show_spinner=False, max_entries=2)
def whole_dataset_zip(version: str) -> bytes:
    return dataset_zip(dataset())


@st.cache_data(show_spinner=False, max_entries=2)
def whole_dataset_xlsx(version: str) -> bytes:
    return dataset_xlsx(dataset())


def resolve_language() -> tuple[str, bool]:
    """The session's language and whether the URL asked for one we do not have.

    Streamlit clears query parameters when the visitor changes page, so the choice also lives in
    session state and is written back to the URL on every run.
    """
    state = read_state(st.query_params, [LANG_PARAM])
    if "lang" in st.query_params and not state.ignored:
        lang = state.values["lang"]
    else:
        lang = st.session_state.get("lang", DEFAULT_LANGUAGE)
    st.session_state["lang"] = lang
    _write_query({"lang": lang}, [LANG_PARAM])
    return lang, bool(state.ignored)


def language() -> str:
    return st.session_state.get("lang", DEFAULT_LANGUAGE)


def tr(key: str, **values: object) -> str:
    return t(key, language(), **values)


def _write_query(values: dict[str, str], params: Sequence[Param]) -> None:
    wanted = to_query(values, params)
    for param in params:
        if param.name in wanted:
            if st.query_params.get(param.name) != wanted[param.name]:
                st.query_params[param.name] = wanted[param.name]
        elif param.name in st.query_params:
            del st.query_params[param.name]


def page_state(params: Sequence[Param]) -> dict[str, str]:
    """Read this page's parameters from the URL; say briefly when a value was not recognised."""
    state = read_state(st.query_params, params)
    if state.ignored:
        st.info(tr("url.ignored", names=setting_names(state.ignored, language())), icon=":material/link_off:")
    return state.values


def url_widget(key: str, value: object, options: Sequence[object] | None = None) -> str:
    """The key for a widget whose first value comes from the URL; pass it as `key=` and give
    the widget no default of its own.

    Streamlit tells widgets without a key apart by their label and default. The page rewrites the
    URL on every change, so a default read from the URL gave the widget a new identity on the
    next run and the visitor's next change was dropped. A keyed widget keeps its identity; its
    value is taken from the URL once, and again only when it is no longer among `options`.
    """
    current = st.session_state.get(key)
    chosen = current if isinstance(current, list) else [current]
    if key not in st.session_state or (options is not None and any(v not in options for v in chosen)):
        st.session_state[key] = value
    return key


def keep_in_url(values: dict[str, str], params: Sequence[Param]) -> None:
    """Write the view's state to the URL, so the address bar is always a permalink."""
    _write_query(values, params)
