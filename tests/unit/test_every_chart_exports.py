"""Every registered chart, through the export command's own path: its SVG carries title, source
line and licence in both languages, and its CSV holds exactly the plotted rows (issue 14)."""

import io
import re

import pandas as pd
import pytest

from klyngekart.charts.registry import CHARTS
from klyngekart.data import DATA_DIR
from klyngekart.export.chart import chart_csv
from klyngekart.export.cli import export_chart, parse_filters
from klyngekart.geo import county_outlines, read_counties
from tests.e2e.conftest import chromium_path

# Views that have a chart on the fixture data.
VIEWS = {"cluster-history": ["cluster=gce-ocean"], "compare-entered": ["c1=46", "c2=03"], "compare-per": ["c1=46", "c2=03"]}


def bundle(ds, key: str, lang: str):
    chart = CHARTS[key]
    return chart.build(ds, parse_filters(VIEWS.get(key, []), chart.params(ds)), lang, county_outlines(read_counties(DATA_DIR)))


def svg_text(svg: str) -> str:
    """The words of an SVG, with Plotly's line breaks and entities undone."""
    words = " ".join(re.findall(r">([^<>]+)<", svg))
    return " ".join(words.replace("&amp;", "&").replace("&#39;", "'").split())


@pytest.mark.parametrize("key", sorted(CHARTS))
def test_csv_is_exactly_the_plotted_rows(fixture_dataset, key):
    expected = bundle(fixture_dataset, key, "en")
    assert expected is not None, f"{key} draws nothing on the fixture data; give it a view in VIEWS"
    exported = pd.read_csv(io.BytesIO(export_chart(fixture_dataset, key, "csv", "en", VIEWS.get(key, []), "http://x")))
    assert len(exported) == len(expected.rows) and list(exported.columns) == list(expected.rows.columns)
    assert exported.equals(pd.read_csv(io.BytesIO(chart_csv(expected.rows))))


@pytest.mark.skipif(chromium_path() is None, reason="no Chromium: install it with `apt-get install chromium`")
@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("key", sorted(CHARTS))
def test_svg_carries_title_source_and_licence(fixture_dataset, key, lang):
    expected = bundle(fixture_dataset, key, lang)
    text = svg_text(export_chart(fixture_dataset, key, "svg", lang, VIEWS.get(key, []), "http://x").decode("utf-8"))
    assert " ".join(expected.title.split()) in text
    assert " ".join(expected.source_line.split())[:60] in text
    assert ("Lisens: CC BY 4.0" if lang == "nb" else "Licence: CC BY 4.0") in text


@pytest.mark.skipif(chromium_path() is None, reason="no Chromium: install it with `apt-get install chromium`")
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_exported_budget_names_every_partial_bar_in_its_key(lang):
    # On the real data: a one-level or one-ministry figure must never pass for the whole programme
    # in a published image, so its legend label ("bare NCE" / "NCE only") is printed on it.
    from klyngekart.data import load_dataset

    real = load_dataset(DATA_DIR)
    expected = bundle(real, "budget", lang)
    hatched = [trace.name for trace in expected.fig.data if trace.type == "bar" and trace.marker.pattern.shape]
    assert hatched, "the real budget chart has partial figures to label"
    text = svg_text(export_chart(real, "budget", "svg", lang, [], "http://x").decode("utf-8"))
    for name in hatched:
        assert name in text, name
