"""datapackage.json: the data contract (klyngekart/data/schema.py) as a Frictionless Data Package,
so standard tools can read, type and check the CSVs. Column descriptions come from the tables in
data/README.md (the contract for people); the package carries the release, its fingerprint, the
licence and every source."""

from __future__ import annotations

import json
import re
from pathlib import Path

from klyngekart.data import DATA_DIR, Dataset
from klyngekart.data.schema import FIRST_YEAR, LAST_YEAR, TABLES, Column, Table

PACKAGE_FILE = "datapackage.json"
SLUG = "[a-z0-9][a-z0-9-]*"
COUNTY = "[0-9]{2}"
MUNICIPALITY = "[0-9]{4}"
DATE = "[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"


def _list_of(item: str) -> str:
    # As the loader splits lists: on ';', with spaces around the parts and empty parts ignored.
    return f"{item}(\\s*;\\s*({item})?)*"


# Table Schema type and constraints per column kind. Partial dates (YYYY-MM, YYYY) are allowed,
# so dates are patterned strings; lists are strings too, since Table Schema has no list of ids.
KINDS: dict[str, tuple[str, dict]] = {
    "text": ("string", {}),
    "slug": ("string", {"pattern": SLUG}),
    "cluster": ("string", {"pattern": SLUG}),
    "region": ("string", {"pattern": SLUG}),
    "int": ("integer", {}),
    "number": ("number", {}),
    "year": ("integer", {"minimum": FIRST_YEAR, "maximum": LAST_YEAR}),
    "bool": ("boolean", {}),
    "date": ("string", {"pattern": DATE}),
    "url": ("string", {"pattern": "https?://[^\\s<>\"'`]+"}),
    "enum": ("string", {}),
    "enums": ("string", {}),  # a list of options: the pattern is built from the column's options
    "ids": ("string", {"pattern": _list_of(SLUG)}),
    "county": ("string", {"pattern": COUNTY}),
    "counties": ("string", {"pattern": _list_of(COUNTY)}),
    "municipality": ("string", {"pattern": MUNICIPALITY}),
    # A municipality number of its time: the same form, but no reference to today's list.
    "municipality_then": ("string", {"pattern": MUNICIPALITY}),
    "municipalities": ("string", {"pattern": _list_of(MUNICIPALITY)}),
}
# Single-valued references the loader checks, as (table, column) they point to.
REFERENCES = {
    "cluster": ("clusters", "cluster_id"),
    "region": ("restructuring_regions", "region_id"),
    "county": ("reference/counties", "county_code"),
    "municipality": ("reference/municipalities", "municipality_code"),
}
SECTION = re.compile(r"^## (\S+\.csv)(?: — (.*))?$")
ROW = re.compile(r"^\| ([^|]+?) \| ?([^|]*?) ?\|$")
BULLET = re.compile(r"^- `(\S+\.csv)`: (.*)$")
# Columns every table shares; the README describes them once, under clusters.csv.
SHARED = {"source_ids": "clusters.csv", "note": "clusters.csv"}


def resource_name(table_name: str) -> str:
    """Data Package names are lower case with '-', '_', '.': reference/cpi becomes reference-cpi."""
    return table_name.replace("/", "-")


def _split_outside_parentheses(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    return [*parts, text[start:].strip().rstrip(".")]


def readme_descriptions(readme: str) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """(table titles by file, column meanings by (file, column)) from data/README.md: the column
    tables under '## file.csv — title', and the '- `file.csv`: col (meaning), …' lines under
    reference/. A row naming several columns ('source_ids, note') gives each the same meaning."""
    titles: dict[str, str] = {}
    meanings: dict[tuple[str, str], str] = {}
    file = None
    for line in readme.splitlines():
        if found := SECTION.match(line):
            file = found.group(1)
            titles[file] = found.group(2) or ""
        elif line.startswith("## "):
            file = "reference/" if line.strip() == "## reference/" else None
        elif file == "reference/" and (found := BULLET.match(line)):
            name = f"reference/{found.group(1)}"
            titles[name] = found.group(2)
            for part in _split_outside_parentheses(found.group(2)):
                column, _, meaning = part.partition(" (")
                if meaning:
                    meanings[(name, column.strip())] = meaning.rstrip(")")
        elif file and file != "reference/" and (found := ROW.match(line)) and found.group(1) not in ("column", "---"):
            for column in found.group(1).split(","):
                if found.group(2):
                    meanings[(file, column.strip())] = found.group(2)
    return titles, meanings


def _field(table: Table, column: Column, meanings: dict[tuple[str, str], str]) -> dict:
    kind, constraints = KINDS[column.kind]
    field: dict = {"name": column.name, "type": kind}
    meaning = meanings.get((table.file, column.name)) or meanings.get((SHARED.get(column.name, ""), column.name))
    if meaning:
        field["description"] = meaning
    if kind == "boolean":
        field |= {"trueValues": ["true"], "falseValues": ["false"]}
    constraints = dict(constraints)
    if column.required:
        constraints["required"] = True
    if column.kind == "enums":
        constraints["pattern"] = _list_of("(" + "|".join(re.escape(option) for option in column.options) + ")")
    elif column.options:
        constraints["enum"] = [option for option in column.options if option]
    if constraints:
        field["constraints"] = constraints
    return field


def _resource(table: Table, titles: dict[str, str], meanings: dict[tuple[str, str], str]) -> dict:
    schema: dict = {"fields": [_field(table, column, meanings) for column in table.columns], "missingValues": [""]}
    # Table Schema makes primary key fields required; where the contract lets a key column be
    # empty (a level with no start year) the key's uniqueness is the loader's to check.
    if table.key and all(c.required for c in table.columns if c.name in table.key):
        schema["primaryKey"] = list(table.key)
    foreign = [
        {"fields": column.name, "reference": {"resource": resource_name(REFERENCES[column.kind][0]), "fields": REFERENCES[column.kind][1]}}
        for column in table.columns
        if column.kind in REFERENCES and REFERENCES[column.kind][0] != table.name
    ]
    if foreign:
        schema["foreignKeys"] = foreign
    resource = {"name": resource_name(table.name), "path": table.file, "profile": "tabular-data-resource", "format": "csv", "encoding": "utf-8"}
    if titles.get(table.file):
        resource["description"] = titles[table.file]
    return resource | {"schema": schema}


def datapackage(ds: Dataset, readme: str) -> dict:
    titles, meanings = readme_descriptions(readme)
    release = ds.release
    sources = ds.raw["sources"]
    return {
        "profile": "tabular-data-package",
        "name": "klyngekart",
        "title": "Klyngekart: Norway's cluster programme, business networks and regional restructuring",
        "description": "Every figure with its source; column rules in README.md. Tables exactly as validated for this release.",
        "version": release.version,
        "created": f"{release.date}T00:00:00Z",
        "klyngekart_fingerprint": release.fingerprint,
        "licenses": [{"name": release.licence.replace(" ", "-"), "path": release.licence_url, "title": release.licence}],
        "sources": [{"title": f"{row.publisher}: {row.title}", **({"path": row.url} if row.url else {})} for row in sources.itertuples(index=False)],
        "resources": [_resource(table, titles, meanings) for table in TABLES],
    }


def datapackage_json(ds: Dataset, data_dir: Path = DATA_DIR) -> bytes:
    package = datapackage(ds, (data_dir / "README.md").read_text(encoding="utf-8"))
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
