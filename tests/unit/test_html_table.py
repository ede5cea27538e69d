import pandas as pd

from klyngekart.html_table import html_table
from tests.html_rows import parse_table

ROWS = pd.DataFrame(
    {
        "name": ["NCE <Ocean> & \"test\"", "Arena *bio*"],
        "profile": ["klynger?cluster=nce-ocean", None],
        "source": ["SSB", "Innovasjon Norge"],
        "source_url": ["https://www.ssb.no/a b", "javascript:alert(1)"],
        "level": ["NCE", pd.NA],
    }
)
COLUMNS = {"name": "Klynge", "level": "Nivå", "source": "Kilde"}
LINKS = {"name": "profile", "source": "source_url"}


def test_cells_links_and_escaping():
    markup = html_table(ROWS, COLUMNS, "Klynger i 2012", "#1f5f8b", LINKS)
    table = parse_table(markup)
    assert table.head == ["Klynge", "Nivå", "Kilde"]
    assert table.rows == [
        [("NCE <Ocean> & \"test\"", "klynger?cluster=nce-ocean"), ("NCE", None), ("SSB", "https://www.ssb.no/a%20b")],
        [("Arena *bio*", None), ("", None), ("Innovasjon Norge", None)],
    ]
    assert "<Ocean>" not in markup and "javascript:" not in markup


def test_sources_open_beside_the_page_and_profiles_in_it():
    links = {link["href"]: link for link in parse_table(html_table(ROWS, COLUMNS, "x", "#1f5f8b", LINKS)).links}
    assert links["https://www.ssb.no/a%20b"]["target"] == "_blank"
    assert "noopener" in links["https://www.ssb.no/a%20b"]["rel"]
    assert "target" not in links["klynger?cluster=nce-ocean"]


def test_table_is_named_and_reachable_by_keyboard():
    markup = html_table(ROWS, COLUMNS, "Klynger i alle fylker, 2012", "#1f5f8b", LINKS)
    assert parse_table(markup).caption == "Klynger i alle fylker, 2012"
    assert 'role="region" tabindex="0" aria-label="Klynger i alle fylker, 2012"' in markup
    assert '<th scope="col">' in markup


def test_link_colour_must_be_a_hex_colour():
    assert "color:#1f5f8b" in html_table(ROWS, COLUMNS, "x", "#1f5f8b", LINKS)
    hostile = html_table(ROWS, COLUMNS, "x", "red}</style><script>alert(1)</script>", LINKS)
    assert "<script>" not in hostile and "color:inherit" in hostile


def test_empty_rows_give_the_heading_only():
    table = parse_table(html_table(pd.DataFrame({"a": []}), {"a": "A"}, "x", "#000000"))
    assert table.head == ["A"] and table.rows == []
