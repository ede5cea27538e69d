"""Values computed from the sourced tables: today's county, how it was found, host coordinates.

Sources give the county of their time. Norway merged counties in 2020 and split some again in
2024, so an old county maps to today's counties through the municipality: a host town's
municipality is in exactly one of today's 15 counties (`county_basis` = municipality). Without a
municipality the old county decides: when it lies wholly in one county today (whole_county), or
when one of today's counties holds at least 85 % of its people (majority; Nordland lost only
Tjeldsund to Troms). The share is computed from stored population figures, never typed. A source
naming several counties of its time keeps every county they lie in today, ';'-separated.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from klyngekart.data.validate import split_list

MAJORITY_SHARE = 0.85
MUNICIPALITY = "municipality"
WHOLE_COUNTY = "whole_county"
MAJORITY = "majority"
COUNTY_BASES = (MUNICIPALITY, WHOLE_COUNTY, MAJORITY)


def majority_county(people: Mapping[str, int]) -> str | None:
    """The county (key) holding at least MAJORITY_SHARE of all the people, else None."""
    total = sum(people.values())
    if total <= 0:
        return None
    code, largest = max(people.items(), key=lambda item: item[1])
    return code if largest / total >= MAJORITY_SHARE else None


def old_county_people(
    county_code: str,
    county_maps_to: Mapping[str, list[str]],
    municipal: pd.DataFrame,
    union_counties: Mapping[str, dict[str, int]],
) -> dict[str, int]:
    """An old county's people by today's county, or {} when no stored figures say.

    `municipal` holds, per old county and date, the whole county's population (no
    municipality_code) and the municipalities that left it (with the county they lie in today);
    the rest of the people stay in the one remaining county it maps to. `union_counties` gives the
    2020–2023 counties that are exactly the union of today's counties they were split into.
    """
    if county_code in union_counties:
        return dict(union_counties[county_code])
    rows = municipal[municipal["county_code"].eq(county_code)]
    whole = rows[rows["municipality_code"].isna()].sort_values("date")
    if whole.empty:
        return {}
    date = whole["date"].iloc[-1]
    moved = rows[rows["municipality_code"].notna() & rows["date"].eq(date)]
    people: dict[str, int] = {}
    for code, group in moved.groupby("county_code_today"):
        people[str(code)] = int(group["population"].sum())
    remaining = [code for code in county_maps_to.get(county_code, []) if code not in people]
    if len(remaining) != 1:
        return {}
    people[remaining[0]] = int(whole["population"].iloc[-1]) - sum(people.values())
    return people


def county_today(
    municipality_code: str | None,
    county_codes_source: str | None,
    municipality_county: Mapping[str, str],
    county_maps_to: Mapping[str, list[str]],
    majority: Mapping[str, str] | None = None,
) -> tuple[str | None, str | None]:
    """(today's county codes ';'-separated, basis), or (None, None) when the data cannot tell.

    `majority` maps a split old county to the county holding most of its people (see
    majority_county). Every county a source names must be placed, or none is.
    """
    if isinstance(municipality_code, str) and municipality_code in municipality_county:
        return municipality_county[municipality_code], MUNICIPALITY
    if not isinstance(county_codes_source, str):
        return None, None
    found: set[str] = set()
    basis = WHOLE_COUNTY
    for code in split_list(county_codes_source):
        targets = county_maps_to.get(code, [])
        if len(targets) == 1:
            found.add(targets[0])
        elif majority and code in majority:
            found.add(majority[code])
            basis = MAJORITY
        else:
            return None, None
    return (";".join(sorted(found)), basis) if found else (None, None)


def counties_today(
    municipality_codes: str | None,
    county_code_source: str | None,
    municipality_county: Mapping[str, str],
    county_maps_to: Mapping[str, list[str]],
) -> str | None:
    """Today's county codes of a list of municipalities, ';'-separated, in code order."""
    codes = split_list(municipality_codes) if isinstance(municipality_codes, str) else []
    found = sorted({municipality_county[c] for c in codes if c in municipality_county})
    if found:
        return ";".join(found)
    return county_today(None, county_code_source, municipality_county, county_maps_to)[0]


def lookups(tables: dict[str, pd.DataFrame]) -> tuple[dict[str, str], dict[str, list[str]]]:
    municipalities = tables["reference/municipalities"]
    counties = tables["reference/counties"]
    municipality_county = dict(zip(municipalities["municipality_code"], municipalities["county_code"], strict=True))
    county_maps_to = {code: split_list(maps) for code, maps in zip(counties["county_code"], counties["maps_to"], strict=True)}
    return municipality_county, county_maps_to


def union_counties(counties: pd.DataFrame, population: pd.DataFrame) -> dict[str, dict[str, int]]:
    """The counties of 2020–2023 split on 1 Jan 2024 (Viken, Vestfold og Telemark, Troms og Finnmark)
    are exactly the union of the counties they map to: their people by today's county, on the
    latest date every part has a figure for."""
    out: dict[str, dict[str, int]] = {}
    split_2024 = counties[counties["valid_to"].eq("2023-12-31") & counties["split"]]
    for code, maps_to in zip(split_2024["county_code"], split_2024["maps_to"], strict=True):
        parts = split_list(maps_to)
        rows = population[population["county_code"].isin(parts)]
        dates = [d for d, group in rows.groupby("date") if set(group["county_code"]) == set(parts)]
        if dates:
            latest = rows[rows["date"].eq(max(dates))]
            out[code] = {str(c): int(p) for c, p in zip(latest["county_code"], latest["population"], strict=True)}
    return out


def majority_lookup(tables: dict[str, pd.DataFrame], county_maps_to: Mapping[str, list[str]]) -> dict[str, str]:
    """Split old county -> the county today holding >= 85 % of its people, where the figures say so."""
    unions = union_counties(tables["reference/counties"], tables["reference/county_population"])
    municipal = tables["reference/municipality_population"]
    out = {}
    for code, targets in county_maps_to.items():
        if len(targets) > 1:
            winner = majority_county(old_county_people(code, county_maps_to, municipal, unions))
            if winner:
                out[code] = winner
    return out


def add_derived_columns(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    municipality_county, county_maps_to = lookups(tables)
    majority = majority_lookup(tables, county_maps_to)
    municipalities = tables["reference/municipalities"].set_index("municipality_code")

    clusters = tables["clusters"].copy()
    placed = [
        county_today(m, c, municipality_county, county_maps_to, majority)
        for m, c in zip(clusters["municipality_code"], clusters["county_code_source"], strict=True)
    ]
    clusters["county_code_today"] = pd.Series([p[0] for p in placed], index=clusters.index, dtype="string")
    clusters["county_basis"] = pd.Series([p[1] for p in placed], index=clusters.index, dtype="string")
    clusters["latitude"] = clusters["municipality_code"].map(municipalities["latitude"]).astype("Float64")
    clusters["longitude"] = clusters["municipality_code"].map(municipalities["longitude"]).astype("Float64")

    regions = tables["restructuring_regions"].copy()
    regions["county_codes_today"] = [
        counties_today(m, c, municipality_county, county_maps_to)
        for m, c in zip(regions["municipality_codes"], regions["county_code_source"], strict=True)
    ]
    regions["county_codes_today"] = regions["county_codes_today"].astype("string")

    return {**tables, "clusters": clusters, "restructuring_regions": regions}


def county_list(value: object) -> list[str]:
    """A `county_code_today` value as a list: empty when unknown, several for a cluster over counties."""
    return split_list(value) if isinstance(value, str) else []


def in_county(values: pd.Series, county: str) -> pd.Series:
    """Whether each `county_code_today` value includes `county`."""
    return values.map(lambda value: county in county_list(value)).astype(bool)


def per_county(frame: pd.DataFrame, column: str = "county_code_today") -> pd.DataFrame:
    """One row per row and county it lies in today (a cluster over two counties counts in each);
    rows with no county today are dropped."""
    positions = [(i, code) for i, value in enumerate(frame[column].tolist()) for code in county_list(value)]
    exploded = frame.iloc[[i for i, _ in positions]].copy()
    exploded[column] = pd.array([code for _, code in positions], dtype="string")
    return exploded
