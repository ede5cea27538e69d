import pandas as pd
import pytest

from klyngekart.clusters import (
    clean_query,
    closest,
    cluster_table,
    filter_table,
    fold,
    profile,
    timeline_rows,
    today_county_codes,
    years_text,
)


@pytest.fixture(scope="module")
def table(fixture_dataset):
    return cluster_table(fixture_dataset, "en")


def found(table, **filters) -> list[str]:
    return filter_table(table, **filters)["cluster_id"].tolist()


@pytest.mark.parametrize(
    ("typed", "written"),
    [("Ålesund", "Aalesund"), ("alesund", "ÅLESUND"), ("Tromsø", "tromso"), ("Bærum", "baerum"), ("Kongsbérg", "kongsberg")],
)
def test_fold_makes_spellings_meet(typed, written):
    assert fold(typed) == fold(written)


def test_fold_turns_punctuation_into_spaces():
    assert fold("Sør-Trøndelag") == "sor trondelag"
    assert fold(None) == ""


def test_search_finds_earlier_names_and_ignores_case_and_accents(table):
    assert found(table, query="subsea") == ["gce-ocean"]
    assert found(table, query="NCE SUBSEA") == ["gce-ocean"]
    assert found(table, query="kongsbérg") == ["nce-kongsberg"]
    assert found(table, query="uten arena") == ["arena-split"]
    assert found(table, query="bergen") == ["gce-ocean"]
    assert found(table, query="") == ["arena-trondheim", "arena-split", "gce-ocean", "nce-kongsberg"]
    assert found(table, query="nowhere") == []


def test_filters_level_ever_held_county_today_and_sector(table):
    assert found(table, level="NCE") == ["gce-ocean", "nce-kongsberg"]
    # A level named without a year still counts as held.
    assert found(table, level="Arena Pro") == ["arena-trondheim"]
    assert found(table, county="unknown") == ["arena-split"]
    assert found(table, county="33") == ["nce-kongsberg"]
    assert found(table, sector="health") == ["arena-trondheim"]
    assert found(table, level="NCE", county="46") == ["gce-ocean"]


def test_table_rows_by_hand(table):
    rows = table.set_index("cluster_id")
    assert rows.at["gce-ocean", "level"] == "GCE"
    assert rows.at["gce-ocean", "years"] == "2006–"
    assert rows.at["gce-ocean", "county_today"] == "Vestland"
    assert rows.at["gce-ocean", "county_then"] == "Hordaland"
    assert rows.at["gce-ocean", "members"] == "120 firms (2014)"
    assert rows.at["gce-ocean", "other_names"] == "NCE Subsea, GCE Subsea"
    # NCE 2006–2016, then NIC Explore from the 2024 round with no stated end.
    assert rows.at["nce-kongsberg", "years"] == "2006–?"
    assert rows.at["nce-kongsberg", "level"] == "NIC Explore"
    assert rows.at["nce-kongsberg", "members"] == "over 100 members (2016)"
    assert rows.at["arena-split", "years"] == "2012–?"
    assert rows.at["arena-split", "county_today"] == ""
    # The last level with a year is the current one; the undated Arena Pro row does not replace it.
    assert rows.at["arena-trondheim", "level"] == "Arena"
    assert rows.at["arena-trondheim", "county_today"] == "Trøndelag"


def test_table_speaks_the_page_language(fixture_dataset):
    rows = cluster_table(fixture_dataset, "nb").set_index("cluster_id")
    assert rows.at["gce-ocean", "sector"] == "havteknologi"
    assert rows.at["gce-ocean", "members"] == "120 bedrifter (2014)"
    assert rows.at["nce-kongsberg", "members"] == "over 100 medlemmer (2016)"


def test_years_text():
    assert years_text(2006, 2015, "ended") == "2006–2015"
    assert years_text(2015, pd.NA, "ongoing") == "2015–"
    assert years_text(2011, pd.NA, "unknown") == "2011–?"
    assert years_text(pd.NA, pd.NA, "unknown") == ""


def test_years_text_says_when_an_end_was_only_planned():
    assert years_text(2019, 2024, "ended", "planned", "nb") == "2019–2024 (planlagt slutt)"
    assert years_text(2019, 2024, "ended", "planned", "en") == "2019–2024 (planned end)"
    assert years_text(2019, 2024, "ended", "move", "en") == "2019–2024"


def test_profile_collects_levels_members_counties_and_sources(fixture_dataset):
    found_profile = profile(fixture_dataset, "gce-ocean", "en")
    assert found_profile.levels["level"].tolist() == ["NCE", "GCE"]
    assert found_profile.undated.empty
    assert found_profile.members["members"].tolist() == [120]
    assert (found_profile.county_then, found_profile.county_today) == ("Hordaland", "Vestland")
    assert found_profile.source_ids == ["nfd-2021"]
    assert found_profile.has_point


def test_profile_lists_undated_levels_apart_and_knows_when_there_is_no_point(fixture_dataset):
    trondheim = profile(fixture_dataset, "arena-trondheim", "en")
    assert trondheim.levels["level"].tolist() == ["Arena"]
    assert trondheim.undated["level"].tolist() == ["Arena Pro"]
    assert not trondheim.has_point
    assert profile(fixture_dataset, "no-such-cluster", "en") is None


def test_closest_names_for_a_mistyped_id(fixture_dataset):
    clusters = fixture_dataset["clusters"]
    assert closest(clusters, "gce-ocaen")["cluster_id"].iloc[0] == "gce-ocean"
    assert closest(clusters, "NCE Kongsbreg")["cluster_id"].iloc[0] == "nce-kongsberg"
    assert closest(clusters, "")["cluster_id"].tolist() == []
    assert closest(clusters, "x" * 5000).empty


def test_clean_query_cuts_long_input():
    assert clean_query("  subsea ") == "subsea"
    assert len(clean_query("a" * 500)) == 80
    assert clean_query(None) == ""


def test_timeline_rows_end_where_the_sources_say(fixture_dataset):
    rows = timeline_rows(fixture_dataset["cluster_levels"], fixture_dataset["clusters"], 2026)
    drawn = {(r.cluster_id, r.level): r.drawn_to for r in rows.itertuples()}
    assert drawn[("gce-ocean", "NCE")] == 2014
    assert drawn[("gce-ocean", "GCE")] == 2026  # ongoing: to the latest year
    assert pd.isna(drawn[("arena-split", "Arena")])  # no end stated: not drawn to any year
    assert ("arena-trondheim", "Arena Pro") not in drawn  # no start year: never drawn
    assert rows["cluster_id"].drop_duplicates().tolist() == ["gce-ocean", "nce-kongsberg", "arena-trondheim", "arena-split"]


def test_today_counties_are_those_without_an_end_date(fixture_dataset):
    assert today_county_codes(fixture_dataset["reference/counties"]) == ("03", "32", "33", "46", "50")


def test_profile_level_and_years(fixture_dataset):
    ocean = profile(fixture_dataset, "gce-ocean", "en")
    assert (ocean.level, ocean.years("en")) == ("GCE", "2006–")
    trondheim = profile(fixture_dataset, "arena-trondheim", "en")
    assert (trondheim.level, trondheim.years("en")) == ("Arena", "2010–2012 (planned end)")


def test_timeline_hover_says_when_an_end_was_only_planned(fixture_dataset):
    from klyngekart.figures.clusters import timeline_figure

    rows = timeline_rows(fixture_dataset["cluster_levels"], fixture_dataset["clusters"], 2026)
    fig = timeline_figure(rows, 2026, "en", "name", 2002)
    hovers = {(y, c[1]) for trace in fig.data if trace.type == "bar" for y, c in zip(trace.y, trace.customdata, strict=True)}
    names = fixture_dataset["clusters"].set_index("cluster_id")["name"]
    assert (names["arena-trondheim"], "2010–2012 (2 years; planned end, may have been extended)") in hovers
    assert (names["gce-ocean"], "2006–2014 (8 years)") in hovers
