"""Timeline: every cluster's levels as bars over the years, and the paths clusters took."""

import streamlit as st

from klyngekart.clusters import (
    cluster_table,
    filter_table,
    latest_year,
    level_label,
    timeline_rows,
)
from klyngekart.i18n import file_stem, format_number
from klyngekart.paths import durations, left_out, onward
from klyngekart.ui import dataset, language, page_state, tr
from klyngekart.ui.charts import bundle_block, chart_bundle
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

st.header(tr("timeline.chart_title"))
st.markdown(
    tr("timeline.coverage", shown=rows["cluster_id"].nunique(), total=len(clusters))
    + " " + tr("timeline.coverage_hidden", filtered=len(clusters) - len(chosen), undated=len(chosen - set(rows["cluster_id"])))
)
timeline = chart_bundle("timeline", chosen_filters, lang)
if timeline is None:
    st.info(tr("timeline.none"), icon=":material/info:")
else:
    bundle_block(timeline)
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
paths = chart_bundle("paths", chosen_filters, lang)
if paths is not None:
    bundle_block(paths)

st.header(tr("timeline.durations_title"))
st.markdown(tr("timeline.durations_lead"))
lasted = durations(chosen_levels)
lasted["level"] = [level_label(v, lang) for v in lasted["level"]]
download_table(
    lasted,
    {
        "level": tr("clusters.col_level"),
        "rows": tr("timeline.col_rows"),
        "ended": tr("timeline.col_ended"),
        "planned": tr("timeline.col_planned"),
        "open": tr("timeline.col_open"),
        "median_years": tr("timeline.col_median"),
        "min_years": tr("timeline.col_min"),
        "max_years": tr("timeline.col_max"),
    },
    file_stem(lang, "durations"),
    "durations",
)
