"""The budget page's tables: every figure with its source, and the stages reconciled per year.

In real terms (`base` a year) the amounts are also given in that year's kroner, named so in the
column heading; a percentage change is never deflated."""

from __future__ import annotations

import pandas as pd

from klyngekart.budget import cpi_factor, table_rows
from klyngekart.data import Dataset
from klyngekart.i18n import t, translate_text_columns, translate_values
from klyngekart.provenance import with_source_columns
from klyngekart.stages import STAGES, funder_text, part_label, reconcile

# Measures given in percent, not kroner.
PERCENT_MEASURES = ("change_pct",)


def figures_table(ds: Dataset, programme: str, lang: str, base: int | None = None) -> tuple[pd.DataFrame, dict[str, str]]:
    """Every row of the programme, conflicting ones too, with its stage, funder and source (built once per dataset)."""
    return ds.memo(f"budget.figures.{programme}.{lang}.{base}", lambda ds: _figures_table(ds, programme, lang, base))


def _figures_table(ds: Dataset, programme: str, lang: str, base: int | None) -> tuple[pd.DataFrame, dict[str, str]]:
    rows = with_source_columns(table_rows(ds["budgets"], programme), ds)
    rows["part"] = [part_label(c, f, lang) for c, f in zip(rows["component"], rows["funder"], strict=True)]
    if base is not None:
        factor = rows["year"].astype(int).map(cpi_factor(ds["reference/cpi"], base))
        in_kroner = ~rows["measure"].isin(PERCENT_MEASURES)
        rows["value_real"] = (rows["value"].astype(float) * factor).where(in_kroner).round(1).astype("Float64")
    rows["funder"] = [funder_text(f, lang) for f in rows["funder"]]
    rows = translate_values(rows, {"measure": "measure.", "basis": "basis.", "stage": "stage.", "qualifier": "qualifier."}, lang)
    rows = translate_text_columns(rows, ["preferred_reason"], lang)
    columns = {
        "year": "table.year", "part": "budget.part", "stage": "budget.stage", "funder": "budget.funder",
        "measure": "budget.measure", "value": "budget.value", "qualifier": "table.qualifier", "basis": "budget.basis",
        "preferred": "table.preferred", "conflict": "table.conflict", "preferred_reason": "table.preferred_reason",
        "source_url": "table.source_url", "source": "table.source", "note": "table.note",
    }
    labels = {name: t(key, lang) for name, key in columns.items()}
    if base is not None:
        labels = _after(labels, "value", {"value_real": t("budget.value_real", lang, base=base)})
    return rows, labels


def _after(labels: dict[str, str], name: str, extra: dict[str, str]) -> dict[str, str]:
    """`labels` with `extra` placed right after the column `name`."""
    out: dict[str, str] = {}
    for key, label in labels.items():
        out[key] = label
        if key == name:
            out |= extra
    return out


def stages_table(ds: Dataset, programme: str, derived: bool, lang: str, base: int | None = None) -> tuple[pd.DataFrame, dict[str, str]]:
    """Per year and part, the amount at each stage that has one and the difference to the stage before."""
    return ds.memo(f"budget.stages.{programme}.{derived}.{lang}.{base}", lambda ds: _stages_table(ds, programme, derived, lang, base))


def _stages_table(ds: Dataset, programme: str, derived: bool, lang: str, base: int | None) -> tuple[pd.DataFrame, dict[str, str]]:
    rows = reconcile(ds["budgets"], programme, derived)
    funders = ds["budgets"].drop_duplicates(["year", "component"]).set_index(["year", "component"])["funder"]
    rows["part"] = [part_label(c, funders.get((y, c)), lang) for y, c in zip(rows["year"], rows["component"], strict=True)]
    columns = {"year": t("table.year", lang), "part": t("budget.part", lang)}
    for stage in STAGES:
        if stage in rows.columns:
            columns[stage] = t(f"stage.{stage}", lang)
        if f"diff_{stage}" in rows.columns:
            columns[f"diff_{stage}"] = t("budget.diff", lang, stage=t(f"stage.{stage}", lang).lower())
    if base is not None and not rows.empty:
        factor = rows["year"].astype(int).map(cpi_factor(ds["reference/cpi"], base))
        amounts = [name for name in columns if name not in ("year", "part")]
        rows[amounts] = rows[amounts].mul(factor, axis=0).round(1)
        columns |= {name: t("budget.in_base", lang, stage=columns[name], base=base) for name in amounts}
    return rows, columns
