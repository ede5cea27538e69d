"""The timeline page's charts (every cluster's levels as bars over the years, and the paths
clusters took between levels) and the profile's history chart, for one cluster."""

from __future__ import annotations

import pandas as pd

from klyngekart.charts import ChartBundle
from klyngekart.clusters import cluster_table, filter_table, latest_year, level_label, profile, timeline_rows
from klyngekart.data import Dataset
from klyngekart.figures.clusters import path_label, paths_figure, timeline_figure
from klyngekart.i18n import plural, t
from klyngekart.paths import left_out, path_counts
from klyngekart.provenance import source_ids_of, source_line, with_source_columns
from klyngekart.urlstate import Param


def chosen_levels(ds: Dataset, state: dict[str, str], lang: str) -> pd.DataFrame:
    """The level rows of the clusters the level / county / sector filters keep."""
    table = cluster_table(ds, lang)
    chosen = set(filter_table(table, "", state["level"], state["county"], state["sector"])["cluster_id"])
    levels = ds["cluster_levels"]
    return levels[levels["cluster_id"].isin(chosen)]


def timeline_chart(ds: Dataset, state: dict[str, str], lang: str) -> ChartBundle | None:
    levels = chosen_levels(ds, state, lang)
    latest = latest_year(ds)
    rows = timeline_rows(levels, ds["clusters"], latest)
    if rows.empty:
        return None
    missing = left_out(levels)
    first = int(rows["start_year"].min())
    summary = t("timeline.summary", lang, clusters=rows["cluster_id"].nunique(), periods=len(rows), first=first, latest=latest)
    ongoing, unknown = int(rows["end_status"].eq("ongoing").sum()), int(rows["drawn_to"].isna().sum())
    if ongoing:
        summary += " " + t("timeline.summary_ongoing", lang, ongoing=ongoing, latest=latest)
    if unknown:
        summary += " " + t("timeline.summary_unknown", lang, unknown=unknown)
    if missing.rows:
        summary += " " + t("timeline.left_out", lang, rows=missing.rows, clusters=missing.clusters)
    # The axis always spans the whole programme, so filtered views line up with one another.
    axis_start = int(ds["cluster_levels"]["start_year"].min())
    return ChartBundle(
        key="timeline",
        fig=timeline_figure(rows, latest, lang, "name", axis_start),
        rows=with_source_columns(rows, ds),
        title=t("timeline.chart_title", lang),
        subtitle=t("timeline.chart_subtitle", lang, first=first, latest=latest),
        source_line=source_line(ds, source_ids_of(rows), lang),
        summary=summary,
    )


def paths_chart(ds: Dataset, state: dict[str, str], lang: str) -> ChartBundle | None:
    levels = chosen_levels(ds, state, lang)
    paths = path_counts(levels)
    if paths.empty:
        return None
    top = paths.iloc[0]
    summary = t(
        "timeline.paths_summary", lang, clusters=plural("count.clusters", int(paths["clusters"].sum()), lang),
        kinds=plural("count.paths", len(paths), lang), top=path_label(top["path"], lang), count=plural("count.clusters", int(top["clusters"]), lang),
    )
    missing = left_out(levels)
    if missing.rows:
        summary += " " + t("timeline.left_out", lang, rows=missing.rows, clusters=missing.clusters)
    return ChartBundle(
        key="paths",
        fig=paths_figure(paths, lang),
        rows=paths,
        title=t("timeline.paths_chart_title", lang),
        subtitle=t("timeline.paths_axis", lang),
        source_line=source_line(ds, source_ids_of(levels[levels["start_year"].notna()]), lang),
        summary=summary,
    )


def history_params(ds: Dataset) -> list[Param]:
    ids = tuple(ds["clusters"]["cluster_id"])
    return [Param("cluster", ids[0], ids)]


def history_chart(ds: Dataset, state: dict[str, str], lang: str) -> ChartBundle | None:
    """One cluster's levels over the years, as on its profile."""
    found = profile(ds, state["cluster"], lang)
    if found is None or found.levels.empty:
        return None
    latest = latest_year(ds)
    rows = timeline_rows(found.levels, ds["clusters"], latest)
    rows["level_name"] = [level_label(level, lang) for level in rows["level"]]
    steps = " → ".join(f"{name} ({int(year)})" for name, year in zip(rows["level_name"], rows["start_year"], strict=True))
    title = t("clusters.history_title", lang)
    return ChartBundle(
        key="cluster-history",
        fig=timeline_figure(rows, latest, lang, "level_name", int(rows["start_year"].min())),
        rows=with_source_columns(rows.drop(columns=["level_name"]), ds),
        title=f"{found.cluster['name']}: {title}",
        subtitle=t("clusters.history_subtitle", lang),
        source_line=source_line(ds, source_ids_of(rows), lang),
        summary=t("clusters.history_summary", lang, steps=steps),
    )

