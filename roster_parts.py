"""The Roster page's edit form: one person's row, checked like a load, saved cell by cell through the writer."""

from __future__ import annotations

import streamlit as st

import app_state
from lib.dataset import Dataset
from lib.errors import TandemError
from lib.roster_edit import EditRefused, current_values, editable_columns, save_edit
from lib.text import markdown_text
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
