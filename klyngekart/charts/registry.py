"""Charts that can be exported from the command line and embedded on their own, by key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from klyngekart.charts import ChartBundle
from klyngekart.charts.budget import budget_chart, budget_params, support_chart
from klyngekart.charts.compare import compare_params, entered_chart, per_population_chart
from klyngekart.charts.effects import effects_chart, no_params, outcomes_chart, participation_chart, participation_params
from klyngekart.charts.map import map_chart, map_params
from klyngekart.charts.networks import networks_chart, networks_params
from klyngekart.charts.regions import regions_chart, regions_params
from klyngekart.charts.timeline import history_chart, history_params, paths_chart, timeline_chart
from klyngekart.clusters import cluster_filter_params
from klyngekart.data import Dataset
from klyngekart.geo import Outline
from klyngekart.urlstate import Param

# A chart builder gets the dataset, the view's parameters, the language and the county outlines
# (klyngekart.geo.county_outlines).
Builder = Callable[[Dataset, dict[str, str], str, dict[str, Outline]], ChartBundle | None]


@dataclass(frozen=True)
class ExportableChart:
    page_path: str
    params: Callable[[Dataset], list[Param]]
    build: Builder


CHARTS: dict[str, ExportableChart] = {
    "budget": ExportableChart("budsjett", budget_params, lambda ds, state, lang, geo: budget_chart(ds, state, lang)),
    "support": ExportableChart("budsjett", budget_params, lambda ds, state, lang, geo: support_chart(ds, state, lang)),
    "map": ExportableChart("kart", map_params, map_chart),
    "effects": ExportableChart("effekter", no_params, lambda ds, state, lang, geo: effects_chart(ds, state, lang)),
    "participation": ExportableChart("effekter", participation_params, lambda ds, state, lang, geo: participation_chart(ds, state, lang)),
    "networks": ExportableChart("effekter", networks_params, lambda ds, state, lang, geo: networks_chart(ds, state, lang)),
    "outcomes": ExportableChart("effekter", no_params, lambda ds, state, lang, geo: outcomes_chart(ds, state, lang)),
    "regions": ExportableChart("omstilling", regions_params, regions_chart),
    "timeline": ExportableChart("tidslinje", cluster_filter_params, lambda ds, state, lang, geo: timeline_chart(ds, state, lang)),
    "paths": ExportableChart("tidslinje", cluster_filter_params, lambda ds, state, lang, geo: paths_chart(ds, state, lang)),
    "cluster-history": ExportableChart("klynger", history_params, lambda ds, state, lang, geo: history_chart(ds, state, lang)),
    "compare-entered": ExportableChart("sammenlign", compare_params, lambda ds, state, lang, geo: entered_chart(ds, state, lang)),
    "compare-per": ExportableChart("sammenlign", compare_params, lambda ds, state, lang, geo: per_population_chart(ds, state, lang)),
}
