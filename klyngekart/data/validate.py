"""Validation of the raw tables against the contract in schema.py.

Every problem names file, line, column and rule, so a maintainer can go straight to the cell.
Tables are validated as strings, before any conversion, so that no value is silently coerced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from klyngekart.data.schema import FIRST_YEAR, LAST_YEAR, Column, Table

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
INT = re.compile(r"^-?\d+$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
COUNTY = re.compile(r"^\d{2}$")
MUNICIPALITY = re.compile(r"^\d{4}$")
# Markup has no place in the data: a tag, a Markdown link or image, or a script address would be
# read as code wherever a value reaches HTML or Markdown (security review, issue 15).
MARKUP = re.compile(r"<\s*[A-Za-z/!?]|\]\s*\(|javascript\s*:|data\s*:\s*text/html", re.IGNORECASE)
# A source address is quoted into links: no spaces, quotes or angle brackets.
URL_UNSAFE = re.compile(r"[\s<>\"'`]")
# A line in the file is the data row's position plus the header line and 1-based counting.
HEADER_LINES = 2


@dataclass(frozen=True)
class Problem:
    file: str
    rule: str
    line: int | None = None
    column: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        where = [f"data/{self.file}"]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        shown = f" (value: '{self.value}')" if self.value not in (None, "") else ""
        return f"{', '.join(where)}: {self.rule}{shown}"


class DataError(Exception):
    """Raised when data/ breaks the contract; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def split_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _cell_rule(column: Column, value: str) -> str | None:
    """Why `value` breaks the column's format, or None when it is fine."""
    kind = column.kind
    if kind in ("slug", "cluster", "region") and not SLUG.match(value):
        return "must be a slug of lower-case letters, digits and hyphens"
    if kind == "int" and not INT.match(value):
        return "must be a whole number"
    if kind == "number" and not NUMBER.match(value):
        return "must be a number with '.' as decimal mark"
    if kind == "year":
        if not INT.match(value) or not FIRST_YEAR <= int(value) <= LAST_YEAR:
            return f"must be a year from {FIRST_YEAR} to {LAST_YEAR}"
    if kind == "bool" and value not in ("true", "false"):
        return "must be 'true' or 'false'"
    if kind == "date" and not DATE.match(value):
        return "must be a date YYYY, YYYY-MM or YYYY-MM-DD"
    if kind == "url" and (not value.startswith(("https://", "http://")) or URL_UNSAFE.search(value)):
        return "must be an http(s) URL without spaces, quotes or angle brackets"
    if MARKUP.search(value):
        return "must be plain text: no HTML tags, Markdown links or script addresses"
    if kind == "enum" and value not in column.options:
        return "must be one of: " + ", ".join(o for o in column.options if o)
    if kind == "enums" and not (split_list(value) and all(v in column.options for v in split_list(value))):
        return "must be one or more of " + ", ".join(column.options) + " separated by ';'"
    if kind == "county" and not COUNTY.match(value):
        return "must be a two-digit county code"
    if kind == "counties" and not all(COUNTY.match(v) for v in split_list(value)):
        return "must be two-digit county codes separated by ';'"
    if kind in ("municipality", "municipality_then") and not MUNICIPALITY.match(value):
        return "must be a four-digit municipality number"
    if kind == "municipalities" and not all(MUNICIPALITY.match(v) for v in split_list(value)):
        return "must be four-digit municipality numbers separated by ';'"
    if kind == "ids" and not (split_list(value) and all(SLUG.match(v) for v in split_list(value))):
        return "must be one or more source ids separated by ';'"
    return None


def validate_table(table: Table, raw: pd.DataFrame) -> list[Problem]:
    """Columns, required cells, cell formats, keys and preferred-row groups of one table."""
    expected = list(table.column_names)
    found = list(raw.columns)
    if found != expected:
        missing = [c for c in expected if c not in found]
        extra = [c for c in found if c not in expected]
        detail = []
        if missing:
            detail.append("missing " + ", ".join(missing))
        if extra:
            detail.append("unexpected " + ", ".join(extra))
        if not detail:
            detail.append("columns out of order; expected " + ", ".join(expected))
        return [Problem(table.file, "header does not match the contract: " + "; ".join(detail), line=1)]

    problems: list[Problem] = []
    for index, row in enumerate(raw.itertuples(index=False)):
        line = index + HEADER_LINES
        for column, value in zip(table.columns, row, strict=True):
            if value == "":
                if column.required:
                    problems.append(Problem(table.file, "is required", line, column.name))
                continue
            if value != value.strip():
                problems.append(Problem(table.file, "has leading or trailing spaces", line, column.name, value))
                continue
            rule = _cell_rule(column, value)
            if rule:
                problems.append(Problem(table.file, rule, line, column.name, value))
    problems += _duplicate_keys(table, raw)
    problems += _preferred_groups(table, raw)
    problems += _year_order(table, raw)
    problems += _end_basis(table, raw)
    return problems


def _duplicate_keys(table: Table, raw: pd.DataFrame) -> list[Problem]:
    if not table.key:
        return []
    duplicated = raw.duplicated(subset=list(table.key), keep="first")
    return [
        Problem(
            table.file,
            "duplicate key " + "/".join(table.key),
            int(index) + HEADER_LINES,
            table.key[0],
            "/".join(raw.loc[index, list(table.key)]),
        )
        for index in raw.index[duplicated]
    ]


def _preferred_groups(table: Table, raw: pd.DataFrame) -> list[Problem]:
    if not table.preferred_group:
        return []
    problems = []
    for keys, group in raw.groupby(list(table.preferred_group), sort=False):
        count = int((group["preferred"] == "true").sum())
        if count != 1:
            first = int(group.index[0]) + HEADER_LINES
            problems.append(
                Problem(
                    table.file,
                    f"exactly one row per {'/'.join(table.preferred_group)} must be preferred, found {count}",
                    first,
                    "preferred",
                    "/".join(keys),
                )
            )
        if len(group) > 1:
            for index in group.index[(group["preferred"] == "true") & (group["preferred_reason"] == "")]:
                problems.append(
                    Problem(
                        table.file,
                        "a preferred row among conflicting rows needs a preferred_reason",
                        int(index) + HEADER_LINES,
                        "preferred_reason",
                    )
                )
    return problems


def _year_order(table: Table, raw: pd.DataFrame) -> list[Problem]:
    if not {"start_year", "end_year"} <= set(raw.columns):
        return []
    problems = []
    for index, start, end in zip(raw.index, raw["start_year"], raw["end_year"], strict=True):
        if INT.match(start) and INT.match(end) and int(end) < int(start):
            problems.append(
                Problem(table.file, "end_year is before start_year", int(index) + HEADER_LINES, "end_year", end)
            )
    return problems


def _end_basis(table: Table, raw: pd.DataFrame) -> list[Problem]:
    """A planned end reads differently from a reported one, so every end year says which it is."""
    if not {"end_year", "end_basis"} <= set(raw.columns):
        return []
    problems = []
    for index, end, basis in zip(raw.index, raw["end_year"], raw["end_basis"], strict=True):
        if end and not basis:
            problems.append(Problem(table.file, "an end_year needs an end_basis (reported, planned or move)", int(index) + HEADER_LINES, "end_basis"))
        elif basis and not end:
            problems.append(Problem(table.file, "end_basis is only for rows with an end_year", int(index) + HEADER_LINES, "end_basis", basis))
    return problems


def validate_references(tables: Mapping[str, pd.DataFrame], schema: Iterable[Table]) -> list[Problem]:
    """Every reference resolves: source ids, cluster ids, county and municipality codes."""
    known = {
        "ids": set(tables["sources"]["source_id"]),
        "cluster": set(tables["clusters"]["cluster_id"]),
        "region": set(tables["restructuring_regions"]["region_id"]),
        "county": set(tables["reference/counties"]["county_code"]),
        "municipality": set(tables["reference/municipalities"]["municipality_code"]),
    }
    known["municipalities"] = known["municipality"]
    known["counties"] = known["county"]
    what = {
        "ids": "source id not in sources.csv",
        "cluster": "cluster_id not in clusters.csv",
        "region": "region_id not in restructuring_regions.csv",
        "county": "county code not in reference/counties.csv",
        "municipality": "municipality number not in reference/municipalities.csv",
        "municipalities": "municipality number not in reference/municipalities.csv",
        "counties": "county code not in reference/counties.csv",
    }
    problems = []
    for table in schema:
        raw = tables[table.name]
        for column in table.columns:
            if column.kind not in known:
                continue
            for index, value in raw[column.name].items():
                for part in split_list(value) if column.kind in ("ids", "municipalities", "counties") else [value]:
                    if part and part not in known[column.kind]:
                        problems.append(
                            Problem(table.file, what[column.kind], int(index) + HEADER_LINES, column.name, part)
                        )
    problems += _unused_sources(tables, schema)
    problems += _unknown_rounds(tables)
    return problems


def round_keys(events: pd.DataFrame) -> dict[str, int]:
    """How a level row names its admission round (the event's date, or its year when undated) -> the round's year."""
    rounds = events[events["event_type"].eq("admission_round")]
    return {(date or year): int(year) for date, year in zip(rounds["date"].fillna("").astype(str), rounds["year"].astype(str), strict=True)}


def _unknown_rounds(tables: Mapping[str, pd.DataFrame]) -> list[Problem]:
    levels = tables["cluster_levels"]
    if "round" not in levels.columns:
        return []
    known = round_keys(tables["events"])
    rule = "round names no admission_round in events.csv (its date, or its year if undated)"
    return [
        Problem("cluster_levels.csv", rule, int(index) + HEADER_LINES, "round", value)
        for index, value in levels["round"].items()
        if value and value not in known
    ]


def _unused_sources(tables: Mapping[str, pd.DataFrame], schema: Iterable[Table]) -> list[Problem]:
    """A source nobody cites is a sign of a lost row or a typo in an id."""
    cited: set[str] = set()
    for table in schema:
        if "source_ids" in tables[table.name].columns:
            for value in tables[table.name]["source_ids"]:
                cited.update(split_list(value))
    sources = tables["sources"]
    return [
        Problem("sources.csv", "source is not cited by any row", int(index) + HEADER_LINES, "source_id", sid)
        for index, sid in sources["source_id"].items()
        if sid not in cited
    ]
