"""Effects page in a real browser: charts draw the published figures, the method card shows,
the permalink restores the view, and downloads hold exactly what is shown."""

import csv
import io

import pytest

from klyngekart.data import load_dataset
from klyngekart.effects import RESTRUCTURING_OUTCOMES, effect_series, method_breaks, methods, stat_series
from tests.conftest import REPO

CHART = '[data-testid="stPlotlyChart"] .main-svg'


@pytest.fixture(scope="module")
def ds():
    return load_dataset(REPO / "data")


def plotted(page, key: str) -> dict[str, dict[str, float]]:
    """Trace name → x → y of the bars of the registered chart `key`, from Plotly's own data in the page."""
    return page.evaluate(
        """(key) => {
            const plot = document.querySelector('.st-key-' + key + ' .js-plotly-plot');
            const out = {};
            for (const trace of (plot && plot._fullData) || []) {
                if (trace.type !== 'bar') continue;
                out[trace.name] = {};
                Array.from(trace.x).forEach((x, i) => { out[trace.name][x] = Array.from(trace.y)[i]; });
            }
            return out;
        }""",
        key,
    )


def downloaded_rows(visit, key: str) -> list[dict[str, str]]:
    with visit.page.expect_download(timeout=60_000) as download:
        visit.page.locator(f".st-key-{key} button").click()
    return list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))


def test_three_charts_draw_the_published_figures(visit, ds):
    visit.open("/effekter?lang=en")
    visit.page.wait_for_selector(CHART, timeout=30_000)
    assert visit.page.locator(CHART).count() >= 3
    series = effect_series(ds["effects"])
    sales = series[series["indicator"].eq("sales_revenue")]
    expected = {str(int(y)): float(v) for y, v in zip(sales["report_year"], sales["value_pp"], strict=True)}
    wanted = pytest.approx(expected)
    assert visit.eventually(lambda: plotted(visit.page, "effects").get("Sales revenue"), wanted) == wanted
    outcomes = stat_series(ds["programme_stats"], "regional_restructuring", RESTRUCTURING_OUTCOMES)
    created = outcomes[outcomes["indicator"].eq("jobs_created")]
    wanted = pytest.approx({str(int(y)): float(v) for y, v in zip(created["year"], created["value"], strict=True)})
    assert visit.eventually(lambda: plotted(visit.page, "outcomes").get("Jobs created"), wanted) == wanted


def test_method_card_and_break_show(visit, ds):
    visit.open("/effekter?lang=en")
    visit.page.wait_for_selector(CHART, timeout=30_000)
    assert visit.page.get_by_role("heading", name="How the figures were computed").is_visible()
    for method in methods(ds["effects"]):
        assert visit.page.get_by_text(method.computed_by, exact=True).first.is_visible()
    assert visit.page.get_by_text("not proven causal effects", exact=False).first.is_visible()
    if method_breaks(ds["effects"]):
        drawn = visit.page.evaluate(
            "() => document.querySelector('.js-plotly-plot')._fullLayout.annotations.map(a => a.text)"
        )
        assert drawn.count("Method break") == len(method_breaks(ds["effects"]))


def test_permalink_restores_programme_and_count(visit, ds):
    visit.open("/effekter?lang=en&programme=business_networks&indicator=networks_served")
    visit.page.wait_for_selector(CHART, timeout=30_000)
    assert visit.page.get_by_role("radio", name="Business networks").is_checked()
    rows = stat_series(ds["programme_stats"], "business_networks", ("networks_served",))
    wanted = pytest.approx({str(int(y)): float(v) for y, v in zip(rows["year"], rows["value"], strict=True)})
    assert visit.eventually(lambda: plotted(visit.page, "participation").get("Total"), wanted) == wanted


def test_choosing_a_programme_writes_the_url(visit):
    visit.open("/effekter?lang=en")
    visit.page.get_by_text("Regional restructuring", exact=True).first.click()
    visit.page.wait_for_url("**programme=regional_restructuring**", timeout=30_000)
    visit.settle()
    assert "indicator=restructuring_regions" in visit.page.url


def test_effects_chart_csv_holds_the_plotted_rows(visit, ds):
    visit.open("/effekter?lang=en")
    rows = downloaded_rows(visit, "effects-csv")
    series = effect_series(ds["effects"])
    assert [(int(r["report_year"]), r["indicator"], float(r["value_pp"])) for r in rows] == [
        (int(y), i, float(v)) for y, i, v in zip(series["report_year"], series["indicator"], series["value_pp"], strict=True)
    ]
    assert all(r["source"] for r in rows)


def test_regions_table_download_holds_exactly_the_rows_shown(visit, ds):
    visit.open("/effekter?lang=en")
    shown = visit.page.get_by_text("rows. The downloads below hold exactly these rows.").last.inner_text()
    rows = downloaded_rows(visit, "regions-table-csv")
    assert len(rows) == int(shown.split()[0]) == len(ds["restructuring_regions"])
    assert {"name", "county_then", "county_today", "period", "source_url"} <= set(rows[0])


def test_effects_chart_svg_export_carries_the_method_break(visit):
    visit.open("/effekter?lang=en")
    with visit.page.expect_download(timeout=90_000) as download:
        visit.page.locator(".st-key-effects-svg button").click()
    svg = open(download.value.path(), encoding="utf-8").read()
    assert svg.lstrip().startswith("<svg") and "Method break" in svg and "Licence" in svg
