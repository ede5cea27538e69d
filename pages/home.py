"""Home: what the programmes are, the latest headline figures with their sources, where to go next."""

import streamlit as st

from klyngekart.headline import latest_headlines
from klyngekart.i18n import format_number
from klyngekart.provenance import source_markdown, sources_for
from klyngekart.ui import dataset, language, tr
from klyngekart.ui.registry import PAGES

lang = language()
data = dataset()

st.title(tr("home.title"))
st.markdown(tr("home.lead"))

headlines = latest_headlines(data)
st.header(tr("home.figures_heading"))
# Three to a row keeps the labels readable on a laptop; Streamlit stacks them on a phone.
columns = st.columns(3)
for index, figure in enumerate(headlines):
    source = sources_for(data, figure.source_ids.split(";")).iloc[0]
    decimals = 1 if figure.value % 1 else 0
    change = None if figure.previous_value is None else figure.value - figure.previous_value
    columns[index % 3].metric(
        tr(f"headline.{figure.key}", year=figure.year),
        (tr(f"qualifier.{figure.qualifier}") + " " if figure.qualifier else "") + format_number(figure.value, lang, decimals),
        delta=None if change is None else tr("home.change", change=format_number(change, lang, decimals, signed=True), year=figure.previous_year),
        delta_color="off",
        delta_arrow="off" if not change else ("up" if change > 0 else "down"),
        help=tr("home.figure_source", source=source_markdown(source)),
        border=True,
    )
st.markdown(tr("home.figures_note"))
for figure in headlines:
    for _, source in sources_for(data, figure.source_ids.split(";")).iterrows():
        label = tr(f"headline.{figure.key}", year=figure.year)
        st.markdown(f"- {label}: {source_markdown(source)}")

st.header(tr("home.programmes_heading"))
for key in ("clusters", "networks", "restructuring"):
    st.subheader(tr(f"home.{key}_heading"))
    st.markdown(tr(f"home.{key}_text"))

st.header(tr("home.next_heading"))
for entry in PAGES:
    if entry.url_path:
        st.page_link(entry.script, label=tr(f"home.link_{entry.key}"), icon=entry.icon)
