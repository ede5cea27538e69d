"""Maps drawn without any tile server: a county choropleth (Plotly SVG shapes in projected
kilometres) and a point map of host towns (pydeck, no basemap), both over today's 15 counties."""

from __future__ import annotations

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
# The point layer's id: Streamlit reports a clicked dot under it.
POINTS = "clusters"


def choropleth(
    table: pd.DataFrame,
    outlines: dict[str, Outline],
    metric: str,
    lang: str,
    unit: str,
    labels: pd.DataFrame,
    uncertain: str | None = None,
) -> go.Figure:
    """Counties coloured by `metric`, each with a clickable circle, drawn as SVG shapes in
    projected kilometres (klyngekart.geo): no map library, no WebGL, nothing fetched, and the
    exported SVG is a vector map. `uncertain` names a column of clusters that may also belong to
    the count (not known either way); each county's label and hover then say how many.

    Streamlit reports clicks on points, not on filled areas, so the circles are what a click
    selects; the areas answer hover with the county's value. The figure is built from one spec:
    Plotly validates it once instead of after every update.
    """
    values = table[metric].astype(float).tolist()
    top = max(max(values, default=0.0), 1.0)
    decimals = 2 if metric == "per_100k" else 0
    maybe = table[uncertain].astype(int).tolist() if uncertain else [0] * len(table)
    extra = {code: (f" (+{m} {t('map.unknown_label', lang)})" if m else "") for code, m in zip(table["county_code"], maybe, strict=True)}
    fills = sample_colorscale(SEQUENTIAL, [value / top for value in values])
    areas = [
        {
            "type": "scatter",
            "x": outlines[code][0],
            "y": outlines[code][1],
            "mode": "lines",
            "fill": "toself",
            "fillcolor": fill,
            "line": {"color": "#4d4d4d", "width": 0.8},
            # Hover on a filled area shows the trace name; points of the outline take no hover.
            "name": f"{name}: {format_number(value, lang, decimals)} {unit}{extra[code]}",
            "hoveron": "fills",
            "hoverinfo": "name",
            "showlegend": False,
        }
        for code, name, value, fill in zip(table["county_code"], table["name"], values, fills, strict=True)
        if code in outlines
    ]
    points = table.merge(labels, on="county_code", how="inner")
    east, north = project(points["latitude"].to_numpy(float), points["longitude"].to_numpy(float))
    circles = {
        "type": "scatter",
        "x": np.round(east, 1).tolist(),
        "y": np.round(north, 1).tolist(),
        "mode": "markers",
        "text": [f"{format_number(v, lang, decimals)} {unit}{extra[c]}" for c, v in zip(points["county_code"], points[metric].astype(float), strict=True)],
        "marker": {"size": 14, "color": "#1a1a1a", "opacity": 0.75, "line": {"color": "white", "width": 1}},
        "customdata": [[code, name, value] for code, name, value in zip(points["county_code"], points["name"], points[metric].astype(float), strict=True)],
        "hovertemplate": "%{customdata[1]}: %{text}<extra></extra>",
        "showlegend": False,
    }
    # The colour scale's legend: a trace with no points that carries only the colour bar.
    legend = {
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
    hidden = {"visible": False, "fixedrange": True}
    layout = layout_spec(lang) | {
        "xaxis": hidden,
        # One kilometre is as long north–south as east–west.
        "yaxis": hidden | {"scaleanchor": "x", "scaleratio": 1},
        "height": 640,
        "margin": {"l": 0, "r": 0, "t": 10, "b": 10},
        # No drag: on a phone a drag on the map scrolls the page instead of zooming the map.
        "dragmode": False,
        "clickmode": "event+select",
        "hovermode": "closest",
    }
    return go.Figure({"data": [*areas, circles, legend], "layout": layout})


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


def point_map(points: pd.DataFrame, geojson: dict | str) -> pdk.Deck:
    """Host towns over the counties; `geojson` is the borders or the address they are served at."""
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
        map_provider=None,
        tooltip=tooltip,
    )
