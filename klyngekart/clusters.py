"""Clusters one by one: the explorer's table, forgiving search, filters and a cluster's profile.

A cluster's "current or last" level is the level it reached last by start year; years in the
programme run from its first start year to the end of that level, open when a source says it is
still going and marked with "?" when no source gives an end. Nothing is filled in.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

from klyngekart.data import Dataset
from klyngekart.data.derive import MAJORITY, in_county
from klyngekart.data.schema import LEVELS
from klyngekart.data.validate import split_list
from klyngekart.i18n import format_number, t
from klyngekart.urlstate import MAX_VALUE_LENGTH, Param

# Letters readers type in more than one way. Both the query and the names are folded the same
# way, so "Alesund", "Aalesund" and "Ålesund" all find one another.
_SPELLINGS = (("æ", "ae"), ("ä", "ae"), ("ø", "o"), ("ö", "o"), ("œ", "o"), ("oe", "o"), ("å", "a"), ("aa", "a"))
LEVEL_ORDER = {level: i for i, level in enumerate(LEVELS)}
TABLE_COLUMNS = ("name", "level", "county_today", "county_then", "sector", "years", "members", "other_names")


def fold(text: object) -> str:
    """Lower case, Norwegian letters and accents folded, punctuation turned into single spaces."""
    if not isinstance(text, str):
        return ""
    folded = text.casefold()
    for letter, plain in _SPELLINGS:
        folded = folded.replace(letter, plain)
    folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", folded))


def clean_query(raw: object) -> str:
    """Search text as typed, cut to the longest value a URL parameter may hold."""
    return raw.strip()[:MAX_VALUE_LENGTH] if isinstance(raw, str) else ""


def search_text(clusters: pd.DataFrame) -> pd.Series:
    """Folded name, earlier names, host town, sectors and id of each cluster, for searching."""
    parts = clusters[["name", "other_names", "host_municipality", "sector_nb", "sector_en", "cluster_id"]]
    return parts.apply(lambda row: " | ".join(fold(v) for v in row), axis=1)


def matches(haystack: pd.Series, query: str) -> pd.Series:
    """True where every word of `query` occurs, folded, in the row's search text."""
    words = fold(query).split()
    found = pd.Series(True, index=haystack.index)
    for word in words:
        found &= haystack.str.contains(word, regex=False)
    return found


def county_names(counties: pd.DataFrame, lang: str) -> dict[str, str]:
    column = "name_en" if lang == "en" else "name"
    return dict(zip(counties["county_code"], counties[column], strict=True))


def named_counties(codes: object, names: dict[str, str]) -> str:
    """'09;10' as 'Aust-Agder, Vest-Agder'; empty when no code is given."""
    if not isinstance(codes, str):
        return ""
    return ", ".join(names.get(code, code) for code in split_list(codes))


def today_text(codes: object, basis: object, names: dict[str, str], lang: str) -> str:
    """Today's county names; 'approximate' when placed by the majority rule (no host municipality known)."""
    text = named_counties(codes, names)
    return t("clusters.county_approximate", lang, county=text) if text and basis == MAJORITY else text


def municipality_name(municipalities: pd.DataFrame, code: object) -> str:
    found = municipalities.loc[municipalities["municipality_code"].eq(code), "name"]
    return str(found.iloc[0]) if isinstance(code, str) and not found.empty else ""


def host_text(town: object, municipality: str) -> str:
    """'Raufoss (Vestre Toten)': the town a source names, and the municipality it lies in when that differs."""
    town = town if isinstance(town, str) else ""
    if town and municipality and fold(municipality) not in fold(town):
        return f"{town} ({municipality})"
    return town or municipality


def ordered_levels(levels: pd.DataFrame) -> pd.DataFrame:
    """Level rows by start year, then in programme order; rows without a start year last."""
    out = levels.assign(_order=levels["level"].map(LEVEL_ORDER))
    return out.sort_values(["cluster_id", "start_year", "_order"], na_position="last").drop(columns="_order").reset_index(drop=True)


def last_levels(levels: pd.DataFrame) -> pd.DataFrame:
    """Per cluster: its current or last level row, and the first start year of any level."""
    ordered = ordered_levels(levels)
    dated = ordered[ordered["start_year"].notna()]
    last = dated.groupby("cluster_id").tail(1).set_index("cluster_id")
    # A cluster known only from rows without a year still has a level to show.
    undated_only = ordered[~ordered["cluster_id"].isin(last.index)].groupby("cluster_id").tail(1).set_index("cluster_id")
    out = pd.concat([last, undated_only])
    out["first_year"] = dated.groupby("cluster_id")["start_year"].min()
    out["levels_held"] = ordered.groupby("cluster_id")["level"].agg(lambda held: ";".join(dict.fromkeys(held)))
    return out


def years_text(first_year: object, end_year: object, end_status: object, end_basis: object = "", lang: str = "nb") -> str:
    """'2006–2015' (ended), '2019–2024 (planned end)', '2015–' (a source says still active), '2011–?' (no end stated)."""
    if pd.isna(first_year):
        return ""
    if end_status == "ended" and not pd.isna(end_year):
        planned = f" ({t('clusters.end_planned', lang)})" if end_basis == "planned" else ""
        return f"{int(first_year)}–{int(end_year)}{planned}"
    return f"{int(first_year)}–" if end_status == "ongoing" else f"{int(first_year)}–?"


def member_text(row: pd.Series, lang: str) -> str:
    """'over 100 firms (2014)' in the page language."""
    qualifier = row["qualifier"]
    prefix = t(f"qualifier.{qualifier}", lang) + " " if isinstance(qualifier, str) and qualifier else ""
    unit = t(f"clusters.unit_{row['unit']}", lang)
    return f"{prefix}{format_number(row['members'], lang)} {unit} ({int(row['year'])})"


def latest_members(members: pd.DataFrame) -> pd.DataFrame:
    """Per cluster, the member count of the latest year a source gives."""
    return members.sort_values(["cluster_id", "year"]).groupby("cluster_id").tail(1).set_index("cluster_id")


def level_label(level: object, lang: str) -> str:
    return t(f"clusters.level_{level}", lang) if isinstance(level, str) else ""


def cluster_table(data: Dataset, lang: str) -> pd.DataFrame:
    """One row per cluster with what the explorer shows, plus the codes its filters use.

    Worked out once per loaded dataset and language (about 35 ms, on every rerun of the explorer
    and the timeline before); callers filter it and never change it in place."""
    return data.memo(f"cluster_table.{lang}", lambda ds: _cluster_table(ds, lang))


def _cluster_table(data: Dataset, lang: str) -> pd.DataFrame:
    clusters = data["clusters"]
    names = county_names(data["reference/counties"], lang)
    last = last_levels(data["cluster_levels"]).reindex(clusters["cluster_id"])
    latest = latest_members(data["cluster_members"])
    table = pd.DataFrame(
        {
            "cluster_id": clusters["cluster_id"],
            "name": clusters["name"],
            "level": [level_label(v, lang) for v in last["level"]],
            "county_today": [today_text(c, b, names, lang) for c, b in zip(clusters["county_code_today"], clusters["county_basis"], strict=True)],
            "county_then": [named_counties(c, names) for c in clusters["county_code_source"]],
            "sector": clusters[f"sector_{lang}"].fillna(""),
            "years": [
                years_text(f, e, s, b, lang) for f, e, s, b in zip(last["first_year"], last["end_year"], last["end_status"], last["end_basis"], strict=True)
            ],
            "members": [member_text(latest.loc[c], lang) if c in latest.index else "" for c in clusters["cluster_id"]],
            "other_names": [", ".join(split_list(o)) if isinstance(o, str) else "" for o in clusters["other_names"]],
            "levels_held": last["levels_held"].fillna("").to_numpy(),
            "county_code_today": clusters["county_code_today"],
            "sector_en": clusters["sector_en"],
            "search_text": search_text(clusters),
            "source_ids": clusters["source_ids"],
        }
    )
    return table.sort_values(["name"], key=lambda s: s.map(fold)).reset_index(drop=True)


def filter_table(table: pd.DataFrame, query: str = "", level: str = "all", county: str = "all", sector: str = "all") -> pd.DataFrame:
    """Rows matching the search and filters: level means ever held; county 'unknown' means no county today."""
    keep = matches(table["search_text"], query)
    if level != "all":
        keep &= table["levels_held"].map(lambda held: level in split_list(held) if held else False)
    if county == "unknown":
        keep &= table["county_code_today"].isna()
    elif county != "all":
        keep &= in_county(table["county_code_today"], county)
    if sector != "all":
        keep &= table["sector_en"].eq(sector).fillna(False)
    return table[keep].reset_index(drop=True)


def today_county_codes(counties: pd.DataFrame) -> tuple[str, ...]:
    """Codes of today's counties (no end date), in code order."""
    return tuple(sorted(counties.loc[counties["valid_to"].isna(), "county_code"]))


def cluster_filter_params(data: Dataset) -> list[Param]:
    """The level / county / sector filters the cluster pages share, as URL parameters."""
    return [
        Param("level", "all", ("all", *LEVELS)),
        Param("county", "all", ("all", *today_county_codes(data["reference/counties"]), "unknown")),
        Param("sector", "all", ("all", *sector_options(data["clusters"]))),
    ]


def sector_options(clusters: pd.DataFrame) -> tuple[str, ...]:
    """Sectors by their English label, the language-independent value kept in the URL."""
    return tuple(sorted(clusters["sector_en"].dropna().unique(), key=fold))


def sector_labels(clusters: pd.DataFrame, lang: str) -> dict[str, str]:
    rows = clusters.dropna(subset=["sector_en"]).drop_duplicates("sector_en")
    return dict(zip(rows["sector_en"], rows[f"sector_{lang}"].fillna(rows["sector_en"]), strict=True))


@dataclass(frozen=True)
class Profile:
    cluster: pd.Series
    levels: pd.DataFrame  # rows with a start year, in order
    undated: pd.DataFrame  # rows a source names without a year: listed, never drawn
    members: pd.DataFrame
    source_ids: list[str]
    county_then: str
    county_today: str
    host: str  # host town, with its municipality beside it when the two differ

    @property
    def level(self) -> str | None:
        """The current or last level: the one entered last, or one named without a year."""
        known = self.levels if not self.levels.empty else self.undated
        return None if known.empty else known["level"].iloc[-1]

    def years(self, lang: str) -> str:
        if self.levels.empty:
            return ""
        last = self.levels.iloc[-1]
        return years_text(self.levels["start_year"].min(), last["end_year"], last["end_status"], last["end_basis"], lang)

    @property
    def has_point(self) -> bool:
        return not (pd.isna(self.cluster["latitude"]) or pd.isna(self.cluster["longitude"]))


def profile(data: Dataset, cluster_id: str, lang: str) -> Profile | None:
    """Everything the profile shows about one cluster, or None for an unknown id."""
    clusters = data["clusters"]
    found = clusters[clusters["cluster_id"].eq(cluster_id)]
    if found.empty:
        return None
    cluster = found.iloc[0]
    levels = ordered_levels(data["cluster_levels"][data["cluster_levels"]["cluster_id"].eq(cluster_id)])
    members = data["cluster_members"][data["cluster_members"]["cluster_id"].eq(cluster_id)].sort_values("year").reset_index(drop=True)
    ids: dict[str, None] = {}
    for value in [cluster["source_ids"], *levels["source_ids"], *members["source_ids"]]:
        for source_id in split_list(value) if isinstance(value, str) else []:
            ids.setdefault(source_id, None)
    names = county_names(data["reference/counties"], lang)
    today = cluster["county_code_today"]
    return Profile(
        cluster=cluster,
        levels=levels[levels["start_year"].notna()].reset_index(drop=True),
        undated=levels[levels["start_year"].isna()].reset_index(drop=True),
        members=members,
        source_ids=list(ids),
        county_then=named_counties(cluster["county_code_source"], names),
        county_today=today_text(today, cluster["county_basis"], names, lang),
        host=host_text(cluster["host_municipality"], municipality_name(data["reference/municipalities"], cluster["municipality_code"])),
    )


def closest(clusters: pd.DataFrame, text: str, count: int = 5) -> pd.DataFrame:
    """Clusters whose id or name (or earlier name) comes closest to `text`, best first."""
    wanted = fold(clean_query(text).replace("-", " "))
    if not wanted:
        return clusters.iloc[0:0][["cluster_id", "name"]]
    candidates: dict[str, str] = {}
    for cluster_id, name, others in zip(clusters["cluster_id"], clusters["name"], clusters["other_names"], strict=True):
        for label in [cluster_id.replace("-", " "), name, *(split_list(others) if isinstance(others, str) else [])]:
            candidates.setdefault(fold(label), cluster_id)
    best = difflib.get_close_matches(wanted, list(candidates), n=count * 3, cutoff=0.4)
    ids = list(dict.fromkeys(candidates[label] for label in best))[:count]
    by_id = clusters.set_index("cluster_id")
    return pd.DataFrame({"cluster_id": ids, "name": [by_id.at[i, "name"] for i in ids]})


def latest_year(data: Dataset) -> int:
    """The year of the data release: 'today' for bars of levels still running."""
    return int(data.release.date[:4])


def timeline_rows(levels: pd.DataFrame, clusters: pd.DataFrame, latest: int) -> pd.DataFrame:
    """Level rows that have a start year, with the cluster's name and where each bar ends.

    `drawn_to` is the stated end, or `latest` for a level a source says is still running; for a
    level with no stated end it is empty, and the chart marks the bar as open instead.
    """
    dated = ordered_levels(levels[levels["start_year"].notna()])
    names = clusters.set_index("cluster_id")["name"]
    out = dated.assign(name=dated["cluster_id"].map(names))
    drawn = out["end_year"].where(out["end_status"].eq("ended"))
    out["drawn_to"] = drawn.mask(out["end_status"].eq("ongoing"), latest).astype("Int64")
    first = out.groupby("cluster_id")["start_year"].transform("min")
    return out.assign(first_year=first).sort_values(["first_year", "name", "start_year"]).drop(columns="first_year").reset_index(drop=True)
