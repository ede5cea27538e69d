"""What changed: every release with its summary and its differences from the release before."""

import streamlit as st

from klyngekart.i18n import format_number
from klyngekart.markdown import escape_markdown
from klyngekart.release_notes import RELEASE_PARAM, release_name, release_param, table_label
from klyngekart.ui import language, page_state, tr
from klyngekart.ui.changes import KINDS, overview_frame, release_history, table_frame
from klyngekart.ui.tables import readable

lang = language()
history = release_history()

st.title(tr("changes.title"))
st.markdown(tr("changes.lead"))
st.markdown(tr("changes.method"))
# A profile or budget year links here with the release that changed it: only that one is shown.
chosen = page_state([release_param(history)])[RELEASE_PARAM]

if not history:
    st.info(tr("changes.none"))
else:
    st.header(tr("changes.overview_heading"))
    st.dataframe(
        readable(overview_frame(history, lang)),
        hide_index=True,
        width="stretch",
        column_config={
            **{name: tr(f"changes.col_{name}") for name in ("version", "date", "fingerprint", *KINDS)},
            "summary": st.column_config.TextColumn(tr("changes.col_summary"), width="large"),
        },
    )

if chosen:
    entry = next(entry for entry in history if release_name(entry) == chosen)
    named = tr("changes.release_heading", version=chosen, date=entry.record.date) if entry.record else tr("changes.unreleased_heading")
    st.info(tr("changes.showing_one", release=escape_markdown(named)), icon=":material/filter_alt:")
    # A button, not a link to this same page: a link left the release in the address bar.
    if st.button(tr("changes.show_all"), icon=":material/history:", type="tertiary", key="changes-show-all"):
        del st.query_params[RELEASE_PARAM]
        st.rerun()

for entry in history:
    if chosen and release_name(entry) != chosen:
        continue
    record = entry.record
    if record is None:
        st.header(tr("changes.unreleased_heading"))
        st.markdown(tr("changes.unreleased_text", previous=escape_markdown(entry.previous)))
    else:
        st.header(tr("changes.release_heading", version=escape_markdown(record.version), date=escape_markdown(record.date)))
        st.markdown(tr("changes.fingerprint", fingerprint=escape_markdown(record.fingerprint)))
        st.markdown(escape_markdown(record.summary(lang)))
        if entry.previous is None:
            st.markdown(tr("changes.first"))
            continue
        st.markdown(tr("changes.compared", previous=escape_markdown(entry.previous)))
    if not entry.tables:
        st.markdown(tr("changes.no_differences"))
    for table in entry.tables:
        st.subheader(tr("changes.table_heading", table=escape_markdown(table_label(table.table, lang))))
        st.markdown(tr("changes.counts", **{kind: format_number(table.count(kind), lang) for kind in KINDS}))
        st.dataframe(
            table_frame(table, lang),
            hide_index=True,
            width="stretch",
            column_config={name: tr(f"changes.col_{name}") for name in ("change", "row", "column", "old", "new", "reason")},
        )
