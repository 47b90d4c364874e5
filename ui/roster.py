"""The Roster page's parts: each roster tab filtered and downloadable, one person's edit form (checked like a load,
saved cell by cell through the writer), forgetting a person behind typing their email, and the problems found."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.contract.values import normalise_email
from lib.errors import EditRefused
from lib.program.completeness import profile_gaps
from lib.reading.dataset import Dataset
from lib.text import markdown_text, plural
from lib.writing.roster_edit import current_values, editable_columns, planned_edit, save_edit
from ui import notices, state
from ui.widgets import csv_download, mail_links, people_columns

LABELS = {"name": "Name", "team": "Team", "manager_email": "Manager email", "skills": "Skills", "goals": "Goals",
          "interests": "Interests", "seniority": "Seniority (years)", "timezone": "Time zone",
          "capacity": "Capacity", "mentorship_types": "Mentorship types", "languages": "Languages",
          "active": "Active (yes/no)", "cohort": "Cohort", "preferred_type": "Preferred type",
          "preferred_mentors": "Preferred mentors (emails)", "avoid": "Avoid (emails)",
          "signed_up_on": "Signed up (date and time)"}
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


def edit_person(data: Dataset, tab: str) -> None:
    """Pick a person, change fields, save: only changed cells are written; a bad value is refused with its reason."""
    people_by_email = {p.email: p for p in getattr(data, tab)}
    if not people_by_email:
        return
    singular = tab[:-1]
    with st.expander(f"Edit a {singular}", icon=":material/edit:"):
        email = st.selectbox(singular.capitalize(), list(people_by_email), key=f"edit_{tab}_who",
                             format_func=lambda e: f"{people_by_email[e].name} <{e}>")
        before = current_values(data, tab, email)
        with st.form(f"edit_{tab}_{email}", border=False):
            st.caption(f"Lists are separated by `;`. The email ({markdown_text(email)}) is the row's key: change it "
                       "in the spreadsheet itself, together with the person's pairings.")
            columns = st.columns(2)
            typed = {column: columns[i % 2].text_input(LABELS.get(column, column), before[column],
                                                       key=f"edit_{tab}_{email}_{column}")
                     for i, column in enumerate(editable_columns(tab))}
            submitted = st.form_submit_button("Save changes", type="primary", icon=":material/save:")
        forget_person(data, tab, email, people_by_email[email].name)
    if submitted:
        _save(data, tab, email, people_by_email[email].name, typed)


def _save(data: Dataset, tab: str, email: str, name: str, typed: dict[str, str]) -> None:
    try:
        changes = planned_edit(data, tab, email, typed)
    except EditRefused as exc:
        st.error(f"Nothing was saved for {markdown_text(name)}:", icon=":material/error:")
        for problem in exc.problems:
            st.markdown(f"- {markdown_text(problem)}")
        return
    if not changes:
        st.info("Nothing changed: every field already had that value.", icon=":material/info:")
        return
    notices.save(lambda: save_edit(state.writer(data), data, tab, email, changes),
                 lambda done: f"Saved {plural(len(done), 'change')} for {name}: " + ", ".join(
                     f"{LABELS.get(c, c).lower()} '{old}' → '{new}'" for c, (old, new) in done.items()))


def forget_person(data: Dataset, tab: str, email: str, name: str) -> None:
    """Remove the person for good: typed confirmation, then one write through the writer; counts, never the person,
    in the message that follows."""
    st.divider()
    st.markdown("**Forget this person**")
    st.warning(f"Forgetting removes {markdown_text(name)} from the roster (from both tabs if they are on both). Their "
               "pairings, check-ins and feedback stay, so counts and history stay right, but their email there is "
               "replaced by a pseudonym and the notes, comments, goals and end reasons of those rows are blanked. "
               "Other people's manager, preferred-mentor and avoid columns lose their address, change-log entries "
               "about them lose their values, and Tandem's file backups that hold them are deleted. "
               "This cannot be undone.", icon=":material/warning:")
    source = state.current_source()
    if source.keeps_history:
        st.caption("Google Sheets keeps its own version history (File → Version history): older versions there "
                   "still hold the person until they are removed in Google Sheets itself.")
    elif not source.in_place:
        st.caption("The dashboard holds this data as a copy: your own file keeps the person until you replace it "
                   "with the updated file the sidebar offers.")
    typed = st.text_input(f"To confirm, type their email: {markdown_text(email)}", key=f"forget_{tab}_{email}")
    if not st.button("Forget this person", type="primary", icon=":material/person_remove:",
                     key=f"forget_{tab}_{email}_go"):
        return
    if normalise_email(typed) != email:
        st.error("Nothing was changed: type the person's email exactly as shown to confirm.", icon=":material/error:")
        return
    notices.save(lambda: state.writer(data).forget(email), lambda report: f"Forgot one person: {report.sentence()}.",
                 then=lambda: state.forget_value("edit_mentors_who", "edit_mentees_who"))  # the pickers start again
