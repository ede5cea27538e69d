from klyngekart.regions import default_year, in_county, region_profile, region_year, year_range


def test_a_year_counts_areas_by_todays_county_and_says_what_it_leaves_out(fixture_dataset):
    view = region_year(fixture_dataset, 2012)
    assert view.table.set_index("county_code")["regions"].to_dict() == {"03": 0, "32": 1, "33": 1, "46": 0, "50": 0}
    assert view.areas["region_id"].tolist() == ["kongsberg-baerum"]
    # The area named without years is said as undated, never placed on the map.
    assert (view.end_not_stated, view.undated, view.national) == (0, 1, None)
    # The fixture's national count for 2022 is set beside the areas we know of, never replaced by them.
    assert region_year(fixture_dataset, 2022).national == 20


def test_years_run_from_the_first_start_to_the_last_stated_year(fixture_dataset):
    assert (year_range(fixture_dataset)[0], year_range(fixture_dataset)[-1]) == (2004, 2018)
    assert default_year(fixture_dataset) == 2018


def test_areas_in_a_county_include_areas_spanning_two(fixture_dataset):
    areas = region_year(fixture_dataset, 2012).areas
    assert in_county(areas, "33")["region_id"].tolist() == ["kongsberg-baerum"]
    assert in_county(areas, "46").empty
    assert len(in_county(areas, "all")) == 1


def test_profile_holds_results_and_every_source(fixture_dataset):
    profile = region_profile(fixture_dataset, "kongsberg-baerum", "name_en")
    assert profile.county_then == "Buskerud" and profile.county_today == "Akershus, Buskerud"
    assert profile.results[["indicator", "years"]].values.tolist() == [["jobs_created", "2012–2018"], ["new_firms", "2012–2018"]]
    assert profile.sources["source_id"].tolist() == ["nfd-2021"]
    assert region_profile(fixture_dataset, "nowhere") is None


def test_an_area_named_without_years_or_place_has_no_period_or_county(fixture_dataset):
    profile = region_profile(fixture_dataset, "undated-area", "name_en")
    assert (profile.period, profile.county_then, profile.county_today, profile.municipalities) == (None, None, None, [])
