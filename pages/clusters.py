"""Clusters: every cluster in a searchable table; with ?cluster=<id>, that cluster's profile."""

import streamlit as st

from klyngekart.clusters import TABLE_COLUMNS, clean_query, cluster_table, filter_table
from klyngekart.i18n import file_stem, plural
from klyngekart.navigation import ORIGIN
from klyngekart.ui import dataset, language, page_state, tr, url_widget
from klyngekart.ui.filters import cluster_filter_params, cluster_filters
from klyngekart.ui.profile import SELECTION_KEY, link_columns, profile_picker, show_profile, with_profile_links

lang = language()
data = dataset()
clusters = data["clusters"]
FILTERS = cluster_filter_params(data)


def show_explorer() -> None:
    st.title(tr("clusters.title"))
    st.markdown(tr("clusters.lead"))
    state = page_state(FILTERS)
    search, *filter_columns = st.columns([3, 2, 2, 3])
    query = search.text_input(tr("clusters.search"), key=url_widget("clusters-q", clean_query(st.query_params.get("q", ""))), max_chars=80)
    chosen_filters = cluster_filters(data, state, lang, filter_columns)
    level, county, sector = chosen_filters["level"], chosen_filters["county"], chosen_filters["sector"]
    query = clean_query(query)
    for name in ("cluster", ORIGIN.name):
        if name in st.query_params:
            del st.query_params[name]
    if query:
        st.query_params["q"] = query
    elif "q" in st.query_params:
        del st.query_params["q"]

    table = cluster_table(data, lang)
    shown = filter_table(table, query, level, county, sector)
    count = tr("clusters.count", shown=len(shown), total=len(table))
    if county not in ("all", "unknown"):
        # A county filter cannot show clusters whose county today is not known: say how many.
        count += " " + tr("clusters.count_no_county", count=plural("count.clusters", int(table["county_code_today"].isna().sum()), lang))
    st.markdown(count)
    labels = {column: tr(f"clusters.col_{column}") for column in TABLE_COLUMNS}
    picked = st.dataframe(
        with_profile_links(shown, lang, {"q": query, **chosen_filters}, FILTERS),
        hide_index=True,
        width="stretch",
        height=560,
        column_config={**labels, **link_columns(labels)},
        on_select="rerun",
        selection_mode="single-row",
        key=SELECTION_KEY,
    )
    chosen = profile_picker(shown)
    if picked.selection.rows:
        chosen = shown.iloc[picked.selection.rows[0]]["cluster_id"]
    if chosen:
        st.query_params["cluster"] = chosen
        st.rerun()
    st.markdown(tr("clusters.pick_hint") + " " + tr("clusters.link_hint"))
    download = shown[list(TABLE_COLUMNS)].rename(columns=labels)
    st.download_button(
        tr("export.csv"), data=lambda: download.to_csv(index=False).encode("utf-8"), file_name=f"{file_stem(lang, 'clusters')}.csv",
        mime="text/csv", icon=":material/table:", on_click="ignore", key="clusters-csv",
    )
    st.markdown(tr("clusters.sources_hint"))


wanted = clean_query(st.query_params.get("cluster", ""))
if wanted:
    show_profile(wanted)
else:
    show_explorer()
