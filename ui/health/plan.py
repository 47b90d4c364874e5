"""One pair's program plan on the Health page: each step with its due date and whether it is done, overdue or
upcoming (a step the spreadsheet cannot hold the evidence for is "not tracked")."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.health.model import program_plan
from lib.reading.dataset import Dataset
from lib.vocabulary import STEP_DONE, STEP_NOT_TRACKED, STEP_OVERDUE, STEP_UPCOMING
from ui import state

STATUS_WORDS = {STEP_DONE: "✓ done", STEP_OVERDUE: "! overdue", STEP_UPCOMING: "upcoming",
                STEP_NOT_TRACKED: "not tracked"}


def plan_section(data: Dataset, row: pd.Series) -> None:
    plan = state.derived("plan", data, lambda: program_plan(data), data.today())
    mine = plan[(plan["pairing_id"] == row["pairing_id"]) & (plan["mentor_email"] == row["mentor_email"])
                & (plan["mentee_email"] == row["mentee_email"])]
    if mine.empty:
        return
    st.subheader("Program plan")
    shown = pd.DataFrame({"step": mine["step"], "due": mine["due"], "when": mine["due_words"],
                          "status": mine["status"].map(STATUS_WORDS), "done on": mine["done_on"]})
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        "step": "Step", "due": st.column_config.DateColumn("Due", format="D MMM YYYY"), "when": "Rule",
        "status": "Status", "done on": st.column_config.DateColumn("Done on", format="D MMM YYYY")})
    if (mine["status"] == STEP_NOT_TRACKED).any():
        st.caption("Not tracked: the spreadsheet has no place for that step's evidence (a goals or outcomes tab, or "
                   "the feedback tab's question column), so it is never overdue.")
