"""A visitor's second, third … change of a filter takes effect, not only the first.

Widgets whose starting value came from the URL used to change identity once the page had
rewritten the URL, so every other change was dropped. Each case changes one control three times
and reads the URL after each change.
"""

import pytest

from tests.app.conftest import open_page


def widget(at, kind: str, label: str):
    return next(w for w in getattr(at, kind) if w.label == label)


CASES = [
    ("map", "slider", "Year", "year", [2010, 2015, 2012]),
    ("map", "selectbox", "Show", "metric", ["active", "per_100k", "admitted"]),
    ("budget", "radio", "Kroner", "terms", ["real", "nominal", "real"]),
    ("budget", "selectbox", "Programme", "programme", ["business_networks", "regional_restructuring", "cluster_programme"]),
    ("effects", "radio", "Programme", "programme", ["business_networks", "cluster_programme", "business_networks"]),
    ("clusters", "selectbox", "Level (ever held)", "level", ["Arena", "NCE", "Arena"]),
    ("timeline", "selectbox", "Level (ever held)", "level", ["NCE", "Arena", "NCE"]),
]
DEFAULTS = {"metric": "admitted", "programme": "cluster_programme", "terms": "nominal"}


@pytest.mark.parametrize(("page", "kind", "label", "param", "values"), CASES, ids=[f"{c[0]}-{c[3]}" for c in CASES])
def test_every_change_takes_effect(page, kind, label, param, values):
    at = open_page(page, {"lang": "en"})
    for value in values:
        widget(at, kind, label).set_value(value)
        at.run()
        assert not at.exception
        assert widget(at, kind, label).value == value
        # A default value is left out of the URL.
        expected = None if DEFAULTS.get(param) == value else str(value)
        assert at.query_params.get(param) == expected


def test_search_keeps_every_edit():
    at = open_page("clusters", {"lang": "en"})
    for text in ("ocean", "kongsberg", "trondheim"):
        at.text_input[0].set_value(text)
        at.run()
        assert at.query_params["q"] == text


def test_compare_keeps_every_pick():
    at = open_page("compare", {"lang": "en"})
    for picked in (["46"], ["46", "50"], ["50"]):
        at.multiselect[0].set_value(picked)
        at.run()
        assert at.multiselect[0].value == picked
        assert [at.query_params.get(f"c{n}") for n in range(1, len(picked) + 1)] == picked


def test_a_county_click_after_a_county_pick_still_applies():
    at = open_page("map", {"lang": "en"})
    widget(at, "selectbox", "County").set_value("50")
    at.run()
    at.session_state["map"] = {"selection": {"points": [{"customdata": ["46", "Vestland"]}]}}
    at.run()
    assert widget(at, "selectbox", "County").value == "46"
    assert at.query_params["county"] == "46"
