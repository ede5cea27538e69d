import io

import pandas as pd
import pytest

from klyngekart.__main__ import main
from klyngekart.charts.budget import budget_chart, budget_params
from klyngekart.charts.registry import CHARTS
from klyngekart.export.chart import chart_csv
from klyngekart.export.cli import ExportError, export_chart, parse_filters, view_url
from tests.e2e.conftest import chromium_path


def test_filters_are_checked_like_url_parameters(fixture_dataset):
    params = budget_params(fixture_dataset)
    assert parse_filters(["terms=real", "base=2020"], params)["terms"] == "real"
    with pytest.raises(ExportError, match="terms='weird' is not allowed"):
        parse_filters(["terms=weird"], params)
    with pytest.raises(ExportError, match="unknown filter"):
        parse_filters(["colour=red"], params)


def test_view_url_leaves_out_defaults(fixture_dataset):
    params = budget_params(fixture_dataset)
    values = parse_filters(["terms=real"], params)
    assert view_url("https://klyngekart.no/", CHARTS["budget"], values, params, "en") == "https://klyngekart.no/budsjett?terms=real&lang=en"


def test_csv_equals_the_rows_the_page_plots(fixture_dataset):
    state = parse_filters(["terms=real", "base=2022"], budget_params(fixture_dataset))
    from_cli = export_chart(fixture_dataset, "budget", "csv", "nb", ["terms=real", "base=2022"], "http://x")
    assert from_cli == chart_csv(budget_chart(fixture_dataset, state, "nb").rows)
    frame = pd.read_csv(io.BytesIO(from_cli))
    assert frame["value_real"].round(3).tolist() == [round(200 * 122.8 / 112.2, 3), round(207 * 122.8 / 116.1, 3), 147.0]


def test_unknown_chart_and_empty_view(fixture_dataset):
    with pytest.raises(ExportError, match="unknown chart"):
        export_chart(fixture_dataset, "pie", "csv", "nb", [], "http://x")
    with pytest.raises(ExportError, match="no published figures"):
        export_chart(fixture_dataset, "budget", "csv", "nb", ["programme=business_networks"], "http://x")


def test_command_line_writes_the_file_and_refuses_bad_filters(tmp_path, capsys):
    out = tmp_path / "budget.csv"
    assert main(["export", "budget", "--format", "csv", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("year,")
    assert main(["export", "budget", "terms=weird", "--format", "csv", "-o", str(out)]) == 2
    assert "is not allowed" in capsys.readouterr().err


@pytest.mark.skipif(chromium_path() is None, reason="no Chromium: install it with `apt-get install chromium`")
def test_svg_from_the_command_line_carries_its_provenance(fixture_dataset):
    svg = export_chart(fixture_dataset, "budget", "svg", "en", [], "http://x", date="2026-11-23").decode()
    wanted = ("Cluster programme: yearly amount, enacted budget", "Hatched bars: part of the programme only")
    for text in (*wanted, "Licence: CC BY 4.0", "http://x/budsjett?lang=en (2026-11-23)"):
        assert text in svg
