"""Charts as plain functions of (dataset, view state, language): the page draws them and the
export command writes them, from the same code, so a file made on the command line equals the
one behind the page's download button."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go


@dataclass(frozen=True)
class ChartBundle:
    key: str
    fig: go.Figure
    rows: pd.DataFrame  # exactly the plotted rows, with their sources
    title: str
    subtitle: str
    source_line: str
    summary: str  # the main finding in one or two sentences: under the chart and as its alt text
    notes: tuple[str, ...] = field(default=())  # printed above the source line on an exported image

    @cached_property
    def figure_json(self) -> str:
        """The figure as JSON, worked out once: bundles are cached and shared, and the page
        names its downloads and builds its images from this on every rerun."""
        return self.fig.to_json()
