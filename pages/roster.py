"""Roster: mentors and mentees, filterable and editable, and every problem found in the data."""

import streamlit as st

from ui import gate, notices, roster
from ui.widgets import unread_notice

data = gate.require_data()
st.title("Roster")
st.caption("Everyone in the program as your spreadsheet has them, and every problem Tandem found in the data. "
           "Edit a person below: only the fields you change are saved.")
notices.show_flash()
unread_notice(data)

mentors_tab, mentees_tab, problems_tab = st.tabs([
    f"Mentors ({len(data.mentors)})", f"Mentees ({len(data.mentees)})", f"Problems ({len(data.problems)})"])
with mentors_tab:
    roster.people(data, "mentors")
with mentees_tab:
    roster.people(data, "mentees")
with problems_tab:
    roster.problems(data)
