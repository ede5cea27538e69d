import io
import zipfile

import pandas as pd

from klyngekart.data.schema import TABLES
from klyngekart.export.dataset import dataset_xlsx, dataset_zip, sheet_name
from klyngekart.headline import latest_headlines
from klyngekart.provenance import citation_counts, source_ids_of, source_line, source_markdown, sources_for
from tests.conftest import FIXTURE_DATA


def test_source_line_groups_years_by_publisher(fixture_dataset):
    assert source_line(fixture_dataset, ["in-2022", "nfd-2021", "in-2022"], "nb") == (
        "Kilder: Innovasjon Norge (2023); Nærings- og fiskeridepartementet (2021)"
    )
    assert source_line(fixture_dataset, ["ssb-kpi"], "en") == "Source: SSB (2023)"
    assert source_line(fixture_dataset, [], "en") == ""


def test_source_ids_of_rows_in_order():
    rows = pd.DataFrame({"source_ids": ["b;a", "a", pd.NA, "c"]})
    assert source_ids_of(rows) == ["b", "a", "c"]


def test_source_markdown_without_url(fixture_dataset):
    kartverket = sources_for(fixture_dataset, ["kartverket"]).iloc[0]
    assert source_markdown(kartverket) == "Kartverket: Administrative enheter (2020)"


def test_citation_counts(fixture_dataset):
    counts = citation_counts(fixture_dataset)
    assert counts["in-2022"] == 10


def test_latest_headlines(fixture_dataset):
    found = {h.key: h for h in latest_headlines(fixture_dataset)}
    assert found["clusters_served"].year == 2022 and found["clusters_served"].value == 39
    assert found["clusters_served"].previous_value == 44
    # The conflicting 2021 row that is not preferred never becomes the comparison figure; nor do the 2022
    # proposal (another stage) or the derived 2023 figure.
    assert found["cluster_budget"].value == 147 and found["cluster_budget"].previous_value == 207
    assert found["firms_participating"].previous_value is None


def test_dataset_zip_holds_every_table_and_readme(fixture_dataset):
    archive = zipfile.ZipFile(io.BytesIO(dataset_zip(fixture_dataset, FIXTURE_DATA)))
    names = set(archive.namelist())
    assert {f"klyngekart/{t.file}" for t in TABLES} | {"klyngekart/README.md", "klyngekart/release.json", "klyngekart/datapackage.json"} == names
    assert archive.read("klyngekart/budgets.csv").decode() == (FIXTURE_DATA / "budgets.csv").read_text(encoding="utf-8")
    assert dataset_zip(fixture_dataset, FIXTURE_DATA) == dataset_zip(fixture_dataset, FIXTURE_DATA)


def test_dataset_xlsx_has_a_sheet_per_table(fixture_dataset):
    sheets = pd.read_excel(io.BytesIO(dataset_xlsx(fixture_dataset)), sheet_name=None, dtype=str, keep_default_na=False)
    assert set(sheets) == {sheet_name(t.name) for t in TABLES}
    assert sheets["budgets"]["value"].tolist() == ["200", "207", "210", "-60", "147", "8", "10", "200", "140", "121.94", "50", "30", "150"]


def test_long_source_line_names_the_most_cited_and_counts_the_rest(fixture_dataset, monkeypatch):
    import klyngekart.provenance as provenance

    monkeypatch.setattr(provenance, "MAX_PUBLISHERS", 2)
    line = source_line(fixture_dataset, ["in-2022", "in-2022", "nfd-2021", "ssb-kpi"], "en")
    assert line == "Sources: 3 sources from Innovasjon Norge and 2 other publishers (full list in the data download)."
