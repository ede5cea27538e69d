"""Translations and number formatting. Every UI string goes through `t`.

Strings live in one folder per language, one JSON file per page or shared part (nb/budget.json,
en/budget.json, …), with identical keys in both languages (a test enforces it). Bokmål is the
default language; English is one click away.
"""

from __future__ import annotations

import json
import math
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


def format_number(value: float | int | None, lang: str, decimals: int = 0, signed: bool = False) -> str:
    """A number as a reader of `lang` writes it: nb '1 234,5', en '1,234.5'. Missing is an en dash."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
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
