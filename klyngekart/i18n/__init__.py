"""Translations and number formatting. Every UI string goes through `t`.

Strings live in one folder per language, one JSON file per page or shared part (nb/budget.json,
en/budget.json, …), with identical keys in both languages (a test enforces it). Bokmål is the
default language; English is one click away.

Free-text data values that are shown as words (a reason, a comparison group) are written in
English in data/; data_text.csv gives each its Norwegian, so the Norwegian pages read Norwegian.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path

LANGUAGES = ("nb", "en")
DEFAULT_LANGUAGE = "nb"
_DIR = Path(__file__).parent
# Norwegian groups thousands with a space; a no-break space keeps "1 234" on one line.
NB_GROUP = "\u00a0"


@cache
def strings(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted((_DIR / lang).glob("*.json")):
        part = json.loads(path.read_text(encoding="utf-8"))
        clash = set(part) & set(merged)
        if clash:
            raise ValueError(f"{path.name} repeats keys defined in another string file: {sorted(clash)}")
        merged.update(part)
    return merged


def t(key: str, lang: str, **values: object) -> str:
    """The string `key` in `lang`, with `{name}` placeholders filled from `values`."""
    text = strings(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)[key]
    return text.format(**values) if values else text


def missing(value: object) -> bool:
    """None, NaN or pandas' NA: an empty cell, whatever the column's type."""
    try:
        return value is None or bool(value != value)
    except TypeError:  # pandas' NA refuses to be a bool
        return True


def format_number(value: float | int | None, lang: str, decimals: int = 0, signed: bool = False) -> str:
    """A number as a reader of `lang` writes it: nb '1 234,5', en '1,234.5'. Missing is an en dash."""
    if missing(value):
        return "–"
    text = f"{value:{'+' if signed else ''},.{decimals}f}"
    if lang == "nb":
        text = text.replace(",", NB_GROUP).replace(".", ",").replace("-", "\u2212")
    return text


def plotly_separators(lang: str) -> str:
    """Plotly's `layout.separators`: decimal mark, then thousands separator."""
    return "," + NB_GROUP if lang == "nb" else ".,"


def translate_values(frame, columns: dict[str, str], lang: str):
    """A copy of `frame` whose code values (e.g. 'per_cluster_max') read as words in `lang`.

    `columns` maps a column to its key prefix; values without a string stay as they are.
    """
    table = strings(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    out = frame.copy()
    for column, prefix in columns.items():
        out[column] = out[column].map(lambda v, prefix=prefix: table.get(f"{prefix}{v}", v) if isinstance(v, str) else v)
    return out


def plural(key: str, count: int, lang: str, **values: object) -> str:
    """`key_one` for exactly one, `key_other` for any other count (0 too, in both languages),
    with `{count}` written in the reader's number style: '1 rad', '2 rader'; '1 row', '2 rows'."""
    return t(f"{key}_{'one' if count == 1 else 'other'}", lang, count=format_number(count, lang), **values)


def file_stem(lang: str, *parts: object) -> str:
    """A download's name without extension, in the page's language: 'klyngekart-budsjett-klyngeprogrammet'
    or 'klyngekart-budget-cluster-programme'. A part with a `file.` string is translated; other
    parts (years, ids) are used as they are."""
    table = strings(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    return "-".join(["klyngekart", *(table.get(f"file.{part}", str(part)) for part in parts)])


def decimals_needed(values: Iterable[float], cap: int = 3) -> int:
    """The fewest decimals (at most `cap`) that show every one of `values` without rounding it:
    [36] gives 0, [36, 34.5] gives 1."""
    needed = 0
    for value in values:
        if missing(value):
            continue
        while needed < cap and round(value, needed) != round(value, cap):
            needed += 1
    return needed


def setting_names(names: Iterable[str], lang: str) -> str:
    """URL parameter names as the reader calls the settings ('år, fylke'); the address itself
    stays in English, the page does not."""
    table = strings(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    return ", ".join(table.get(f"param.{name}", name) for name in names)


@cache
def _data_text() -> dict[str, str]:
    with (_DIR / "data_text.csv").open(encoding="utf-8", newline="") as handle:
        return {row["en"]: row["nb"] for row in csv.DictReader(handle)}


def data_text(value: object, lang: str) -> object:
    """A data value written in words, in `lang`: the data's English, or its Norwegian from
    data_text.csv. Anything else (numbers, empty cells, names) is returned unchanged."""
    if lang != "nb" or not isinstance(value, str):
        return value
    return _data_text().get(value, value)


def translate_text_columns(frame, columns: Iterable[str], lang: str):
    """A copy of `frame` whose free-text `columns` read in `lang` (see data_text)."""
    out = frame.copy()
    for column in columns:
        out[column] = out[column].map(lambda v: data_text(v, lang))
    return out


def is_year_column(name: str) -> bool:
    """Years are labels, not amounts: 2006 never reads '2 006'."""
    return name == "year" or name.endswith("_year")


def column_formats(frame, lang: str) -> dict:
    """How each number or yes/no column of `frame` is written for a reader of `lang`: the one
    path every table takes (charts use format_number too), so a table never shows '34.5' on a
    Norwegian page. Each value keeps the decimals it has and no more: '36' beside '34,5', never
    '36,000', which an English reader takes for thirty-six thousand. Empty cells stay empty."""
    from pandas.api import types

    formats = {}
    for name in frame.columns:
        column = frame[name]
        if types.is_bool_dtype(column):
            words = {True: t("table.yes", lang), False: t("table.no", lang)}
            formats[name] = lambda v, words=words: "" if missing(v) else words[bool(v)]
        elif types.is_numeric_dtype(column) and is_year_column(str(name)):
            formats[name] = lambda v: "" if missing(v) else str(int(v))
        elif types.is_numeric_dtype(column):
            formats[name] = lambda v: "" if missing(v) else format_number(v, lang, decimals_needed([v]))
    return formats
