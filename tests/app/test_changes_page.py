import pytest

from klyngekart.ui import DATA_DIR_VARIABLE
from tests.app.conftest import open_page


@pytest.mark.parametrize(
    ("lang", "heading", "counts", "kind"),
    [
        ("nb", "Utgave 2026.2.1 (2026-02-15)", "Rader lagt til: 0, fjernet: 1, endret: 0.", "endret"),
        ("en", "Release 2026.2.1 (2026-02-15)", "Rows added: 0, removed: 1, changed: 0.", "changed"),
    ],
)
def test_page_lists_each_release_with_its_known_differences(lang, heading, counts, kind):
    at = open_page("changes", {"lang": lang})
    assert not at.exception
    headers = [h.value.replace("\\", "") for h in at.header]  # versions and dates are escaped Markdown
    assert headers[1:] == [heading, heading.replace("2.1", "1.1").replace("02-15", "01-15")]
    overview = at.dataframe[0].value
    assert overview["version"].tolist() == ["2026.2.1", "2026.1.1"]
    assert overview[["added", "removed", "changed"]].values.tolist() == [[1, 2, 1], [0, 0, 0]]
    assert counts in [m.value for m in at.markdown]
    clusters = at.dataframe[1].value
    assert clusters.to_dict("records")[0] | {"reason": ""} == {
        "change": kind,
        "row": "cluster_id=nce-kongsberg",
        "column": "sector_en",
        "old": "systems technology",
        "new": "systems engineering",
        "reason": "",
    }
    assert len(at.dataframe) == 4  # the overview and the three tables that changed


def test_unreleased_changes_come_first(monkeypatch, data_copy):
    path = data_copy / "cluster_members.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    at = open_page("changes", {"lang": "en"})
    assert [h.value for h in at.header][1] == "Changes not yet released"
    assert at.dataframe[0].value["version"].tolist()[0] == "Not yet released"
    assert at.dataframe[1].value["change"].tolist() == ["removed"]


def test_footer_shows_the_fingerprint_and_links_to_the_page(fixture_dataset):
    at = open_page("home", {"lang": "en"})
    assert any(fixture_dataset.release.fingerprint[:12] in m.value for m in at.markdown)
