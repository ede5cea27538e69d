"""The county map: unknown is not drawn as zero, the whole county is the click target, the chosen
county stands out, and the numbers on it can be read."""

import numpy as np
import pandas as pd
import pytest

from klyngekart.data import DATA_DIR
from klyngekart.figures.maps import CHOSEN_COLOUR, _ink, choropleth, county_key
from klyngekart.geo import county_outlines, hit_points, project, read_counties
from klyngekart.mapping import county_from_point

TABLE = pd.DataFrame({"county_code": ["18", "46"], "name": ["Nordland", "Vestland"], "clusters": [0, 2], "unknown": [3, 0]})
SQUARE = (np.array([0.0, 100.0, 100.0, 0.0, 0.0]), np.array([0.0, 0.0, 100.0, 100.0, 0.0]))
LABELS = pd.DataFrame({"county_code": ["18", "46"], "latitude": [67.0, 61.0], "longitude": [15.0, 6.0]})


def hit_traces(fig):
    return [trace for trace in fig.data if trace.mode == "markers" and trace.customdata is not None]


def test_uncertain_counts_are_named_in_the_hover():
    fig = choropleth(TABLE, {"18": SQUARE, "46": SQUARE}, "clusters", "en", "clusters", LABELS, "unknown")
    assert [trace.hovertemplate for trace in hit_traces(fig)] == [
        "Nordland: 0 clusters (+3 unknown)<extra></extra>", "Vestland: 2 clusters<extra></extra>",
    ]
    plain = choropleth(TABLE, {"18": SQUARE, "46": SQUARE}, "clusters", "en", "clusters", LABELS)
    assert "unknown" not in " ".join(trace.hovertemplate for trace in hit_traces(plain))


def test_every_target_point_selects_its_own_county():
    targets = hit_points({"18": SQUARE, "46": SQUARE}, spacing_km=20)
    fig = choropleth(TABLE, {"18": SQUARE, "46": SQUARE}, "clusters", "en", "clusters", LABELS, targets=targets)
    for trace, code in zip(hit_traces(fig), ["18", "46"], strict=True):
        # The grid inside the square (5 × 5); the number sits on one of its points.
        assert len(trace.x) == len(trace.customdata) == 25
        assert {county_from_point({"customdata": list(point)}) for point in trace.customdata} == {code}
        # Invisible, also while a county is selected.
        assert trace.marker.color == "rgba(0,0,0,0)" and trace.unselected.marker.opacity == 0


def test_hover_text_from_the_data_is_escaped_and_cannot_inject_a_template():
    table = TABLE.assign(name=["<b>Nord</b>", "100%{x}"])
    fig = choropleth(table, {"18": SQUARE, "46": SQUARE}, "clusters", "en", "clusters", LABELS)
    hovers = [trace.hovertemplate for trace in hit_traces(fig)]
    assert hovers[0].startswith("&lt;b&gt;Nord")
    assert hovers[1].startswith("100%%{x}")


def test_the_chosen_county_is_outlined():
    fig = choropleth(TABLE, {"18": SQUARE, "46": SQUARE}, "clusters", "en", "clusters", LABELS, chosen="46")
    outlined = [trace for trace in fig.data if trace.line is not None and trace.line.color == CHOSEN_COLOUR]
    assert len(outlined) == 1 and list(outlined[0].x) == list(SQUARE[0])
    plain = choropleth(TABLE, {"18": SQUARE, "46": SQUARE}, "clusters", "en", "clusters", LABELS)
    assert not [trace for trace in plain.data if trace.line is not None and trace.line.color == CHOSEN_COLOUR]


def test_numbers_are_written_on_the_counties_and_stay_when_one_is_selected():
    fig = choropleth(TABLE, {"18": SQUARE, "46": SQUARE}, "clusters", "nb", "klynger", LABELS)
    texts = [trace for trace in fig.data if trace.mode == "text"]
    assert sorted(value for trace in texts for value in trace.text) == ["0", "2"]
    assert all(trace.unselected.textfont.color == trace.textfont.color for trace in texts)


@pytest.mark.parametrize(("fill", "ink"), [("rgb(238, 244, 251)", "#1a1a1a"), ("rgb(8, 48, 107)", "#ffffff"), ("rgb(107, 174, 214)", "#1a1a1a")])
def test_ink_keeps_the_number_readable_on_its_fill(fill, ink):
    assert _ink(fill) == ink


def test_key_names_every_county_with_its_number_in_the_language():
    table = pd.DataFrame({"county_code": ["46", "18"], "name": ["Vestland", "Nordland"], "per_100k": [1.5, 0.25]})
    assert county_key(table, "per_100k", "nb", 2) == "Tall per fylke: Nordland 0,25 · Vestland 1,50."


def test_every_county_of_today_has_click_targets_inside_its_own_outline():
    outlines = county_outlines(read_counties())
    targets = hit_points(outlines)
    assert set(targets) == set(outlines)
    # Checked against a second source: the nearest municipality centre to a target lies, for
    # nearly every target, in the same county (near a border the neighbour's may be nearer).
    towns = pd.read_csv(DATA_DIR / "reference" / "municipalities.csv", dtype={"county_code": str}).dropna(subset=["latitude"])
    town_east, town_north = project(towns["latitude"].to_numpy(float), towns["longitude"].to_numpy(float))
    agreeing = 0
    for code, (east, north) in targets.items():
        assert len(east) >= 1, code
        nearest = np.argmin((east[:, None] - town_east) ** 2 + (north[:, None] - town_north) ** 2, axis=1)
        in_county = towns["county_code"].to_numpy()[nearest] == code
        # Small coastal counties have few targets, several near a border: a majority is enough there.
        assert in_county.mean() > 0.5, (code, in_county.mean())
        agreeing += int(in_county.sum())
    assert agreeing / sum(len(east) for east, _ in targets.values()) >= 0.9
    # No point is claimed by two counties.
    every = [(float(x), float(y)) for east, north in targets.values() for x, y in zip(east, north, strict=True)]
    assert len(every) == len(set(every))
