"""Streamlit pieces of the effects page that are not charts: key-figure cards, the method card
and the tables under the charts."""

from __future__ import annotations

import streamlit as st

from klyngekart.data import Dataset
from klyngekart.effects import effect_series, key_figures, latest_effects, method_breaks, methods, region_rows
from klyngekart.figures.effects import with_qualifier
from klyngekart.i18n import data_text, file_stem, format_number, translate_text_columns, translate_values
from klyngekart.provenance import source_markdown, sources_for, with_source_columns
from klyngekart.report import year_ranges
from klyngekart.ui import language, tr
from klyngekart.ui.regions import with_profile_links
from klyngekart.ui.tables import download_table


def _source_help(data: Dataset, source_ids: str) -> str:
    return tr("effects.figure_source", source="; ".join(source_markdown(s) for _, s in sources_for(data, source_ids.split(";")).iterrows()))


def _arrow(change: float | None) -> str:
    return "off" if not change else ("up" if change > 0 else "down")


def key_figure_cards(data: Dataset) -> None:
    """The latest report's estimates and the latest counts, each against the year before."""
    lang = language()
    st.subheader(tr("effects.key_effects_heading"))
    cards = st.columns(4)
    # Both are fixed for a loaded dataset: worked out once, not on every rerun.
    for index, effect in enumerate(data.memo("effects.latest", lambda ds: latest_effects(ds["effects"]))):
        change = effect.change
        cards[index % 4].metric(
            tr("effects.key_effect", indicator=tr(f"effects.indicator_{effect.indicator}"), year=effect.report_year),
            tr("effects.pp_value", value=format_number(effect.value_pp, lang, 1)),
            delta=None if change is None else tr("effects.key_change_pp", change=format_number(change, lang, 1, signed=True), year=effect.report_year - 1),
            delta_color="off", delta_arrow=_arrow(change), help=_source_help(data, effect.source_ids), border=True,
        )
    st.subheader(tr("effects.key_counts_heading"))
    cards = st.columns(4)
    for index, figure in enumerate(data.memo("effects.key_figures", lambda ds: key_figures(ds["programme_stats"]))):
        change = figure.change
        cards[index % 4].metric(
            tr(f"effects.key_{figure.indicator}", year=figure.year),
            with_qualifier(figure.value, figure.qualifier, lang),
            delta=None if change is None else tr("effects.key_change", change=format_number(change, lang, signed=True), year=figure.previous_year),
            delta_color="off", delta_arrow=_arrow(change), help=_source_help(data, figure.source_ids), border=True,
        )


def method_card(data: Dataset) -> None:
    """Who computed the estimates, against what, over which window; where the method changed."""
    lang = language()
    with st.container(border=True):
        st.subheader(tr("effects.method_heading"))
        for method in methods(data["effects"]):
            st.markdown(
                tr(
                    "effects.method_entry", by=method.computed_by, years=year_ranges(method.years),
                    comparison="; ".join(data_text(c, lang) for c in method.comparisons),
                    window="; ".join(data_text(w, lang) for w in method.windows), method=method.method_id,
                )
            )
        st.markdown(tr("effects.method_wording"))
        if method_breaks(data["effects"]):
            st.markdown(tr("effects.method_break_note"))
        st.markdown(tr("effects.caveat"))


def effects_table(data: Dataset) -> None:
    lang = language()
    rows = translate_values(with_source_columns(effect_series(data["effects"]), data), {"indicator": "effects.indicator_"}, lang)
    with st.expander(tr("effects.table_title")):
        download_table(
            translate_text_columns(rows, ["window", "comparison"], lang),
            {
                "report_year": tr("effects.report_year"),
                "indicator": tr("effects.indicator"),
                "value_pp": tr("effects.unit"),
                "computed_by": tr("effects.computed_by"),
                "method_id": tr("effects.method_id"),
                "window": tr("effects.window"),
                "comparison": tr("effects.comparison"),
                "source_url": tr("table.source_url"),
                "source": tr("table.source"),
                "note": tr("table.note"),
            },
            file_stem(lang, "effects"),
            "effects-table",
        )


def regions_table(data: Dataset) -> None:
    lang = language()
    regions = region_rows(data["restructuring_regions"], data["reference/counties"], "name" if lang == "nb" else "name_en")
    download_table(
        with_profile_links(with_source_columns(regions, data), lang),
        {
            "name": tr("effects.region_name"),
            "profile": tr("regions.profile"),
            "municipality_list": tr("effects.municipalities"),
            "county_then": tr("effects.county_then"),
            "county_today": tr("effects.county_today"),
            "period": tr("effects.period"),
            "source_url": tr("table.source_url"),
            "source": tr("table.source"),
            "note": tr("table.note"),
        },
        file_stem(lang, "restructuring-areas"),
        "regions-table",
        {"profile": tr("regions.open_profile")},
    )
