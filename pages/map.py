"""Map: where the clusters and restructuring areas are, by today's county, year by year."""

import time

import streamlit as st

from klyngekart.borders_of_time import TODAY, today_county
from klyngekart.charts.map import FIRST_YEAR, HISTORIC_METRICS, borders_note, last_year, map_coverage_text, map_params, today_counties
from klyngekart.clusters import level_label
from klyngekart.data.borders import CURRENT_SET
from klyngekart.figures.maps import picked_cluster, point_layer_data, point_map
from klyngekart.geo import counties_url, map_credit
from klyngekart.i18n import t
from klyngekart.mapping import METRICS, county_from_point
from klyngekart.markdown import escape_markdown
from klyngekart.navigation import MAP_VIEW, from_map
from klyngekart.ui import dataset, keep_in_url, language, page_state, tr, url_widget
from klyngekart.ui.charts import bundle_block, chart_bundle
from klyngekart.ui.map import cached_map_view, cluster_list, county_table, unplaced_note
from klyngekart.ui.registry import page_entry

PLAY_SECONDS = 1.2
lang = language()
data = dataset()
final_year = last_year(data)
county_names = today_counties(data)
PARAMS = map_params(data)
OPTIONS = {param.name: param.options for param in PARAMS}
# Which tab is open (county map, host towns, table): a page setting, not part of the chart, so exports ignore it.
VIEW = MAP_VIEW
sector_nb = dict(zip(data["clusters"]["sector_en"], data["clusters"]["sector_nb"], strict=False))
profile_page = page_entry("clusters")

st.title(tr("map.title"))
st.markdown(tr("map.lead"))
state = page_state([*PARAMS, VIEW])

# A click on a county in the choropleth arrives as the chart's selection on the next run.
selection = st.session_state.get("map")
clicked = [today_county(data, county_from_point(p)) for p in (selection or {}).get("selection", {}).get("points", [])]
clicked = [code for code in clicked if code in county_names]
if clicked and clicked[-1] != st.session_state.get("map_click_applied"):
    st.session_state["map_click_applied"] = st.session_state["map-county"] = clicked[-1]

if st.session_state.get("map_playing") and "map_play_year" in st.session_state:
    st.session_state["map-year"] = st.session_state["map_play_year"]

# The controls are drawn after the chart but shown above it: the browser can start fetching the
# chart library while the controls are still being built. A keyed widget's value is in session
# state before the widget is drawn, taken from the URL the first time (url_widget).
controls = st.container()
year = int(st.session_state[url_widget("map-year", int(state["year"]), range(FIRST_YEAR, final_year + 1))])
metric = st.session_state[url_widget("map-metric", state["metric"], METRICS)]
level = st.session_state[url_widget("map-level", state["level"], OPTIONS["level"])]
sector = st.session_state[url_widget("map-sector", state["sector"], OPTIONS["sector"])]
county = st.session_state[url_widget("map-county", state["county"], OPTIONS["county"])]
borders = st.session_state[url_widget("map-borders", state["borders"], OPTIONS["borders"])]
chosen = {"year": str(year), "metric": metric, "level": level, "sector": sector, "county": county, "borders": borders}

view = cached_map_view(chosen)
chart = chart_bundle("map", chosen, lang)
shown, table = view.shown, view.table

st.header(chart.title)
st.markdown(escape_markdown(chart.subtitle) + ".")
st.markdown(map_coverage_text(view.coverage, year, metric, lang))
if borders != TODAY and metric not in HISTORIC_METRICS:
    st.markdown(tr("map.borders_today_only"))
# Only the open tab is drawn: the host-town map's WebGL library and the sortable grid are the
# page's heaviest downloads, so a visitor who stays with the county map never fetches them.
labels = {name: tr(f"map.tab_{name}") for name in VIEW.options}
tab_key = url_widget("map-view", labels[state["view"]], list(labels.values()))
counties_tab, towns_tab, table_tab = st.tabs(list(labels.values()), key=tab_key, on_change="rerun")
shown_view = next(name for name, label in labels.items() if label == st.session_state[tab_key])
keep_in_url(chosen | {"view": shown_view}, [*PARAMS, VIEW])
if counties_tab.open:
    with counties_tab:
        bundle_block(chart, selectable=True)
if towns_tab.open:
    with towns_tab:
        points = point_layer_data(shown, county_names, lang)
        movable = st.toggle(tr("map.points_move"), key="map-towns-move", help=tr("map.points_move_help"))
        # The container's key tells the house stylesheet whether the map may take touch gestures.
        with st.container(key="movable-map-towns" if movable else "still-map-towns"):
            picked = st.pydeck_chart(
                point_map(points, counties_url(), movable), height=480, alt=tr("map.points_alt", count=len(points), year=year),
                on_select="rerun", key="map-towns",
            )
        st.markdown(tr("map.points_legend"))
        # A dot clicked in an earlier year may not be on the map now; then nothing is offered.
        chosen_row = points[points["cluster_id"].eq(picked_cluster(picked))]
        if profile_page is not None and not chosen_row.empty:
            st.page_link(
                profile_page.script, label=tr("map.points_open", name=chosen_row.iloc[0]["name"]), icon=":material/hub:",
                query_params={"cluster": chosen_row.iloc[0]["cluster_id"], "lang": lang, **from_map(st.query_params.to_dict(), PARAMS)},
            )
if table_tab.open:
    with table_tab:
        county_table(table, view.column, metric, year)
with controls:
    st.slider(tr("map.year"), FIRST_YEAR, final_year, key="map-year")
    play, stop = st.columns([1, 5])
    if play.button(tr("map.play"), icon=":material/play_arrow:", disabled=bool(st.session_state.get("map_playing"))):
        st.session_state["map_playing"] = True
        st.session_state["map_play_year"] = FIRST_YEAR if year >= final_year else year
        st.rerun()
    if st.session_state.get("map_playing") and stop.button(tr("map.stop"), icon=":material/stop:"):
        st.session_state["map_playing"] = False
    left, middle, right, far = st.columns(4)
    left.selectbox(tr("map.metric"), METRICS, key="map-metric", format_func=lambda m: t(f"map.metric_{m}", lang), help=tr("map.metric_help"))
    middle.selectbox(
        tr("map.level"), OPTIONS["level"], key="map-level", format_func=lambda v: t("map.all_levels", lang) if v == "all" else level_label(v, lang)
    )
    right.selectbox(
        tr("map.sector"), OPTIONS["sector"], key="map-sector",
        format_func=lambda v: t("map.all_sectors", lang) if v == "all" else (v if lang == "en" else sector_nb.get(v, v)),
    )
    far.selectbox(
        tr("map.county"), OPTIONS["county"], key="map-county",
        format_func=lambda c: t("map.all_counties", lang) if c == "all" else county_names[c],
    )
    st.radio(
        tr("map.borders"), OPTIONS["borders"], key="map-borders", horizontal=True, help=tr("map.borders_help"),
        format_func=lambda b: t(f"map.borders_option_{b}", lang),
    )
today_borders = view.borders.name == CURRENT_SET.name
borders_text = tr("map.borders_note") if today_borders else borders_note(data, view.borders, year, len(table), lang)
st.markdown(borders_text + " " + tr("map.credit", credit=map_credit(lang)))
if metric == "regions":
    st.page_link(page_entry("regions").script, label=tr("regions.to_page"), icon=":material/autorenew:", query_params={"year": str(year), "lang": lang})

cluster_list(shown, county, county_names, year)
unplaced_note(data)

if st.session_state.get("map_playing"):
    # Advance one year per run until the last year; every step is a normal, permalinkable view.
    time.sleep(PLAY_SECONDS)
    if year >= final_year:
        st.session_state["map_playing"] = False
    else:
        st.session_state["map_play_year"] = year + 1
    st.rerun()
