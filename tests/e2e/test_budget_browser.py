"""Budget page in a real browser: real terms, permalink, downloads of exactly the rows shown."""

import csv
import io

import pytest

from klyngekart.budget import add_real_terms
from klyngekart.data import load_dataset
from klyngekart.stages import default_stage, stage_series
from tests.conftest import REPO

CHART = '[data-testid="stPlotlyChart"] .main-svg'


@pytest.fixture(scope="module")
def ds():
    return load_dataset(REPO / "data")


def plotted_bars(page) -> dict[str, float]:
    """Year → value of the first chart's bars, read from Plotly's own data in the page."""
    return page.evaluate(
        """() => {
            const plot = document.querySelector('.js-plotly-plot');
            const out = {};
            for (const trace of (plot && plot._fullData) || []) {
                if (trace.type !== 'bar') continue;
                Array.from(trace.x).forEach((x, i) => { out[x] = Array.from(trace.y)[i]; });
            }
            return out;
        }"""
    )


def expected(ds, base: int | None) -> dict[int, float]:
    series = stage_series(ds["budgets"], "cluster_programme", default_stage(ds["budgets"], "cluster_programme"))
    series = series[series["whole"]]
    if base is None:
        return {int(y): float(v) for y, v in zip(series["year"], series["value"], strict=True)}
    real = add_real_terms(series, ds["reference/cpi"], base).dropna(subset=["value_real"])
    return {int(y): float(v) for y, v in zip(real["year"], real["value_real"], strict=True)}


def test_real_terms_switch_changes_plotted_values(visit, ds):
    visit.open("/budsjett?parts=hide")
    visit.page.wait_for_selector(CHART, timeout=30_000)
    wanted = pytest.approx({str(k): v for k, v in expected(ds, None).items()})
    assert visit.eventually(lambda: plotted_bars(visit.page), wanted) == wanted
    visit.page.get_by_text("Faste", exact=True).click()
    visit.page.wait_for_url("**terms=real**", timeout=30_000)
    visit.settle()
    base = int(ds["reference/cpi"]["year"].max())
    wanted = pytest.approx({str(k): v for k, v in expected(ds, base).items()})
    assert visit.eventually(lambda: plotted_bars(visit.page), wanted) == wanted


def test_permalink_restores_the_view(visit, ds):
    visit.open("/budsjett?parts=hide&terms=real&base=2015&lang=en")
    visit.page.wait_for_selector(CHART, timeout=30_000)
    assert visit.page.get_by_role("radio", name="Constant").is_checked()
    wanted = pytest.approx({str(k): v for k, v in expected(ds, 2015).items()})
    assert visit.eventually(lambda: plotted_bars(visit.page), wanted) == wanted


def test_table_download_holds_exactly_the_rows_shown(visit, ds):
    visit.open("/budsjett?lang=en")
    # The stage table comes first; the table of every figure is the last one on the page.
    shown = visit.page.get_by_text("rows. The downloads below hold exactly these rows.").last.inner_text()
    count = int(shown.split()[0])
    with visit.page.expect_download(timeout=60_000) as download:
        visit.page.locator(".st-key-budget-table-csv button").click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    budgets = ds["budgets"]
    assert len(rows) == count == int(budgets["programme"].eq("cluster_programme").sum())


def test_chart_png_export_downloads(visit):
    visit.open("/budsjett?lang=en")
    with visit.page.expect_download(timeout=90_000) as download:
        visit.page.locator(".st-key-budget-png button").click()
    payload = open(download.value.path(), "rb").read()
    assert payload[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_change_of_a_control_takes_effect(visit):
    """The second and third change count too (a widget keyed by its URL default lost every other one)."""
    visit.open("/budsjett?lang=en")
    visit.page.wait_for_selector(CHART, state="visible", timeout=60_000)
    radio = visit.page.locator('[data-testid="stMain"] [data-testid="stRadio"] label')
    for choice, query in (("Constant", "terms=real"), ("Current", None), ("Constant", "terms=real")):
        radio.filter(has_text=choice).first.click()
        visit.settle()
        if query:
            visit.page.wait_for_url(f"**{query}**", timeout=30_000)
        else:
            visit.page.wait_for_function("() => !location.search.includes('terms=')", timeout=30_000)
        assert visit.page.locator('[data-testid="stMain"] [data-testid="stRadio"] input:checked').evaluate(
            "input => input.closest('label').innerText"
        ).strip() == choice
