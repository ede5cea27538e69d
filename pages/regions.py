"""Regional restructuring: areas with status in a year by today's county, and each area's profile."""

import streamlit as st

from klyngekart.charts.regions import regions_params
from klyngekart.effects import region_rows
from klyngekart.provenance import with_source_columns
from klyngekart.regions import region_profile, region_year, year_range
from klyngekart.ui import dataset, keep_in_url, language, page_state, tr, url_widget
from klyngekart.ui.charts import bundle_block, chart_bundle
from klyngekart.ui.regions import areas_table, draw_profile
from klyngekart.urlstate import Param

lang = language()
data = dataset()
names = "name" if lang == "nb" else "name_en"
years = year_range(data)
PARAMS = regions_params(data)
# ?region=<id> opens that area's profile; the year is kept for the way back to the map.
REGION = Param("region", "", ("", *data["restructuring_regions"]["region_id"]))
state = page_state([*PARAMS, REGION])
profile = region_profile(data, state["region"], names) if state["region"] else None

if profile is not None:
    keep_in_url(state, [*PARAMS, REGION])
    draw_profile(profile)
    if st.button(tr("regions.back"), icon=":material/map:"):
        keep_in_url(state | {"region": ""}, [*PARAMS, REGION])
        st.rerun()
else:
    st.title(tr("regions.title"))
    st.markdown(tr("regions.lead"))
    year = st.slider(tr("regions.year"), years[0], years[-1], key=url_widget("regions-year", int(state["year"]), years))
    keep_in_url({"year": str(year), "region": ""}, [*PARAMS, REGION])
    chart = chart_bundle("regions", {"year": str(year)}, lang)
    st.header(chart.title)
    bundle_block(chart)
    view = region_year(data, year, names)
    title = tr("regions.list_title", year=year)
    st.header(title)
    areas_table(view.areas, f"klyngekart-omstilling-{year}", "regions-year", title)
    every = with_source_columns(region_rows(data["restructuring_regions"], data["reference/counties"], names), data)
    with st.expander(tr("regions.all_title", count=len(every))):
        areas_table(every, "klyngekart-omstillingsomrader", "regions-all", tr("regions.all_title", count=len(every)))
