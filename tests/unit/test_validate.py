from pathlib import Path

import pytest

from klyngekart.data import DataError, load_dataset


def problems_after(data_dir: Path, file: str, old: str, new: str) -> list[str]:
    path = data_dir / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(data_dir)
    return [str(p) for p in caught.value.problems]


def test_fixture_is_valid(fixture_dataset):
    assert len(fixture_dataset["clusters"]) == 4
    assert fixture_dataset["budgets"]["value"].dtype == "Float64"
    assert fixture_dataset["budgets"]["preferred"].dtype == bool


def test_bad_number_names_file_line_and_column(data_copy):
    found = problems_after(data_copy, "budgets.csv", "2020,cluster_programme,all,allocation,200,", "2020,cluster_programme,all,allocation,2OO,")
    assert found == ["data/budgets.csv, line 2, column 'value': must be a number with '.' as decimal mark (value: '2OO')"]


def test_year_out_of_range(data_copy):
    found = problems_after(data_copy, "cluster_levels.csv", "arena-split,Arena,2012", "arena-split,Arena,1812")
    assert found == ["data/cluster_levels.csv, line 5, column 'start_year': must be a year from 1980 to 2030 (value: '1812')"]


def test_unknown_source_id(data_copy):
    found = problems_after(data_copy, "effects.csv", "soa-2020,in-2022", "soa-2020,in-2099")
    assert "data/effects.csv, line 2, column 'source_ids': source id not in sources.csv (value: 'in-2099')" in found


def test_unknown_county_code(data_copy):
    found = problems_after(data_copy, "clusters.csv", "Bergen,4601,12,", "Bergen,4601,99,")
    assert found == ["data/clusters.csv, line 2, column 'county_code_source': county code not in reference/counties.csv (value: '99')"]


def test_missing_source_is_refused(data_copy):
    found = problems_after(data_copy, "events.csv", "Cut of nearly NOK 60 million,in-2022", "Cut of nearly NOK 60 million,")
    assert found == ["data/events.csv, line 2, column 'source_ids': is required"]


def test_unknown_enum_value(data_copy):
    found = problems_after(data_copy, "cluster_levels.csv", "gce-ocean,GCE,2015", "gce-ocean,Gold,2015")
    assert found[0].startswith("data/cluster_levels.csv, line 3, column 'level': must be one of: Arena, Arena Pro")


def test_two_preferred_rows_in_a_group(data_copy):
    found = problems_after(data_copy, "budgets.csv", "210,about,press,enacted,unstated,false", "210,about,press,enacted,unstated,true")
    assert any("exactly one row per year/programme/component/measure/stage must be preferred, found 2" in p for p in found)


def test_a_proposal_and_an_enacted_figure_do_not_conflict(data_copy):
    # Moved to the revised stage, the 210 row is alone there and must be that stage's preferred row;
    # the enacted 207 is then alone too and needs no reason any more, so the only problem is the 210's flag.
    found = problems_after(data_copy, "budgets.csv", "210,about,press,enacted,", "210,about,press,revised,")
    assert found == [
        "data/budgets.csv, line 4, column 'preferred': exactly one row per year/programme/component/measure/stage"
        " must be preferred, found 0 (value: '2021/cluster_programme/all/allocation/revised')"
    ]


def test_unknown_stage_is_refused(data_copy):
    found = problems_after(data_copy, "budgets.csv", "200,,state_budget,enacted,", "200,,state_budget,decided,")
    assert found == [
        "data/budgets.csv, line 2, column 'stage': must be one of: proposal, enacted, revised, assigned, granted (value: 'decided')"
    ]


def test_stage_and_funder_are_required(data_copy):
    found = problems_after(data_copy, "budgets.csv", "200,,state_budget,enacted,NFD;KMD,", "200,,state_budget,,,")
    assert found == ["data/budgets.csv, line 2, column 'stage': is required", "data/budgets.csv, line 2, column 'funder': is required"]


def test_unknown_funder_is_refused_even_in_a_list(data_copy):
    found = problems_after(data_copy, "budgets.csv", "200,,state_budget,enacted,NFD;KMD,", "200,,state_budget,enacted,NFD;FIN,")
    assert len(found) == 1 and found[0].startswith("data/budgets.csv, line 2, column 'funder': must be one or more of KRD")


def test_derived_is_a_basis(data_copy):
    path = data_copy / "budgets.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("210,about,press,", "210,about,derived,"), encoding="utf-8")
    assert "derived" in set(load_dataset(data_copy)["budgets"]["basis"])


def test_conflict_without_reason(data_copy):
    found = problems_after(data_copy, "budgets.csv", "true,State budget preferred over press.,", "true,,")
    assert found == ["data/budgets.csv, line 3, column 'preferred_reason': a preferred row among conflicting rows needs a preferred_reason"]


def test_renamed_header(data_copy):
    found = problems_after(data_copy, "effects.csv", "report_year,indicator", "year,indicator")
    assert found == ["data/effects.csv, line 1: header does not match the contract: missing report_year; unexpected year"]


def test_end_before_start(data_copy):
    found = problems_after(data_copy, "cluster_levels.csv", "arena-trondheim,Arena,2010,2012", "arena-trondheim,Arena,2010,2008")
    assert found == ["data/cluster_levels.csv, line 6, column 'end_year': end_year is before start_year (value: '2008')"]


def test_end_year_without_basis(data_copy):
    found = problems_after(data_copy, "cluster_levels.csv", "arena-trondheim,Arena,2010,2012,ended,planned", "arena-trondheim,Arena,2010,2012,ended,")
    assert found == ["data/cluster_levels.csv, line 6, column 'end_basis': an end_year needs an end_basis (reported, planned or move)"]


def test_basis_without_end_year(data_copy):
    found = problems_after(data_copy, "cluster_levels.csv", "arena-split,Arena,2012,,unknown,", "arena-split,Arena,2012,,unknown,planned")
    assert found == ["data/cluster_levels.csv, line 5, column 'end_basis': end_basis is only for rows with an end_year (value: 'planned')"]


def test_duplicate_key(data_copy):
    found = problems_after(data_copy, "reference/cpi.csv", "2021,116.1", "2020,116.1")
    assert found == ["data/reference/cpi.csv, line 3, column 'year': duplicate key year (value: '2020')"]


def test_unreferenced_cluster(data_copy):
    found = problems_after(data_copy, "cluster_members.csv", "gce-ocean,2014", "gce-oecan,2014")
    assert found == ["data/cluster_members.csv, line 2, column 'cluster_id': cluster_id not in clusters.csv (value: 'gce-oecan')"]


def test_uncited_source(data_copy):
    path = data_copy / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8") + "orphan,X,Y,https://example.org,2020,2026-11-23,,\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert [str(p) for p in caught.value.problems] == [
        "data/sources.csv, line 6, column 'source_id': source is not cited by any row (value: 'orphan')"
    ]


def test_missing_file(data_copy):
    (data_copy / "events.csv").unlink()
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert [str(p) for p in caught.value.problems] == ["data/events.csv: file is missing"]


def test_not_utf8(data_copy):
    (data_copy / "events.csv").write_bytes("year,date\n2022,\xe6\n".encode("latin-1"))
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert [str(p) for p in caught.value.problems] == ["data/events.csv, line 2: is not UTF-8 (byte 6 of the line)"]


def test_truncated_file_names_its_last_line(data_copy):
    path = data_copy / "clusters.csv"
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n")
    path.write_text(text[: text.rindex(",")], encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    found = [str(p) for p in caught.value.problems]
    assert len(found) == 1 and found[0].startswith(f"data/clusters.csv, line {lines}: ")


def test_open_quote_names_its_line(data_copy):
    path = data_copy / "events.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    rows[1] = rows[1].replace(",", ',"', 1)
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    found = str(caught.value.problems[0])
    assert found.startswith("data/events.csv, line ") and "quote" in found


def test_spaces_around_value(data_copy):
    found = problems_after(data_copy, "reference/cpi.csv", "2022,122.8", "2022, 122.8")
    assert found == ["data/reference/cpi.csv, line 4, column 'cpi': has leading or trailing spaces (value: ' 122.8')"]


def test_region_result_needs_a_known_region(data_copy):
    found = problems_after(data_copy, "region_results.csv", "kongsberg-baerum,new_firms", "nowhere,new_firms")
    assert found == ["data/region_results.csv, line 3, column 'region_id': region_id not in restructuring_regions.csv (value: 'nowhere')"]
