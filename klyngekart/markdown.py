"""Tables as Markdown: plain HTML tables in the page, read by screen readers as tables, found by
the browser's search, and drawn without the interactive grid's JavaScript."""

from __future__ import annotations

import pandas as pd

# Characters that Streamlit's Markdown would read as table cells, links, emphasis, code or maths.
ESCAPED = str.maketrans({c: "\\" + c for c in "\\|[]*_`$<>"})


def cell(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return " ".join(str(value).split()).translate(ESCAPED)


def safe_address(target: str) -> bool:
    """A web address or a path in this site; never another scheme (javascript:, data: …)."""
    path = target.split("?", 1)[0]
    return target.startswith(("http://", "https://")) or (bool(target) and ":" not in path)


def markdown_table(rows: pd.DataFrame, columns: dict[str, str], links: dict[str, str] | None = None) -> str:
    """`columns` (name → heading) of `rows` as a Markdown table. `links` maps a shown column to
    the column holding the address its text links to; a row without an address shows plain text."""
    links = links or {}
    lines = ["| " + " | ".join(cell(label) for label in columns.values()) + " |", "|" + "---|" * len(columns)]
    for row in rows.to_dict("records"):
        cells = []
        for name in columns:
            text, target = cell(row.get(name)), row.get(links[name]) if name in links else None
            linked = isinstance(target, str) and safe_address(target)
            cells.append(f"[{text}]({target.replace(' ', '%20').replace(')', '%29')})" if linked and text else text)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
