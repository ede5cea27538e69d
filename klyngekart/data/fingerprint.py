"""The release fingerprint: one SHA-256 over exactly the data a reader gets, so a citation names
the figures it used and anyone can check a copy against it.

Canonical form: for each table in the contract's order, its name and its CSV text as validated
(the same text /data/<table>.csv serves), then the county borders' bytes. Each part is preceded
by its name and length, so moving text from one table to the next changes the fingerprint.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from klyngekart.data.schema import TABLES

BORDERS = "geo/counties_2024.geojson"
SHORT = 12  # hex digits shown to readers: enough to tell releases apart, short enough to quote


def table_text(frame: pd.DataFrame) -> str:
    """A table's CSV text as served; the line ending is fixed so every platform agrees."""
    return frame.to_csv(index=False, lineterminator="\n")


def fingerprint(raw: Mapping[str, pd.DataFrame], borders: bytes) -> str:
    digest = hashlib.sha256()

    def part(name: str, payload: bytes) -> None:
        digest.update(f"{name}\n{len(payload)}\n".encode())
        digest.update(payload)

    # Tables in the contract's order, then any table an older release had that the contract no longer lists.
    names = [t.name for t in TABLES if t.name in raw] + sorted(set(raw) - {t.name for t in TABLES})
    for name in names:
        part(f"{name}.csv", table_text(raw[name]).encode("utf-8"))
    part(BORDERS, borders)
    return digest.hexdigest()


def borders_bytes(data_dir: Path) -> bytes:
    return (data_dir / BORDERS).read_bytes()


def short(value: str) -> str:
    return value[:SHORT]


def release_label(release) -> str:
    """'Klyngekart 2026.11.1 (SHA-256 4bca7724337a)': the words exports and citations name a release by."""
    label = f"Klyngekart {release.version}"
    return f"{label} (SHA-256 {short(release.fingerprint)})" if release.fingerprint else label
