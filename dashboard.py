"""Klyngekart's entry point: page setup, language, data check, navigation, footer."""

from pathlib import Path

import streamlit as st

from klyngekart.data import DataError
from klyngekart.i18n import setting_names
from klyngekart.navigation import NOT_FOUND_PATH, page_for_path, page_title
from klyngekart.ui import dataset, resolve_language, tr
from klyngekart.ui.layout import error_page, footer, language_picker, mark_language
from klyngekart.ui.registry import PAGES
from klyngekart.ui.router import requested_path, send_unknown_addresses_to
from klyngekart.ui.share import embedded_chart, render_embedded

HERE = Path(__file__).parent

# The browser title is set once the page is known, below; the page shell set it from the first byte.
st.set_page_config(
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
    st.info(tr("url.ignored", names=setting_names(["lang"], lang)), icon=":material/link_off:")

try:
    data = dataset()
except DataError as error:
    st.set_page_config(page_title=tr("shell.title"))
    error_page(error)
    mark_language(lang, in_sidebar=not embedded)
    st.stop()

if embedded:
    st.set_page_config(page_title=tr("shell.title"))
    render_embedded(embedded)
    mark_language(lang, in_sidebar=False)
    st.stop()

pages = [
    st.Page(HERE / entry.script, title=tr(entry.title_key), icon=entry.icon, url_path=entry.url_path, default=not entry.url_path)
    for entry in PAGES
]
# Not in the menu: the page an address that is no page gets (klyngekart/ui/router.py).
missing = st.Page(HERE / "pages" / "not_found.py", title=tr("notfound.title"), url_path=NOT_FOUND_PATH, visibility="hidden")
address = requested_path()
if address is not None:
    # A visit's first run: titled before the navigation message, which otherwise shows the bare
    # menu name ("Budsjett") until the title below arrives.
    st.set_page_config(page_title=page_title(page_for_path(address), lang))
send_unknown_addresses_to(NOT_FOUND_PATH, [entry.url_path for entry in PAGES])
page = st.navigation([*pages, missing])
# Streamlit would title the tab with the menu name alone ("Budsjett"); a set title it keeps.
st.set_page_config(page_title=page_title(page_for_path(page.url_path), lang))
page.run()
footer(data.release)
mark_language(lang)
