"""The one way to read data/: read every table as text, validate, then convert and derive."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

import pandas as pd

from klyngekart.data.borders import read_border_sets
from klyngekart.data.derive import add_derived_columns
from klyngekart.data.fingerprint import borders_bytes, fingerprint
from klyngekart.data.releases import history_problems
from klyngekart.data.schema import TABLES, Table
from klyngekart.data.validate import DataError, Problem, validate_references, validate_table

T = TypeVar("T")
DATA_DIR = Path(__file__).resolve().parents[2] / "data"


@dataclass(frozen=True)
class Release:
    version: str
    date: str
    licence: str
    licence_url: str
    fingerprint: str = ""  # computed from the tables and borders at load, never read from a file


@dataclass(frozen=True)
class Dataset:
    """All validated tables, typed, with derived columns. Treat as read-only: it is shared by all sessions."""

    tables: dict[str, pd.DataFrame]
    raw: dict[str, pd.DataFrame]
    release: Release
    # County borders by set name (klyngekart.data.borders.BORDER_SETS), as validated GeoJSON.
    border_sets: dict[str, dict] = field(default_factory=dict)
    _memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def memo(self, name: str, build: Callable[[Dataset], T]) -> T:
        """`build(self)`, computed once per loaded dataset: the tables never change after loading,
        so a page's per-year views can start from work done once instead of on every rerun."""
        if name not in self._memo:
            self._memo[name] = build(self)
        return self._memo[name]  # type: ignore[return-value]


def _csv_problems(file: str, content: bytes) -> list[Problem]:
    """Encoding and CSV structure, each problem with the line it is on (pandas gives a byte
    position or a 0-based row, which a maintainer cannot go to)."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        column = error.start - (content.rfind(b"\n", 0, error.start) + 1) + 1
        return [Problem(file, f"is not UTF-8 (byte {column} of the line)", line=line)]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[Problem] = []
    header = next(reader, [])
    while True:
        # A quoted field may span lines: a row starts on the line after the previous row ended.
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return problems
        except csv.Error as error:
            return [*problems, Problem(file, f"is not valid CSV ({error}); a quote may be left open", line=start)]
        if row and len(row) != len(header):
            rule = f"has {len(row)} fields where the header has {len(header)} (a cut-off row or a stray comma or quote)"
            problems.append(Problem(file, rule, line=start))


def read_raw(table: Table, data_dir: Path) -> tuple[pd.DataFrame | None, list[Problem]]:
    path = data_dir / table.file
    if not path.exists():
        return None, [Problem(table.file, "file is missing")]
    problems = _csv_problems(table.file, path.read_bytes())
    if problems:
        return None, problems
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, csv.Error) as error:
        return None, [Problem(table.file, f"cannot be read as UTF-8 CSV: {error}")]
    except pd.errors.EmptyDataError:
        return None, [Problem(table.file, "file is empty")]
    return frame, []


def read_release(data_dir: Path) -> tuple[Release | None, list[Problem]]:
    path = data_dir / "release.json"
    try:
        fields = json.loads(path.read_text(encoding="utf-8"))
        return Release(**{k: str(fields[k]) for k in ("version", "date", "licence", "licence_url")}), []
    except FileNotFoundError:
        return None, [Problem("release.json", "file is missing")]
    except (ValueError, KeyError, TypeError) as error:
        return None, [Problem("release.json", f"needs version, date, licence and licence_url ({error})")]


def _typed(table: Table, raw: pd.DataFrame) -> pd.DataFrame:
    frame = raw.replace("", pd.NA)
    for column in table.columns:
        values = frame[column.name]
        if column.kind in ("int", "year"):
            frame[column.name] = pd.to_numeric(values).astype("Int64")
        elif column.kind == "number":
            frame[column.name] = pd.to_numeric(values).astype("Float64")
        elif column.kind == "bool":
            frame[column.name] = values.eq("true").astype(bool)
    return frame


def load_dataset(data_dir: Path = DATA_DIR) -> Dataset:
    """Read and validate every table; raise DataError listing every problem found."""
    problems: list[Problem] = []
    raw: dict[str, pd.DataFrame] = {}
    for table in TABLES:
        frame, found = read_raw(table, data_dir)
        problems += found
        if frame is not None:
            found = validate_table(table, frame)
            problems += found
            if not found:
                raw[table.name] = frame
    release, found = read_release(data_dir)
    problems += found
    if problems:
        raise DataError(problems)
    problems = validate_references(raw, TABLES)
    counties = raw["reference/counties"]
    border_sets, found = read_border_sets(data_dir, counties)
    problems += found
    problems += history_problems(data_dir)
    if problems:
        raise DataError(problems)
    typed = {table.name: _typed(table, raw[table.name]) for table in TABLES}
    release = replace(release, fingerprint=fingerprint(raw, borders_bytes(data_dir)))
    return Dataset(tables=add_derived_columns(typed), raw=raw, release=release, border_sets=border_sets)
