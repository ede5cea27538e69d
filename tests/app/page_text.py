"""Everything a visitor can read on a page run by AppTest, as (where, text) pairs: headings, text,
widget labels and options, table headings and cells, chart titles, legends and hover text,
HTML tables and the names of the files the download buttons offer."""

from __future__ import annotations

import html
import inspect
import io
import json
import re
from collections.abc import Iterator

import pyarrow as pa
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

# Proto fields that hold words a visitor reads.
TEXT_FIELDS = {"body", "label", "help", "value", "placeholder", "options", "default", "caption", "alt", "text", "title", "description"}
# Plotly keys whose strings are drawn or shown on hover.
CHART_KEYS = {"text", "name", "hovertemplate", "texttemplate", "ticktext", "title", "legendgrouptitle", "customdata"}
TAG = re.compile(r"<[^>]+>")


class FileNames:
    """Names of the files offered by download buttons whose data is made on click (deferred)."""

    def __init__(self, monkeypatch) -> None:
        self.by_id: dict[str, str] = {}
        original = MediaFileManager.add_deferred
        signature = inspect.signature(original)

        def add_deferred(manager, *args, **kwargs):
            file_id = original(manager, *args, **kwargs)
            self.by_id[file_id] = signature.bind(manager, *args, **kwargs).arguments.get("file_name") or ""
            return file_id

        monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)


def _proto_texts(proto) -> Iterator[str]:
    for field, value in proto.ListFields():
        if field.name in TEXT_FIELDS:
            if isinstance(value, str):
                yield value
            elif field.is_repeated:
                yield from (v for v in value if isinstance(v, str))


def _flat(values: list) -> Iterator[object]:
    for value in values:
        yield from _flat(value) if isinstance(value, list) else (value,)


def _chart_texts(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in CHART_KEYS and isinstance(value, str):
                yield value
            elif key in CHART_KEYS and isinstance(value, list):
                yield from (v for v in _flat(value) if isinstance(v, str))
            if isinstance(value, dict | list):
                yield from _chart_texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _chart_texts(item)


def _frame_texts(proto, skip_columns: set[str]) -> Iterator[str]:
    columns = json.loads(proto.columns or "{}")
    for config in columns.values():
        if isinstance(config, dict) and isinstance(config.get("label"), str):
            yield config["label"]
    data = proto.arrow_data
    source = data.styler.display_values if data.HasField("styler") else data.data
    frame = pa.ipc.open_stream(io.BytesIO(source)).read_pandas()
    for name in frame.columns:
        if name in skip_columns:
            continue
        yield from (v for v in frame[name] if isinstance(v, str))


def page_texts(at: AppTest, files: FileNames, skip_columns: set[str]) -> Iterator[tuple[str, str]]:
    """(element type, text) for every readable text of the page; a table's `skip_columns` (data
    shown verbatim, such as notes quoted from the sources) are left out."""

    def walk(node) -> Iterator[tuple[str, str]]:
        children = getattr(node, "children", None)
        for child in (children or {}).values() if isinstance(children, dict) else []:
            yield from walk(child)
        proto, kind = getattr(node, "proto", None), getattr(node, "type", "")
        if proto is None:
            return
        if kind == "plotly_chart":
            yield from ((kind, text) for text in _chart_texts(json.loads(proto.spec)))
        elif kind in ("arrow_data_frame", "dataframe"):
            yield from ((kind, text) for text in _frame_texts(proto, skip_columns))
        elif kind == "html":
            yield from ((kind, html.unescape(text)) for text in TAG.split(proto.body))
        else:
            yield from ((kind, text) for text in _proto_texts(proto))
        if kind == "download_button" and proto.deferred_file_id in files.by_id:
            yield ("file name", files.by_id[proto.deferred_file_id])

    yield from walk(at._tree)
