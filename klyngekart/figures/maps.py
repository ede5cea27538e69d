"""Maps drawn without any tile server: a county choropleth (Plotly SVG shapes in projected
kilometres) and a point map of host towns (pydeck, no basemap), both over today's 15 counties."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
from plotly.colors import sample_colorscale

from klyngekart.clusters import named_counties
from klyngekart.figures.style import LEVEL_COLOURS, layout_spec
from klyngekart.geo import Outline, project
from klyngekart.i18n import format_number, t

# Sequential and colour-blind safe (ColorBrewer Blues); the lightest step is still visibly
# filled, so a county with zero reads as zero, not as missing.
SEQUENTIAL = [[0.0, "#eef4fb"], [0.25, "#c6dbef"], [0.5, "#6baed6"], [0.75, "#2171b5"], [1.0, "#08306b"]]
# Opacity by what the sources say of the year: in the programme, not known, had left.
ALPHA = {"active": 235, "end_unknown": 110, "ended": 45}
# Where the host-town map opens (the county map fits its own axes to the counties).
CENTRE = {"lat": 65.0, "lon": 17.0}
ZOOM = 3.0
# The chosen county's outline: Okabe–Ito vermilion, visible on the lightest and darkest blue.
CHOSEN_COLOUR = "#D55E00"
# Invisible click targets, in pixels: wide enough to overlap on a grid of klyngekart.geo.hit_points.
HIT_SIZE = 12
MAP_HEIGHT = 560
# The point layer's id: Streamlit reports a clicked dot under it.
POINTS = "clusters"


def choropleth(
    table: pd.DataFrame,
    outlines: dict[str, Outline],
    metric: str,
    lang: str,
    unit: str,
    labels: pd.DataFrame | None,
    uncertain: str | None = None,
    chosen: str | None = None,
    targets: dict[str, Outline] | None = None,
) -> go.Figure:
    """Counties coloured by `metric`, each with its number written on it, drawn as SVG shapes in
    projected kilometres (klyngekart.geo): no map library, no WebGL, nothing fetched, and the
    exported SVG is a vector map. `uncertain` names a column of clusters that may also belong to
    the count (not known either way); each county's hover then says how many. `chosen` is
    outlined. `targets` are points inside each county (klyngekart.geo.hit_points) that make
    the whole county clickable: Plotly reports clicks on points, not on filled areas. `labels`
    gives each county's town points (lat/lon) to place its number near; None for a border set
    of another time.

    The figure is built from one spec: Plotly validates it once instead of after every update.
    """
    targets = targets or {}
    values = table[metric].astype(float).tolist()
    top = max(max(values, default=0.0), 1.0)
    decimals = 2 if metric == "per_100k" else 0
    maybe = table[uncertain].astype(int).tolist() if uncertain else [0] * len(table)
    extra = {code: (f" (+{m} {t('map.unknown_label', lang)})" if m else "") for code, m in zip(table["county_code"], maybe, strict=True)}
    fills = dict(zip(table["county_code"], sample_colorscale(SEQUENTIAL, [value / top for value in values]), strict=True))
    hover = {
        code: f"{name}: {format_number(value, lang, decimals)} {unit}{extra[code]}"
        for code, name, value in zip(table["county_code"], table["name"], values, strict=True)
    }
    label_at = _label_points(table, labels, targets)
    texts = {code: format_number(value, lang, decimals) for code, value in zip(table["county_code"], values, strict=True)}
    layout = layout_spec(lang) | {
        "xaxis": HIDDEN_AXIS,
        # One kilometre is as long north–south as east–west.
        "yaxis": HIDDEN_AXIS | {"scaleanchor": "x", "scaleratio": 1},
        # Short enough that on a phone the page shows more than the map, and a swipe on it scrolls.
        "height": MAP_HEIGHT,
        "margin": {"l": 0, "r": 0, "t": 10, "b": 10},
        "clickmode": "event+select",
        "hovermode": "closest",
    }
    data = [
        *_areas(table, outlines, fills, chosen),
        *_numbers(label_at, texts, fills),
        *_hits(table, values, label_at, targets, hover),
        _colour_bar(top, unit, decimals),
    ]
    return go.Figure({"data": data, "layout": layout})


HIDDEN_AXIS = {"visible": False, "fixedrange": True}


def _areas(table: pd.DataFrame, outlines: dict[str, Outline], fills: dict[str, str], chosen: str | None) -> list[dict]:
    """Each county's filled shape, and the chosen county's outline over them."""
    areas = [
        {
            "type": "scatter", "x": outlines[code][0], "y": outlines[code][1], "mode": "lines", "fill": "toself",
            "fillcolor": fills[code], "line": {"color": "#4d4d4d", "width": 0.8}, "hoverinfo": "skip", "showlegend": False,
        }
        for code in table["county_code"]
        if code in outlines
    ]
    if chosen in outlines:
        areas.append(
            {
                "type": "scatter", "x": outlines[chosen][0], "y": outlines[chosen][1], "mode": "lines",
                "line": {"color": CHOSEN_COLOUR, "width": 3}, "hoverinfo": "skip", "showlegend": False,
            }
        )
    return areas


def _label_points(table: pd.DataFrame, labels: pd.DataFrame | None, targets: dict[str, Outline]) -> dict[str, tuple[float, float]]:
    """Where each county's number goes: the target nearest the mean of its towns (the mean of a
    coastal county's towns can lie in the sea), or the middle of its targets without towns."""
    if labels is None:
        start = {code: (float(np.mean(x)), float(np.mean(y))) for code, (x, y) in targets.items() if len(x)}
    else:
        points = table[["county_code"]].merge(labels, on="county_code", how="inner")
        east, north = project(points["latitude"].to_numpy(float), points["longitude"].to_numpy(float))
        start = {code: (float(x), float(y)) for code, x, y in zip(points["county_code"], east, north, strict=True)}
    placed = {}
    for code in table["county_code"]:
        if code not in start:
            continue
        inside_x, inside_y = (np.asarray(axis, dtype=float) for axis in targets.get(code, ((), ())))
        if len(inside_x):
            nearest = int(np.argmin((inside_x - start[code][0]) ** 2 + (inside_y - start[code][1]) ** 2))
            placed[code] = (float(inside_x[nearest]), float(inside_y[nearest]))
        else:
            placed[code] = start[code]
    return placed


def _numbers(label_at: dict[str, tuple[float, float]], texts: dict[str, str], fills: dict[str, str]) -> list[dict]:
    """The numbers written on the counties, one trace per ink colour: a colour given per point
    would fade to a fifth while a county is selected, and the numbers must stay readable."""
    inks = {code: _ink(fills[code]) for code in label_at}
    return [
        {
            "type": "scatter",
            "x": [round(label_at[code][0], 1) for code in label_at if inks[code] == ink],
            "y": [round(label_at[code][1], 1) for code in label_at if inks[code] == ink],
            "mode": "text",
            "text": [texts[code] for code in label_at if inks[code] == ink],
            "textfont": {"size": 13, "color": ink},
            "selected": {"textfont": {"color": ink}},
            "unselected": {"textfont": {"color": ink}},
            "hoverinfo": "skip",
            "showlegend": False,
        }
        for ink in dict.fromkeys(inks.values())
    ]


def _hits(
    table: pd.DataFrame, values: list[float], label_at: dict[str, tuple[float, float]], targets: dict[str, Outline], hover: dict[str, str]
) -> list[dict]:
    """Invisible click and hover targets over each county's area (its label point where it has
    no grid points), one trace per county."""
    traces = []
    for code, value in zip(table["county_code"], values, strict=True):
        if code not in label_at:
            continue
        east, north = targets.get(code, ((), ()))
        if not len(east):
            east, north = [label_at[code][0]], [label_at[code][1]]
        traces.append(
            {
                "type": "scatter",
                "x": np.asarray(east, dtype=np.float32),
                "y": np.asarray(north, dtype=np.float32),
                "mode": "markers",
                "marker": {"size": HIT_SIZE, "color": "rgba(0,0,0,0)"},
                "selected": {"marker": {"opacity": 0}},
                "unselected": {"marker": {"opacity": 0}},
                "customdata": [[code]] * len(east),
                # The county and its value once per trace, for tests and scripts that read the figure.
                "meta": {"county_code": code, "value": float(value)},
                "hovertemplate": html.escape(hover[code]).replace("%", "%%") + "<extra></extra>",
                "showlegend": False,
            }
        )
    return traces


def _colour_bar(top: float, unit: str, decimals: int) -> dict:
    """The colour scale's legend: a trace with no points that carries only the colour bar."""
    return {
        "type": "scatter",
        "x": [None],
        "y": [None],
        "mode": "markers",
        "marker": {
            "color": [0.0, top], "cmin": 0, "cmax": top, "colorscale": SEQUENTIAL, "showscale": True,
            "colorbar": {"title": {"text": unit}, "orientation": "h", "thickness": 12, "y": -0.02, "yanchor": "top", "len": 0.8}
            # Counts are whole numbers: no "0.5 areas" on a short scale.
            | ({"dtick": 1} if decimals == 0 and top <= 10 else {}),
        },
        "hoverinfo": "skip",
        "showlegend": False,
    }


def county_key(table: pd.DataFrame, column: str, lang: str, decimals: int) -> str:
    """'Agder 3 · Akershus 2 · …': the numbers on the map with their counties' names, for print."""
    ordered = table.sort_values("name")
    return t("map.key", lang, counties=" · ".join(
        f"{name} {format_number(value, lang, decimals)}" for name, value in zip(ordered["name"], ordered[column].astype(float), strict=True)
    ))


def _ink(fill: str) -> str:
    """Dark text on the light blues, white on the dark ones (contrast ≥ 4.5:1 either way)."""
    red, green, blue = (float(part) for part in fill[fill.index("(") + 1 : -1].split(","))
    return "#1a1a1a" if 0.2126 * red + 0.7152 * green + 0.0722 * blue > 140 else "#ffffff"


def _rgb(hex_colour: str) -> list[int]:
    return [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]


def point_layer_data(points: pd.DataFrame, county_names: dict[str, str], lang: str) -> pd.DataFrame:
    """Rows for pydeck: position, colour by level (fainter when not known to be in), tooltip text."""
    placed = points.dropna(subset=["latitude", "longitude"])
    suffix = {status: f" ({t(f'map.{status}_short', lang)})" for status in ALPHA if status != "active"}
    return pd.DataFrame(
        {
            "cluster_id": placed["cluster_id"],
            "name": placed["name"],
            "level_text": placed["level"] + placed["status"].map(suffix).fillna(""),
            "county": [named_counties(c, county_names) for c in placed["county_code_today"]],
            "sector": placed[f"sector_{lang}"].fillna(""),
            "position": placed[["longitude", "latitude"]].astype(float).to_numpy().tolist(),
            "colour": [
                [*_rgb(LEVEL_COLOURS.get(level, "#666666")), ALPHA[status]]
                for level, status in zip(placed["level"], placed["status"], strict=True)
            ],
        }
    )


def picked_cluster(selection: object) -> str | None:
    """The id of the cluster whose dot was clicked, from st.pydeck_chart's selection state."""
    if not isinstance(selection, dict):
        return None
    objects = (selection.get("selection") or {}).get("objects") or {}
    picked = objects.get(POINTS) or []
    found = picked[0].get("cluster_id") if picked and isinstance(picked[0], dict) else None
    return str(found) if found else None


def point_map(points: pd.DataFrame, geojson: dict | str, movable: bool = False) -> pdk.Deck:
    """Host towns over the counties; `geojson` is the borders or the address they are served at.

    The map stays put unless `movable`: on a phone a swipe over a map that pans sends Norway out
    of view and traps the page's scroll, so panning and zooming wait for the visitor to ask."""
    counties = pdk.Layer(
        "GeoJsonLayer",
        data=geojson,
        id="counties",
        stroked=True,
        filled=True,
        get_fill_color=[238, 244, 251, 255],
        get_line_color=[77, 77, 77, 255],
        line_width_min_pixels=1,
    )
    dots = pdk.Layer(
        "ScatterplotLayer",
        data=points,
        id=POINTS,
        get_position="position",
        get_fill_color="colour",
        get_line_color=[26, 26, 26, 255],
        stroked=True,
        line_width_min_pixels=1,
        radius_min_pixels=6,
        radius_max_pixels=14,
        get_radius=9000,
        pickable=True,
    )
    tooltip = {
        "html": "<b>{name}</b><br/>{level_text}<br/>{county}<br/>{sector}",
        "style": {"backgroundColor": "white", "color": "#1a1a1a", "fontSize": "14px"},
    }
    # map_provider=None with no map_style keeps pydeck's placeholder style, the only setting under
    # which Streamlit loads no basemap from a third party.
    return pdk.Deck(
        layers=[counties, dots],
        initial_view_state=pdk.ViewState(latitude=CENTRE["lat"], longitude=CENTRE["lon"], zoom=ZOOM),
        views=[pdk.View("MapView", controller=movable)],
        map_provider=None,
        tooltip=tooltip,
    )
