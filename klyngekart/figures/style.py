"""The look every chart shares: fonts, language-aware number format, colour-blind-safe colours."""

from __future__ import annotations

import plotly.graph_objects as go

from klyngekart.i18n import plotly_separators

# Okabe–Ito colours: distinguishable with the common forms of colour blindness.
LEVEL_COLOURS = {
    "all": "#1f5f8b",
    "Arena": "#E69F00",
    "Arena Pro": "#D55E00",
    "NCE": "#009E73",
    "GCE": "#0072B2",
    "Mature cluster": "#CC79A7",
    "Hub-node": "#56B4E9",
    "NIC Explore": "#000000",
    # Beyond Okabe–Ito's eight (its yellow is too faint on white): Tol's wine and a dark brown.
    "NIC Connect": "#8C510A",
    "NIC Impact": "#882255",
}
# The same Okabe–Ito colours in a fixed order, for series that are not levels (indicators, …).
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9")
GAP_COLOUR = "#6b6b6b"
EVENT_COLOUR = "#4d4d4d"
FONT = "Source Sans Pro, Arial, sans-serif"


# Below the plot, left-aligned, wrapping: a legend above the plot crowds the title on a phone.
LEGEND_BELOW = {"orientation": "h", "yanchor": "top", "y": -0.12, "xanchor": "left", "x": 0}


def layout_spec(lang: str) -> dict:
    """The house layout as a plain dict, for figures built in one go from a spec.

    No drag at all: on a phone a swipe over a chart must scroll the page, never zoom or pan it
    (dragmode off here, fixed axes in base_layout, no scroll zoom in ui.charts.PLOTLY_CONFIG)."""
    return {
        "dragmode": False,
        "separators": plotly_separators(lang),
        "font": {"family": FONT, "size": 14, "color": "#1a1a1a"},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "hoverlabel": {"font": {"size": 14}},
        "legend": LEGEND_BELOW,
        "margin": {"l": 60, "r": 20, "t": 60, "b": 50},
    }


def base_layout(fig: go.Figure, lang: str) -> go.Figure:
    """The house style on a figure built trace by trace. Tick spacing is left to Plotly, which
    thins the labels to the width the chart gets (390 px on a phone); margins grow to fit them."""
    fig.update_layout(**layout_spec(lang))
    fig.update_xaxes(showgrid=False, linecolor="#8c8c8c", ticks="outside", fixedrange=True, automargin=True)
    fig.update_yaxes(gridcolor="#e5e5e5", zerolinecolor="#8c8c8c", fixedrange=True, automargin=True)
    return fig


def gap_markers(fig: go.Figure, gaps: list[int], name: str, hover: str) -> None:
    """A grey cross on the baseline of every year without a figure: a gap reads as a gap."""
    if gaps:
        fig.add_scatter(
            x=gaps,
            y=[0] * len(gaps),
            mode="markers",
            marker={"symbol": "x-thin-open", "size": 10, "color": GAP_COLOUR, "line": {"width": 2}},
            name=name,
            hovertemplate="%{x}: " + hover + "<extra></extra>",
        )
