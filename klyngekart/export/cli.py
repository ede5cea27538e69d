"""`python -m klyngekart export`: the page's chart files from the command line.

    python -m klyngekart export budget terms=real base=2015 --format png --lang en -o budget.png

The filters are the page's URL parameters, checked the same way; the file is built by the same
chart function as the page's download button.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from urllib.parse import urlencode

from klyngekart.borders_of_time import outlines_for_set
from klyngekart.charts.registry import CHARTS, ExportableChart
from klyngekart.data import Dataset
from klyngekart.data.borders import CURRENT_SET
from klyngekart.export.chart import chart_csv, chart_image, chart_xlsx, meta_for
from klyngekart.i18n import DEFAULT_LANGUAGE, LANGUAGES
from klyngekart.urlstate import Param, to_query

FORMATS = ("png", "svg", "csv", "xlsx")


class ExportError(ValueError):
    """A request the export command cannot honour; the message says why."""


def parse_filters(pairs: list[str], params: list[Param]) -> dict[str, str]:
    values = {p.name: p.default for p in params}
    known = {p.name: p for p in params}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or name not in known:
            raise ExportError(f"unknown filter {pair!r}; this chart takes: {', '.join(known)}")
        accepted = known[name].parse(raw)
        if accepted is None:
            allowed = known[name].options or (f"{known[name].int_range[0]}–{known[name].int_range[1]}",)
            raise ExportError(f"{name}={raw!r} is not allowed; use one of: {', '.join(allowed)}")
        values[name] = accepted
    return values


def view_url(site: str, chart: ExportableChart, values: dict[str, str], params: list[Param], lang: str) -> str:
    query = to_query(values, params) | ({"lang": lang} if lang != DEFAULT_LANGUAGE else {})
    return f"{site.rstrip('/')}/{chart.page_path}" + ("?" + urlencode(query) if query else "")


def export_chart(
    ds: Dataset, name: str, fmt: str, lang: str, filters: list[str], site: str, date: str | None = None
) -> bytes:
    if name not in CHARTS:
        raise ExportError(f"unknown chart {name!r}; choose one of: {', '.join(CHARTS)}")
    if fmt not in FORMATS or lang not in LANGUAGES:
        raise ExportError(f"format must be one of {', '.join(FORMATS)} and language one of {', '.join(LANGUAGES)}")
    chart = CHARTS[name]
    params = chart.params(ds)
    values = parse_filters(filters, params)
    bundle = chart.build(ds, values, lang, outlines_for_set(ds, CURRENT_SET))
    if bundle is None:
        raise ExportError("no published figures for this view, so there is no chart to export")
    meta = meta_for(ds.release, bundle.title, bundle.subtitle, bundle.source_line, bundle.notes,
                    view_url(site, chart, values, params, lang), lang, date)
    if fmt == "csv":
        return chart_csv(bundle.rows)
    if fmt == "xlsx":
        return chart_xlsx(bundle.rows, meta)
    return chart_image(bundle.fig, meta, fmt)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("chart", choices=sorted(CHARTS), help="which chart")
    parser.add_argument("filters", nargs="*", metavar="NAME=VALUE", help="the page's URL parameters, e.g. terms=real")
    parser.add_argument("--format", choices=FORMATS, default="png")
    parser.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    parser.add_argument("--site", default="http://localhost:8501", help="address printed as the view's link")
    parser.add_argument("--date", help="date printed on the image (default: today)")
    parser.add_argument("-o", "--output", type=Path, required=True)
