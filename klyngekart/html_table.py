"""Tables as plain HTML: read by screen readers as tables, found by the browser's search, and
drawn without the interactive grid's JavaScript.

The map's cluster list was a Markdown table: the browser parsed 45 KB of Markdown into React
elements on the same turn that it drew the map, delaying the map by about 0.1 s on a
two-core machine (bench/page_load.py). An HTML string costs the browser one sanitiser pass.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import pandas as pd

# Only the table's own class names are styled, so nothing else on the page changes. The
# region scrolls sideways on a phone instead of squeezing the columns; it takes keyboard focus
# so that it can be scrolled without a mouse.
STYLE = """<style>
.kk-scroll{overflow-x:auto;max-width:100%}
.kk-table{border-collapse:collapse;width:100%;font-size:0.9rem;line-height:1.45}
.kk-table th,.kk-table td{border-bottom:1px solid rgba(49,51,63,0.2);padding:0.35rem 0.6rem 0.35rem 0;text-align:left;vertical-align:top}
.kk-table th{font-weight:600;border-bottom:2px solid rgba(49,51,63,0.35)}
.kk-table a{color:LINK;text-decoration:underline}
.kk-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
</style>"""


# The link colour goes into CSS unescaped, so only a hex colour is taken.
COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}")
ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def safe_address(target: str) -> bool:
    """A web address or a path in this site; never another scheme (javascript:, data: …)."""
    path = target.split("?", 1)[0]
    return target.startswith(("http://", "https://")) or (bool(target) and ":" not in path)


def _text(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    # Only ASCII whitespace is folded: the no-break space in "1 234" keeps a number on one line.
    return html.escape(" ".join(ASCII_SPACE.split(str(value).strip(" \t\r\n\f\v"))))


def _link(text: str, target: object) -> str:
    if not (text and isinstance(target, str) and safe_address(target)):
        return text
    href = html.escape(target.replace(" ", "%20"), quote=True)
    # Sources open beside the dashboard; links within the site replace the page.
    outside = ' target="_blank" rel="noopener noreferrer"' if target.startswith(("http://", "https://")) else ""
    return f'<a href="{href}"{outside}>{text}</a>'


def html_table(
    rows: pd.DataFrame, columns: dict[str, str], caption: str, link_colour: str, links: dict[str, str] | None = None,
    formats: dict[str, Callable[[object], str]] | None = None,
) -> str:
    """`columns` (name → heading) of `rows` as an HTML table named by `caption`. `links` maps a
    shown column to the column holding the address its text links to; a row without a safe
    address shows plain text. `formats` writes a column's values (numbers in the reader's
    language, klyngekart.i18n.column_formats). Every value is escaped; `link_colour` is a hex
    colour or ignored."""
    links, formats = links or {}, formats or {}

    def cell(row: dict, name: str) -> str:
        value = row.get(name)
        text = _text(formats[name](value) if name in formats else value)
        return _link(text, row.get(links[name]) if name in links else None)

    head = "".join(f'<th scope="col">{_text(label)}</th>' for label in columns.values())
    body = "".join("<tr>" + "".join(f"<td>{cell(row, name)}</td>" for name in columns) + "</tr>" for row in rows.to_dict("records"))
    label = _text(caption)
    return (
        STYLE.replace("LINK", link_colour if COLOUR.fullmatch(link_colour or "") else "inherit")
        + f'<div class="kk-scroll" role="region" tabindex="0" aria-label="{label}"><table class="kk-table">'
        + f'<caption class="kk-sr">{label}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'
    )
