"""The page's language reaches tables, notices and file names, not only the headings."""

import io

import pyarrow as pa
import pytest

from tests.app.conftest import open_page
from tests.app.page_text import FileNames


def display(frame) -> list[dict]:
    """The table's cells as the grid shows them (the numbers underneath stay numbers)."""
    styler = frame.proto.arrow_data.styler
    return pa.ipc.open_stream(io.BytesIO(styler.display_values)).read_pandas().to_dict("records")


@pytest.mark.parametrize(("lang", "value", "count", "preferred"), [("nb", "121,94", "13 rader.", "ja"), ("en", "121.94", "13 rows.", "yes")])
def test_budget_table_writes_numbers_and_counts_in_the_page_language(lang, value, count, preferred):
    at = open_page("budget", {"lang": lang})
    rows = display(at.dataframe[-1])
    line = next(row for row in rows if row["part"].startswith("kap. 2421"))
    # The year is a label (never '2 022'); the amount takes the decimals its column needs.
    assert (line["year"], line["value"], line["preferred"]) == ("2022", value, preferred)
    assert any(m.value.startswith(count) for m in at.markdown)


def test_an_empty_list_says_so_in_words():
    at = open_page("map", {"year": "2002", "county": "03"})
    assert "Ingen rader passer til valgene, så tabellen er tom." in [i.value for i in at.info]
    assert not at.get("html") or all("kk-table" not in h.proto.body for h in at.get("html"))


def test_bad_link_notice_names_the_setting_in_the_page_language():
    at = open_page("map", {"metric": "nope", "view": "nope"})
    assert any(i.value.endswith("standard: mål, visning.") for i in at.info)
    at = open_page("map", {"lang": "en", "metric": "nope"})
    assert any(i.value.endswith("default: measure.") for i in at.info)


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("nb", {"klyngekart-budsjett-klyngeprogrammet-faste-2022.csv", "klyngekart-budsjettledd-klyngeprogrammet-faste-2022.xlsx"}),
        ("en", {"klyngekart-budget-cluster-programme-real-2022.csv", "klyngekart-budget-stages-cluster-programme-real-2022.xlsx"}),
    ],
)
def test_download_names_follow_the_page_language_and_terms(lang, names, monkeypatch):
    files = FileNames(monkeypatch)
    open_page("budget", {"lang": lang, "terms": "real", "base": "2022"})
    offered = set(files.by_id.values())
    assert names <= offered
    chart = "klyngekart-budsjett-" if lang == "nb" else "klyngekart-budget-"
    assert any(name.startswith(chart) and name.endswith(".png") for name in offered)
