"""Effects: growth of member firms against a comparison group, who takes part, and regional restructuring."""

import streamlit as st

from klyngekart.charts.effects import participation_indicator, participation_params
from klyngekart.data.schema import PROGRAMMES
from klyngekart.effects import indicators_with_data
from klyngekart.i18n import t
from klyngekart.ui import dataset, keep_in_url, language, page_state, tr, url_widget
from klyngekart.ui.charts import bundle_block, chart_bundle
from klyngekart.ui.effects import effects_table, key_figure_cards, method_card, regions_table
from klyngekart.ui.registry import page_entry

lang = language()
data = dataset()
params = participation_params(data)

st.title(tr("effects.title"))
st.markdown(tr("effects.lead"))
state = page_state(params)


def chart_or_note(key: str, view: dict[str, str], none_key: str) -> None:
    bundle = chart_bundle(key, view, lang)
    if bundle is None:
        st.info(tr(none_key), icon=":material/info:")
    else:
        bundle_block(bundle)


st.header(tr("effects.key_heading"))
key_figure_cards(data)
st.markdown(tr("effects.key_note"))

st.header(tr("effects.chart_title"))
st.markdown(tr("effects.chart_lead"))
chart_column, card_column = st.columns([3, 2])
with chart_column:
    chart_or_note("effects", {}, "effects.no_effects")
with card_column:
    method_card(data)
effects_table(data)

# Participation: one programme and one count at a time, chosen in the URL.
st.header(tr("effects.participation_heading"))
st.markdown(tr("effects.participation_lead"))
left, right = st.columns([3, 2])
programme = left.radio(
    tr("effects.programme"), PROGRAMMES, key=url_widget("effects-programme", state["programme"]),
    format_func=lambda p: t(f"programme.{p}", lang), horizontal=True,
)
available = indicators_with_data(data["programme_stats"], programme)
indicator = participation_indicator(data, {"programme": programme, "indicator": state["indicator"]})
if available:
    indicator = right.selectbox(
        tr("effects.indicator_pick"), available, key=url_widget("effects-indicator", indicator, available),
        format_func=lambda i: t(f"effects.stat_{i}", lang),
    )
view = {"programme": programme, "indicator": indicator}
keep_in_url(view, params)
chart_or_note("participation", view, "effects.no_counts")

st.header(tr("networks.title"))
st.markdown(tr("networks.what"))
chart_or_note("networks", {}, "networks.none")

st.header(tr("effects.outcomes_title"))
st.markdown(tr("effects.outcomes_lead"))
chart_or_note("outcomes", {}, "effects.no_counts")

st.header(tr("effects.regions_title"))
st.markdown(tr("effects.regions_lead"))
st.page_link(page_entry("regions").script, label=tr("regions.to_page"), icon=":material/map:", query_params={"lang": lang})
regions_table(data)
