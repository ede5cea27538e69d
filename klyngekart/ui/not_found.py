"""The page for an address that is no page: says so in the visitor's language, lists the pages
and offers a search over the clusters that leads to their profiles."""

from __future__ import annotations

import streamlit as st

from klyngekart.clusters import clean_query, cluster_table, filter_table
from klyngekart.markdown import escape_markdown
from klyngekart.ui import dataset, language, tr
from klyngekart.ui.registry import PAGES, page_entry

# A search on this page is a way in, not the explorer: a few matches, then the explorer.
SHOWN_MATCHES = 8


def show_not_found() -> None:
    lang = language()
    st.title(tr("notfound.title"))
    st.warning(tr("notfound.lead"), icon=":material/search_off:")
    query = clean_query(st.text_input(tr("notfound.search"), key="notfound-q", max_chars=80))
    profiles = page_entry("clusters")
    if query and profiles is not None:
        found = filter_table(cluster_table(dataset(), lang), query)
        if found.empty:
            st.markdown(tr("notfound.no_results"))
        else:
            st.markdown(tr("notfound.results"))
            for row in found.head(SHOWN_MATCHES).itertuples():
                st.page_link(profiles.script, label=escape_markdown(row.name), icon=":material/hub:", query_params={"cluster": row.cluster_id, "lang": lang})
            if len(found) > SHOWN_MATCHES:
                st.page_link(profiles.script, label=tr("clusters.title"), icon=":material/hub:", query_params={"q": query, "lang": lang})
    st.markdown(tr("notfound.pages"))
    for entry in PAGES:
        st.page_link(entry.script, label=tr(entry.title_key), icon=entry.icon, query_params={"lang": lang})
