"""Figures per county, always by today's county (the 2024 division), for comparing two to four.

A cluster belongs to the county its host town lies in today (derived at load time); clusters
whose county today cannot be told are in no county here. Clusters by level over time counts, for
each year, the clusters that had entered a level by then: start years are what the sources give
reliably, end years mostly not, so "active in year X" is not computed.
"""

from __future__ import annotations

import pandas as pd

from klyngekart.clusters import LEVEL_ORDER, fold
from klyngekart.data.derive import per_county
from klyngekart.data.validate import split_list
from klyngekart.mapping import POPULATION_DATE

PER_INHABITANTS = 100_000
MIN_COUNTIES, MAX_COUNTIES = 2, 4


def default_counties(clusters: pd.DataFrame, codes: tuple[str, ...]) -> tuple[str, str]:
    """The two of today's counties with the most clusters: a first view with something to compare."""
    counts = per_county(clusters)["county_code_today"].value_counts()
    ranked = sorted(codes, key=lambda code: (-int(counts.get(code, 0)), code))
    return ranked[0], ranked[1]


def chosen_counties(values: list[str], codes: tuple[str, ...]) -> list[str]:
    """Distinct valid county codes from the URL, in the order given, at most four."""
    return [code for code in dict.fromkeys(values) if code in codes][:MAX_COUNTIES]


def entered_by_year(clusters: pd.DataFrame, levels: pd.DataFrame, codes: list[str], years: range) -> pd.DataFrame:
    """Per county, level and year: clusters that had entered that level by the end of the year."""
    county = clusters.set_index("cluster_id")["county_code_today"]
    dated = levels[levels["start_year"].notna()].assign(county_code=lambda f: f["cluster_id"].map(county))
    dated = per_county(dated, "county_code")
    dated = dated[dated["county_code"].isin(codes)]
    first = dated.groupby(["county_code", "level", "cluster_id"], as_index=False).agg(
        start_year=("start_year", "min"), source_ids=("source_ids", ";".join)
    )
    rows = []
    for (code, level), group in first.groupby(["county_code", "level"]):
        for year in years:
            entered = group[group["start_year"].le(year)]
            rows.append(
                {"county_code": code, "level": level, "year": year, "clusters": len(entered), "source_ids": ";".join(entered["source_ids"]) or pd.NA}
            )
    return pd.DataFrame(rows, columns=["county_code", "level", "year", "clusters", "source_ids"])


def undated_by_county(clusters: pd.DataFrame, levels: pd.DataFrame, codes: list[str]) -> dict[str, int]:
    """Level rows without a start year per county: left out of the over-time chart."""
    county = clusters.set_index("cluster_id")["county_code_today"]
    undated = levels[levels["start_year"].isna()]
    found = per_county(undated.assign(county_code=undated["cluster_id"].map(county)), "county_code")["county_code"].value_counts()
    return {code: int(found.get(code, 0)) for code in codes}


def per_population(clusters: pd.DataFrame, population: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Clusters hosted in each county today per 100 000 inhabitants on POPULATION_DATE."""
    people = population[population["date"].eq(POPULATION_DATE)].set_index("county_code")
    counts = per_county(clusters)["county_code_today"].value_counts()
    rows = []
    for code in codes:
        inhabitants = people["population"].get(code)
        count = int(counts.get(code, 0))
        rows.append(
            {
                "county_code": code,
                "clusters": count,
                "population": inhabitants if inhabitants is not None else pd.NA,
                "per_100k": count / inhabitants * PER_INHABITANTS if inhabitants else float("nan"),
                "source_ids": people["source_ids"].get(code, pd.NA),
            }
        )
    return pd.DataFrame(rows, columns=["county_code", "clusters", "population", "per_100k", "source_ids"]).astype({"population": "Int64"})


def sectors(clusters: pd.DataFrame, codes: list[str], lang: str) -> pd.DataFrame:
    """Sector labels of each county's clusters, with how many clusters and which."""
    column = f"sector_{lang}"
    hosted = per_county(clusters)
    hosted = hosted[hosted["county_code_today"].isin(codes)]
    hosted = hosted.assign(sector=hosted[column].fillna(hosted["sector_en"]))
    hosted = hosted.dropna(subset=["sector"])
    grouped = hosted.groupby(["county_code_today", "sector"]).agg(
        clusters=("cluster_id", "size"), names=("name", lambda n: ", ".join(sorted(n, key=fold))), source_ids=("source_ids", ";".join)
    )
    out = grouped.reset_index().rename(columns={"county_code_today": "county_code"})
    out["_order"] = out["sector"].map(fold)
    return out.sort_values(["county_code", "clusters", "_order"], ascending=[True, False, True]).drop(columns="_order").reset_index(drop=True)


def regions(restructuring: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Restructuring regions touching each county today; a region over two counties is in both."""
    rows = []
    for region in restructuring.itertuples():
        today = split_list(region.county_codes_today) if isinstance(region.county_codes_today, str) else []
        for code in today:
            if code in codes:
                rows.append(
                    {
                        "county_code": code,
                        "name": region.name,
                        "start_year": region.start_year,
                        "end_year": region.end_year,
                        "municipalities": region.municipalities.replace(";", ", ") if isinstance(region.municipalities, str) else "",
                        "source_ids": region.source_ids,
                    }
                )
    out = pd.DataFrame(rows, columns=["county_code", "name", "start_year", "end_year", "municipalities", "source_ids"])
    out = out.astype({"start_year": "Int64", "end_year": "Int64"})
    return out.sort_values(["county_code", "start_year", "name"], na_position="last").reset_index(drop=True)



def reached_by(entered: pd.DataFrame, year: int) -> dict[str, list[tuple[str, int]]]:
    """Per county, (level, clusters) in programme order for the chosen year."""
    at_year = entered[entered["year"].eq(year)]
    ordered = at_year.assign(_order=at_year["level"].map(LEVEL_ORDER)).sort_values(["county_code", "_order"])
    out: dict[str, list[tuple[str, int]]] = {}
    for row in ordered.itertuples():
        out.setdefault(row.county_code, []).append((row.level, int(row.clusters)))
    return out


def period_text(start: object, end: object) -> str:
    """'2004–2010', '2004–' or '–2010' as stated; empty when no year is given."""
    first = "" if pd.isna(start) else str(int(start))
    last = "" if pd.isna(end) else str(int(end))
    return f"{first}–{last}" if first or last else ""
