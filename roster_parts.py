"""The Roster page's edit form: one person's row, checked like a load, saved cell by cell through the writer; and
forgetting the person (the right to erasure) behind typing their email."""

from __future__ import annotations

import streamlit as st

import app_state
from lib.dataset import Dataset
from lib.errors import TandemError
from lib.roster_edit import EditRefused, current_values, editable_columns, save_edit
from lib.text import markdown_text
from lib.values import normalise_email
from pairing_parts import flash, write_failed

LABELS = {"name": "Name", "team": "Team", "manager_email": "Manager email", "skills": "Skills", "goals": "Goals",
          "interests": "Interests", "seniority": "Seniority (years)", "timezone": "Time zone",
          "capacity": "Capacity", "mentorship_types": "Mentorship types", "languages": "Languages",
          "active": "Active (yes/no)", "cohort": "Cohort", "preferred_type": "Preferred type",
          "preferred_mentors": "Preferred mentors (emails)", "avoid": "Avoid (emails)"}


def edit_person(data: Dataset, tab: str) -> None:
    """Pick a person, change fields, save: only changed cells are written; a bad value is refused with its reason."""
    people = {p.email: p for p in getattr(data, tab)}
    if not people:
        return
    singular = tab[:-1]
    with st.expander(f"Edit a {singular}", icon=":material/edit:"):
        email = st.selectbox(singular.capitalize(), list(people), key=f"edit_{tab}_who",
                             format_func=lambda e: f"{people[e].name} <{e}>")
        before = current_values(data, tab, email)
        with st.form(f"edit_{tab}_{email}", border=False):
            st.caption(f"Lists are separated by `;`. The email ({markdown_text(email)}) is the row's key: change it "
                       "in the spreadsheet itself, together with the person's pairings.")
            columns = st.columns(2)
            typed = {column: columns[i % 2].text_input(LABELS.get(column, column), before[column],
                                                       key=f"edit_{tab}_{email}_{column}")
                     for i, column in enumerate(editable_columns(tab))}
            submitted = st.form_submit_button("Save changes", type="primary", icon=":material/save:")
        forget_person(data, tab, email, people[email].name)
    if submitted:
        try:
            done = save_edit(app_state.writer(data), data, tab, email, typed)
        except EditRefused as exc:
            st.error(f"Nothing was saved for {markdown_text(people[email].name)}:", icon=":material/error:")
            for problem in exc.problems:
                st.markdown(f"- {markdown_text(problem)}")
            return
        except TandemError as exc:  # a conflict shows both versions; stale data or a failed save says why
            write_failed(exc)
            return
        if not done:
            st.info("Nothing changed: every field already had that value.", icon=":material/info:")
            return
        app_state.after_write()
        flash(f"Saved {len(done)} change{'s' if len(done) != 1 else ''} for {people[email].name}: "
              + ", ".join(f"{LABELS.get(c, c).lower()} '{old}' → '{new}'" for c, (old, new) in done.items()))
        st.rerun()


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
    source = app_state.current_source()
    if source.kind == "gsheet":
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
    try:
        report = app_state.writer(data).forget(email)
    except TandemError as exc:  # stale data, a row that moved since the read, a failed save: each says why
        write_failed(exc)
        return
    app_state.after_write()
    for key in ("edit_mentors_who", "edit_mentees_who"):  # the person is gone: the pickers start again
        st.session_state.pop(key, None)
    flash(f"Forgot one person: {report.sentence()}.")
    st.rerun()
