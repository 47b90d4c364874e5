"""Roster: mentors and mentees, filterable, and every problem found in the data."""

import pandas as pd
import streamlit as st

import app_state
from lib.exports import csv_bytes, dated_name
from page_parts import mail_links, people_columns
from pairing_parts import show_flash
from roster_parts import edit_person

data = app_state.require_data()
st.title("Roster")
st.caption("Everyone in the program as your spreadsheet has them, and every problem Tandem found in the data. "
           "Edit a person below: only the cells you change are saved.")
show_flash()


def filtered(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    left, middle, right = st.columns([3, 2, 1])
    query = left.text_input("Search names, emails, skills", key=f"{key}_search", placeholder="e.g. python")
    teams = middle.multiselect("Team", sorted(t for t in frame["team"].unique() if t), key=f"{key}_teams")
    active_only = right.toggle("Active only", key=f"{key}_active")
    if query:
        text = frame.fillna("").astype(str).agg(" ".join, axis=1).str.lower()
        frame = frame[text.str.contains(query.lower(), regex=False)]
    if teams:
        frame = frame[frame["team"].isin(teams)]
    if active_only:
        frame = frame[frame["active"]]
    return frame


mentors_tab, mentees_tab, problems_tab = st.tabs([
    f"Mentors ({len(data.mentors)})", f"Mentees ({len(data.mentees)})", f"Problems ({len(data.problems)})"])

for tab, name in ((mentors_tab, "mentors"), (mentees_tab, "mentees")):
    with tab:
        frame = data.frame(name)
        if frame.empty:
            st.info(f"No {name} loaded. Add them to the {name} tab of your spreadsheet.", icon=":material/info:")
            continue
        shown = filtered(frame, name)
        st.caption(f"{len(shown)} of {len(frame)} {name}")
        st.dataframe(mail_links(shown, ("email", "manager_email")), hide_index=True,
                     column_config=people_columns())
        st.download_button(f"Download {name} (CSV)", csv_bytes(shown), dated_name(name, data.today(), "csv"),
                           mime="text/csv", on_click="ignore", icon=":material/download:", key=f"{name}_csv")
        edit_person(data, name)

with problems_tab:
    problems = data.problems_frame()
    if problems.empty:
        st.success("No problems found: every row follows the spreadsheet contract.", icon=":material/check_circle:")
    else:
        st.caption("Each problem names the tab, the row as your spreadsheet numbers it, the column and the value. "
                   "Errors kept a row or value out; warnings loaded but are worth a look.")
        tabs = st.multiselect("Tab", sorted(problems["tab"].unique()), key="problem_tabs")
        if tabs:
            problems = problems[problems["tab"].isin(tabs)]
        problems = problems.assign(severity=problems["severity"].map({"error": "⛔ error", "warning": "⚠️ warning"}))
        st.dataframe(problems, hide_index=True, column_config={
            "tab": "Tab", "row": st.column_config.NumberColumn("Row", format="%d"), "column": "Column",
            "value": "Value", "problem": st.column_config.TextColumn("Problem", width="large"),
            "severity": "Severity"})
        st.download_button("Download problems (CSV)", csv_bytes(data.problems_frame()),
                           dated_name("data-problems", data.today(), "csv"), mime="text/csv", on_click="ignore",
                           icon=":material/download:")
