"""Budget figures by stage (proposal → enacted → revised → assigned → granted) and by reach.

A figure covers the whole programme (component `all`) or a part of it: one level, one ministry's
share, one budget post. A part is never added into, or drawn as, the whole: the whole-programme
series holds only `all` rows, and each part keeps a series of its own, labelled as a part.
Figures implied by a source's arithmetic (basis `derived`) are kept apart and shown only on request.
"""

from __future__ import annotations

import pandas as pd

from klyngekart.data import Dataset
from klyngekart.data.schema import BUDGET_STAGES, LEVELS
from klyngekart.data.validate import split_list
from klyngekart.i18n import data_text, t

WHOLE = "all"
DERIVED = "derived"
STAGES = BUDGET_STAGES
# The yearly amount at a stage; changes, packages and per-cluster support are other measures.
AMOUNT = "allocation"


def staged(budgets: pd.DataFrame) -> pd.DataFrame:
    """Preferred yearly amounts with `whole` and `derived` flags."""
    rows = budgets[budgets["preferred"] & budgets["measure"].eq(AMOUNT)]
    return rows.assign(
        whole=rows["component"].eq(WHOLE),
        derived=rows["basis"].eq(DERIVED),
    )


def stage_series(budgets: pd.DataFrame, programme: str, stage: str, derived: bool = False) -> pd.DataFrame:
    """One stage's amounts of the programme, one row per year and component; derived ones only when asked."""
    rows = staged(budgets)
    rows = rows[rows["programme"].eq(programme) & rows["stage"].eq(stage)]
    if not derived:
        rows = rows[~rows["derived"]]
    return rows.sort_values(["year", "component"]).reset_index(drop=True)


def whole_years(budgets: pd.DataFrame, programme: str) -> dict[str, set[int]]:
    """Per stage, the years with a whole-programme amount from a source (derived ones are not found)."""
    rows = staged(budgets)
    rows = rows[rows["programme"].eq(programme) & rows["whole"] & ~rows["derived"]]
    return {stage: {int(y) for y in rows.loc[rows["stage"].eq(stage), "year"]} for stage in STAGES}


def stages_present(budgets: pd.DataFrame, programme: str) -> tuple[str, ...]:
    """The stages the programme has any amount at, in the budget's order."""
    present = set(staged(budgets).query("programme == @programme")["stage"])
    return tuple(stage for stage in STAGES if stage in present)


def default_stage(budgets: pd.DataFrame, programme: str) -> str:
    """The most complete stage: most years with a whole-programme amount, then most amounts of any
    reach; a tie goes to the earlier stage in the budget's order."""
    whole = whole_years(budgets, programme)
    rows = staged(budgets)
    rows = rows[rows["programme"].eq(programme) & ~rows["derived"]]
    counts = rows.groupby("stage")["year"].nunique()
    return max(STAGES, key=lambda s: (len(whole[s]), int(counts.get(s, 0)), -STAGES.index(s)))


def dataset_default_stage(ds: Dataset, programme: str) -> str:
    """`default_stage` of the loaded dataset, worked out once and shared by the pages."""
    return ds.memo(f"budget.default_stage.{programme}", lambda ds: default_stage(ds["budgets"], programme))


def part_label(component: str, funder: object, lang: str) -> str:
    """What a partial figure covers, in words: "NCE only", "KRD's share", or the budget line as a part."""
    if component == WHOLE:
        return t("component.all", lang)
    if component in LEVELS:
        return t("budget.part_level", lang, level=component)
    funders = split_list(funder) if isinstance(funder, str) else []
    if len(funders) == 1 and component.startswith(f"{funders[0]} share"):
        return t("budget.part_share", lang, funder=funders[0])
    return t("budget.part_other", lang, part=data_text(component, lang))


def funder_text(funder: object, lang: str) -> str:
    """Who paid, as the reader reads it: 'KRD, NHD'; a funder the source does not name is 'ikke oppgitt'."""
    if not isinstance(funder, str):
        return ""
    return ", ".join(t("funder.unstated", lang) if name == "unstated" else name for name in split_list(funder))


def reconcile(budgets: pd.DataFrame, programme: str, derived: bool = False) -> pd.DataFrame:
    """Years and components with amounts at two or more stages, one column per stage in the
    budget's order, and `diff_<stage>`: the amount minus the amount at the stage before it that has one."""
    rows = staged(budgets)
    rows = rows[rows["programme"].eq(programme) & (derived | ~rows["derived"])]
    wide = rows.pivot_table(index=["year", "component"], columns="stage", values="value", aggfunc="first")
    wide = wide.reindex(columns=[s for s in STAGES if s in wide.columns])
    wide = wide[wide.notna().sum(axis=1).ge(2)].dropna(axis=1, how="all")
    out = wide.reset_index()
    for row_index, row in wide.reset_index(drop=True).iterrows():
        previous = None
        for stage in wide.columns:
            value = row[stage]
            if pd.notna(value):
                if previous is not None:
                    out.loc[row_index, f"diff_{stage}"] = float(value) - previous
                previous = float(value)
    out.columns.name = None
    return out.sort_values(["year", "component"]).reset_index(drop=True)
