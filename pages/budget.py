"""Budget history: what each programme got each year at each budget stage, and from where."""

import streamlit as st

from klyngekart.budget import events_for
from klyngekart.budget_tables import figures_table, stages_table
from klyngekart.charts.budget import AUTO, budget_params, chosen_stage
from klyngekart.data.schema import PROGRAMMES
from klyngekart.i18n import file_stem, t
from klyngekart.stages import stages_present
from klyngekart.ui import dataset, keep_in_url, language, page_state, tr, url_widget
from klyngekart.ui.changes import budget_years_block
from klyngekart.ui.charts import bundle_block, chart_bundle
from klyngekart.ui.tables import download_table

lang = language()
data = dataset()
PARAMS = budget_params(data)
cpi_years = list(PARAMS[-1].options)

st.title(tr("budget.title"))
st.markdown(tr("budget.lead"))
state = page_state(PARAMS)

left, middle, right, far = st.columns([3, 3, 2, 2])
programme = left.selectbox(
    tr("budget.programme"), PROGRAMMES, key=url_widget("budget-programme", state["programme"]),
    format_func=lambda p: t(f"programme.{p}", lang),
)
stages = (AUTO, *data.memo(f"budget.stages_present.{programme}", lambda ds: stages_present(ds["budgets"], programme)))
automatic = chosen_stage(data, {"programme": programme, "stage": AUTO})
stage = middle.selectbox(
    tr("budget.stage"), stages, key=url_widget("budget-stage", state["stage"] if state["stage"] in stages else AUTO, stages),
    format_func=lambda s: t("budget.stage_auto", lang, stage=t(f"stage.{automatic}", lang).lower()) if s == AUTO else t(f"stage.{s}", lang),
)
terms = right.radio(
    tr("budget.terms"), ("nominal", "real"), key=url_widget("budget-terms", state["terms"]),
    format_func=lambda v: t(f"budget.terms_{v}", lang), horizontal=True,
)
# The base year matters only in constant kroner; a disabled picker would be grey, low-contrast noise.
base = state["base"]
if terms == "real":
    base = far.selectbox(tr("budget.base_year"), cpi_years, key=url_widget("budget-base", base))
parts = st.toggle(tr("budget.parts_toggle"), key=url_widget("budget-parts", state["parts"] == "show"))
derived = st.toggle(tr("budget.derived_toggle"), key=url_widget("budget-derived", state["derived"] == "show"))
view = {
    "programme": programme, "stage": stage, "terms": terms, "base": base,
    "parts": "show" if parts else "hide", "derived": "show" if derived else "hide",
}
keep_in_url(view, PARAMS)
# The tables follow the chosen terms: in real terms they add the base year's kroner.
real_base = int(base) if terms == "real" else None
in_terms = ("real", real_base) if real_base else ()

frames = chart_bundle("budget", view, lang)
st.header(frames.title if frames else tr("budget.title"))
if frames is None:
    st.info(tr("budget.no_series"), icon=":material/info:")
else:
    bundle_block(frames)

st.header(tr("budget.reconcile_title"))
st.markdown(tr("budget.reconcile_lead"))
reconciled, columns = stages_table(data, programme, derived, lang, real_base)
if reconciled.empty:
    st.info(tr("budget.reconcile_none"), icon=":material/info:")
else:
    download_table(reconciled, columns, file_stem(lang, "budget-stages", programme, *in_terms), "budget-stages")

support = chart_bundle("support", view, lang)
if support is not None:
    st.header(support.title)
    st.markdown(tr("budget.support_lead"))
    bundle_block(support)

st.header(tr("budget.table_title"))
st.markdown(tr("budget.table_lead"))
table, columns = figures_table(data, programme, lang, real_base)
download_table(table, columns, file_stem(lang, "budget", programme, *in_terms), "budget-table")

budget_years_block(programme, table["year"].unique())
with st.expander(tr("budget.events_title")):
    all_events = events_for(data["events"], programme, tuple(data["events"]["event_type"].unique()))
    lines = [f"- **{int(e.year)}**: {getattr(e, 'label_' + lang)}" for e in all_events.itertuples()]
    st.markdown("\n".join(lines) or tr("budget.no_events"))
