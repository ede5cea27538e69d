"""Hostile values in every text column: `check` refuses each one, naming file, line and column,
and the Markdown helpers show such a value as text (issue 15, finding 3)."""

import pytest

from klyngekart.data.load import read_raw
from klyngekart.data.schema import TABLES
from klyngekart.data.validate import validate_table
from klyngekart.markdown import escape_markdown, markdown_link
from tests.conftest import FIXTURE_DATA

HOSTILE = (
    '<iframe srcdoc="<script>alert(1)</script>">',
    "Innovasjon Norge<img src=x onerror=alert(1)>",
    "[klikk her](javascript:alert(1))",
    "![bilde](https://evil.example/x.png)",
    "</small><script>alert(1)</script>",
    "JavaScript:alert(1)",
)
TEXT_COLUMNS = [(table, column.name) for table in TABLES for column in table.columns if column.kind == "text"]


@pytest.mark.parametrize(("table", "column"), TEXT_COLUMNS, ids=[f"{t.name}.{c}" for t, c in TEXT_COLUMNS])
@pytest.mark.parametrize("hostile", HOSTILE)
def test_markup_in_any_text_column_is_refused(table, column, hostile):
    raw, problems = read_raw(table, FIXTURE_DATA)
    assert raw is not None and not problems and len(raw), f"fixture {table.file} is empty"
    raw = raw.copy()
    raw.loc[0, column] = hostile
    found = [p for p in validate_table(table, raw) if p.column == column and p.line == 2]
    assert found and "plain text" in found[0].rule


@pytest.mark.parametrize("url", ["https://example.org/a b", 'https://example.org/"><script>', "javascript:alert(1)", "https://e.org/<x>"])
def test_unsafe_source_address_is_refused(url):
    table = next(t for t in TABLES if t.name == "sources")
    raw, _ = read_raw(table, FIXTURE_DATA)
    raw = raw.copy()
    raw.loc[0, "url"] = url
    assert any(p.column == "url" for p in validate_table(table, raw))


def test_ordinary_text_passes():
    table = next(t for t in TABLES if t.name == "clusters")
    raw, _ = read_raw(table, FIXTURE_DATA)
    raw = raw.copy()
    raw.loc[0, "note"] = "Omsetning < 5 MNOK; 3 > 2 (anslag), jf. side 4 [tabell 2]."
    assert [p for p in validate_table(table, raw) if p.column == "note"] == []


@pytest.mark.parametrize("hostile", HOSTILE)
def test_escaped_markdown_holds_no_tag_or_link(hostile):
    shown = escape_markdown(hostile)
    assert "<" not in shown and "](" not in shown and "![" not in shown


def test_apostrophes_and_quotes_stay_whole_entities():
    assert escape_markdown("it's \"1.5\" & <b>") == r"it&#x27;s &quot;1\.5&quot; &amp; &lt;b&gt;"


def test_links_only_to_web_addresses():
    assert markdown_link("x", "javascript:alert(1)") == "x"
    assert markdown_link("a [b]", "https://example.org/p (1)") == r"[a \[b\]](https://example.org/p%20%281%29)"
