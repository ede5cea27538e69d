import importlib.util
import json

import pytest

from klyngekart.data import DataError, load_dataset
from klyngekart.data.releases import history_problems, read_history, version_key
from tests.conftest import REPO

spec = importlib.util.spec_from_file_location("cut_release", REPO / "tools" / "cut_release.py")
cut_release = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cut_release)


def test_cutting_a_release_records_the_served_fingerprint_and_bumps_the_version(data_copy):
    record = cut_release.cut(data_copy, "2027.1.1", "2027-01-05", "Første.", "First.")
    ds = load_dataset(data_copy)
    assert record["fingerprint"] == ds.release.fingerprint
    assert (ds.release.version, ds.release.date) == ("2027.1.1", "2027-01-05")
    assert read_history(data_copy)[-1].version == "2027.1.1"
    assert (data_copy / "releases" / "2027.1.1" / "geo" / "counties_2024.geojson").exists()
    package = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    assert (package["version"], package["klyngekart_fingerprint"]) == ("2027.1.1", record["fingerprint"])


def test_a_release_is_never_rewritten_nor_older_than_the_latest(data_copy):
    cut_release.cut(data_copy, "2027.1.2", "2027-01-05", "a", "b")
    with pytest.raises(SystemExit, match="exists already"):
        cut_release.cut(data_copy, "2027.1.2", "2027-01-06", "a", "b")
    with pytest.raises(SystemExit, match="must come after"):
        cut_release.cut(data_copy, "2027.1.1", "2027-01-06", "a", "b")


def test_a_snapshot_edited_after_its_release_is_refused(data_copy):
    cut_release.cut(data_copy, "2027.1.1", "2027-01-05", "a", "b")
    path = data_copy / "releases" / "2027.1.1" / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2026-11-23", "2026-11-22", 1), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_dataset(data_copy)
    assert [p.file for p in error.value.problems] == ["releases/2027.1.1.json"]
    assert "does not match its snapshot" in error.value.problems[0].rule


def test_a_release_record_without_its_summaries_is_refused(data_copy):
    cut_release.cut(data_copy, "2027.1.1", "2027-01-05", "a", "b")
    path = data_copy / "releases" / "2027.1.1.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    del record["summary_en"]
    path.write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(DataError, match="summary_en"):
        load_dataset(data_copy)


def test_versions_sort_by_their_numbers():
    assert sorted(["2026.12.1", "2026.9.3", "2026.11.10", "2026.11.2"], key=version_key) == ["2026.9.3", "2026.11.2", "2026.11.10", "2026.12.1"]


def test_the_repository_history_matches_its_snapshots():
    history = read_history(REPO / "data")
    assert history and history[0].version == "2026.11.1"
    assert all(r.summary_nb and r.summary_en for r in history)
    assert history_problems(REPO / "data") == []
