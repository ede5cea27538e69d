"""A cluster's profile: facts, history chart, host-town map, members and sources; and the
page a mistyped cluster address gets. Drawn by pages/clusters.py for ?cluster=<id>."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from klyngekart.charts.map import map_params
from klyngekart.clusters import TABLE_COLUMNS, closest, cluster_filter_params, level_label, member_text, profile
from klyngekart.data.derive import MAJORITY
from klyngekart.figures.clusters import cluster_map
from klyngekart.geo import map_credit
from klyngekart.i18n import file_stem
from klyngekart.markdown import escape_markdown, markdown_link
from klyngekart.navigation import back_target, explorer_view, profile_href
from klyngekart.provenance import source_markdown, sources_for, with_source_columns
from klyngekart.ui import county_shapes, dataset, language, tr
from klyngekart.ui.changes import profile_changes_block
from klyngekart.ui.charts import bundle_block, chart_bundle
from klyngekart.ui.registry import page_entry
from klyngekart.ui.tables import download_table
from klyngekart.urlstate import Param

PAGE = "pages/clusters.py"
# The explorer's widgets that open a profile (the grid's row selection, the picker below it):
# going back clears them, or the explorer would open the profile again at once.
SELECTION_KEY = "clusters-table"
PICKER_KEY = "clusters-open"


def back_link(key: str) -> None:
    """Back to where the profile was opened from: the explorer with its search and filters, or
    the map with its view. A button, not a link: the switch also clears the profile's id from the
    address and the explorer's row selection, so a reload, a language switch or a copied address
    shows the page gone back to, not the profile again."""
    target, kept = back_target(st.query_params.to_dict(), cluster_filter_params(dataset()), map_params(dataset()))
    entry = page_entry(target) or page_entry("clusters")
    label = tr("clusters.back_map") if target == "map" else tr("clusters.back")
    if st.button(label, icon=":material/arrow_back:", key=key, type="tertiary"):
        for opener in (SELECTION_KEY, PICKER_KEY):
            st.session_state.pop(opener, None)
        st.switch_page(entry.script, query_params={**kept, "lang": language()})


def with_profile_links(shown: pd.DataFrame, lang: str, view: dict[str, str], filters: list[Param]) -> pd.DataFrame:
    """The explorer's columns with a link to each row's profile after the name (a click opens it
    in a new tab). The link carries the explorer's view, so the profile's back button restores it."""
    kept = explorer_view(view, filters)
    rows = shown[list(TABLE_COLUMNS)].copy()
    rows.insert(1, "profile", [profile_href(cluster_id, lang, kept) for cluster_id in shown["cluster_id"]])
    return rows


def link_columns(labels: dict[str, str]) -> dict[str, object]:
    return {
        "name": st.column_config.TextColumn(labels["name"], width="medium"),
        "profile": st.column_config.LinkColumn(tr("clusters.col_profile"), display_text=tr("clusters.open_profile")),
    }


def profile_picker(shown: pd.DataFrame) -> str | None:
    """The id of the cluster chosen in a list of the rows shown, or None. The keyboard's way to a
    profile: the grid's link cells open on a click only, and Enter or Space on a row does nothing."""
    names = dict(zip(shown["cluster_id"], shown["name"], strict=True))
    return st.selectbox(
        tr("clusters.open_label"), list(names), index=None, format_func=names.__getitem__,
        placeholder=tr("clusters.open_placeholder"), key=PICKER_KEY,
    )


def not_found(wanted: str) -> None:
    lang = language()
    clusters = dataset()["clusters"]
    st.title(tr("clusters.title"))
    st.warning(tr("clusters.not_found"), icon=":material/search_off:")
    near = closest(clusters, wanted)
    if near.empty:
        st.markdown(tr("clusters.not_found_none"))
    else:
        st.markdown(tr("clusters.not_found_near"))
        for row in near.itertuples():
            st.page_link(PAGE, label=escape_markdown(row.name), icon=":material/hub:", query_params={"cluster": row.cluster_id, "lang": lang})
    back_link("profile-back-bottom")


def show_profile(cluster_id: str) -> None:
    lang, data = language(), dataset()
    found = profile(data, cluster_id, lang)
    if found is None:
        not_found(cluster_id)
        return
    cluster = found.cluster
    # A link from this same page brings the id to the script but not always to the address bar;
    # writing it keeps the address a permalink to the profile shown.
    st.query_params["cluster"] = cluster_id
    back_link("profile-back-top")
    st.title(cluster["name"])
    description = cluster[f"description_{lang}"]
    if isinstance(description, str):
        st.markdown(escape_markdown(description))

    facts = [
        (tr("clusters.col_level"), level_label(found.level, lang)),
        (tr("clusters.col_years"), found.years(lang)),
        (tr("clusters.col_county_today"), found.county_today or tr("clusters.unknown")),
        (tr("clusters.col_county_then"), found.county_then),
        (tr("clusters.host"), found.host),
        (tr("clusters.col_sector"), cluster[f"sector_{lang}"]),
        (tr("clusters.col_other_names"), cluster["other_names"].replace(";", ", ") if isinstance(cluster["other_names"], str) else ""),
    ]
    lines = [f"- **{label}:** {escape_markdown(value)}" for label, value in facts if isinstance(value, str) and value]
    if isinstance(cluster["website"], str):
        lines.append(f"- **{tr('clusters.website')}:** {markdown_link(cluster['website'], cluster['website'])}")
    st.markdown("\n".join(lines))
    # A cluster placed in no county today has no basis (pd.NA, which no comparison can test).
    if pd.notna(cluster["county_basis"]) and cluster["county_basis"] == MAJORITY:
        st.caption(tr("clusters.county_approximate_note", then=found.county_then))
    profile_changes_block(cluster_id)

    st.header(tr("clusters.history_title"))
    history = chart_bundle("cluster-history", {"cluster": cluster_id}, lang)
    if history is None:
        st.info(tr("clusters.history_none"), icon=":material/info:")
    else:
        bundle_block(history)
    if not found.undated.empty:
        undated = ", ".join(level_label(level, lang) for level in found.undated["level"])
        st.markdown(tr("clusters.undated", levels=undated))

    if found.has_point:
        st.header(tr("clusters.map_title"))
        deck = cluster_map(county_shapes(), float(cluster["latitude"]), float(cluster["longitude"]), cluster["county_code_today"], cluster["name"])
        with st.container(key="still-map-profile"):
            st.pydeck_chart(deck, height=360, key="cluster-map")
        town = cluster["host_municipality"] if isinstance(cluster["host_municipality"], str) else ""
        st.markdown(tr("clusters.map_caption", town=escape_markdown(town), credit=map_credit(language())))

    st.header(tr("clusters.members_title"))
    if found.members.empty:
        st.markdown(tr("clusters.members_none"))
    else:
        members = with_source_columns(found.members, data)
        members["count"] = [member_text(row, lang) for _, row in found.members.iterrows()]
        download_table(
            members,
            {
                "year": tr("table.year"),
                "count": tr("clusters.members_count"),
                "source_url": tr("table.source_url"),
                "source": tr("table.source"),
                "note": tr("table.note"),
            },
            file_stem(language(), "members", cluster_id),
            "cluster-members",
        )

    st.header(tr("clusters.sources_title"))
    st.markdown("\n".join(f"- {source_markdown(source)}" for _, source in sources_for(data, found.source_ids).iterrows()))
    back_link("profile-back-bottom")
