"""Tandem: the router. Navigation over pages/, the access gate, the data-source sidebar; the pages do the rest."""

from __future__ import annotations

import streamlit as st

from ui import gate, sidebar, state

st.set_page_config(page_title="Tandem", page_icon=":material/diversity_3:", layout="wide")

pages = {
    "Program": [
        st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("pages/roster.py", title="Roster", icon=":material/groups:"),
        st.Page("pages/pairings.py", title="Pairings", icon=":material/join:"),
        st.Page("pages/health.py", title="Health", icon=":material/monitor_heart:"),
        st.Page("pages/outcomes.py", title="Outcomes", icon=":material/emoji_events:"),
        st.Page("pages/guides.py", title="Guides", icon=":material/menu_book:"),
        st.Page("pages/setup.py", title="Data set-up", icon=":material/table_view:"),
    ],
}
# Always called, so the pages/ folder is never served on its own; the menu is hidden until the person may enter.
navigation = st.navigation(pages, position="sidebar" if gate.may_enter() else "hidden")
gate.gate()  # nothing below runs (no data source, no page) until the person may see the data
state.begin_run()
sidebar.data_source_sidebar()
navigation.run()
