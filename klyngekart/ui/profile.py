"""A cluster's profile: facts, history chart, host-town map, members and sources; and the
page a mistyped cluster address gets. Drawn by pages/clusters.py for ?cluster=<id>."""

from __future__ import annotations

import streamlit as st

from klyngekart.clusters import closest, level_label, member_text, profile
from klyngekart.data.derive import MAJORITY
from klyngekart.figures.clusters import cluster_map
from klyngekart.geo import MAP_CREDIT
from klyngekart.markdown import escape_markdown, markdown_link
from klyngekart.provenance import source_markdown, sources_for, with_source_columns
from klyngekart.ui import county_shapes, dataset, language, tr
from klyngekart.ui.charts import bundle_block, chart_bundle
from klyngekart.ui.tables import download_table

PAGE = "pages/clusters.py"


def back_link() -> None:
    lang = language()
    # The explorer's search and filters stay in the URL while a profile is open, so back restores them.
    kept = {name: st.query_params[name] for name in ("q", "level", "county", "sector") if name in st.query_params}
    st.page_link(PAGE, label=tr("clusters.back"), icon=":material/arrow_back:", query_params={**kept, "lang": lang})


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
            st.page_link(PAGE, label=row.name, icon=":material/hub:", query_params={"cluster": row.cluster_id, "lang": lang})
    back_link()


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
    back_link()
    st.title(cluster["name"])
    description = cluster[f"description_{lang}"]
    if isinstance(description, str):
        st.markdown(escape_markdown(description))

    facts = [
        (tr("clusters.col_level"), level_label(found.level, lang)),
        (tr("clusters.col_years"), found.years),
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
    if cluster["county_basis"] == MAJORITY:
        st.caption(tr("clusters.county_approximate_note", then=found.county_then))

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
        st.pydeck_chart(deck, height=360, key="cluster-map")
        town = cluster["host_municipality"] if isinstance(cluster["host_municipality"], str) else ""
        st.markdown(tr("clusters.map_caption", town=escape_markdown(town), credit=MAP_CREDIT))

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
            f"klyngekart-medlemmer-{cluster_id}",
            "cluster-members",
        )

    st.header(tr("clusters.sources_title"))
    st.markdown("\n".join(f"- {source_markdown(source)}" for _, source in sources_for(data, found.source_ids).iterrows()))
    back_link()
