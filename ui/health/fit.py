"""Pairing fit on the Health page: recording either side's answer to "is this pairing a good fit?", and, when one
side says it is not, ending the pairing and taking the lead to its rematch."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.contract.dates import format_date
from lib.contract.models import Pairing
from lib.reading.dataset import Dataset
from lib.text import markdown_text
from lib.vocabulary import FEEDBACK_ROLES, FIT_ANSWERS, GOOD_FIT, NOT_A_FIT
from lib.writing import lifecycle
from lib.writing.log_entries import log_fit
from ui import notices, state
from ui.health.pairs import label

PAIRINGS_PAGE = "pages/pairings.py"


def fit_form(data: Dataset, chosen: pd.Series, where=st) -> tuple | None:
    """The form for one side's fit answer; returns the write to run (after the forms) when submitted."""
    with where.form("log_fit", clear_on_submit=True):
        st.markdown("**Pairing fit**")
        day = st.date_input("Date", data.today(), key="fit_date", format="YYYY-MM-DD")
        role = st.radio("From", FEEDBACK_ROLES[::-1], horizontal=True, key="fit_role")
        answers = sorted(FIT_ANSWERS, reverse=True)
        answer = st.radio("Is the pairing a good fit?", answers, index=answers.index(GOOD_FIT),
                          format_func=lambda a: FIT_ANSWERS[a].capitalize(), key="fit_answer")
        comment = st.text_input("Comment", key="fit_comment", placeholder="In their words (optional)")
        if st.form_submit_button("Record fit answer", icon=":material/handshake:"):
            return (lambda: log_fit(state.writer(data), chosen["mentor_email"], chosen["mentee_email"], day,
                                    data.today(), role, answer, chosen["started_on"], comment),
                    f"Recorded the {role}'s answer for {label(chosen)}: {FIT_ANSWERS[answer]}.")
    return None


def rematch_offer(data: Dataset, row: pd.Series, stored: Pairing | None, key: str) -> None:
    """For a pair one side says is not a good fit: end the pairing today and open its rematch on Pairings."""
    if not row["not_a_fit_from"] or stored is None:
        return
    sides = " and the ".join(row["not_a_fit_from"])
    st.warning(markdown_text(f"The {sides} answered '{FIT_ANSWERS[NOT_A_FIT]}'. End this pairing and find "
                             f"{row['mentee']} a new mentor?"), icon=":material/sync_problem:")
    key = f"{key}_{stored.id or stored.row}"  # one form per pair and place
    with st.form(f"fit_rematch_{key}"):
        reason = st.text_input("Reason kept with the pairing", value=FIT_ANSWERS[NOT_A_FIT],
                               key=f"fit_rematch_reason_{key}")
        if st.form_submit_button("End pairing and rematch", type="primary", icon=":material/autorenew:"):
            today = data.today()
            notices.save(lambda: lifecycle.end(state.writer(data), stored, today, reason),
                         f"Pairing {stored.id or label(row)} ended on {format_date(today)}: {reason}. Suggest "
                         f"{row['mentee']} a new mentor under Rematch.",
                         then=lambda: _open_rematch(stored.mentee_email), go_to=PAIRINGS_PAGE)


def _open_rematch(mentee_email: str) -> None:
    state.set_value(state.REMATCH_MENTEE, mentee_email)
    state.set_value(state.PAIRINGS_TAB, state.CURRENT_PAIRS_TAB)
