"""Sources & data: how the dataset is made, every source, and the whole dataset for download."""

import streamlit as st

from klyngekart.about import STATEMENTS
from klyngekart.provenance import citation_counts, source_markdown, sources_for
from klyngekart.ui import dataset, tr, whole_dataset_xlsx, whole_dataset_zip
from klyngekart.ui.tables import readable

data = dataset()
version = data.release.version

st.title(tr("sources.title"))
st.markdown(tr("sources.lead"))

st.header(tr("sources.download_heading"))
st.markdown(tr("sources.download_text", version=version, date=data.release.date, licence=data.release.licence))
left, right = st.columns(2)
left.download_button(
    tr("sources.download_zip"),
    data=lambda: whole_dataset_zip(version),
    file_name=f"klyngekart-{version}.zip",
    mime="application/zip",
    icon=":material/download:",
    on_click="ignore",
)
right.download_button(
    tr("sources.download_xlsx"),
    data=lambda: whole_dataset_xlsx(version),
    file_name=f"klyngekart-{version}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/table_view:",
    on_click="ignore",
)

st.page_link("pages/changes.py", label=tr("changes.sources_link"), icon=":material/history:")

st.header(tr("sources.about_heading"))
st.markdown(tr("sources.about_lead"))
for key, source_ids in STATEMENTS:
    st.markdown(tr(f"sources.about_{key}"))
    cited = sources_for(data, source_ids)
    # Plain text, not a caption: links in the caption's grey fail the contrast check.
    st.markdown(f"*{tr('sources.about_sources')}* " + "; ".join(source_markdown(source) for _, source in cited.iterrows()))

st.header(tr("sources.methods_heading"))
for key in ("collection", "conflicts", "derived", "counties", "prices"):
    st.subheader(tr(f"sources.methods_{key}_heading"))
    st.markdown(tr(f"sources.methods_{key}"))

st.header(tr("sources.list_heading"))
sources = data["sources"].copy()
sources["rows"] = sources["source_id"].map(citation_counts(data)).fillna(0).astype(int)
query = st.text_input(tr("sources.search"), placeholder=tr("sources.search_placeholder"))
if query:
    haystack = sources[["publisher", "title", "url", "note"]].fillna("").agg(" ".join, axis=1).str.casefold()
    sources = sources[haystack.str.contains(query.casefold(), regex=False)]
st.markdown(tr("sources.count", shown=len(sources), total=len(data["sources"])))
st.dataframe(
    readable(sources[["publisher", "title", "url", "published", "accessed", "licence", "rows", "note", "source_id"]]),
    hide_index=True,
    width="stretch",
    column_config={
        "publisher": tr("sources.col_publisher"),
        "title": st.column_config.TextColumn(tr("sources.col_title"), width="large"),
        "url": st.column_config.LinkColumn(tr("sources.col_url"), display_text=tr("sources.open")),
        "published": tr("sources.col_published"),
        "accessed": tr("sources.col_accessed"),
        "licence": tr("sources.col_licence"),
        "rows": st.column_config.NumberColumn(tr("sources.col_rows"), help=tr("sources.col_rows_help")),
        "note": tr("sources.col_note"),
        "source_id": tr("sources.col_id"),
    },
)
