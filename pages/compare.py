"""Compare counties: two to four of today's counties side by side, clusters, levels, sectors, restructuring."""

import streamlit as st

from klyngekart.charts.compare import SLOTS, compare_params, view_of
from klyngekart.clusters import county_names, today_county_codes
from klyngekart.compare import MAX_COUNTIES, MIN_COUNTIES, chosen_counties, period_text, regions, sectors
from klyngekart.i18n import file_stem, plural
from klyngekart.provenance import with_source_columns
from klyngekart.ui import dataset, keep_in_url, language, page_state, tr, url_widget
from klyngekart.ui.charts import bundle_block, chart_bundle
from klyngekart.ui.tables import download_table

lang = language()
data = dataset()
names = county_names(data["reference/counties"], lang)
codes = today_county_codes(data["reference/counties"])
PARAMS = compare_params(data)

st.title(tr("compare.title"))
st.markdown(tr("compare.lead"))
state = page_state(PARAMS)
picked = st.multiselect(
    tr("compare.pick"), codes, key=url_widget("compare-counties", chosen_counties([state[slot] for slot in SLOTS], codes)),
    max_selections=MAX_COUNTIES, format_func=lambda code: names[code],
)
keep_in_url(view_of(picked), PARAMS)


def show(picked: list[str]) -> None:
    view = view_of(picked)
    st.header(tr("compare.entered_title"))
    st.markdown(tr("compare.entered_lead"))
    entered = chart_bundle("compare-entered", view, lang)
    if entered is None:
        st.info(tr("compare.entered_none"), icon=":material/info:")
    else:
        bundle_block(entered)
    st.header(tr("compare.per_title"))
    bundle_block(chart_bundle("compare-per", view, lang))

    st.header(tr("compare.sectors_title"))
    st.markdown(tr("compare.sectors_lead"))
    by_sector = sectors(data["clusters"], picked, lang)
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
        column.markdown(plural("compare.regions_count", len(found), lang))
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
        file_stem(lang, "restructuring-counties"),
        "compare-regions",
    )


if len(picked) < MIN_COUNTIES:
    st.info(tr("compare.pick_more", count=MIN_COUNTIES), icon=":material/info:")
else:
    show(picked)
