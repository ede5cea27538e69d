"""Which sources stand behind a set of rows, and the source line printed under a chart.

The source line is derived from the source_ids of the rows actually shown, never typed by hand,
so it cannot go stale when the data changes.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from klyngekart.data import Dataset
from klyngekart.data.validate import split_list
from klyngekart.i18n import t
from klyngekart.markdown import escape_markdown, markdown_link


def source_ids_of(rows: pd.DataFrame) -> list[str]:
    """Distinct source ids cited by `rows`, in order of first appearance."""
    seen: dict[str, None] = {}
    for value in rows["source_ids"].dropna():
        for source_id in split_list(value):
            seen.setdefault(source_id, None)
    return list(seen)


def sources_for(ds: Dataset, source_ids: Iterable[str]) -> pd.DataFrame:
    ids = list(dict.fromkeys(source_ids))
    sources = ds["sources"].set_index("source_id")
    return sources.loc[[i for i in ids if i in sources.index]].reset_index()


def _year(published: object) -> str:
    return str(published)[:4] if isinstance(published, str) and published else ""


# Beyond this many publishers a source line names the most cited and counts the rest; the
# full list is one click away in the chart's data download and the table under it.
MAX_PUBLISHERS = 6


def source_line(ds: Dataset, source_ids: Iterable[str], lang: str) -> str:
    """'Kilde: Innovasjon Norge (2016, 2022); SSB' – publishers with the years of their sources."""
    cited = list(source_ids)
    sources = sources_for(ds, cited)
    if sources.empty:
        return ""
    years: dict[str, set[str]] = {}
    for publisher, published in zip(sources["publisher"], sources["published"], strict=True):
        years.setdefault(publisher, set()).add(_year(published))
    if len(years) > MAX_PUBLISHERS:
        publisher_of = dict(zip(sources["source_id"], sources["publisher"], strict=True))
        weight = pd.Series([publisher_of[i] for i in cited if i in publisher_of]).value_counts()
        named = list(weight.index[: MAX_PUBLISHERS - 1])
        return t(
            "provenance.source_summary",
            lang,
            publishers=", ".join(named),
            others=len(years) - len(named),
            count=len(sources),
        )
    parts = []
    for publisher, found in years.items():
        shown = sorted(y for y in found if y)
        parts.append(f"{publisher} ({', '.join(shown)})" if shown else publisher)
    key = "provenance.source_one" if len(sources) == 1 else "provenance.source_many"
    return t(key, lang, sources="; ".join(parts))


def citation_counts(ds: Dataset) -> pd.Series:
    """How many rows across all tables cite each source."""
    counts: dict[str, int] = {}
    for name, frame in ds.raw.items():
        if "source_ids" not in frame.columns or name == "sources":
            continue
        for value in frame["source_ids"]:
            for source_id in split_list(value):
                counts[source_id] = counts.get(source_id, 0) + 1
    return pd.Series(counts, name="rows", dtype="int64")


def source_markdown(source: pd.Series) -> str:
    """A source as one Markdown line: publisher, linked title, publication date; every value escaped."""
    linked = markdown_link(source["title"], source["url"])
    published = f" ({escape_markdown(source['published'])})" if isinstance(source["published"], str) and source["published"] else ""
    return f"{escape_markdown(source['publisher'])}: {linked}{published}"


def with_source_columns(rows: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    """Adds `source` (publisher: title of each source) and `source_url` (the first source's URL)."""
    sources = ds["sources"]
    label = dict(zip(sources["source_id"], sources["publisher"] + ": " + sources["title"], strict=True))
    url = {i: u for i, u in zip(sources["source_id"], sources["url"], strict=True) if isinstance(u, str)}
    ids = rows["source_ids"].fillna("").map(split_list)
    return rows.assign(
        source=ids.map(lambda found: "; ".join(label[i] for i in found)),
        source_url=ids.map(lambda found: next((url[i] for i in found if i in url), None)),
    )
