"""Budget history: what each programme got each year, nominal or in real terms, and from where."""

import streamlit as st

from klyngekart.budget import FRAME_COMPONENTS, events_for, table_rows
from klyngekart.charts.budget import budget_params
from klyngekart.data.schema import PROGRAMMES
from klyngekart.figures.budget import component_label
from klyngekart.i18n import t, translate_values
from klyngekart.provenance import with_source_columns
from klyngekart.ui import dataset, keep_in_url, language, page_state, tr, url_widget
from klyngekart.ui.charts import bundle_block, chart_bundle
from klyngekart.ui.tables import download_table

lang = language()
data = dataset()
PARAMS = budget_params(data)
cpi_years = list(PARAMS[-1].options)

st.title(tr("budget.title"))
st.markdown(tr("budget.lead"))
state = page_state(PARAMS)

left, middle, right, far = st.columns([3, 2, 2, 2])
programme = left.selectbox(
    tr("budget.programme"), PROGRAMMES, key=url_widget("budget-programme", state["programme"]),
    format_func=lambda p: t(f"programme.{p}", lang),
)
components = ("frames", *FRAME_COMPONENTS)
component = middle.selectbox(
    tr("budget.component"),
    components,
    key=url_widget("budget-component", state["component"]),
    format_func=lambda c: t("budget.component_frames", lang) if c == "frames" else component_label(c, lang),
)
terms = right.radio(
    tr("budget.terms"), ("nominal", "real"), key=url_widget("budget-terms", state["terms"]),
    format_func=lambda v: t(f"budget.terms_{v}", lang), horizontal=True,
)
# The base year matters only in constant kroner; a disabled picker would be grey, low-contrast noise.
base = state["base"]
if terms == "real":
    base = far.selectbox(tr("budget.base_year"), cpi_years, key=url_widget("budget-base", base))
view = {"programme": programme, "component": component, "terms": terms, "base": base}
keep_in_url(view, PARAMS)

st.header(tr("budget.chart_title", programme=tr(f"programme.{programme}")))
frames = chart_bundle("budget", view, lang)
if frames is None:
    st.info(tr("budget.no_series"), icon=":material/info:")
else:
    bundle_block(frames)

support = chart_bundle("support", view, lang)
if support is not None:
    st.header(support.title)
    st.markdown(tr("budget.support_lead"))
    bundle_block(support)

st.header(tr("budget.table_title"))
st.markdown(tr("budget.table_lead"))
chosen = None if component == "frames" else (component,)
table = with_source_columns(table_rows(data["budgets"], programme, chosen), data)
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
    lines = [f"- **{int(e.year)}**: {getattr(e, 'label_' + lang)}" for e in all_events.itertuples()]
    st.markdown("\n".join(lines) or tr("budget.no_events"))
