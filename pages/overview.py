"""Overview: the program at a glance."""

import streamlit as st

import app_state
from lib.dates import format_date
from lib.text import plural
from lib.overview import mentor_load, program_summary, unmatched_mentees
from page_parts import mail_links, people_columns

data = app_state.require_data()
summary = program_summary(data)
title = data.settings.program_name or data.settings.organisation or "Your mentorship program"
st.title(title)
st.caption(f"The program at a glance on {format_date(summary.as_of)}"
           + (" (date pinned by the `as_of` setting)" if data.settings.as_of else ""))

row = st.columns(4)
row[0].metric("People", f"{summary.mentors + summary.mentees}",
              help=f"{summary.mentors} active mentors, {summary.mentees} active mentees")
row[1].metric("Active pairs", summary.active_pairs, help=f"{summary.proposed_pairs} more proposed")
row[2].metric("Capacity left", summary.capacity_left, help=f"of {summary.capacity_total} mentoring slots")
row[3].metric("Unmatched mentees", summary.unmatched_mentees)
row = st.columns(4)
row[0].metric("Check-ins this month", summary.checkins_this_month,
              delta=summary.checkins_this_month - summary.checkins_last_month, help="against last month")
row[1].metric("Mentors", summary.mentors)
row[2].metric("Mentees", summary.mentees)
row[3].metric("Data problems", summary.problems, help=f"{summary.problem_errors} of them kept a row or value out")

if summary.problems:
    st.warning(f"{plural(summary.problems, 'problem')} found in the data. The Roster page lists each one with its "
               "tab, row and column.", icon=":material/warning:")
    st.page_link("pages/roster.py", label="See the problems", icon=":material/arrow_forward:")

left, right = st.columns(2)
with left:
    st.subheader("Waiting for a mentor")
    waiting = unmatched_mentees(data)
    if waiting.empty:
        st.success("Every active mentee has a proposed or active pairing.", icon=":material/check_circle:")
    else:
        st.dataframe(mail_links(waiting), hide_index=True, column_config=people_columns())
with right:
    st.subheader("Mentor capacity")
    load = mentor_load(data)
    if load.empty:
        st.info("No mentors yet: add them to the mentors tab.", icon=":material/info:")
    else:
        st.dataframe(mail_links(load), hide_index=True, column_config={
            **people_columns(),
            "used": st.column_config.ProgressColumn("Used", help="proposed and active pairings", format="%d",
                                                    min_value=0, max_value=max(int(load["capacity"].max()), 1)),
            "left": st.column_config.NumberColumn("Left"),
            "capacity": st.column_config.NumberColumn("Capacity"),
            "active": st.column_config.CheckboxColumn("Active"),
        })
