"""The Roster page's parts: each roster tab filtered and downloadable (the edit form is ui/roster_edit.py), and the
problems found."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.program.completeness import profile_gaps
from lib.reading.dataset import Dataset
from lib.text import markdown_text
from ui import state
from ui.roster_edit import edit_person
from ui.widgets import csv_download, mail_links, people_columns

SEVERITY_WORDS = {"error": "⛔ error", "warning": "⚠️ warning"}


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


def people(data: Dataset, tab: str) -> None:
    """One roster tab: filters, the table, its download, and the edit form."""
    frame = state.derived(f"{tab}_frame", data, lambda: with_profiles(data, tab))
    if frame.empty:
        st.info(f"No {tab} loaded. Add them to the {tab} tab of your spreadsheet.", icon=":material/info:")
        return
    shown = filtered(frame, tab)
    st.caption(f"{len(shown)} of {len(frame)} {tab}")
    st.dataframe(mail_links(shown, ("email", "manager_email")), hide_index=True, column_config={
        **people_columns(), PROFILE: st.column_config.ProgressColumn(
            "Profile", min_value=0, max_value=100, format="%d%%", help="The share of the fields the pairing reads "
            "that this person has filled in; sort by it to find the gaps"),
        MISSING: st.column_config.TextColumn("Missing", help="What the pairing cannot use for this person")})
    csv_download(f"Download {tab} (CSV)", shown, tab, data.today(), key=f"{tab}_csv")
    edit_person(data, tab)


PROFILE, MISSING = "tandem_profile", "tandem_missing"  # Tandem's own columns: a roster's 'missing' stays its own


def with_profiles(data: Dataset, tab: str) -> pd.DataFrame:
    """The tab as a table, with each person's profile completeness and what it misses after the name."""
    frame = data.frame(tab)
    if frame.empty:
        return frame
    gaps = profile_gaps(data, tab)
    by_email = dict(zip(gaps["email"], zip((gaps["complete"] * 100).round(), gaps["missing"])))
    frame.insert(3, PROFILE, [by_email[e][0] for e in frame["email"]])
    frame.insert(4, MISSING, [by_email[e][1] for e in frame["email"]])
    return frame


def problems(data: Dataset) -> None:
    for note in data.notes:  # what loading did (managers matched by name): worth one look, never a problem
        st.info(markdown_text(str(note)), icon=":material/info:")
    found = data.problems_frame()
    if found.empty:
        st.success("No problems found: every row follows the spreadsheet contract.", icon=":material/check_circle:")
        return
    st.caption("Each problem names the tab, the row as your spreadsheet numbers it, the column and the value. "
               "Errors kept a row or value out; warnings loaded but are worth a look.")
    tabs = st.multiselect("Tab", sorted(found["tab"].unique()), key="problem_tabs")
    shown = found[found["tab"].isin(tabs)] if tabs else found
    st.dataframe(shown.assign(severity=shown["severity"].map(SEVERITY_WORDS)), hide_index=True, column_config={
        "tab": "Tab", "row": st.column_config.NumberColumn("Row", format="%d"), "column": "Column",
        "value": "Value", "problem": st.column_config.TextColumn("Problem", width="large"), "severity": "Severity"})
    csv_download("Download problems (CSV)", found, "data-problems", data.today())
