"""Timeline: every cluster's levels as bars over the years, and the paths clusters took."""

import streamlit as st

from klyngekart.clusters import (
    cluster_table,
    filter_table,
    latest_year,
    level_label,
    timeline_rows,
)
from klyngekart.figures.clusters import path_label, paths_figure, timeline_figure
from klyngekart.i18n import format_number
from klyngekart.paths import durations, left_out, onward, path_counts
from klyngekart.provenance import source_ids_of, source_line, with_source_columns
from klyngekart.ui import dataset, language, page_state, tr
from klyngekart.ui.charts import chart_block, chart_meta
from klyngekart.ui.filters import cluster_filter_params, cluster_filters
from klyngekart.ui.tables import download_table

lang = language()
data = dataset()
clusters, levels = data["clusters"], data["cluster_levels"]
PARAMS = cluster_filter_params(data)

st.title(tr("timeline.title"))
st.markdown(tr("timeline.lead"))
state = page_state(PARAMS)
chosen_filters = cluster_filters(data, state, lang, st.columns([2, 2, 3]))
level, county, sector = chosen_filters["level"], chosen_filters["county"], chosen_filters["sector"]

chosen = set(filter_table(cluster_table(data, lang), "", level, county, sector)["cluster_id"])
chosen_levels = levels[levels["cluster_id"].isin(chosen)]
latest = latest_year(data)
rows = timeline_rows(chosen_levels, clusters, latest)
missing = left_out(chosen_levels)

title = tr("timeline.chart_title")
st.header(title)
st.markdown(
    tr("timeline.coverage", shown=rows["cluster_id"].nunique(), total=len(clusters))
    + " " + tr("timeline.coverage_hidden", filtered=len(clusters) - len(chosen), undated=len(chosen - set(rows["cluster_id"])))
)
if rows.empty:
    st.info(tr("timeline.none"), icon=":material/info:")
else:
    first = int(rows["start_year"].min())
    summary = tr("timeline.summary", clusters=rows["cluster_id"].nunique(), periods=len(rows), first=first, latest=latest)
    ongoing, unknown = int(rows["end_status"].eq("ongoing").sum()), int(rows["drawn_to"].isna().sum())
    if ongoing:
        summary += " " + tr("timeline.summary_ongoing", ongoing=ongoing, latest=latest)
    if unknown:
        summary += " " + tr("timeline.summary_unknown", unknown=unknown)
    if missing.rows:
        summary += " " + tr("timeline.left_out", rows=missing.rows, clusters=missing.clusters)
    meta = chart_meta(title, tr("timeline.chart_subtitle", first=first, latest=latest), source_line(data, source_ids_of(rows), lang))
    # The axis always spans the whole programme, so filtered views line up with one another.
    axis_start = int(levels["start_year"].min())
    chart_block(timeline_figure(rows, latest, lang, "name", axis_start), with_source_columns(rows, data), meta, "timeline", summary)
if missing.rows:
    with st.expander(tr("timeline.undated_title", rows=missing.rows)):
        undated = chosen_levels[chosen_levels["start_year"].isna()].merge(clusters[["cluster_id", "name"]], on="cluster_id")
        st.markdown("\n".join(f"- {row.name}: {level_label(row.level, lang)}" for row in undated.sort_values("name").itertuples()))

st.header(tr("timeline.paths_title"))
st.markdown(tr("timeline.paths_lead"))
entered, reached = onward(chosen_levels)
if entered:
    counts = dict(zip(reached["level"], reached["clusters"], strict=True))
    shares = dict(zip(reached["level"], reached["share"], strict=True))
    st.markdown(
        tr(
            "timeline.onward",
            arena=entered,
            nce=counts["NCE"],
            nce_pct=format_number(shares["NCE"] * 100, lang),
            pro=counts["Arena Pro"],
            pro_pct=format_number(shares["Arena Pro"] * 100, lang),
            gce=counts["GCE"],
        )
    )
paths = path_counts(chosen_levels)
if not paths.empty:
    paths_title = tr("timeline.paths_chart_title")
    top = paths.iloc[0]
    summary = tr(
        "timeline.paths_summary", clusters=int(paths["clusters"].sum()), kinds=len(paths), top=path_label(top["path"], lang), count=int(top["clusters"])
    )
    if missing.rows:
        summary += " " + tr("timeline.left_out", rows=missing.rows, clusters=missing.clusters)
    dated = chosen_levels[chosen_levels["start_year"].notna()]
    meta = chart_meta(paths_title, tr("timeline.paths_axis"), source_line(data, source_ids_of(dated), lang))
    chart_block(paths_figure(paths, lang), paths, meta, "paths", summary)

st.header(tr("timeline.durations_title"))
st.markdown(tr("timeline.durations_lead"))
lasted = durations(chosen_levels)
lasted["level"] = [level_label(v, lang) for v in lasted["level"]]
for column, decimals in (("median_years", 1), ("min_years", 0), ("max_years", 0)):
    lasted[column] = [format_number(v, lang, decimals) for v in lasted[column]]
download_table(
    lasted,
    {
        "level": tr("clusters.col_level"),
        "rows": tr("timeline.col_rows"),
        "ended": tr("timeline.col_ended"),
        "open": tr("timeline.col_open"),
        "median_years": tr("timeline.col_median"),
        "min_years": tr("timeline.col_min"),
        "max_years": tr("timeline.col_max"),
    },
    "klyngekart-varighet",
    "durations",
)
