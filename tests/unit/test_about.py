"""Every statement of 'About the programme' rests on sources that exist in data/sources.csv."""

from klyngekart.about import STATEMENTS
from klyngekart.data.load import read_raw
from klyngekart.data.schema import TABLES_BY_NAME
from klyngekart.i18n import t
from tests.conftest import REPO


def test_every_statement_has_known_sources_and_text_in_both_languages():
    raw, problems = read_raw(TABLES_BY_NAME["sources"], REPO / "data")
    assert not problems
    known = set(raw["source_id"])
    for key, source_ids in STATEMENTS:
        assert source_ids and set(source_ids) <= known, key
        for lang in ("nb", "en"):
            assert "sources.about_" not in t(f"sources.about_{key}", lang)


def test_durations_of_the_levels_are_stated():
    text = " ".join(t(f"sources.about_{key}", "en") for key, _ in STATEMENTS)
    for fact in ("3–5 years", "up to 10 years", "five years", "three years each", "at most ten years", "NIC Explore", "2019", "2014"):
        assert fact in text
