"""The Overview page's parts: the program's figures in two rows, who is waiting, and each mentor's capacity."""

from __future__ import annotations

import streamlit as st

from lib.program.overview import ProgramSummary, mentor_load, unmatched_mentees
from lib.reading.dataset import Dataset
from lib.text import markdown_text, plural
from ui.widgets import mail_links, people_columns


def figures(summary: ProgramSummary) -> None:
    row = st.columns(4)
    row[0].metric("People", f"{summary.mentors + summary.mentees}",
                  help=f"{summary.mentors} active mentors, {summary.mentees} active mentees")
    row[1].metric("Active pairs", summary.active_pairs, help=f"{summary.proposed_pairs} more proposed")
    row[2].metric("Capacity left", summary.capacity_left, help=f"of {summary.capacity_total} mentoring slots")
    row[3].metric("Unmatched mentees", summary.unmatched_mentees)
    row = st.columns(5)
    row[0].metric("Check-ins this month", summary.checkins_this_month,
                  delta=summary.checkins_this_month - summary.checkins_last_month, help="against last month")
    row[1].metric("Mentors", summary.mentors)
    row[2].metric("Mentees", summary.mentees)
    row[3].metric("Incomplete profiles", summary.incomplete_profiles,
                  help="Active people missing a field the pairing reads (goals or skills, time zone, seniority, "
                       "languages, interests, a mentor's capacity): the Roster page shows what each one misses")
    row[4].metric("Data problems", summary.problems, help=f"{summary.problem_errors} of them kept a row or value out")
    if summary.problems:
        st.warning(f"{plural(summary.problems, 'problem')} found in the data. The Roster page lists each one with "
                   "its tab, row and column.", icon=":material/warning:")
        st.page_link("pages/roster.py", label="See the problems", icon=":material/arrow_forward:")


def waiting(data: Dataset) -> None:
    st.subheader("Waiting for a mentor")
    mentees = unmatched_mentees(data)
    if mentees.empty:
        st.success("Every active mentee has a proposed or active pairing.", icon=":material/check_circle:")
        return
    late = mentees[mentees["too_long"]]
    if len(late):
        days = data.settings.waiting_alert_days
        named = "; ".join(f"{n} ({d} days)" for n, d in zip(late["name"].head(5), late["waiting_days"].head(5)))
        more = f" and {len(late) - 5} more" if len(late) > 5 else ""
        st.warning(markdown_text(f"{plural(len(late), 'mentee has', 'mentees have')} waited more than {days} days "
                                 f"since signing up: {named}{more}."), icon=":material/schedule:")
    shown = mentees.drop(columns=["too_long"] + ([] if mentees["waiting_days"].notna().any() else ["waiting_days"]))
    st.dataframe(mail_links(shown), hide_index=True, column_config={
        **people_columns(), "waiting_days": st.column_config.NumberColumn("Waiting (days)", format="%d",
                                                                          help="since they signed up")})


def capacity(data: Dataset) -> None:
    st.subheader("Mentor capacity")
    load = mentor_load(data)
    if load.empty:
        st.info("No mentors yet: add them to the mentors tab.", icon=":material/info:")
        return
    st.dataframe(mail_links(load), hide_index=True, column_config={
        **people_columns(),
        "used": st.column_config.ProgressColumn("Used", help="proposed and active pairings", format="%d",
                                                min_value=0, max_value=max(int(load["capacity"].max()), 1)),
        "left": st.column_config.NumberColumn("Left"),
        "capacity": st.column_config.NumberColumn("Capacity"),
        "active": st.column_config.CheckboxColumn("Active"),
    })
