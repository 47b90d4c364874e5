"""The Roster page's edit form for one person: a field per column (selects where the values are fixed), checked like
a load, saved cell by cell through the writer; a refused value's reason under its field and the summary beside Save.
Forgetting the person is a separate action behind its own button and typing their email."""

from __future__ import annotations

import streamlit as st

from lib.contract.tabs import TABS, Column
from lib.contract.values import normalise_email, timezone_choices
from lib.errors import EditRefused
from lib.reading.dataset import Dataset
from lib.text import markdown_text, plural
from lib.writing.roster_edit import (
    current_values,
    editable_columns,
    planned_edit,
    save_edit,
)
from ui import notices, state

LABELS = {"name": "Name", "team": "Team", "manager_email": "Manager email", "skills": "Skills", "goals": "Goals",
          "interests": "Interests", "seniority": "Seniority (years)", "timezone": "Time zone",
          "capacity": "Capacity", "mentorship_types": "Mentorship types", "languages": "Languages",
          "active": "Active", "cohort": "Cohort", "preferred_type": "Preferred type",
          "preferred_mentors": "Preferred mentors (emails)", "avoid": "Avoid (emails)",
          "signed_up_on": "Signed up (date and time)"}
REFUSED = "roster_edit_refused"  # {(tab, email): ({column: reason}, [summary lines])}, shown after the rerun
BLANK = ""


def edit_person(data: Dataset, tab: str) -> None:
    """Pick a person, change fields, save; then, apart, forget them."""
    people_by_email = {p.email: p for p in getattr(data, tab)}
    if not people_by_email:
        return
    singular = tab[:-1]
    with st.expander(f"Edit a {singular}", icon=":material/edit:"):
        email = st.selectbox(singular.capitalize(), list(people_by_email), key=f"edit_{tab}_who",
                             format_func=lambda e: f"{people_by_email[e].name} <{e}>")
        name = people_by_email[email].name
        before = current_values(data, tab, email)
        reasons, summary = state.value(REFUSED, {}).get((tab, email), ({}, []))
        specs = {c.name: c for c in TABS[tab].columns}
        with st.form(f"edit_{tab}_{email}", border=False):
            st.caption(f"Lists are separated by `;`. The email ({markdown_text(email)}) is the row's key: change it "
                       "in the spreadsheet itself, together with the person's pairings.")
            columns = st.columns(2)
            typed = {}
            for i, column in enumerate(editable_columns(tab)):
                where = columns[i % 2]
                typed[column] = field(where, specs[column], before[column], f"edit_{tab}_{email}_{column}")
                if column in reasons:
                    where.error(markdown_text(reasons[column]), icon=":material/error:")
            save, said = st.columns([1, 3])
            submitted = save.form_submit_button("Save changes", type="primary", icon=":material/save:")
            if summary:
                said.error(markdown_text(f"Nothing was saved for {name}: " + "; ".join(summary)),
                           icon=":material/error:")
        with st.popover(f"Forget {markdown_text(name)}…", icon=":material/person_remove:"):
            forget_person(data, tab, email, name)
    if submitted:
        _save(data, tab, email, name, typed)


def field(where, spec: Column, current: str, key: str) -> str:
    """The widget for one column, returning the text to save. Fixed values are selects; a value already in the
    sheet that is not among them stays offered, so opening the form never changes it."""
    label = LABELS.get(spec.name, spec.name)
    if spec.kind == "bool":
        return _select(where, label, ["yes", "no"], current, key)
    if spec.kind == "choice":
        return _select(where, label, list(spec.choices), current, key)
    if spec.kind == "timezone":
        return _select(where, label, timezone_choices(), current, key,
                       help="A zone name such as Europe/Berlin, or a fixed offset such as UTC+2")
    if spec.kind == "list" and spec.choices:
        chosen = [c.strip() for c in current.split(";") if c.strip()]
        options = list(dict.fromkeys([*spec.choices, *chosen]))
        picked = where.multiselect(label, options, chosen, key=key)
        return current if picked == chosen else "; ".join(picked)
    return where.text_input(label, current, key=key)


def _select(where, label: str, options: list[str], current: str, key: str, **kwargs) -> str:
    held = current.strip()
    lowered = {o.lower(): o for o in options}
    shown = lowered.get(held.lower(), held)  # 'Yes' is offered as 'yes'; an unknown value as it is written
    offered = [BLANK, *options] + ([shown] if shown and shown not in options else [])
    value = where.selectbox(label, offered, offered.index(shown), key=key,
                            format_func=lambda o: o or "(blank)", **kwargs)
    return current if value == shown else value  # unchanged stays byte for byte what the sheet holds


def _save(data: Dataset, tab: str, email: str, name: str, typed: dict[str, str]) -> None:
    refused = state.session_value(REFUSED, {})
    try:
        changes = planned_edit(data, tab, email, typed)
    except EditRefused as exc:
        table = data.tables[tab]
        column_of = {table.columns.header_of(table.header, c): c for c in typed}
        reasons = {column_of.get(p.column, p.column): p.message for p in exc.problems}
        refused[(tab, email)] = (reasons, [str(p) for p in exc.problems])
        st.rerun()  # drawn again with each reason under its field
    refused.pop((tab, email), None)
    if not changes:
        st.info("Nothing changed: every field already had that value.", icon=":material/info:")
        return
    notices.save(lambda: save_edit(state.writer(data), data, tab, email, changes),
                 lambda done: f"Saved {plural(len(done), 'change')} for {name}: " + ", ".join(
                     f"{LABELS.get(c, c).lower()} '{old}' → '{new}'" for c, (old, new) in done.items()))


def forget_person(data: Dataset, tab: str, email: str, name: str) -> None:
    """Remove the person for good: typed confirmation, then one write through the writer; counts, never the person,
    in the message that follows."""
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
    if not st.button("Forget this person", icon=":material/person_remove:", key=f"forget_{tab}_{email}_go"):
        return
    if normalise_email(typed) != email:
        st.error("Nothing was changed: type the person's email exactly as shown to confirm.", icon=":material/error:")
        return
    notices.save(lambda: state.writer(data).forget(email), lambda report: f"Forgot one person: {report.sentence()}.",
                 then=lambda: state.forget_value("edit_mentors_who", "edit_mentees_who"))  # the pickers start again
