"""Words and numbers in the reader's language: plurals, file names, table cells, setting names
and the data values written in words."""

import pandas as pd
import pytest

from klyngekart.charts.registry import CHARTS
from klyngekart.clusters import cluster_filter_params
from klyngekart.data import load_dataset
from klyngekart.data.schema import LEVELS
from klyngekart.html_table import html_table
from klyngekart.i18n import (
    LANGUAGES,
    NB_GROUP,
    _data_text,
    column_formats,
    data_text,
    decimals_needed,
    file_stem,
    plural,
    setting_names,
    strings,
    t,
)
from klyngekart.stages import WHOLE
from tests.conftest import REPO


@pytest.mark.parametrize(
    ("lang", "count", "text"),
    [("nb", 0, "0 rader."), ("nb", 1, "1 rad."), ("nb", 2, "2 rader."), ("nb", 1234, f"1{NB_GROUP}234 rader."),
     ("en", 0, "0 rows."), ("en", 1, "1 row."), ("en", 2, "2 rows."), ("en", 1234, "1,234 rows.")],
)
def test_row_count_takes_the_plural_form_of_its_number(lang, count, text):
    assert plural("table.count", count, lang).startswith(text)


def test_file_names_follow_the_language():
    assert file_stem("nb", "budget", "cluster_programme", "real", 2015) == "klyngekart-budsjett-klyngeprogrammet-faste-2015"
    assert file_stem("en", "budget", "cluster_programme", "real", 2015) == "klyngekart-budget-cluster-programme-real-2015"
    # Ids are names: the same in every language.
    assert file_stem("en", "restructuring", "meloy-2017") == "klyngekart-restructuring-meloy-2017"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_chart_has_a_file_name_word_that_is_a_plain_slug(lang):
    for key in CHARTS:
        slug = strings(lang)[f"file.{key}"]
        assert slug.isascii() and slug == slug.lower() and " " not in slug, (key, slug)


def test_decimals_are_as_many_as_the_column_needs():
    assert decimals_needed([36, 34.5]) == 1
    assert decimals_needed([121.94, 5]) == 2
    assert decimals_needed([1 / 3]) == 3
    assert decimals_needed(pd.Series([1, None], dtype="Int64")) == 0


def test_table_cells_in_the_readers_number_style():
    frame = pd.DataFrame(
        {"year": [2006, 2007], "value": [34.5, 1200.0], "count": pd.array([3, None], dtype="Int64"), "preferred": [True, False], "name": ["a", "b"]}
    )
    nb, en = column_formats(frame, "nb"), column_formats(frame, "en")
    assert [nb["year"](v) for v in frame["year"]] == ["2006", "2007"]
    assert [nb["value"](v) for v in frame["value"]] == ["34,5", f"1{NB_GROUP}200"]
    assert [en["value"](v) for v in frame["value"]] == ["34.5", "1,200"]
    assert [nb["count"](v) for v in frame["count"]] == ["3", ""]
    assert [nb["preferred"](v) for v in frame["preferred"]] == ["ja", "nei"]
    assert [en["preferred"](v) for v in frame["preferred"]] == ["yes", "no"]
    assert "name" not in nb


def test_html_table_writes_numbers_through_the_same_formats():
    frame = pd.DataFrame({"name": ["Oslo"], "population": [717710]})
    markup = html_table(frame, {"name": "Fylke", "population": "Folketall"}, "Fylker", "", formats=column_formats(frame, "nb"))
    assert f"<td>717{NB_GROUP}710</td>" in markup


def test_setting_names_are_words_of_the_page():
    assert setting_names(["year", "metric"], "nb") == "år, mål"
    assert setting_names(["year", "metric"], "en") == "year, measure"


def test_every_url_parameter_has_a_name_in_both_languages(fixture_dataset):
    names = {"lang", "view", "county", "region"}  # the language and page settings outside the chart registry
    for chart in CHARTS.values():
        names |= {param.name for param in chart.params(fixture_dataset)}
    names |= {param.name for param in cluster_filter_params(fixture_dataset)}
    for lang in LANGUAGES:
        assert {f"param.{name}" for name in names} <= set(strings(lang))


# Data columns whose values are sentences or phrases in English; each needs its Norwegian.
WORD_COLUMNS = {
    "budgets": ("preferred_reason",),
    "programme_stats": ("preferred_reason",),
    "region_results": ("preferred_reason", "reported_by"),
    "effects": ("comparison", "window"),
}
# Budget parts that are names or budget line numbers, the same in both languages.
NAMED_PARTS = {"kap. 2421 post 71", "Andøy"}


@pytest.fixture(scope="module")
def real_data():
    return load_dataset(REPO / "data")


def word_values(data) -> set[str]:
    values = {v for table, columns in WORD_COLUMNS.items() for column in columns for v in data[table][column].dropna() if v}
    # A budget part is a level, the whole programme or a ministry's share (all translated by
    # their own strings), or else a phrase of its own.
    budgets = data["budgets"]
    shares = [c for c, f in zip(budgets["component"], budgets["funder"], strict=True) if c.startswith(f"{str(f).split(';')[0]} share")]
    return values | (set(budgets["component"]) - set(LEVELS) - {WHOLE} - set(shares) - NAMED_PARTS)


def test_every_data_value_in_words_has_its_norwegian(real_data):
    missing = {v for v in word_values(real_data) if data_text(v, "nb") == v}
    assert not missing, f"add these to klyngekart/i18n/data_text.csv with their Norwegian: {sorted(missing)}"
    assert all(data_text(v, "en") == v for v in word_values(real_data))


def test_translation_table_holds_no_value_the_data_no_longer_has(real_data):
    assert set(_data_text()) <= word_values(real_data)


def test_every_plural_in_the_code_has_both_forms():
    import ast

    keys = set()
    for path in [*REPO.glob("klyngekart/**/*.py"), *REPO.glob("pages/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "plural" and isinstance(node.args[0], ast.Constant):
                keys.add(node.args[0].value)
    assert {"table.count", "compare.per_without", "compare.regions_count"} <= keys
    for lang in LANGUAGES:
        assert {f"{key}_{form}" for key in keys for form in ("one", "other")} <= set(strings(lang))


def test_funders_in_words():
    from klyngekart.stages import funder_text

    assert funder_text("KRD;NHD", "nb") == "KRD, NHD"
    assert funder_text("unstated", "nb") == "ikke oppgitt"
    assert funder_text("unstated", "en") == "not stated"


@pytest.mark.parametrize(("lang", "one", "two"), [("nb", "(1 klynge)", "(2 klynger)"), ("en", "(1 cluster)", "(2 clusters)")])
def test_a_count_of_one_cluster_reads_in_the_singular_on_bars_and_in_summaries(lang, one, two):
    import pandas as pd

    from klyngekart.figures.clusters import per_population_figure

    figures = pd.DataFrame({"county_code": ["46", "03"], "per_100k": [0.15, 0.28], "clusters": [1, 2]})
    texts = list(per_population_figure(figures, {"46": "Vestland", "03": "Oslo"}, lang).data[0].text)
    assert texts[0].endswith(one) and texts[1].endswith(two)
    one_cluster = plural("count.clusters", 1, lang)
    summary = t("timeline.paths_summary", lang, clusters=one_cluster, kinds=plural("count.paths", 1, lang), top="Arena", count=one_cluster)
    assert "1 klynger" not in summary and "1 clusters" not in summary and "1 ulike" not in summary
