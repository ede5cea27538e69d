"""Read an HTML table back into rows of (text, link) cells, for tests of what the page shows."""

from __future__ import annotations

from html.parser import HTMLParser


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.head: list[str] = []
        self.rows: list[list[tuple[str, str | None]]] = []
        self.links: list[dict[str, str | None]] = []
        self.caption = ""
        self._cell: list[str] | None = None
        self._href: str | None = None
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell, self._href = [], None
        elif tag == "a":
            self._href = dict(attrs).get("href")
            self.links.append(dict(attrs))
        elif tag == "caption":
            self._in_caption = True

    def handle_endtag(self, tag):
        if tag == "th":
            self.head.append("".join(self._cell or []))
            self._cell = None
        elif tag == "td":
            self.rows[-1].append(("".join(self._cell or []), self._href))
            self._cell = None
        elif tag == "caption":
            self._in_caption = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        elif self._in_caption:
            self.caption += data


def parse_table(markup: str) -> _Rows:
    parsed = _Rows()
    parsed.feed(markup)
    # The heading row holds th cells only, so it comes out empty.
    parsed.rows = [row for row in parsed.rows if row]
    return parsed
