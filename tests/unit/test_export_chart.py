import io
import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from klyngekart.export.chart import ChartMeta, chart_csv, chart_image, chart_xlsx, publication_figure
from tests.e2e.conftest import chromium_path

ROWS = pd.DataFrame({"year": [2021, 2022], "value": [207.0, 147.0], "source_ids": ["a", "b"]})


def meta(lang: str) -> ChartMeta:
    titles = {"nb": ("Klyngeprogrammet: årlig ramme", "Kilde: NFD (2021)"), "en": ("Cluster programme: yearly frame", "Source: NFD (2021)")}
    title, source = titles[lang]
    return ChartMeta(title, "MNOK", source, "CC BY 4.0", "http://127.0.0.1/budsjett?terms=real", "2026-11-23", lang, ("(1) 2022: cut",))


def figure() -> go.Figure:
    return go.Figure(go.Bar(x=ROWS["year"], y=ROWS["value"]))


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_publication_figure_carries_title_source_licence_and_view(lang):
    out = publication_figure(figure(), meta(lang))
    text = out.layout.title.text + " ".join(a.text for a in out.layout.annotations)
    assert meta(lang).title in text
    assert meta(lang).source_line in text
    assert ("Lisens: CC BY 4.0" if lang == "nb" else "Licence: CC BY 4.0") in text
    assert "budsjett?terms=real" in text and "2026-11-23" in text and "(1) 2022: cut" in text


def test_publication_figure_leaves_the_page_figure_alone():
    original = figure()
    publication_figure(original, meta("nb"))
    assert original.layout.title.text is None


def test_chart_csv_is_exactly_the_rows():
    assert pd.read_csv(io.BytesIO(chart_csv(ROWS))).equals(ROWS)


def test_chart_xlsx_has_data_and_about_sheets():
    sheets = pd.read_excel(io.BytesIO(chart_xlsx(ROWS, meta("en"))), sheet_name=None)
    assert sheets["data"]["value"].tolist() == [207.0, 147.0]
    assert "Source: NFD (2021)" in sheets["about"]["value"].tolist()


@pytest.mark.skipif(chromium_path() is None, reason="no Chromium: install it with `apt-get install chromium`")
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_svg_export_holds_title_source_and_licence(lang):
    svg = chart_image(figure(), meta(lang), "svg").decode("utf-8")
    assert svg.startswith("<svg")
    for text in (meta(lang).title, meta(lang).source_line, "CC BY 4.0"):
        assert text.replace("&", "&amp;") in svg


@pytest.mark.skipif(chromium_path() is None, reason="no Chromium: install it with `apt-get install chromium`")
def test_png_export_is_twice_the_size():
    png = chart_image(figure(), meta("nb"), "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(png[16:20], "big")
    assert width == 2400


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        chart_image(figure(), meta("nb"), "gif")


@pytest.mark.skipif(chromium_path() is None, reason="no Chromium: install it with `apt-get install chromium`")
def test_footer_is_printed_at_14px_or_more_on_the_1200px_canvas():
    # 12 px on 1200 px became about 6 px once the image was set in a 600 px article column.
    svg = chart_image(figure(), meta("en"), "svg").decode("utf-8")
    source = re.search(r'<text[^>]*style="([^"]*)"[^>]*>(?:(?!</text>).)*Source: NFD', svg, re.S)
    assert source is not None
    size = float(re.search(r"font-size: ?([\d.]+)px", source.group(1)).group(1))
    assert size >= 14
