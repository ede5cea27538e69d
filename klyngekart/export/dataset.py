"""The whole dataset as one zip data package (CSV + README) or one XLSX workbook."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd

from klyngekart.data import DATA_DIR, Dataset
from klyngekart.data.schema import TABLES
from klyngekart.datapackage import PACKAGE_FILE, datapackage_json

# Fixed timestamp inside the zip, so the same data gives the same bytes.
ZIP_TIMESTAMP = (2002, 1, 1, 0, 0, 0)


def _add(archive: zipfile.ZipFile, name: str, payload: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, payload)


def dataset_zip(ds: Dataset, data_dir: Path = DATA_DIR) -> bytes:
    """Every table exactly as validated, with data/README.md, release.json and the Frictionless
    datapackage.json beside them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for table in TABLES:
            _add(archive, f"klyngekart/{table.file}", ds.raw[table.name].to_csv(index=False).encode("utf-8"))
        for extra in ("README.md", "release.json"):
            _add(archive, f"klyngekart/{extra}", (data_dir / extra).read_bytes())
        _add(archive, f"klyngekart/{PACKAGE_FILE}", datapackage_json(ds, data_dir))
    return buffer.getvalue()


def sheet_name(table_name: str) -> str:
    """Excel allows 31 characters and no '/'; table names below reference/ lose the folder."""
    return table_name.rsplit("/", 1)[-1][:31]


def dataset_xlsx(ds: Dataset) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for table in TABLES:
            ds.raw[table.name].to_excel(writer, sheet_name=sheet_name(table.name), index=False)
    return buffer.getvalue()
