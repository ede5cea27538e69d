"""Parts every page shares: language picker, footer, error page."""

from __future__ import annotations

import streamlit as st

from klyngekart.data import DataError, Release
from klyngekart.data.fingerprint import short
from klyngekart.i18n import LANGUAGES
from klyngekart.ui import tr

LANGUAGE_NAMES = {"nb": "Norsk (bokmål)", "en": "English"}
SOURCES_PAGE = "pages/sources.py"
CHANGES_PAGE = "pages/changes.py"
# How many problems the error page lists before it points to the command line.
SHOWN_PROBLEMS = 25


def language_picker(lang: str) -> None:
    chosen = st.sidebar.radio(
        tr("layout.language"),
        LANGUAGES,
        index=LANGUAGES.index(lang),
        format_func=LANGUAGE_NAMES.__getitem__,
        horizontal=True,
    )
    if chosen != lang:
        st.session_state["lang"] = chosen
        st.query_params["lang"] = chosen
        st.rerun()


def mark_language(lang: str, in_sidebar: bool = True) -> None:
    """Screen readers pick their voice from <html lang>; Streamlit's page says "en" whatever the
    text. `lang` is "nb" or "en" (validated), never text from the URL. Called last on every path,
    so the page's own elements and chart library are not queued behind this element's code; the
    embed view has no sidebar, so there it goes below the chart."""
    with st.sidebar if in_sidebar else st.container():
        st.html(f"<script>document.documentElement.lang = '{lang}';</script>", unsafe_allow_javascript=True)


def footer(release: Release) -> None:
    st.divider()
    st.markdown(
        tr(
            "layout.footer",
            version=release.version,
            date=release.date,
            licence=release.licence,
            licence_url=release.licence_url,
        )
    )
    st.markdown(tr("changes.footer_fingerprint", fingerprint=short(release.fingerprint)))
    st.page_link(SOURCES_PAGE, label=tr("layout.footer_sources"), icon=":material/menu_book:")
    st.page_link(CHANGES_PAGE, label=tr("changes.footer_link"), icon=":material/history:")


def error_page(error: DataError) -> None:
    """Shown instead of any page when data/ breaks the contract: no half-drawn charts."""
    st.title(tr("error.title"))
    st.error(tr("error.lead"), icon=":material/error:")
    shown = error.problems[:SHOWN_PROBLEMS]
    st.markdown("\n".join(f"- `{problem}`" for problem in shown))
    if len(error.problems) > len(shown):
        st.markdown(tr("error.more", count=len(error.problems) - len(shown)))
    st.markdown(tr("error.hint"))
