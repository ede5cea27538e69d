"""'Changed in release X' on a profile and under the budget table, and the What-changed page
showing the one release they link to. Release 2026.2.1 of the fixture corrected nce-kongsberg's
sector_en and the 2020 allocation."""

import re

import pytest

from klyngekart.ui import DATA_DIR_VARIABLE
from tests.app.conftest import open_page


def plain(text: str) -> str:
    """As a reader sees it: data values are escaped with backslashes."""
    return re.sub(r"\\(.)", r"\1", text)


def release_links(at) -> list[tuple[str, str]]:
    return [(plain(link.proto.label), link.proto.query_string) for link in at.get("page_link") if "release=" in link.proto.query_string]


@pytest.mark.parametrize(
    ("lang", "title", "line"),
    [
        ("nb", "Endret i utgave 2026.2.1", "- **Klyngeopplysninger**\n  - Bransje (engelsk): systems technology → systems engineering"),
        ("en", "Changed in release 2026.2.1", "- **Cluster details**\n  - Sector (English): systems technology → systems engineering"),
    ],
)
def test_a_changed_profile_says_so_and_links_to_the_release(lang, title, line):
    at = open_page("clusters", {"cluster": "nce-kongsberg", "lang": lang})
    assert not at.exception
    [block] = [e for e in at.expander if plain(e.label) == title]
    assert line in plain("\n".join(m.value for m in block.markdown))
    [(_, query)] = release_links(at)
    assert query == f"release=2026.2.1&lang={lang}"


def test_an_unchanged_profile_shows_nothing_about_releases():
    at = open_page("clusters", {"cluster": "gce-ocean", "lang": "en"})
    assert not at.exception
    assert not [e for e in at.expander if "release" in e.label]
    assert release_links(at) == []


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("nb", "Tall for disse årene ble rettet, lagt til eller fjernet i utgave 2026.2.1: 2020."),
        ("en", "Figures for these years were corrected, added or removed in release 2026.2.1: 2020."),
    ],
)
def test_budget_page_names_the_year_changed_and_its_release(lang, line):
    at = open_page("budget", {"lang": lang})
    assert not at.exception
    assert line in [plain(m.value) for m in at.markdown]
    assert [query for _, query in release_links(at)] == [f"release=2026.2.1&lang={lang}"]


def test_what_changed_page_shows_only_the_release_linked_to():
    at = open_page("changes", {"release": "2026.1.1", "lang": "en"})
    assert not at.exception
    assert [plain(h.value) for h in at.header] == ["Releases", "Release 2026.1.1 (2026-01-15)"]
    assert "Showing one release only: Release 2026.1.1 (2026-01-15)." in [plain(i.value) for i in at.info]
    assert len(at.dataframe) == 1  # the overview of every release stays
    at.button(key="changes-show-all").click().run()
    assert "release" not in at.query_params
    assert len(at.header) == 3 and not at.info
    every = open_page("changes", {"release": "1999.1.1", "lang": "en"})
    assert len(every.header) == 3 and any("release" in i.value for i in every.info)


def test_profiles_share_one_history_worked_out_once_per_process(monkeypatch):
    import klyngekart.ui.changes as ui_changes

    calls = []
    real = ui_changes.history_changes
    monkeypatch.setattr(ui_changes, "history_changes", lambda *args: calls.append(args) or real(*args))
    ui_changes._history.clear()
    for cluster in ("nce-kongsberg", "arena-split", "gce-ocean"):
        assert not open_page("clusters", {"cluster": cluster, "lang": "en"}).exception
    assert len(calls) == 1


def test_profile_of_a_cluster_in_no_county_today_opens():
    # arena-split has no county today: its county basis is missing, which broke the profile.
    at = open_page("clusters", {"cluster": "arena-split", "lang": "en"})
    assert not at.exception
    assert [plain(e.label) for e in at.expander if "release" in e.label] == ["Changed in release 2026.2.1"]


def test_changes_not_yet_released_link_to_the_page_showing_only_them(monkeypatch, data_copy):
    path = data_copy / "clusters.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",systems engineering,", ",systems design,"), encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    profile = open_page("clusters", {"cluster": "nce-kongsberg", "lang": "en"})
    assert [query for _, query in release_links(profile)] == ["release=current&lang=en", "release=2026.2.1&lang=en"]
    at = open_page("changes", {"release": "current", "lang": "en"})
    assert [plain(h.value) for h in at.header] == ["Releases", "Changes not yet released"]
