"""Cluster charts: levels as bars over the years, paths through the programme, counties side by side."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
from plotly.subplots import make_subplots

from klyngekart.clusters import level_label
from klyngekart.data.schema import LEVELS
from klyngekart.figures.style import GAP_COLOUR, LEVEL_COLOURS, base_layout
from klyngekart.i18n import format_number, plural, t

# A level that started and ended in the same year still needs a visible bar.
SHORTEST_BAR = 0.4
ROW_HEIGHT = 24
# Axis labels longer than this are cut: about a third of a 390 px phone screen.
LABEL_CHARS = 22
# Map colours as RGBA: pale counties, the host county in the "all" blue, the town in Okabe–Ito vermilion.
COUNTY_FILL = [235, 235, 235, 255]
HOST_FILL = [31, 95, 139, 90]
BORDER = [120, 120, 120, 255]
POINT = [213, 94, 0, 255]


def short_label(label: str, longest: int = LABEL_CHARS) -> str:
    """A name cut to `longest` characters with an ellipsis, for an axis."""
    return label if len(label) <= longest else label[: longest - 1].rstrip() + "…"


def _status(row, latest: int, lang: str) -> str:
    start = int(row.start_year)
    if row.end_status == "ended":
        key = "timeline.hover_planned" if row.end_basis == "planned" else "timeline.hover_ended"
        return t(key, lang, start=start, end=int(row.end_year), years=int(row.end_year) - start)
    if row.end_status == "ongoing":
        return t("timeline.hover_ongoing", lang, start=start, latest=latest)
    return t("timeline.hover_unknown", lang, start=start)


def timeline_figure(rows: pd.DataFrame, latest: int, lang: str, label_column: str, first_year: int) -> go.Figure:
    """One bar per level row on the row of its label, coloured by level.

    A level that ended runs from its start to its end year, one a source says is still running
    runs to `latest`. A level with no stated end gets a bar for the year it started and a dotted
    line to `latest`: it may have ended anywhere along that line.
    """
    fig = go.Figure()
    labels = list(dict.fromkeys(rows[label_column]))
    for level in LEVELS:
        at_level = rows[rows["level"].eq(level)]
        if at_level.empty:
            continue
        known = at_level["drawn_to"].notna()
        length = (at_level["drawn_to"].astype("Float64") - at_level["start_year"]).where(known, 1.0).clip(lower=SHORTEST_BAR)
        fig.add_bar(
            y=at_level[label_column],
            x=length.astype(float),
            base=at_level["start_year"].astype(int),
            orientation="h",
            name=level_label(level, lang),
            legendgroup=level,
            marker={"color": LEVEL_COLOURS[level], "line": {"width": 0}},
            customdata=[[level_label(level, lang), _status(row, latest, lang)] for row in at_level.itertuples()],
            hovertemplate="%{y}<br>%{customdata[0]}: %{customdata[1]}<extra></extra>",
        )
        open_rows = at_level[~known]
        if not open_rows.empty:
            xs: list[object] = []
            ys: list[object] = []
            for row in open_rows.itertuples():
                xs += [int(row.start_year) + 1, latest, None]
                ys += [getattr(row, label_column), getattr(row, label_column), None]
            fig.add_scatter(
                x=xs, y=ys, mode="lines", legendgroup=level, showlegend=False, hoverinfo="skip",
                line={"color": LEVEL_COLOURS[level], "width": 2, "dash": "dot"},
            )
    if rows["drawn_to"].isna().any():
        fig.add_scatter(
            x=[None], y=[None], mode="lines", name=t("timeline.legend_unknown", lang),
            line={"color": GAP_COLOUR, "width": 2, "dash": "dot"},
        )
    base_layout(fig, lang)
    height = max(220, ROW_HEIGHT * len(labels) + 140)
    fig.update_layout(
        barmode="overlay",
        height=height,
        margin={"l": 10, "t": 40},
        # The key close under the last row, however many rows there are.
        legend={"y": -10 / height},
    )
    # Years run along the top, next to the first rows.
    fig.update_xaxes(range=[first_year - 0.5, latest + 1], side="top", showgrid=True, gridcolor="#e5e5e5")
    # Long names are cut on the axis (the hover has them whole), so on a phone the bars keep
    # most of the width.
    fig.update_yaxes(
        categoryorder="array", categoryarray=labels, autorange="reversed", title=None, gridcolor="white",
        tickmode="array", tickvals=labels, ticktext=[short_label(label) for label in labels],
    )
    return fig


def path_label(path: str, lang: str) -> str:
    """'Arena → Mature cluster' in the page language."""
    return " → ".join(level_label(level, lang) for level in path.split(" → "))


def paths_figure(paths: pd.DataFrame, lang: str) -> go.Figure:
    """How many clusters went through each sequence of levels, most common first."""
    fig = go.Figure()
    labels = [path_label(path, lang) for path in paths["path"]]
    fig.add_bar(
        y=labels, x=paths["clusters"].astype(int), orientation="h", marker_color=LEVEL_COLOURS["all"],
        text=[format_number(v, lang) for v in paths["clusters"]], textposition="outside",
        hovertemplate="%{y}: %{x}<extra></extra>", showlegend=False,
    )
    base_layout(fig, lang)
    fig.update_layout(height=max(220, 34 * len(labels) + 100), margin={"l": 10, "t": 20})
    # Whole clusters only: no half-cluster ticks on short axes.
    fig.update_xaxes(
        title=t("timeline.paths_axis", lang), rangemode="tozero", showgrid=True, gridcolor="#e5e5e5", tick0=0, dtick=max(1, int(paths["clusters"].max()) // 8)
    )
    fig.update_yaxes(autorange="reversed", automargin=True, gridcolor="white")
    return fig


def entered_figure(entered: pd.DataFrame, names: dict[str, str], codes: list[str], lang: str) -> go.Figure:
    """Small multiples, one county per panel: clusters that had entered each level by each year."""
    fig = make_subplots(rows=1, cols=len(codes), shared_yaxes=True, subplot_titles=[names[c] for c in codes], horizontal_spacing=0.03)
    shown: set[str] = set()
    for column, code in enumerate(codes, start=1):
        in_county = entered[entered["county_code"].eq(code)]
        for level in LEVELS:
            series = in_county[in_county["level"].eq(level)]
            if series.empty:
                continue
            fig.add_scatter(
                x=series["year"].astype(int), y=series["clusters"].astype(int), mode="lines", line={"shape": "hv", "width": 3, "color": LEVEL_COLOURS[level]},
                name=level_label(level, lang), legendgroup=level, showlegend=level not in shown,
                hovertemplate=names[code] + ", %{x}: %{y}<extra>" + level_label(level, lang) + "</extra>", row=1, col=column,
            )
            shown.add(level)
    base_layout(fig, lang)
    fig.update_layout(height=440, margin={"t": 60})
    fig.update_xaxes(dtick=5)
    fig.update_yaxes(rangemode="tozero", title=t("compare.entered_axis", lang), row=1, col=1)
    return fig


def per_population_figure(figures: pd.DataFrame, names: dict[str, str], lang: str) -> go.Figure:
    """Clusters per 100 000 inhabitants by county, with the count of clusters on each bar."""
    fig = go.Figure()
    fig.add_bar(
        x=[names[c] for c in figures["county_code"]],
        y=figures["per_100k"].astype(float),
        marker_color=LEVEL_COLOURS["all"],
        text=[
            t("compare.bar_text", lang, value=format_number(value, lang, 2), count=plural("count.clusters", int(count), lang))
            for value, count in zip(figures["per_100k"], figures["clusters"], strict=True)
        ],
        textposition="outside",
        hovertemplate="%{x}: %{text}<extra></extra>",
        showlegend=False,
    )
    base_layout(fig, lang)
    fig.update_layout(height=380, margin={"t": 30})
    fig.update_yaxes(title=t("compare.per_axis", lang), rangemode="tozero")
    return fig


def cluster_map(shapes: dict, latitude: float, longitude: float, county_code: object, name: str) -> pdk.Deck:
    """Today's counties (the host county shaded) and the host town as a dot; no base map.

    map_provider=None and no map_style: deck.gl then fetches no tiles or styles from anyone.
    """
    features = [
        {**feature, "properties": {**feature["properties"], "fill": HOST_FILL if feature["properties"].get("county_code") == county_code else COUNTY_FILL}}
        for feature in shapes["features"]
    ]
    counties = pdk.Layer(
        "GeoJsonLayer", {**shapes, "features": features}, stroked=True, filled=True,
        get_fill_color="properties.fill", get_line_color=BORDER, line_width_min_pixels=1,
    )
    town = pdk.Layer(
        "ScatterplotLayer", [{"name": name, "position": [longitude, latitude]}], get_position="position",
        get_fill_color=POINT, get_line_color=[255, 255, 255], stroked=True, line_width_min_pixels=2, radius_min_pixels=7,
    )
    view = pdk.ViewState(latitude=latitude, longitude=longitude, zoom=4, min_zoom=3, max_zoom=8)
    # A still map: it shows where the town is, and a swipe over it scrolls the page on a phone.
    return pdk.Deck(layers=[counties, town], initial_view_state=view, views=[pdk.View("MapView", controller=False)], map_provider=None, tooltip=False)
