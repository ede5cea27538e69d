"""Completeness report of the dataset, printed by `python -m klyngekart check`."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from klyngekart.data import Dataset
from klyngekart.data.derive import MUNICIPALITY
from klyngekart.data.schema import TABLES
from klyngekart.reconcile import closed_with_end, duplicate_pairs, end_bases, reconcile, round_disagreements, undated_on_map
from klyngekart.stages import STAGES, whole_years
from klyngekart.targets import listed_years

BUDGET_YEARS = range(2002, 2026)
TARGET_DISTINCT = 110
TARGET_CLUSTERS = 105
TARGET_MUNICIPALITY_SHARE = 0.90
TARGET_CLOSED_END_SHARE = 0.60
NOT_FOUND_HEADING = "## Years with no public budget figure"


def year_ranges(years: Iterable[int]) -> str:
    """Compact list such as '2002–2004, 2007' for a set of years."""
    ordered = sorted({int(y) for y in years})
    if not ordered:
        return "none"
    parts, start, previous = [], ordered[0], ordered[0]
    for year in ordered[1:] + [None]:
        if year is not None and year == previous + 1:
            previous = year
            continue
        parts.append(str(start) if start == previous else f"{start}–{previous}")
        if year is not None:
            start = previous = year
    return ", ".join(parts)


def years_listed_as_not_found(readme: Path) -> set[int]:
    """Years that data/README.md lists under NOT_FOUND_HEADING (lines '- 2003: where we looked')."""
    return listed_years(readme, NOT_FOUND_HEADING)


def cluster_coverage(ds: Dataset) -> dict[str, object]:
    clusters = ds["clusters"]
    levels = ds["cluster_levels"]
    with_level = set(levels.loc[levels["start_year"].notna(), "cluster_id"])
    has_county = clusters["county_code_today"].notna() | clusters["county_code_source"].notna()
    return {
        "clusters": len(clusters),
        "with_level_and_start": len(with_level & set(clusters["cluster_id"])),
        "with_county": int(has_county.sum()),
        "missing_county": sorted(clusters.loc[~has_county, "cluster_id"]),
        "missing_level": sorted(set(clusters["cluster_id"]) - with_level),
        "county_today_unknown": sorted(clusters.loc[clusters["county_code_today"].isna(), "cluster_id"]),
        "by_basis": clusters["county_basis"].value_counts().to_dict(),
    }


def budget_year_status(ds: Dataset, readme: Path) -> dict[str, list[int]]:
    budgets = ds["budgets"]
    # A figure implied by a source's arithmetic (basis derived) is not a figure found.
    cluster_rows = budgets[
        budgets["programme"].eq("cluster_programme") & ~budgets["measure"].str.startswith("per_cluster") & ~budgets["basis"].eq("derived")
    ]
    covered = {int(y) for y in cluster_rows["year"]}
    listed = years_listed_as_not_found(readme)
    return {
        "covered": sorted(covered & set(BUDGET_YEARS)),
        "listed_not_found": sorted(listed - covered),
        "unexplained": sorted(set(BUDGET_YEARS) - covered - listed),
    }


def _series_lines(frame: pd.DataFrame, by: list[str], year: str) -> list[str]:
    lines = []
    for keys, group in frame.groupby(by, sort=True):
        label = " / ".join(str(k) for k in (keys if isinstance(keys, tuple) else (keys,)))
        lines.append(f"  {label}: {year_ranges(group[year].dropna())}")
    return lines


def programme_year_targets(ds: Dataset, readme: Path) -> tuple[list[str], dict[str, bool]]:
    """Issue 13's figures year by year: report lines and targets."""
    from klyngekart import targets as tg

    lines, found = ["", f"Participation figures {tg.PARTICIPATION_YEARS[0]}–{tg.PARTICIPATION_YEARS[-1]} (whole-programme count):"], {}
    for item in tg.participation(ds, readme):
        lines.append(
            f"  {item.programme} ({tg.PARTICIPATION[item.programme]}): years without a figure: {year_ranges(item.missing)};"
            f" listed in data/README.md: {year_ranges(item.listed)}; unexplained: {year_ranges(item.unexplained)}"
        )
        span = f"{tg.PARTICIPATION_YEARS[0]}–{tg.PARTICIPATION_YEARS[-1]}"
        found[f"{item.programme}: at most {tg.MAX_LISTED} years {span} without a participation figure, each listed"] = item.met
    have, listed, unexplained = tg.effect_years(ds, readme)
    lines += [
        "",
        "Effect estimates by report year:",
        f"  with estimates: {year_ranges(have)}",
        f"  {tg.EFFECT_YEARS[0]}–{tg.EFFECT_YEARS[-1]} without, listed in data/README.md: {year_ranges(listed)}; unexplained: {year_ranges(unexplained)}",
    ]
    found[f"every report year {tg.EFFECT_YEARS[0]}–{tg.EFFECT_YEARS[-1]} has effect estimates or is listed"] = not unexplained
    no_stage, no_funder = tg.budget_rows_without(ds, "stage"), tg.budget_rows_without(ds, "funder")
    lines += [
        "",
        f"Budget rows: {len(ds['budgets'])}; without a stage: {no_stage}; without a funder: {no_funder}",
    ]
    found["every budget row has a stage and a funder"] = not no_stage and not no_funder
    whole = tg.years_with_whole_amount(ds, "cluster_programme")
    by_stage = whole_years(ds["budgets"], "cluster_programme")
    figure_years = tg.years_with_whole_figure(ds, "cluster_programme")
    lines += [
        f"Cluster programme years {tg.WHOLE_YEARS[0]}–{tg.WHOLE_YEARS[-1]} with a whole-programme amount at some stage"
        f" (derived not counted): {len(whole)} ({year_ranges(whole)})",
        "  by stage: " + "; ".join(f"{stage} {len(by_stage[stage])}" for stage in STAGES if by_stage[stage]),
        f"  counting any whole-programme figure (a change or an extra package too): {len(figure_years)} ({year_ranges(figure_years)})",
    ]
    return lines, found


def completeness_report(ds: Dataset, readme: Path) -> tuple[list[str], bool]:
    """Lines of the report, and whether every target is met."""
    lines = [f"Dataset release {ds.release.version} ({ds.release.date}), licence {ds.release.licence}", ""]
    lines.append("Rows per table (share with a resolving source):")
    for table in TABLES:
        frame = ds.raw[table.name]
        if table.needs_source:
            share = (frame["source_ids"] != "").mean() if len(frame) else 0.0
            lines.append(f"  {table.file:38} {len(frame):5}  ({share:.0%})")
        else:
            lines.append(f"  {table.file:38} {len(frame):5}")

    lines += ["", "Years covered, budgets (preferred rows):"]
    preferred = ds["budgets"][ds["budgets"]["preferred"]]
    lines += _series_lines(preferred, ["programme", "component", "measure"], "year")
    lines += ["", "Years covered, programme statistics (preferred rows):"]
    stats = ds["programme_stats"][ds["programme_stats"]["preferred"]]
    lines += _series_lines(stats, ["programme", "indicator", "level"], "year")
    lines += ["", "Years covered, effects (report year):"]
    lines += _series_lines(ds["effects"], ["indicator", "computed_by"], "report_year")
    lines += ["", f"Consumer price index: {year_ranges(ds['reference/cpi']['year'])}"]

    coverage = cluster_coverage(ds)
    budget = budget_year_status(ds, readme)
    total = coverage["clusters"]
    county_share = coverage["with_county"] / total if total else 0.0
    today_share = (total - len(coverage["county_today_unknown"])) / total if total else 0.0
    lines += [
        "",
        "Clusters:",
        f"  distinct clusters: {total}",
        f"  with a level and start year: {coverage['with_level_and_start']}",
        f"  with a county: {coverage['with_county']} ({county_share:.0%})",
        f"  with today's county: {total - len(coverage['county_today_unknown'])} ({today_share:.0%}); by basis: "
        + ", ".join(f"{basis} {count}" for basis, count in sorted(coverage["by_basis"].items())),
        f"  missing county: {', '.join(coverage['missing_county']) or 'none'}",
        f"  missing level years: {', '.join(coverage['missing_level']) or 'none'}",
        f"  today's county not derivable: {', '.join(coverage['county_today_unknown']) or 'none'}",
    ]
    lines += ["", *registry_lines(ds)]
    targets = registry_targets(ds, coverage) | {
        "every year 2002–2025 has a budget figure or is listed as not found": not budget["unexplained"],
    }
    issue_lines, issue_targets = programme_year_targets(ds, readme)
    targets |= issue_targets
    lines += issue_lines
    lines += [
        "",
        "Cluster programme budget years 2002–2025:",
        f"  with a sourced figure: {year_ranges(budget['covered'])}",
        f"  listed in data/README.md as no public figure found: {year_ranges(budget['listed_not_found'])}",
        f"  unexplained: {year_ranges(budget['unexplained'])}",
        "",
        "Targets:",
    ]
    lines += [f"  [{'x' if met else ' '}] {name}" for name, met in targets.items()]
    return lines, all(targets.values())


def registry_lines(ds: Dataset) -> list[str]:
    """Reconciliation per year, duplicates and admission rounds, as lines of the report."""
    lines = ["Registry against published counts (clusters served; met = within 10 %):"]
    for rec in reconcile(ds["clusters"], ds["cluster_levels"], ds["programme_stats"]):
        levels = "" if rec.levels == ("all",) else f" (levels {', '.join(rec.levels)})"
        lines.append(f"{rec.line} {'met' if rec.met else 'not met'}{levels}")
        if not rec.met and rec.unknown:
            verdict = "would close the gap" if rec.explained else "would not close the gap"
            lines.append(f"  not known whether still in ({len(rec.unknown)}; {verdict}): {', '.join(rec.unknown)}")
        elif not rec.met:
            lines.append("  no cluster in the registry explains the difference")
    lines.append("Possible duplicates (a name of one row is a name of another):")
    lines += [f"  {a} = {b}" for a, b in duplicate_pairs(ds["clusters"])] or ["  none"]
    lines.append("Admission rounds whose clusters disagree on the year (round: round's year, other years):")
    disagreements = round_disagreements(ds["cluster_levels"], ds["events"])
    lines += [f"  {key}: {', '.join(str(y) for y in years)}" for key, years in disagreements.items()] or ["  none"]
    with_end, closed = closed_with_end(ds["cluster_levels"])
    bases = end_bases(ds["cluster_levels"])
    lines.append(f"Closed levels with an end year: {with_end} of {closed}; by basis: " + ", ".join(f"{b} {n}" for b, n in bases.items()))
    return lines


def registry_targets(ds: Dataset, coverage: dict[str, object]) -> dict[str, bool]:
    clusters, levels = ds["clusters"], ds["cluster_levels"]
    total = coverage["clusters"] or 1
    with_end, closed = closed_with_end(levels)
    years = range(int(levels["start_year"].min()), int(ds.release.date[:4]) + 1) if levels["start_year"].notna().any() else range(0)
    reconciled = reconcile(clusters, levels, ds["programme_stats"])
    return {
        "registry within 10% of the published count in every year that has one": all(r.met for r in reconciled),
        f"at least {TARGET_DISTINCT} distinct clusters": coverage["clusters"] >= TARGET_DISTINCT,
        f"at least {TARGET_CLUSTERS} clusters with a level and start year": coverage["with_level_and_start"] >= TARGET_CLUSTERS,
        "every cluster has a county today": not coverage["county_today_unknown"],
        f"at least {TARGET_MUNICIPALITY_SHARE:.0%} of clusters placed by municipality": coverage["by_basis"].get(MUNICIPALITY, 0) / total
        >= TARGET_MUNICIPALITY_SHARE,
        "no undated cluster counted on the map": not undated_on_map(clusters, levels, years),
        "no pair of rows that is the same cluster": not duplicate_pairs(clusters),
        "no admission round whose clusters disagree on the year": not round_disagreements(levels, ds["events"]),
        f"at least {TARGET_CLOSED_END_SHARE:.0%} of closed levels with an end year ({with_end} of {closed})": closed > 0
        and with_end / closed >= TARGET_CLOSED_END_SHARE,
    }
