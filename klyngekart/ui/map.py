"""Streamlit pieces of the map page around the county map: the county table, the list of the
clusters shown, and the clusters the map cannot place."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from klyngekart.charts.map import MapView, map_params, map_view, unplaced
from klyngekart.clusters import level_label, today_text
from klyngekart.data import Dataset
from klyngekart.data.derive import in_county
from klyngekart.i18n import file_stem
from klyngekart.navigation import from_map, profile_href
from klyngekart.ui import dataset, language, tr
from klyngekart.ui.registry import page_entry
from klyngekart.ui.tables import download_table, link_table


@st.cache_resource(show_spinner=False, max_entries=256)
def _map_view(view: tuple[tuple[str, str], ...], version: str) -> MapView:
    return map_view(dataset(), dict(view))


def cached_map_view(state: dict[str, str]) -> MapView:
    """The map's view of a year, worked out once per view and shared by every session (read-only),
    like the chart drawn from it: a seen view then costs its run little CPU."""
    wanted = {name: state[name] for name in ("year", "metric", "level", "sector", "borders")}
    return _map_view(tuple(sorted(wanted.items())), dataset().release.version)


def county_table(table: pd.DataFrame, column: str, metric: str, year: int) -> None:
    # In the counties of an earlier time only the counts are known: no empty columns.
    download_table(
        table.dropna(axis="columns", how="all").sort_values(column, ascending=False),
        {
            "name": tr("map.county"),
            "clusters": tr(f"map.metric_{'active' if metric == 'active' else 'admitted'}"),
            "per_100k": tr("map.metric_per_100k"),
            "regions": tr("map.metric_regions"),
            "population": tr("map.population"),
            "population_date": tr("map.population_date"),
        },
        file_stem(language(), "counties", year),
        "map-counties",
    )


def cluster_list(shown: pd.DataFrame, county: str, county_names: dict[str, str], year: int) -> None:
    """The clusters on the map (in the chosen county), each linked to its profile and source."""
    lang = language()
    profile_page = page_entry("clusters")
    listed = shown if county == "all" else shown[in_county(shown["county_code_today"], county)]
    list_title = tr("map.list_title", county=tr("map.all_counties") if county == "all" else county_names[county], year=year)
    st.header(list_title)
    listed = listed.assign(
        county=[today_text(c, b, county_names, lang) for c, b in zip(listed["county_code_today"], listed["county_basis"], strict=True)],
        level=[level_label(level, lang) for level in listed["level"]],
    )
    columns = {"name": tr("map.cluster"), "level": tr("map.level"), "county": tr("map.county"), f"sector_{lang}": tr("map.sector")}
    if profile_page is not None:
        # The link carries the map's view, so the profile's back button returns to it.
        back = from_map(st.query_params.to_dict(), map_params(dataset()))
        listed["profile"] = [profile_href(cluster_id, lang, back) for cluster_id in listed["cluster_id"]]
        columns["profile"] = tr("map.profile")
    columns |= {"source": tr("table.source"), "source_url": tr("table.source_url")}
    link_table(listed, columns, file_stem(lang, "clusters", year), "map-clusters", {"name": "profile", "source": "source_url"}, list_title)


def unplaced_note(data: Dataset) -> None:
    missing = unplaced(data)
    with st.expander(tr("map.unplaced_title", years=len(missing["no_years"]), county=len(missing["no_county"]))):
        st.markdown(tr("map.no_years") + " " + ", ".join(missing["no_years"]["name"]))
        st.markdown(tr("map.no_county") + " " + ", ".join(missing["no_county"]["name"]))
