import re

from klyngekart.data import load_dataset
from klyngekart.data.fingerprint import fingerprint, release_label, short
from klyngekart.export.chart import meta_for
from tests.conftest import FIXTURE_DATA


def test_fingerprint_is_computed_at_load_and_stable_across_loads(fixture_dataset):
    again = load_dataset(FIXTURE_DATA)
    assert re.fullmatch(r"[0-9a-f]{64}", fixture_dataset.release.fingerprint)
    assert again.release.fingerprint == fixture_dataset.release.fingerprint


def test_one_changed_cell_changes_the_fingerprint(data_copy, fixture_dataset):
    path = data_copy / "sources.csv"
    text = path.read_text(encoding="utf-8")
    assert "2026-11-23" in text
    path.write_text(text.replace("2026-11-23", "2026-11-22", 1), encoding="utf-8")
    assert load_dataset(data_copy).release.fingerprint != fixture_dataset.release.fingerprint


def test_the_borders_are_part_of_the_fingerprint(fixture_dataset):
    borders = (FIXTURE_DATA / "geo" / "counties_2024.geojson").read_bytes()
    assert fingerprint(fixture_dataset.raw, borders) == fixture_dataset.release.fingerprint
    assert fingerprint(fixture_dataset.raw, borders + b" ") != fixture_dataset.release.fingerprint


def test_text_moved_between_tables_changes_the_fingerprint(fixture_dataset):
    import pandas as pd

    borders = b"{}"
    one = {"sources": pd.DataFrame({"a": ["x\ny"]}), "clusters": pd.DataFrame({"a": ["z"]})}
    two = {"sources": pd.DataFrame({"a": ["x"]}), "clusters": pd.DataFrame({"a": ["y\nz"]})}
    assert fingerprint(one, borders) != fingerprint(two, borders)


def test_exports_and_citations_name_the_release_by_its_short_fingerprint(fixture_dataset):
    release = fixture_dataset.release
    label = release_label(release)
    assert label == f"Klyngekart test (SHA-256 {release.fingerprint[:12]})"
    assert short(release.fingerprint) in meta_for(release, "t", "s", "src", (), "u", "nb", "2026-12-02").footer_lines()[1]
