"""No chart captures the page's scroll on a phone or hides its key behind a toolbar: the house
style decides this once for every registered chart (issue 16)."""

import pytest

from klyngekart.charts.registry import CHARTS
from klyngekart.ui.charts import PLOTLY_CONFIG
from tests.unit.test_every_chart_exports import bundle


def axes(layout) -> list:
    return [layout[name] for name in layout if name.startswith(("xaxis", "yaxis"))]


@pytest.mark.parametrize("key", sorted(CHARTS))
def test_chart_cannot_be_dragged_zoomed_or_panned(fixture_dataset, key):
    layout = bundle(fixture_dataset, key, "nb").fig.layout
    assert layout.dragmode is False
    assert axes(layout) and all(axis.fixedrange for axis in axes(layout)), key


@pytest.mark.parametrize("key", sorted(CHARTS))
def test_legend_sits_below_the_plot_and_year_ticks_are_left_to_the_width(fixture_dataset, key):
    layout = bundle(fixture_dataset, key, "nb").fig.layout
    assert layout.legend.y is None or layout.legend.y < 0, key
    assert layout.legend.yref in (None, "paper"), key
    # A fixed tick step overlapped the year labels at 390 px; Plotly thins automatic ticks to fit.
    for axis in axes(layout):
        if axis.title.text is None and axis.type != "category":  # year axes carry no title
            assert axis.dtick is None or axis.dtick >= 5, key


def test_no_toolbar_no_scroll_zoom_no_double_click_zoom():
    # The toolbar's camera saved images without title or source, and its tools took touch gestures.
    assert PLOTLY_CONFIG["displayModeBar"] is False
    assert PLOTLY_CONFIG["scrollZoom"] is False
    assert PLOTLY_CONFIG["doubleClick"] is False
