"""Regional restructuring: areas with status in a year by today's county, and each area's profile."""

import streamlit as st

from klyngekart.charts.map import today_counties
from klyngekart.charts.regions import regions_params
from klyngekart.i18n import file_stem, t
from klyngekart.regions import all_areas, in_county, region_profile, region_year, year_range
from klyngekart.ui import dataset, keep_in_url, language, page_state, tr, url_widget
from klyngekart.ui.charts import bundle_block, chart_bundle
from klyngekart.ui.regions import apply_county_click, areas_table, draw_profile
from klyngekart.urlstate import Param

lang = language()
data = dataset()
names = "name" if lang == "nb" else "name_en"
years = year_range(data)
counties = today_counties(data)
PARAMS = regions_params(data)
# ?region=<id> opens that area's profile; ?county= narrows the list under the map (a page setting, not the chart's).
PAGE = [
    *PARAMS,
    Param("county", "all", ("all", *counties)),
    Param("region", "", ("", *data["restructuring_regions"]["region_id"])),
]
state = page_state(PAGE)
profile = region_profile(data, state["region"], names) if state["region"] else None

if profile is not None:
    keep_in_url(state, PAGE)
    draw_profile(profile)
    if st.button(tr("regions.back"), icon=":material/map:"):
        keep_in_url(state | {"region": ""}, PAGE)
        st.rerun()
else:
    st.title(tr("regions.title"))
    st.markdown(tr("regions.lead"))
    county_key = url_widget("regions-county", state["county"], ("all", *counties))
    apply_county_click("regions", county_key, counties)
    year = st.slider(tr("regions.year"), years[0], years[-1], key=url_widget("regions-year", int(state["year"]), years))
    chart = chart_bundle("regions", {"year": str(year)}, lang)
    st.header(chart.title)
    bundle_block(chart, selectable=True)
    county = st.selectbox(
        tr("map.county"), ("all", *counties), key=county_key,
        format_func=lambda c: t("map.all_counties", lang) if c == "all" else counties[c],
    )
    keep_in_url({"year": str(year), "county": county, "region": ""}, PAGE)
    view = region_year(data, year, names)
    title = tr("regions.list_title", year=year) + ("" if county == "all" else f" – {counties[county]}")
    st.header(title)
    areas_table(in_county(view.areas, county), file_stem(lang, "restructuring", year), "regions-year", title)
    every = all_areas(data, names)
    with st.expander(tr("regions.all_title", count=len(every))):
        areas_table(every, file_stem(lang, "restructuring-areas"), "regions-all", tr("regions.all_title", count=len(every)))
