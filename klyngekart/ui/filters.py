"""The level / county / sector filters that the cluster pages share, kept in the URL."""

from __future__ import annotations

from klyngekart.clusters import cluster_filter_params, county_names, level_label, sector_labels
from klyngekart.data import Dataset
from klyngekart.i18n import t
from klyngekart.ui import keep_in_url, tr, url_widget


def cluster_filters(data: Dataset, state: dict[str, str], lang: str, columns: list) -> dict[str, str]:
    """Three selectboxes in `columns`, starting from `state`; the choice is written to the URL."""
    params = cluster_filter_params(data)
    names = county_names(data["reference/counties"], lang)
    sector_names = sector_labels(data["clusters"], lang)
    levels, counties, sectors = (p.options for p in params)
    chosen = {
        "level": columns[0].selectbox(
            tr("clusters.filter_level"), levels, key=url_widget("filter-level", state["level"]),
            format_func=lambda v: t("clusters.all_levels", lang) if v == "all" else level_label(v, lang),
        ),
        "county": columns[1].selectbox(
            tr("clusters.filter_county"), counties, key=url_widget("filter-county", state["county"]),
            format_func=lambda v: {"all": t("clusters.all_counties", lang), "unknown": t("clusters.county_unknown", lang)}.get(v)
            or names[v],
        ),
        "sector": columns[2].selectbox(
            tr("clusters.filter_sector"), sectors, key=url_widget("filter-sector", state["sector"]),
            format_func=lambda v: t("clusters.all_sectors", lang) if v == "all" else sector_names[v],
        ),
    }
    keep_in_url(chosen, params)
    return chosen
