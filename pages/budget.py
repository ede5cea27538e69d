"""Budget history: what each programme got each year, nominal or in real terms, and from where."""

import streamlit as st

from klyngekart.budget import (
    FRAME_COMPONENTS,
    add_change,
    add_real_terms,
    events_for,
    frame_series,
    missing_years,
    support_ranges,
    table_rows,
)
from klyngekart.data.schema import PROGRAMMES
from klyngekart.figures.budget import LABELLED_EVENTS, budget_figure, component_label, milestone_text, support_figure
from klyngekart.i18n import format_number, t, translate_values
from klyngekart.provenance import source_ids_of, source_line, with_source_columns
from klyngekart.report import year_ranges
from klyngekart.ui import dataset, keep_in_url, language, page_state, tr
from klyngekart.ui.charts import chart_block, chart_meta
from klyngekart.ui.tables import download_table
from klyngekart.urlstate import Param

FIRST_YEAR = 2002
lang = language()
data = dataset()
budgets, cpi = data["budgets"], data["reference/cpi"]
cpi_years = [str(int(y)) for y in cpi["year"]]
PARAMS = [
    Param("programme", "cluster_programme", PROGRAMMES),
    Param("component", "frames", ("frames", *FRAME_COMPONENTS)),
    Param("terms", "nominal", ("nominal", "real")),
    Param("base", cpi_years[-1], tuple(cpi_years)),
]

st.title(tr("budget.title"))
st.markdown(tr("budget.lead"))
state = page_state(PARAMS)

left, middle, right, far = st.columns([3, 2, 2, 2])
programme = left.selectbox(
    tr("budget.programme"), PROGRAMMES, index=PROGRAMMES.index(state["programme"]), format_func=lambda p: t(f"programme.{p}", lang)
)
components = ("frames", *FRAME_COMPONENTS)
component = middle.selectbox(
    tr("budget.component"),
    components,
    index=components.index(state["component"]),
    format_func=lambda c: t("budget.component_frames", lang) if c == "frames" else component_label(c, lang),
)
terms = right.radio(
    tr("budget.terms"), ("nominal", "real"), index=("nominal", "real").index(state["terms"]),
    format_func=lambda v: t(f"budget.terms_{v}", lang), horizontal=True,
)
# The base year matters only in constant kroner; a disabled picker would be grey, low-contrast noise.
base = state["base"]
if terms == "real":
    base = far.selectbox(tr("budget.base_year"), cpi_years, index=cpi_years.index(base))
keep_in_url({"programme": programme, "component": component, "terms": terms, "base": base}, PARAMS)

chosen = FRAME_COMPONENTS if component == "frames" else (component,)
series = frame_series(budgets, programme, chosen)
value_column = "value"
without_index: list[int] = []
if terms == "real":
    series = add_real_terms(series, cpi, int(base))
    value_column = "value_real"
    without_index = sorted({int(y) for y in series.loc[series[value_column].isna(), "year"]})
    series = series.dropna(subset=[value_column]).reset_index(drop=True)
series = add_change(series, value_column)
last_year = int(max(budgets["year"].max(), cpi["year"].max()))
gaps = missing_years(series, range(FIRST_YEAR, last_year + 1))
events = events_for(data["events"], programme, LABELLED_EVENTS)
unit = tr("budget.axis_real", base=base) if terms == "real" else tr("budget.axis_nominal")

title = tr("budget.chart_title", programme=tr(f"programme.{programme}"))
st.header(title)
if series.empty:
    st.info(tr("budget.no_series"), icon=":material/info:")
else:
    fig = budget_figure(series, gaps, events, lang, value_column, unit)
    peak = series.loc[series[value_column].astype(float).idxmax()]
    latest = series.iloc[-1]
    summary = tr(
        "budget.summary",
        first=int(series["year"].min()),
        last=int(series["year"].max()),
        peak=format_number(peak[value_column], lang, 1),
        peak_year=int(peak["year"]),
        latest=format_number(latest[value_column], lang, 1),
        latest_year=int(latest["year"]),
        unit=unit,
    )
    if gaps:
        summary += " " + tr("budget.gaps", years=year_ranges(gaps))
    if without_index:
        summary += " " + tr("budget.no_index", years=year_ranges(without_index))
    milestone_note = milestone_text(events, lang)
    if milestone_note:
        summary += "\n\n" + milestone_note
    rows = with_source_columns(series, data)
    shown_ids = source_ids_of(series) + source_ids_of(events)
    meta = chart_meta(title, unit, source_line(data, shown_ids, lang), (milestone_note,) if milestone_note else ())
    chart_block(fig, rows, meta, "budget", summary)

ranges = support_ranges(budgets, programme)
if not ranges.empty:
    support_title = tr("budget.support_title")
    st.header(support_title)
    st.markdown(tr("budget.support_lead"))
    meta = chart_meta(support_title, tr("budget.unit_per_year"), source_line(data, source_ids_of(ranges), lang))
    chart_block(support_figure(ranges, lang), with_source_columns(ranges, data), meta, "support", tr("budget.support_summary", count=len(ranges)))

st.header(tr("budget.table_title"))
st.markdown(tr("budget.table_lead"))
table = with_source_columns(table_rows(budgets, programme, None if component == "frames" else chosen), data)
table = translate_values(
    table, {"measure": "measure.", "basis": "basis.", "component": "component.", "qualifier": "qualifier."}, lang
)
download_table(
    table,
    {
        "year": tr("table.year"),
        "component": tr("budget.component"),
        "measure": tr("budget.measure"),
        "value": tr("budget.value"),
        "qualifier": tr("table.qualifier"),
        "basis": tr("budget.basis"),
        "preferred": tr("table.preferred"),
        "conflict": tr("table.conflict"),
        "preferred_reason": tr("table.preferred_reason"),
        "source_url": tr("table.source_url"),
        "source": tr("table.source"),
        "note": tr("table.note"),
    },
    f"klyngekart-budsjett-{programme}",
    "budget-table",
)

with st.expander(tr("budget.events_title")):
    all_events = events_for(data["events"], programme, tuple(data["events"]["event_type"].unique()))
    st.markdown("\n".join(f"- **{int(e.year)}**: {getattr(e, 'label_' + lang)}" for e in all_events.itertuples()) or tr("budget.no_events"))
