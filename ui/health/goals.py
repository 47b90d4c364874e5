"""A pair's goals on the Health page's One pair view: progress bars, status, progress, measure and target edited in
place, and a form to add one; every change goes through lib/writing/goals.py and the one writer."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from lib.contract.models import Goal, Pairing
from lib.reading.dataset import Dataset
from lib.text import markdown_text, plural
from lib.vocabulary import GOAL_STATUSES
from lib.writing.goals import EDITED, add_goal, update_goals
from ui import notices, state

COLUMNS = {"goal": "Goal", "bar": "Progress", "progress": "%", "status": "Status", "measure": "How we'll know",
           "target_date": "Target", "late": "Past target"}


def goals_section(data: Dataset, pairing: Pairing | None) -> None:
    st.subheader("Goals")
    if pairing is None or not pairing.id:
        st.caption("This pairing has no id in the pairings tab, so its goals cannot be kept apart: give it one.")
        return
    goals = [g for g in data.goals if g.pairing_id.lower() == pairing.id.lower()]
    pending = False
    if goals:
        pending = _editor(data, goals)
    else:
        st.caption(markdown_text(f"No goals for {pairing.id} yet: add the first one below (accepting a pair starts "
                                 "one per shared goal)."))
    _add_form(data, pairing, pending)


def _frame(goals: list[Goal], today: date) -> pd.DataFrame:
    return pd.DataFrame([{"goal": g.goal, "bar": g.percent, "progress": g.percent, "status": g.status,
                          "measure": g.measure, "target_date": g.target_date,
                          "late": "yes" if g.past_target_on(today) else ""} for g in goals], columns=list(COLUMNS))


def _editor(data: Dataset, goals: list[Goal]) -> bool:
    """The goals table; True while it holds changes not saved yet."""
    today = data.today()
    shown = _frame(goals, today)
    key = f"goals_{goals[0].pairing_id}_{state.data_version()}"
    edited = st.data_editor(shown, key=key, hide_index=True, width="stretch", num_rows="fixed",
                            disabled=["bar", "late"], column_config={
                                "goal": st.column_config.TextColumn(COLUMNS["goal"], required=True),
                                "bar": st.column_config.ProgressColumn(COLUMNS["bar"], min_value=0, max_value=100,
                                                                       format="%d %%"),
                                "progress": st.column_config.NumberColumn(COLUMNS["progress"], min_value=0,
                                                                          max_value=100, step=1, format="%d"),
                                "status": st.column_config.SelectboxColumn(COLUMNS["status"],
                                                                           options=list(GOAL_STATUSES),
                                                                           required=True),
                                "measure": st.column_config.TextColumn(COLUMNS["measure"]),
                                "target_date": st.column_config.DateColumn(COLUMNS["target_date"],
                                                                           format="D MMM YYYY"),
                                "late": st.column_config.TextColumn(COLUMNS["late"])})
    changed = [(goal, changes) for goal, changes in zip(goals, _changes(shown, edited)) if changes]
    if not changed:
        st.caption("Edit a goal's status, progress, measure or target in the table, then save.")
        return False
    if st.button(f"Save changes to {plural(len(changed), 'goal')}", type="primary", icon=":material/save:",
                 key="save_goals"):
        def save_all() -> list[dict]:  # one write: every goal checked, and compared with the table shown, first
            return update_goals(state.writer(data), data, changed)

        notices.save(save_all,
                     lambda done: f"Saved {plural(sum(bool(d) for d in done), 'goal')}: "
                                  + "; ".join(f"{goal.goal} ({', '.join(d)})" for (goal, _), d in zip(changed, done)
                                              if d))
    return True


def _changes(shown: pd.DataFrame, edited: pd.DataFrame) -> list[dict[str, object]]:
    """Per goal, the fields the table changed (as the Goal model takes them)."""
    found = []
    for k in range(len(shown)):
        before, after = shown.iloc[k], edited.iloc[k]
        changes = {}
        for name in EDITED:
            old, new = before[name], after[name]
            if _blank(old) and _blank(new) or old == new:
                continue
            changes[name] = None if _blank(new) else (int(new) if name == "progress" else new)
        found.append(changes)
    return found


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT or value == ""


def _add_form(data: Dataset, pairing: Pairing, pending: bool) -> None:
    """Adding a goal rewrites the table, so it waits while the table holds changes not saved (they would be lost)."""
    with st.form(f"add_goal_{pairing.id}", border=True, clear_on_submit=True):
        st.markdown("**Add a goal**")
        left, right = st.columns([2, 1])
        goal = left.text_input("Goal", key="new_goal_text", placeholder="Write SQL for the reporting tables")
        target = right.date_input("Target date", value=None, format="DD/MM/YYYY", key="new_goal_target")
        measure = st.text_input("How we'll know it is done", key="new_goal_measure",
                                placeholder="A report query merged and reviewed")
        if pending:
            st.caption("Save the table's changes first: adding a goal redraws the table.")
        if not st.form_submit_button("Add goal", icon=":material/add:", disabled=pending):
            return
    notices.save(lambda: add_goal(state.writer(data), data, pairing.id, goal, measure, target),
                 lambda new_id: f"Added goal {new_id} to {pairing.id}: {' '.join(goal.split())}")
