"""Drawing the restructuring page's tables and an area's profile (Streamlit glue)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from klyngekart.figures.effects import with_qualifier
from klyngekart.i18n import data_text, file_stem, t
from klyngekart.mapping import county_from_point
from klyngekart.provenance import source_markdown
from klyngekart.regions import Profile
from klyngekart.ui import language, tr
from klyngekart.ui.registry import page_entry
from klyngekart.ui.tables import download_table, link_table


def profile_url(region_id: str, lang: str) -> str:
    entry = page_entry("regions")
    return f"{entry.url_path}?region={region_id}" + ("&lang=en" if lang == "en" else "")


def with_profile_links(areas: pd.DataFrame, lang: str) -> pd.DataFrame:
    return areas.assign(profile=[profile_url(r, lang) for r in areas["region_id"]])


def areas_table(areas: pd.DataFrame, stem: str, key: str, caption: str) -> None:
    """Areas with a link from each name to its profile, and to its first source."""
    columns = {
        "name": tr("effects.region_name"), "municipality_list": tr("regions.municipalities"),
        "county_then": tr("regions.county_then"), "county_today": tr("regions.county_today"),
        "period": tr("regions.period"), "profile": tr("regions.profile"),
        "source": tr("table.source"), "source_url": tr("table.source_url"),
    }
    link_table(with_profile_links(areas, language()), columns, stem, key, {"name": "profile", "source": "source_url"}, caption)


def apply_county_click(chart_key: str, widget_key: str, known: dict[str, str]) -> None:
    """A click on a county's circle picks that county in the widget `widget_key`, once per click."""
    selection = st.session_state.get(chart_key) or {}
    clicked = [county_from_point(p) for p in selection.get("selection", {}).get("points", [])]
    clicked = [code for code in clicked if code in known]
    applied = f"{chart_key}-click-applied"
    if clicked and clicked[-1] != st.session_state.get(applied):
        st.session_state[applied] = st.session_state[widget_key] = clicked[-1]


def draw_profile(profile: Profile) -> None:
    lang = language()
    st.title(profile.name)
    facts = {
        "regions.period": profile.period or tr("regions.period_unknown"),
        "regions.municipalities": ", ".join(profile.municipalities) or tr("regions.not_stated"),
        "regions.county_then": profile.county_then or tr("regions.not_stated"),
        "regions.county_today": profile.county_today or tr("regions.not_stated"),
    }
    st.markdown("\n".join(f"- **{tr(key)}:** {value}" for key, value in facts.items()))
    if profile.note:
        st.caption(tr("regions.note", note=profile.note))
    st.header(tr("regions.results_title"))
    if profile.results.empty:
        st.info(tr("regions.no_results"), icon=":material/info:")
    else:
        st.markdown(tr("regions.results_lead"))
        results = profile.results.assign(
            result=[t(f"effects.stat_{i}", lang) for i in profile.results["indicator"]],
            figure=[with_qualifier(v, q, lang) for v, q in zip(profile.results["value"], profile.results["qualifier"], strict=True)],
            reported_by=[data_text(r, lang) for r in profile.results["reported_by"]],
        )
        columns = {
            "result": tr("regions.result"), "figure": tr("regions.value"), "years": tr("regions.years"),
            "reported_by": tr("regions.reported_by"), "source_url": tr("table.source_url"), "source": tr("table.source"),
        }
        download_table(results, columns, file_stem(lang, "restructuring", profile.region_id), "region-results")
    st.header(tr("regions.sources_title"))
    st.markdown("\n".join(f"- {source_markdown(source)}" for _, source in profile.sources.iterrows()))
