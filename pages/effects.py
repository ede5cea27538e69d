"""Effects: growth of member firms against a comparison group, who takes part, and regional restructuring."""

import streamlit as st

from klyngekart.data.schema import PROGRAMMES
from klyngekart.effects import (
    PARTICIPATION_INDICATORS,
    RESTRUCTURING_OUTCOMES,
    effect_series,
    indicator_gaps,
    indicators_with_data,
    key_figures,
    latest_count,
    latest_effects,
    latest_report,
    method_breaks,
    methods,
    pick_indicator,
    region_rows,
    stat_series,
    year_gaps,
)
from klyngekart.figures.effects import effects_figure, outcomes_figure, participation_figure, with_qualifier
from klyngekart.i18n import format_number, t, translate_values
from klyngekart.provenance import source_ids_of, source_line, source_markdown, sources_for, with_source_columns
from klyngekart.report import year_ranges
from klyngekart.ui import dataset, keep_in_url, language, page_state, tr, url_widget
from klyngekart.ui.charts import bundle_block, chart_block, chart_bundle, chart_meta
from klyngekart.ui.regions import with_profile_links
from klyngekart.ui.registry import page_entry
from klyngekart.ui.tables import download_table
from klyngekart.urlstate import Param

lang = language()
data = dataset()
effects, stats = data["effects"], data["programme_stats"]
PARAMS = [
    Param("programme", "cluster_programme", PROGRAMMES),
    Param("indicator", "clusters_served", PARTICIPATION_INDICATORS),
]

st.title(tr("effects.title"))
st.markdown(tr("effects.lead"))
state = page_state(PARAMS)


def source_help(source_ids: str) -> str:
    return tr("effects.figure_source", source="; ".join(source_markdown(s) for _, s in sources_for(data, source_ids.split(";")).iterrows()))


# Key figures: the latest report's estimates and the latest counts, each against the year before.
st.header(tr("effects.key_heading"))
st.subheader(tr("effects.key_effects_heading"))
cards = st.columns(4)
for index, effect in enumerate(latest_effects(effects)):
    change = effect.change
    cards[index % 4].metric(
        tr("effects.key_effect", indicator=tr(f"effects.indicator_{effect.indicator}"), year=effect.report_year),
        tr("effects.pp_value", value=format_number(effect.value_pp, lang, 1)),
        delta=None if change is None else tr("effects.key_change_pp", change=format_number(change, lang, 1, signed=True), year=effect.report_year - 1),
        delta_color="off",
        delta_arrow="off" if not change else ("up" if change > 0 else "down"),
        help=source_help(effect.source_ids),
        border=True,
    )
st.subheader(tr("effects.key_counts_heading"))
cards = st.columns(4)
for index, figure in enumerate(key_figures(stats)):
    change = figure.change
    cards[index % 4].metric(
        tr(f"effects.key_{figure.indicator}", year=figure.year),
        with_qualifier(figure.value, figure.qualifier, lang),
        delta=None if change is None else tr("effects.key_change", change=format_number(change, lang, signed=True), year=figure.previous_year),
        delta_color="off",
        delta_arrow="off" if not change else ("up" if change > 0 else "down"),
        help=source_help(figure.source_ids),
        border=True,
    )
st.markdown(tr("effects.key_note"))

# Effect estimates beside the method card that says how they were made.
effects_title = tr("effects.chart_title")
st.header(effects_title)
st.markdown(tr("effects.chart_lead"))
series = effect_series(effects)
if series.empty:
    st.info(tr("effects.no_effects"), icon=":material/info:")
else:
    breaks = method_breaks(effects)
    report_gaps = year_gaps(series, "report_year")
    chart_column, card_column = st.columns([3, 2])
    with chart_column:
        report = latest_report(series)
        summary = tr(
            "effects.summary_faster" if report.low > 0 else "effects.summary_range",
            year=report.year,
            by=report.computed_by,
            low=format_number(report.low, lang, 1),
            high=format_number(report.high, lang, 1),
        )
        for before, after in breaks:
            summary += " " + tr("effects.summary_break", before=before, after=after)
        if report_gaps:
            summary += " " + tr("effects.summary_gaps", years=year_ranges(report_gaps))
        missing = [
            tr("effects.summary_missing_one", indicator=tr(f"effects.indicator_{i}").lower(), years=year_ranges(g))
            for i, g in indicator_gaps(series).items()
            if g
        ]
        if missing:
            summary += " " + tr("effects.summary_missing", items="; ".join(missing))
        notes = tuple(tr("effects.break_hover", before=b, after=a) for b, a in breaks)
        meta = chart_meta(effects_title, tr("effects.unit"), source_line(data, source_ids_of(series), lang), notes)
        chart_block(effects_figure(series, breaks, report_gaps, lang), with_source_columns(series, data), meta, "effects-chart", summary)
    with card_column, st.container(border=True):
        st.subheader(tr("effects.method_heading"))
        for method in methods(effects):
            st.markdown(
                tr(
                    "effects.method_entry",
                    by=method.computed_by,
                    years=year_ranges(method.years),
                    comparison="; ".join(method.comparisons),
                    window="; ".join(method.windows),
                    method=method.method_id,
                )
            )
        st.markdown(tr("effects.method_wording"))
        if breaks:
            st.markdown(tr("effects.method_break_note"))
        st.markdown(tr("effects.caveat"))

    with st.expander(tr("effects.table_title")):
        download_table(
            translate_values(with_source_columns(series, data), {"indicator": "effects.indicator_"}, lang),
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
            "klyngekart-effekter",
            "effects-table",
        )

# Participation: one programme and one count at a time, chosen in the URL.
st.header(tr("effects.participation_heading"))
st.markdown(tr("effects.participation_lead"))
left, right = st.columns([3, 2])
programme = left.radio(
    tr("effects.programme"), PROGRAMMES, key=url_widget("effects-programme", state["programme"]),
    format_func=lambda p: t(f"programme.{p}", lang), horizontal=True,
)
available = indicators_with_data(stats, programme)
indicator = pick_indicator(state["indicator"], available)
if available:
    indicator = right.selectbox(
        tr("effects.indicator_pick"), available, key=url_widget("effects-indicator", indicator, available),
        format_func=lambda i: t(f"effects.stat_{i}", lang),
    )
keep_in_url({"programme": programme, "indicator": indicator}, PARAMS)
participation_title = tr("effects.participation_title", programme=tr(f"programme.{programme}"))
counts = stat_series(stats, programme, (indicator,))
if counts.empty:
    st.info(tr("effects.no_counts"), icon=":material/info:")
else:
    gaps = year_gaps(counts)
    newest = latest_count(counts)
    summary = tr(
        "effects.participation_summary" if counts["year"].nunique() > 1 else "effects.participation_summary_one",
        indicator=tr(f"effects.stat_{indicator}"),
        first=int(counts["year"].min()),
        last=int(counts["year"].max()),
        value=with_qualifier(newest["value"], newest["qualifier"], lang),
        year=int(newest["year"]),
        years=counts["year"].nunique(),
    )
    if gaps:
        summary += " " + tr("effects.gaps", years=year_ranges(gaps))
    meta = chart_meta(participation_title, tr(f"effects.stat_{indicator}"), source_line(data, source_ids_of(counts), lang))
    chart_block(participation_figure(counts, gaps, indicator, lang), with_source_columns(counts, data), meta, "participation-chart", summary)

# Business networks: their own series, with what the scheme is.
st.header(tr("networks.title"))
st.markdown(tr("networks.what"))
networks = chart_bundle("networks", {}, lang)
if networks is None:
    st.info(tr("networks.none"), icon=":material/info:")
else:
    bundle_block(networks)

# Regional restructuring: what the areas report, and which areas have had the status.
outcomes_title = tr("effects.outcomes_title")
st.header(outcomes_title)
st.markdown(tr("effects.outcomes_lead"))
outcomes = stat_series(stats, "regional_restructuring", RESTRUCTURING_OUTCOMES)
if outcomes.empty:
    st.info(tr("effects.no_counts"), icon=":material/info:")
else:
    gaps = year_gaps(outcomes)
    newest_year = int(outcomes["year"].max())
    newest = outcomes[outcomes["year"].eq(newest_year)]
    summary = tr(
        "effects.outcomes_summary",
        year=newest_year,
        figures="; ".join(
            f"{tr(f'effects.stat_{row.indicator}').lower()}: {with_qualifier(row.value, row.qualifier, lang)}" for row in newest.itertuples()
        ),
        count=outcomes["year"].nunique(),
    )
    if gaps:
        summary += " " + tr("effects.gaps", years=year_ranges(gaps))
    meta = chart_meta(outcomes_title, tr("effects.outcomes_axis"), source_line(data, source_ids_of(outcomes), lang))
    chart_block(outcomes_figure(outcomes, gaps, lang), with_source_columns(outcomes, data), meta, "restructuring-chart", summary)

st.header(tr("effects.regions_title"))
st.markdown(tr("effects.regions_lead"))
st.page_link(page_entry("regions").script, label=tr("regions.to_page"), icon=":material/map:", query_params={"lang": lang})
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
    "klyngekart-omstillingsomrader",
    "regions-table",
    {"profile": tr("regions.open_profile")},
)
