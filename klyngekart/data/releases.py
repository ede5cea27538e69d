"""The release history in data/releases/: one JSON file per release (version, date, fingerprint,
summaries) and beside it a folder with that release's tables and borders as they were, so the
site can say what changed without git at run time.

The loader checks the history only lightly: the fields are there and each snapshot still has the
fingerprint stored for it, so a snapshot edited by hand is refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from klyngekart.data.fingerprint import BORDERS, fingerprint
from klyngekart.data.schema import TABLES
from klyngekart.data.validate import Problem

RELEASES_DIR = "releases"
FIELDS = ("version", "date", "fingerprint", "summary_nb", "summary_en")


@dataclass(frozen=True)
class ReleaseRecord:
    version: str
    date: str
    fingerprint: str
    summary_nb: str
    summary_en: str

    def summary(self, lang: str) -> str:
        return self.summary_en if lang == "en" else self.summary_nb


def version_key(version: str) -> tuple[int, ...]:
    """2026.12.1 after 2026.11.2: versions sort by their numbers, not as text."""
    return tuple(int(part) for part in version.split("."))


def snapshot_dir(data_dir: Path, version: str) -> Path:
    return data_dir / RELEASES_DIR / version


def read_snapshot(folder: Path) -> dict[str, pd.DataFrame]:
    """A release's tables as text, read as the loader reads data/ (nothing typed, nothing dropped)."""
    tables = {}
    for table in TABLES:
        path = folder / table.file
        if path.exists():
            tables[table.name] = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")
    return tables


def snapshot_fingerprint(folder: Path) -> str:
    return fingerprint(read_snapshot(folder), (folder / BORDERS).read_bytes())


def _record(path: Path) -> ReleaseRecord:
    fields = json.loads(path.read_text(encoding="utf-8"))
    return ReleaseRecord(**{name: str(fields[name]) for name in FIELDS})


def read_history(data_dir: Path) -> list[ReleaseRecord]:
    """Every recorded release, oldest first; empty where data/ keeps no history."""
    records = [_record(path) for path in (data_dir / RELEASES_DIR).glob("*.json")]
    return sorted(records, key=lambda record: version_key(record.version))


def history_problems(data_dir: Path) -> list[Problem]:
    problems = []
    for path in sorted((data_dir / RELEASES_DIR).glob("*.json")):
        file = f"{RELEASES_DIR}/{path.name}"
        try:
            record = _record(path)
            version_key(record.version)
        except (ValueError, KeyError, TypeError) as error:
            problems.append(Problem(file, f"needs {', '.join(FIELDS)} and a version of numbers and dots ({error})"))
            continue
        if path.stem != record.version:
            problems.append(Problem(file, f"holds version {record.version}; the file must be named after it"))
        folder = snapshot_dir(data_dir, record.version)
        try:
            found = snapshot_fingerprint(folder)
        except (OSError, ValueError, pd.errors.ParserError) as error:
            problems.append(Problem(file, f"its snapshot {RELEASES_DIR}/{record.version}/ cannot be read ({error})"))
            continue
        if found != record.fingerprint:
            problems.append(
                Problem(file, f"fingerprint {record.fingerprint[:12]} does not match its snapshot's {found[:12]}: the snapshot was changed after the release")
            )
    return problems
