"""No page shows words from the other language's string files: every page of the registry, run
in each language on the real dataset with its default address, is read whole (text, widgets,
tables, charts, HTML tables, download file names) and searched for distinctive strings that
exist only in the other language.

Data quoted as it stands (notes, source titles and publishers, names) is not the page's language
and is left out of the search; the tables say which of their columns are in English."""

from __future__ import annotations

import re

import pytest

from klyngekart.data import load_dataset
from klyngekart.i18n import LANGUAGES, strings
from klyngekart.markdown import escape_markdown
from klyngekart.ui import DATA_DIR_VARIABLE
from klyngekart.ui.registry import PAGES
from tests.app.conftest import open_page
from tests.app.page_text import FileNames, page_texts
from tests.conftest import REPO

# Table columns that quote data as it stands: sources' notes, titles and publishers, and the
# What-changed page's old and new rows.
VERBATIM_COLUMNS = {"note", "title", "publisher", "source", "row", "old", "new", "reason", "url", "source_url", "source_id"}
# Addresses and ids are the same in both languages ('/omstilling?region=…', 'bu-meloy-omstilling').
ADDRESS = re.compile(r"\]\([^)]*\)|https?://\S+|(?<!\S)[\w./-]*[?/][\w./?=&%-]*(?!\S)")
# Data cells quoted wherever they appear (a note under a chart, a source in a list).
VERBATIM_DATA = {
    "sources": ("publisher", "title", "note"),
    "clusters": ("name", "other_names", "host_municipality", "note"),
    "restructuring_regions": ("name", "municipalities", "note"),
}


def fragments(text: str) -> list[str]:
    """The literal clauses of a string: split at its {placeholders}, Markdown marks and
    punctuation, so that 'simplified' is found in '…, forenklet / simplified'."""
    parts = (part.strip(" -–·\n") for part in re.split(r"\{[^}]*\}|[.,:;()/«»\"*_`!?\[\]]", text))
    return [part for part in parts if len(part) >= 8 or len(part.split()) >= 2]


def foreign_strings(lang: str, files: bool = False) -> dict[str, str]:
    """Distinctive text (≥ 8 characters or ≥ 2 words) from the other language's strings that the
    page's own language never uses, mapped to its key. A string the same in both is a name.
    File-name words (`file.` keys) are looked for only in file names, where they belong."""
    other = next(code for code in LANGUAGES if code != lang)
    own = strings(lang)
    own_text = "\n".join(own.values())
    found: dict[str, str] = {}
    for key, text in strings(other).items():
        if own.get(key) == text or key.startswith("file.") != files:
            continue
        if files:
            found[text] = key
            continue
        for part in fragments(text):
            if part not in own_text:
                found.setdefault(part, key)
    return found


@pytest.fixture(scope="module")
def verbatim() -> list[str]:
    data = load_dataset(REPO / "data")
    cells = set()
    for table, columns in VERBATIM_DATA.items():
        for column in columns:
            for value in data[table][column].dropna():
                cells.add(str(value))
                cells.update(part.strip() for part in str(value).split(";"))
    # Pages write data into Markdown escaped, so the escaped form is quoted data too.
    cells |= {escape_markdown(cell) for cell in cells}
    return sorted((cell for cell in cells if cell), key=len, reverse=True)


def without_verbatim(text: str, verbatim: list[str]) -> str:
    for cell in verbatim:
        if cell in text:
            text = text.replace(cell, " ")
    return text


KNOWN: dict = {}
# Views beyond a page's default address that show words of their own: the map's other tabs,
# budgets in real terms, a restructuring area's and a cluster's profile.
VIEWS = {
    "map": ({}, {"view": "table"}, {"view": "towns"}),
    "budget": ({}, {"terms": "real"}),
    "regions": ({}, {"region": "andoy-2017"}),
    "clusters": ({}, {"cluster": "cod-cluster"}),
}
CASES = [
    pytest.param(page, lang, view, marks=[pytest.mark.xfail(reason=KNOWN[known], strict=True)] if known in KNOWN else [])
    for page in (entry.key for entry in PAGES)
    for view in VIEWS.get(page, ({},))
    for lang in LANGUAGES
    for known in [(page, lang, tuple(sorted(view.items())))]
]


@pytest.mark.parametrize(("page", "lang", "view"), CASES)
def test_page_shows_no_string_from_the_other_language(page, lang, view, monkeypatch, verbatim):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(REPO / "data"))
    files = FileNames(monkeypatch)
    at = open_page(page, {"lang": lang, **view})
    assert not at.exception
    patterns = {part: re.compile(rf"(?<!\w){re.escape(part)}(?!\w)") for part in foreign_strings(lang)}
    slugs = foreign_strings(lang, files=True)
    leaks = set()
    for kind, text in page_texts(at, files, VERBATIM_COLUMNS):
        if kind == "file name":
            name = text.rsplit(".", 1)[0]
            leaks |= {f"{kind}: {slug!r} in {text!r}" for slug in slugs if f"-{slug}-" in f"{name}-"}
            continue
        text = ADDRESS.sub(" ", without_verbatim(text, verbatim))
        leaks |= {f"{kind}: {part!r} in {text[:120]!r}" for part, pattern in patterns.items() if pattern.search(text)}
    assert not leaks, f"page {page!r} {view or ''} in {lang!r} shows the other language's strings:\n" + "\n".join(sorted(leaks))
