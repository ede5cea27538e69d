"""Values computed from the sourced tables: today's county, host coordinates.

Sources give the county of their time. Norway merged counties in 2020 and split some again in
2024, so an old county maps to today's counties through the municipality: a host town's
municipality is in exactly one of today's 15 counties. Only when no municipality is known do we
fall back on the old county, and only when that county lies wholly within one county today.
"""

from __future__ import annotations

import pandas as pd

from klyngekart.data.validate import split_list


def county_today(
    municipality_code: str | None,
    county_codes_source: str | None,
    municipality_county: dict[str, str],
    county_maps_to: dict[str, list[str]],
) -> str | None:
    """Today's county code, or None when the data cannot tell (an old county that was split).

    A source may name a region of several counties of its time ('Agder' before 2020 is 09;10);
    that still gives one county today when all of them lie in it.
    """
    if isinstance(municipality_code, str) and municipality_code in municipality_county:
        return municipality_county[municipality_code]
    if isinstance(county_codes_source, str):
        targets = {target for code in split_list(county_codes_source) for target in county_maps_to.get(code, [])}
        if len(targets) == 1:
            return targets.pop()
    return None


def counties_today(
    municipality_codes: str | None,
    county_code_source: str | None,
    municipality_county: dict[str, str],
    county_maps_to: dict[str, list[str]],
) -> str | None:
    """Today's county codes of a list of municipalities, ';'-separated, in code order."""
    codes = split_list(municipality_codes) if isinstance(municipality_codes, str) else []
    found = sorted({municipality_county[c] for c in codes if c in municipality_county})
    if found:
        return ";".join(found)
    return county_today(None, county_code_source, municipality_county, county_maps_to)


def lookups(tables: dict[str, pd.DataFrame]) -> tuple[dict[str, str], dict[str, list[str]]]:
    municipalities = tables["reference/municipalities"]
    counties = tables["reference/counties"]
    municipality_county = dict(zip(municipalities["municipality_code"], municipalities["county_code"], strict=True))
    county_maps_to = {code: split_list(maps) for code, maps in zip(counties["county_code"], counties["maps_to"], strict=True)}
    return municipality_county, county_maps_to


def add_derived_columns(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    municipality_county, county_maps_to = lookups(tables)
    municipalities = tables["reference/municipalities"].set_index("municipality_code")

    clusters = tables["clusters"].copy()
    clusters["county_code_today"] = [
        county_today(m, c, municipality_county, county_maps_to)
        for m, c in zip(clusters["municipality_code"], clusters["county_code_source"], strict=True)
    ]
    clusters["county_code_today"] = clusters["county_code_today"].astype("string")
    clusters["latitude"] = clusters["municipality_code"].map(municipalities["latitude"]).astype("Float64")
    clusters["longitude"] = clusters["municipality_code"].map(municipalities["longitude"]).astype("Float64")

    regions = tables["restructuring_regions"].copy()
    regions["county_codes_today"] = [
        counties_today(m, c, municipality_county, county_maps_to)
        for m, c in zip(regions["municipality_codes"], regions["county_code_source"], strict=True)
    ]
    regions["county_codes_today"] = regions["county_codes_today"].astype("string")

    return {**tables, "clusters": clusters, "restructuring_regions": regions}
