"""Unknown is not drawn as zero: a county's label says how many more clusters may have been in."""

import numpy as np
import pandas as pd

from klyngekart.figures.maps import choropleth


def test_uncertain_counts_are_named_in_label_and_hover():
    table = pd.DataFrame({"county_code": ["18", "46"], "name": ["Nordland", "Vestland"], "clusters": [0, 2], "unknown": [3, 0]})
    square = (np.array([0.0, 1.0, 1.0, 0.0]), np.array([0.0, 0.0, 1.0, 1.0]))
    labels = pd.DataFrame({"county_code": ["18", "46"], "latitude": [67.0, 61.0], "longitude": [15.0, 6.0]})
    fig = choropleth(table, {"18": square, "46": square}, "clusters", "en", "clusters", labels, "unknown")
    circles = next(trace for trace in fig.data if trace.mode == "markers" and trace.customdata is not None)
    assert list(circles.text) == ["0 clusters (+3 unknown)", "2 clusters"]
    assert [trace.name for trace in fig.data if trace.fill == "toself"] == ["Nordland: 0 clusters (+3 unknown)", "Vestland: 2 clusters"]
    plain = choropleth(table, {"18": square, "46": square}, "clusters", "en", "clusters", labels)
    assert "unknown" not in " ".join(next(t for t in plain.data if t.customdata is not None).text)
