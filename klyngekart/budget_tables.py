"""The budget page's tables: every figure with its source, and the stages reconciled per year."""

from __future__ import annotations

import pandas as pd

from klyngekart.budget import table_rows
from klyngekart.data import Dataset
from klyngekart.i18n import t, translate_values
from klyngekart.provenance import with_source_columns
from klyngekart.stages import STAGES, part_label, reconcile


def figures_table(ds: Dataset, programme: str, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """Every row of the programme, conflicting ones too, with its stage, funder and source (built once per dataset)."""
    return ds.memo(f"budget.figures.{programme}.{lang}", lambda ds: _figures_table(ds, programme, lang))


def _figures_table(ds: Dataset, programme: str, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    rows = with_source_columns(table_rows(ds["budgets"], programme), ds)
    rows["part"] = [part_label(c, f, lang) for c, f in zip(rows["component"], rows["funder"], strict=True)]
    rows = translate_values(rows, {"measure": "measure.", "basis": "basis.", "stage": "stage.", "qualifier": "qualifier."}, lang)
    columns = {
        "year": "table.year", "part": "budget.part", "stage": "budget.stage", "funder": "budget.funder",
        "measure": "budget.measure", "value": "budget.value", "qualifier": "table.qualifier", "basis": "budget.basis",
        "preferred": "table.preferred", "conflict": "table.conflict", "preferred_reason": "table.preferred_reason",
        "source_url": "table.source_url", "source": "table.source", "note": "table.note",
    }
    return rows, {name: t(key, lang) for name, key in columns.items()}


def stages_table(ds: Dataset, programme: str, derived: bool, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """Per year and part, the amount at each stage that has one and the difference to the stage before."""
    return ds.memo(f"budget.stages.{programme}.{derived}.{lang}", lambda ds: _stages_table(ds, programme, derived, lang))


def _stages_table(ds: Dataset, programme: str, derived: bool, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    rows = reconcile(ds["budgets"], programme, derived)
    funders = ds["budgets"].drop_duplicates(["year", "component"]).set_index(["year", "component"])["funder"]
    rows["part"] = [part_label(c, funders.get((y, c)), lang) for y, c in zip(rows["year"], rows["component"], strict=True)]
    columns = {"year": t("table.year", lang), "part": t("budget.part", lang)}
    for stage in STAGES:
        if stage in rows.columns:
            columns[stage] = t(f"stage.{stage}", lang)
        if f"diff_{stage}" in rows.columns:
            columns[f"diff_{stage}"] = t("budget.diff", lang, stage=t(f"stage.{stage}", lang).lower())
    return rows, columns
