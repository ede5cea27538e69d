"""The data contract: every table in data/, its columns and the rule each column obeys.

data/README.md describes the same contract for people; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The programme revised in April 2024 has three levels of three years each: NIC Connect, NIC Explore
# and NIC Impact (the top one), as stored sources name them; no source states their whole order.
LEVELS = ("Arena", "Arena Pro", "NCE", "GCE", "Mature cluster", "Hub-node", "NIC Connect", "NIC Explore", "NIC Impact")
PROGRAMMES = ("cluster_programme", "business_networks", "regional_restructuring")
QUALIFIERS = ("", "about", "over", "nearly", "at least", "up to")
END_STATUSES = ("ended", "ongoing", "unknown")
# How a source gives an end year: after the fact, as a period stated in advance, or as a move to another level.
END_BASES = ("reported", "planned", "move")
BUDGET_MEASURES = (
    "allocation",
    "change",
    "change_pct",
    "extra_package",
    "granted",
    "per_cluster_min",
    "per_cluster_max",
    "per_cluster_avg",
)
BASES = (
    "state_budget",
    "assignment_letter",
    "annual_report",
    "press_release",
    "press",
    "evaluation",
    "programme_page",
    # A figure implied by a source's own arithmetic; the note gives the formula and both inputs' sources.
    "derived",
)
# Where a figure sits in the budget's life: proposed, decided by the Storting, revised during the year,
# assigned to the operator (assignment letter), or committed to projects.
BUDGET_STAGES = ("proposal", "enacted", "revised", "assigned", "granted")
# Whose money it is. Ministries under their names of the time: KRD (to 2013) -> KMD (2014-2021) -> KDD;
# NHD (to 2013) -> NFD; LMD agriculture; FKD fisheries and coastal affairs (to 2013).
FUNDERS = ("KRD", "KMD", "KDD", "NHD", "NFD", "LMD", "FKD", "county", "municipality", "IN", "Siva", "NFR", "unstated")
STAT_INDICATORS = (
    "clusters_served",
    "clusters_admitted",
    "firms_participating",
    "knowledge_institutions",
    "networks_served",
    "agriculture_networks",
    "restructuring_regions",
    "jobs_created",
    "jobs_secured",
    "new_firms",
    "projects",
)
# What a restructuring area reports of itself or an evaluator reports of it.
REGION_RESULTS = ("jobs_created", "jobs_secured", "new_firms")
EFFECT_INDICATORS = ("sales_revenue", "value_creation", "productivity", "fte")
EVENT_TYPES = (
    "programme_start",
    "level_introduced",
    "admission_round",
    "budget_cut",
    "extra_package",
    "call",
    "renewal",
    "evaluation",
    "merger",
)
MEMBER_UNITS = ("members", "firms", "partners")

# Years the programmes can speak of: restructuring areas started before 2002.
FIRST_YEAR = 1980
LAST_YEAR = 2030


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text, slug, int, number, year, bool, date, url, enum, enums, ids, region, county, counties, municipality, municipality_then, municipalities
    required: bool = False
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    name: str  # path below data/, without .csv
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    needs_source: bool = True
    # (group columns) within which exactly one row has preferred == true
    preferred_group: tuple[str, ...] = field(default=())

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _c(name: str, kind: str = "text", required: bool = False, options: tuple[str, ...] = ()) -> Column:
    return Column(name, kind, required, options)


SOURCE_IDS = _c("source_ids", "ids", required=True)
NOTE = _c("note")

TABLES: tuple[Table, ...] = (
    Table(
        "sources",
        (
            _c("source_id", "slug", True),
            _c("publisher", required=True),
            _c("title", required=True),
            _c("url", "url"),
            _c("published", "date"),
            _c("accessed", "date", True),
            _c("licence"),
            NOTE,
        ),
        key=("source_id",),
        needs_source=False,
    ),
    Table(
        "reference/counties",
        (
            _c("county_code", "text", True),
            _c("name", required=True),
            _c("name_en", required=True),
            _c("valid_from", required=True),
            _c("valid_to"),
            _c("maps_to", "text", True),
            _c("split", "bool", True),
            SOURCE_IDS,
            NOTE,
        ),
        key=("county_code",),
    ),
    Table(
        "reference/municipalities",
        (
            _c("municipality_code", "text", True),
            _c("name", required=True),
            _c("county_code", "county", True),
            # Empty where the 2020 polygons cannot place a municipality split in 2024 (Ålesund/Haram).
            _c("latitude", "number"),
            _c("longitude", "number"),
            SOURCE_IDS,
        ),
        key=("municipality_code",),
    ),
    Table(
        "reference/municipalities_2020_2024",
        (
            _c("municipality_code_2020", "text", True),
            _c("name_2020", required=True),
            _c("municipality_code", "municipality", True),
            _c("name", required=True),
            _c("county_code", "county", True),
            SOURCE_IDS,
        ),
        key=("municipality_code_2020", "municipality_code"),
    ),
    Table(
        "reference/county_population",
        (
            _c("county_code", "county", True),
            _c("date", "date", True),
            _c("population", "int", True),
            SOURCE_IDS,
            NOTE,
        ),
        key=("county_code", "date"),
    ),
    Table(
        # Population of an old county and of the municipalities that left it, as SSB published them
        # at the time: the figures behind the 85 % majority rule for today's county (derive.py).
        "reference/municipality_population",
        (
            _c("county_code", "county", True),
            # Municipality number of its time; empty on the row for the whole county.
            _c("municipality_code", "municipality_then"),
            _c("name", required=True),
            _c("date", "date", True),
            _c("population", "int", True),
            # Today's county of that municipality; empty on the row for the whole county.
            _c("county_code_today", "county"),
            SOURCE_IDS,
            NOTE,
        ),
        key=("county_code", "municipality_code", "date"),
    ),
    Table(
        "reference/cpi",
        (_c("year", "year", True), _c("cpi", "number", True), SOURCE_IDS, NOTE),
        key=("year",),
    ),
    Table(
        "clusters",
        (
            _c("cluster_id", "slug", True),
            _c("name", required=True),
            _c("other_names"),
            _c("sector_nb"),
            _c("sector_en"),
            _c("host_municipality"),
            _c("municipality_code", "municipality"),
            _c("county_code_source", "counties"),
            _c("website", "url"),
            _c("description_nb"),
            _c("description_en"),
            SOURCE_IDS,
            NOTE,
        ),
        key=("cluster_id",),
    ),
    Table(
        "cluster_levels",
        (
            _c("cluster_id", "cluster", True),
            _c("level", "enum", True, LEVELS),
            # Empty when a source names the level but no year: listed as such, never placed on a map.
            _c("start_year", "year"),
            _c("end_year", "year"),
            _c("end_status", "enum", True, END_STATUSES),
            # Required exactly where end_year is given.
            _c("end_basis", "enum", False, END_BASES),
            # Only where a source gives a first funded year that differs from start_year.
            _c("first_funded_year", "year"),
            # The admission round (events.csv) that admitted this level: the event's date, or its year
            # where the event has no date.
            _c("round", "date"),
            # Only where end_year is empty: the latest year a dated source places the cluster at this level.
            _c("confirmed_until", "year"),
            SOURCE_IDS,
            NOTE,
        ),
        key=("cluster_id", "level", "start_year"),
    ),
    Table(
        "cluster_members",
        (
            _c("cluster_id", "cluster", True),
            _c("year", "year", True),
            _c("members", "int", True),
            _c("qualifier", "enum", False, QUALIFIERS),
            _c("unit", "enum", True, MEMBER_UNITS),
            SOURCE_IDS,
            NOTE,
        ),
    ),
    Table(
        "budgets",
        (
            _c("year", "year", True),
            _c("programme", "enum", True, PROGRAMMES),
            _c("component", required=True),
            _c("measure", "enum", True, BUDGET_MEASURES),
            _c("value", "number", True),
            _c("qualifier", "enum", False, QUALIFIERS),
            _c("basis", "enum", True, BASES),
            _c("stage", "enum", True, BUDGET_STAGES),
            _c("funder", "enums", True, FUNDERS),
            _c("preferred", "bool", True),
            _c("preferred_reason"),
            SOURCE_IDS,
            NOTE,
        ),
        preferred_group=("year", "programme", "component", "measure", "stage"),
    ),
    Table(
        "programme_stats",
        (
            _c("year", "year", True),
            _c("programme", "enum", True, PROGRAMMES),
            _c("indicator", "enum", True, STAT_INDICATORS),
            _c("level", "enum", True, ("all",) + LEVELS),
            _c("value", "number", True),
            _c("qualifier", "enum", False, QUALIFIERS),
            _c("preferred", "bool", True),
            _c("preferred_reason"),
            SOURCE_IDS,
            NOTE,
        ),
        preferred_group=("year", "programme", "indicator", "level"),
    ),
    Table(
        "effects",
        (
            _c("report_year", "year", True),
            _c("indicator", "enum", True, EFFECT_INDICATORS),
            _c("value_pp", "number", True),
            _c("window", required=True),
            _c("comparison", required=True),
            _c("computed_by", required=True),
            _c("method_id", "slug", True),
            SOURCE_IDS,
            NOTE,
        ),
        key=("report_year", "indicator", "method_id"),
    ),
    Table(
        "restructuring_regions",
        (
            _c("region_id", "slug", True),
            _c("name", required=True),
            _c("municipalities"),
            _c("municipality_codes", "municipalities"),
            _c("county_code_source", "counties"),
            _c("start_year", "year"),
            _c("end_year", "year"),
            SOURCE_IDS,
            NOTE,
        ),
        key=("region_id",),
    ),
    Table(
        "region_results",
        (
            _c("region_id", "region", True),
            _c("indicator", "enum", True, REGION_RESULTS),
            _c("value", "number", True),
            _c("qualifier", "enum", False, QUALIFIERS),
            # The years the figure covers: one year, or a whole status period as an evaluation sums it up.
            _c("start_year", "year", True),
            _c("end_year", "year", True),
            _c("reported_by", required=True),
            _c("preferred", "bool", True),
            _c("preferred_reason"),
            SOURCE_IDS,
            NOTE,
        ),
        preferred_group=("region_id", "indicator", "start_year", "end_year"),
    ),
    Table(
        "events",
        (
            _c("year", "year", True),
            _c("date", "date"),
            _c("programme", "enum", True, PROGRAMMES),
            _c("event_type", "enum", True, EVENT_TYPES),
            _c("label_nb", required=True),
            _c("label_en", required=True),
            SOURCE_IDS,
        ),
    ),
)

TABLES_BY_NAME = {t.name: t for t in TABLES}
