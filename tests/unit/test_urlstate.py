import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klyngekart.urlstate import MAX_VALUE_LENGTH, Param, migrate, read_state, to_query

PARAMS = [Param("lang", "nb", ("nb", "en")), Param("year", "2022", int_range=(2002, 2025))]


def test_defaults_when_absent():
    state = read_state({}, PARAMS)
    assert state.values == {"lang": "nb", "year": "2022"}
    assert state.ignored == ()


def test_valid_values_are_kept():
    assert read_state({"lang": "en", "year": "2010"}, PARAMS).values == {"lang": "en", "year": "2010"}


def test_invalid_values_fall_back_and_are_reported():
    state = read_state({"lang": "de", "year": "1999"}, PARAMS)
    assert state.values == {"lang": "nb", "year": "2022"}
    assert state.ignored == ("lang", "year")


def test_non_ascii_digits_and_long_values_are_refused():
    assert read_state({"year": "２０１０"}, PARAMS).ignored == ("year",)
    assert read_state({"lang": "e" * (MAX_VALUE_LENGTH + 1)}, PARAMS).ignored == ("lang",)


def test_repeated_parameter_uses_last_value():
    assert read_state({"lang": ["nb", "en"]}, PARAMS).values["lang"] == "en"


def test_to_query_leaves_out_defaults():
    assert to_query({"lang": "nb", "year": "2010"}, PARAMS) == {"year": "2010"}


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["lang", "year", "other"]), st.text(max_size=100) | st.lists(st.text(), max_size=3)))
def test_any_query_gives_allowed_values(query):
    state = read_state(query, PARAMS)
    assert state.values["lang"] in ("nb", "en")
    assert 2002 <= int(state.values["year"]) <= 2025


def test_old_links_keep_working(monkeypatch):
    import klyngekart.urlstate as urlstate

    params = [Param("metric", "admitted", ("admitted", "active")), Param("year", "2022", int_range=(2002, 2025))]
    assert read_state({"metric": "clusters"}, params).values["metric"] == "admitted"
    monkeypatch.setitem(urlstate.RENAMED_PARAMETERS, "aar", "year")
    state = read_state({"aar": "2010"}, params)
    assert state.values["year"] == "2010" and state.ignored == ()


def test_retired_names_are_not_in_use(fixture_dataset):
    from klyngekart.charts.registry import CHARTS
    from klyngekart.urlstate import RENAMED_PARAMETERS, RENAMED_VALUES, RETIRED_VALUES

    params = {p.name: p for chart in CHARTS.values() for p in chart.params(fixture_dataset)}
    assert not set(RENAMED_PARAMETERS) & set(params)
    for (name, old), new in RENAMED_VALUES.items():
        assert old not in params[name].options and new in params[name].options
    for (name, _), (new_name, new_value) in RETIRED_VALUES.items():
        assert name not in params and new_value in params[new_name].options


@pytest.mark.parametrize(("component", "parts"), [("frames", "show"), ("all", "hide"), ("NCE", "show"), ("Arena Pro", "show")])
def test_an_old_budget_link_chooses_what_its_component_meant(fixture_dataset, component, parts):
    from klyngekart.charts.budget import budget_params

    state = read_state({"component": component, "terms": "real"}, budget_params(fixture_dataset))
    assert state.values["parts"] == parts and state.values["terms"] == "real" and state.ignored == ()
    # A link that names both keeps its own choice.
    assert read_state({"component": "all", "parts": "show"}, budget_params(fixture_dataset)).values["parts"] == "show"


@pytest.fixture(scope="module")
def parameter_lists(fixture_dataset) -> list[list[Param]]:
    """Every parameter list a page reads the URL with: the registered charts' and the cluster filters'."""
    from klyngekart.charts.registry import CHARTS
    from klyngekart.ui.filters import cluster_filter_params

    return [chart.params(fixture_dataset) for chart in CHARTS.values()] + [cluster_filter_params(fixture_dataset)]


QUERY_NAMES = st.sampled_from(["lang", "year", "metric", "level", "county", "sector", "programme", "component", "terms", "base", "view"])
QUERY_VALUES = (
    st.text(max_size=100)
    | st.sampled_from(["", "all", "2022", "-1", "1e3", "<script>", "%00", "NCE", "real"])
    | st.lists(st.text(max_size=12), max_size=3)
)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.dictionaries(QUERY_NAMES | st.text(max_size=12), QUERY_VALUES, max_size=6))
def test_every_registered_parameter_list_accepts_only_its_options(parameter_lists, query):
    for params in parameter_lists:
        state = read_state(query, params)
        for param in params:
            value = state.values[param.name]
            assert value == param.default or param.parse(value) == value
            assert (param.name in state.ignored) == (param.name in migrate(query) and param.parse(migrate(query)[param.name]) is None)
