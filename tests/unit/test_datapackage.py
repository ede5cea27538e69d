"""The Frictionless package agrees with the data contract, is committed as generated, and
validates against the CSVs with the frictionless library itself."""

import io
import json
import shutil
import zipfile

import frictionless
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from klyngekart.data import load_dataset
from klyngekart.data.schema import TABLES, TABLES_BY_NAME
from klyngekart.datapackage import KINDS, PACKAGE_FILE, datapackage, datapackage_json, readme_descriptions, resource_name
from klyngekart.export.dataset import dataset_zip
from tests.conftest import REPO

DATA = REPO / "data"


@pytest.fixture(scope="module")
def real():
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def package(real):
    return datapackage(real, (DATA / "README.md").read_text(encoding="utf-8"))


def test_every_contract_column_is_a_field_with_its_type_and_rules(package):
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == [resource_name(t.name) for t in TABLES]
    for table in TABLES:
        resource = resources[resource_name(table.name)]
        assert resource["path"] == table.file
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == list(table.column_names)
        for field, column in zip(fields, table.columns, strict=True):
            constraints = field.get("constraints", {})
            assert field["type"] == KINDS[column.kind][0], (table.name, column.name)
            assert constraints.get("required", False) == column.required, (table.name, column.name)
            if column.kind == "enums":  # a list of options, checked by pattern
                assert all(option in constraints["pattern"] for option in column.options), (table.name, column.name)
            else:
                assert constraints.get("enum", []) == [o for o in column.options if o], (table.name, column.name)


def test_keys_references_release_and_licence(package, real):
    resources = {r["name"]: r["schema"] for r in package["resources"]}
    assert resources["clusters"]["primaryKey"] == ["cluster_id"]
    assert resources["effects"]["primaryKey"] == list(TABLES_BY_NAME["effects"].key)
    # start_year may be empty, and Table Schema makes key fields required: no primaryKey there.
    assert "primaryKey" not in resources["cluster_levels"]
    assert {"fields": "cluster_id", "reference": {"resource": "clusters", "fields": "cluster_id"}} in resources["cluster_levels"]["foreignKeys"]
    assert package["klyngekart_fingerprint"] == real.release.fingerprint
    assert package["version"] == real.release.version
    assert package["licenses"][0]["path"] == real.release.licence_url
    assert len(package["sources"]) == len(real["sources"])


def test_descriptions_are_the_readme_column_meanings(package):
    fields = {f["name"]: f for r in package["resources"] if r["name"] == "clusters" for f in r["schema"]["fields"]}
    assert fields["cluster_id"]["description"] == "stable slug, lower case `a-z0-9-` (e.g. `gce-ocean-technology`)"
    assert fields["sector_en"]["description"] == fields["sector_nb"]["description"]
    titles, meanings = readme_descriptions(
        "## a.csv — thing\n\n| column | meaning |\n|---|---|\n| x, y | both |\n| z |  |\n## reference/\n- `b.csv`: k, v (the value), note.\n"
    )
    assert titles == {"a.csv": "thing", "reference/b.csv": "k, v (the value), note."}
    assert meanings == {("a.csv", "x"): "both", ("a.csv", "y"): "both", ("reference/b.csv", "v"): "the value"}


def test_committed_package_is_the_generated_one(real):
    assert (DATA / PACKAGE_FILE).read_bytes() == datapackage_json(real, DATA), "run: python -m klyngekart datapackage"


def test_package_validates_against_the_csvs():
    report = frictionless.validate(str(DATA / PACKAGE_FILE))
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "message"])[:10]


def test_validation_catches_a_cell_that_breaks_the_contract(tmp_path, real):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy, ignore=shutil.ignore_patterns("releases", "geo"))
    path = copy / "cluster_levels.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(lines[1].split(",")[1], "Platinum", 1)
    path.write_text("".join(lines), encoding="utf-8")
    report = frictionless.validate(str(copy / PACKAGE_FILE))
    assert not report.valid
    assert {e["type"] for e in [err.to_dict() for task in report.tasks for err in task.errors]} == {"constraint-error"}


def test_zip_and_address_carry_the_package(real):
    from klyngekart.routes import ROUTES

    names = zipfile.ZipFile(io.BytesIO(dataset_zip(real))).namelist()
    assert f"klyngekart/{PACKAGE_FILE}" in names
    response = TestClient(Starlette(routes=ROUTES)).get("/data/datapackage.json")
    assert response.status_code == 200
    assert json.loads(response.content)["klyngekart_fingerprint"] == real.release.fingerprint


def test_a_list_of_options_is_a_pattern_that_frictionless_would_apply():
    import re

    from klyngekart.data.schema import Column, Table
    from klyngekart.datapackage import _field

    column = Column("funder", "enums", True, ("NFD", "KMD", "unstated"))
    pattern = _field(Table("t", (column,)), column, {})["constraints"]["pattern"]
    assert re.fullmatch(pattern, "NFD;KMD") and re.fullmatch(pattern, "unstated")
    assert not re.fullmatch(pattern, "NFD;XX") and not re.fullmatch(pattern, "")
