"""Compare counties: two to four of today's counties side by side, clusters, levels, sectors, restructuring."""

import streamlit as st

from klyngekart.clusters import county_names, latest_year, level_label, today_county_codes
from klyngekart.compare import (
    MAX_COUNTIES,
    MIN_COUNTIES,
    POPULATION_DATE,
    chosen_counties,
    default_counties,
    entered_by_year,
    per_population,
    period_text,
    reached_by,
    regions,
    sectors,
    undated_by_county,
)
from klyngekart.figures.clusters import entered_figure, per_population_figure
from klyngekart.i18n import format_number
from klyngekart.provenance import source_ids_of, source_line, with_source_columns
from klyngekart.ui import dataset, keep_in_url, language, page_state, tr, url_widget
from klyngekart.ui.charts import chart_block, chart_meta
from klyngekart.ui.tables import download_table
from klyngekart.urlstate import Param

lang = language()
data = dataset()
clusters, levels = data["clusters"], data["cluster_levels"]
names = county_names(data["reference/counties"], lang)
codes = today_county_codes(data["reference/counties"])
defaults = default_counties(clusters, codes)
SLOTS = [f"c{n}" for n in range(1, MAX_COUNTIES + 1)]
PARAMS = [Param(slot, defaults[i] if i < len(defaults) else "", ("", *codes)) for i, slot in enumerate(SLOTS)]

st.title(tr("compare.title"))
st.markdown(tr("compare.lead"))
state = page_state(PARAMS)
picked = st.multiselect(
    tr("compare.pick"), codes, key=url_widget("compare-counties", chosen_counties([state[slot] for slot in SLOTS], codes)),
    max_selections=MAX_COUNTIES, format_func=lambda code: names[code],
)
keep_in_url({slot: picked[i] if i < len(picked) else "" for i, slot in enumerate(SLOTS)}, PARAMS)


def show(picked: list[str]) -> None:
    first = int(levels["start_year"].min())
    latest = latest_year(data)
    entered = entered_by_year(clusters, levels, picked, range(first, latest + 1))
    entered_title = tr("compare.entered_title")
    st.header(entered_title)
    st.markdown(tr("compare.entered_lead"))
    if entered.empty:
        st.info(tr("compare.entered_none"), icon=":material/info:")
    else:
        reached = reached_by(entered, latest)
        parts = []
        for code in picked:
            counts = ", ".join(f"{level_label(level, lang)} {count}" for level, count in reached.get(code, []))
            parts.append(tr("compare.entered_part", county=names[code], levels=counts or tr("compare.entered_no_level")))
        summary = tr("compare.entered_summary", year=latest, parts="; ".join(parts))
        undated = undated_by_county(clusters, levels, picked)
        if any(undated.values()):
            summary += " " + tr("compare.entered_undated", counts=", ".join(f"{names[c]} {n}" for c, n in undated.items() if n))
        meta = chart_meta(entered_title, tr("compare.entered_axis"), source_line(data, source_ids_of(entered), lang))
        rows = with_source_columns(entered.assign(county=entered["county_code"].map(names)), data)
        chart_block(entered_figure(entered, names, picked, lang), rows, meta, "compare-entered", summary)

    per_title = tr("compare.per_title")
    st.header(per_title)
    figures = per_population(clusters, data["reference/county_population"], picked)
    highest = figures.loc[figures["per_100k"].astype(float).idxmax()] if figures["per_100k"].notna().any() else None
    summary = tr("compare.per_summary", date=POPULATION_DATE)
    if highest is not None:
        summary = tr("compare.per_highest", county=names[highest["county_code"]], value=format_number(highest["per_100k"], lang, 2)) + " " + summary
    without = clusters["county_code_today"].isna().sum()
    if without:
        summary += " " + tr("compare.per_without", count=int(without))
    meta = chart_meta(per_title, tr("compare.per_axis"), source_line(data, source_ids_of(figures.dropna(subset=["source_ids"])), lang))
    rows = with_source_columns(figures.assign(county=figures["county_code"].map(names)), data)
    chart_block(per_population_figure(figures, names, lang), rows, meta, "compare-per", summary)

    st.header(tr("compare.sectors_title"))
    st.markdown(tr("compare.sectors_lead"))
    by_sector = sectors(clusters, picked, lang)
    for column, code in zip(st.columns(len(picked)), picked, strict=True):
        column.subheader(names[code])
        found = by_sector[by_sector["county_code"].eq(code)]
        column.markdown("\n".join(f"- {row.sector}: {row.names}" for row in found.itertuples()) or tr("compare.none"))

    st.header(tr("compare.regions_title"))
    st.markdown(tr("compare.regions_lead"))
    areas = regions(data["restructuring_regions"], picked)
    for column, code in zip(st.columns(len(picked)), picked, strict=True):
        column.subheader(names[code])
        found = areas[areas["county_code"].eq(code)]
        column.markdown(tr("compare.regions_count", count=len(found)))
        lines = [f"- {row.name} ({period_text(row.start_year, row.end_year) or tr('compare.period_unknown')})" for row in found.itertuples()]
        column.markdown("\n".join(lines) or tr("compare.none"))
    download_table(
        # Years as text, so a missing year stays an empty cell in the table and the downloads.
        with_source_columns(areas.assign(county=areas["county_code"].map(names)).astype({"start_year": "string", "end_year": "string"}), data),
        {
            "county": tr("compare.col_county"),
            "name": tr("compare.col_region"),
            "start_year": tr("compare.col_start"),
            "end_year": tr("compare.col_end"),
            "municipalities": tr("compare.col_municipalities"),
            "source_url": tr("table.source_url"),
            "source": tr("table.source"),
        },
        "klyngekart-omstilling-fylker",
        "compare-regions",
    )


if len(picked) < MIN_COUNTIES:
    st.info(tr("compare.pick_more", count=MIN_COUNTIES), icon=":material/info:")
else:
    show(picked)
