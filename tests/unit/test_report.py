from klyngekart.report import completeness_report, year_ranges, years_listed_as_not_found
from tests.conftest import FIXTURE_DATA


def test_year_ranges():
    assert year_ranges([2004, 2002, 2003, 2007, 2009, 2010]) == "2002–2004, 2007, 2009–2010"
    assert year_ranges([]) == "none"


def test_not_found_years_are_read_from_readme(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# x\n## Years with no public budget figure\n- 2003: looked in A\n- 2004: B\n## Next\n- 2005: no\n")
    assert years_listed_as_not_found(readme) == {2003, 2004}
    assert years_listed_as_not_found(tmp_path / "missing.md") == set()


def test_report_on_fixture(fixture_dataset):
    lines, met = completeness_report(fixture_dataset, FIXTURE_DATA / "README.md")
    text = "\n".join(lines)
    assert "  distinct clusters: 4" in text
    assert "  cluster_programme / all / allocation: 2020–2023" in text
    assert "  listed in data/README.md as no public figure found: 2002" in text
    # 2019 has partial figures only, but a figure; the derived 2023 one does not count as found.
    assert "  unexplained: 2003–2018, 2023–2025" in text
    assert "today's county not derivable: arena-split" in text
    # GCE Ocean is the only cluster a source places in the programme in 2021; Arena Uten Kommune may have been.
    assert "reconcile 2021: registry 1, published 44 not met" in lines
    assert "  not known whether still in (2; would not close the gap): arena-split, arena-trondheim" in lines
    assert "  [ ] every cluster has a county today" in lines
    assert "  [x] no pair of rows that is the same cluster" in lines
    assert met is False
