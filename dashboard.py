"""Klyngekart's entry point: page setup, language, data check, navigation, footer."""

from pathlib import Path

import streamlit as st

from klyngekart.data import DataError
from klyngekart.ui import dataset, resolve_language, tr
from klyngekart.ui.layout import error_page, footer, language_picker, mark_language
from klyngekart.ui.registry import PAGES
from klyngekart.ui.share import embedded_chart, render_embedded

HERE = Path(__file__).parent

st.set_page_config(
    page_title="Klyngekart",
    page_icon=str(HERE / "static" / "favicon.png"),
    layout="wide",
    menu_items={"Get help": None, "Report a bug": None, "About": None},
)

lang, unknown_language = resolve_language()
# ?chart=<key>&embed=true shows one chart alone, for embedding in other sites: no sidebar.
embedded = embedded_chart()
if not embedded:
    language_picker(lang)
if unknown_language:
    st.info(tr("url.ignored", names="lang"), icon=":material/link_off:")

try:
    data = dataset()
except DataError as error:
    error_page(error)
    mark_language(lang, in_sidebar=not embedded)
    st.stop()

if embedded:
    render_embedded(embedded)
    mark_language(lang, in_sidebar=False)
    st.stop()

pages = [
    st.Page(HERE / entry.script, title=tr(entry.title_key), icon=entry.icon, url_path=entry.url_path, default=not entry.url_path)
    for entry in PAGES
]
st.navigation(pages).run()
footer(data.release)
mark_language(lang)
