import ast
import re

from klyngekart.i18n import LANGUAGES, NB_GROUP, format_number, plotly_separators, strings, t
from tests.conftest import REPO

# Keys built at run time from data values; each prefix lists the suffixes the code can produce.
DYNAMIC_KEYS = {
    "headline.": ("clusters_served", "firms_participating", "networks_served", "restructuring_regions", "cluster_budget"),
    "qualifier.": ("about", "over", "nearly", "at least", "up to"),
    "sources.methods_": ("collection", "conflicts", "derived", "counties", "prices"),
    "measure.": ("allocation", "change", "change_pct", "extra_package", "granted", "per_cluster_min", "per_cluster_max", "per_cluster_avg"),
    "basis.": ("state_budget", "assignment_letter", "annual_report", "press_release", "press", "evaluation", "programme_page", "derived"),
    "stage.": ("proposal", "enacted", "revised", "assigned", "granted"),
    "effects.stat_": ("jobs_created", "jobs_secured", "new_firms", "networks_served", "agriculture_networks", "firms_participating"),
    "programme.": ("cluster_programme", "business_networks", "regional_restructuring"),
    "budget.terms_": ("nominal", "real"),
}


def literal_keys() -> set[str]:
    """Every string literal passed as first argument to t() or tr() in the app's code."""
    found = set()
    files = [*REPO.glob("klyngekart/**/*.py"), *REPO.glob("pages/*.py"), REPO / "dashboard.py"]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("t", "tr") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
    return found


def test_languages_have_identical_keys():
    assert set(strings("nb")) == set(strings("en"))


def test_every_literal_key_exists():
    missing = literal_keys() - set(strings("nb"))
    assert not missing


def test_every_page_has_strings_for_navigation_heading_and_home_link():
    from klyngekart.ui.registry import PAGES

    for entry in PAGES:
        assert {entry.title_key, entry.heading_key} <= set(strings("nb"))
        assert not entry.url_path or f"home.link_{entry.key}" in strings("nb")


def test_every_dynamic_key_exists():
    for prefix, suffixes in DYNAMIC_KEYS.items():
        for suffix in suffixes:
            assert f"{prefix}{suffix}" in strings("nb")


def test_no_empty_or_untranslated_placeholders():
    for key in strings("nb"):
        nb, en = strings("nb")[key], strings("en")[key]
        assert nb.strip() and en.strip(), key
        assert set(re.findall(r"{(\w+)}", nb)) == set(re.findall(r"{(\w+)}", en)), key


def test_t_fills_placeholders_and_falls_back_to_nb():
    assert t("headline.clusters_served", "en", year=2022) == "Clusters in the programme (2022)"
    assert t("headline.clusters_served", "xx", year=2022) == "Klynger i programmet (2022)"


def test_norwegian_numbers():
    assert format_number(1234567.5, "nb", 1) == f"1{NB_GROUP}234{NB_GROUP}567,5"
    assert format_number(-60, "nb") == "\u221260"
    assert format_number(5, "nb", signed=True) == "+5"


def test_english_numbers():
    assert format_number(1234567.5, "en", 1) == "1,234,567.5"
    assert format_number(float("nan"), "en") == "–"


def test_plotly_separators():
    assert plotly_separators("nb") == "," + NB_GROUP
    assert plotly_separators("en") == ".,"
    assert set(LANGUAGES) == {"nb", "en"}


def test_each_string_file_exists_in_both_languages():
    from klyngekart.i18n import _DIR

    assert sorted(p.name for p in (_DIR / "nb").glob("*.json")) == sorted(p.name for p in (_DIR / "en").glob("*.json"))
