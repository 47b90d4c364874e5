"""The Pairings page's current pairs: the table, activating or ending one, and a rematch for a mentee whose pairing
ended; each change is one update of the pairing's row, through the pairing lifecycle."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from lib.contract.dates import format_date
from lib.contract.models import Pairing
from lib.meetings.plan import is_cancelled
from lib.reading.dataset import Dataset
from lib.text import markdown_text
from lib.vocabulary import OPEN_STATUSES, PAIRING_STATUSES, PROPOSED
from lib.writing import lifecycle
from ui import notices, state
from ui.widgets import calendar_button, pick

REMATCH = "rematch_result"
ENDED_PAIRING = "ended_pairing"


def _key(pairing: Pairing) -> str:
    """A pairing's choice in a picker: its id and emails, stable when its status changes."""
    return f"{pairing.id} {pairing.mentor_email} {pairing.mentee_email}"


def _order(pairing: Pairing) -> tuple:
    """Proposed first, then active, then ended; by id within each."""
    status = PAIRING_STATUSES.index(pairing.status) if pairing.status in PAIRING_STATUSES else len(PAIRING_STATUSES)
    return status, pairing.id


def pairing_label(pairing: Pairing, who: dict[str, str]) -> str:
    return (f"{pairing.id or 'no id'} · {who.get(pairing.mentor_email, pairing.mentor_email)} + "
            f"{who.get(pairing.mentee_email, pairing.mentee_email)} ({pairing.status})")


def pairings_table(data: Dataset) -> None:
    who = data.names
    ordered = sorted(data.pairings, key=_order)
    st.dataframe(pd.DataFrame({
        "id": [p.id for p in ordered], "status": [p.status for p in ordered], "type": [p.type for p in ordered],
        "mentor": [who.get(p.mentor_email, p.mentor_email) for p in ordered],
        "mentee": [who.get(p.mentee_email, p.mentee_email) for p in ordered],
        "started": [format_date(p.started_on) for p in ordered], "ended": [format_date(p.ended_on) for p in ordered],
        "cadence": [p.cadence or "" for p in ordered], "end_reason": [p.end_reason for p in ordered],
    }), hide_index=True, column_config={
        "id": "Id", "status": "Status", "type": "Type", "mentor": "Mentor (or first peer)", "mentee": "Mentee",
        "started": "Started", "ended": "Ended", "cadence": "Cadence", "end_reason": "End reason"})


def lifecycle_actions(data: Dataset) -> None:
    """Activate a proposed pair or end one, each one update of the pairing's row by its id."""
    who = data.names
    open_pairs = sorted((p for p in data.pairings if p.status in OPEN_STATUSES), key=_order)
    if not open_pairs:
        st.info("No proposed or active pairings yet: accept a suggestion first.", icon=":material/info:")
        return
    # keyed by id and emails: stable when the status changes
    chosen = pick("Pairing", {_key(p): p for p in open_pairs},
                  lambda p: pairing_label(p, who), key="lifecycle_pairing")
    left, right = st.columns(2)
    action = None  # run after the forms: a refused write shows widgets that a form cannot hold
    with left.form("activate_pairing"):
        st.markdown("**Activate**")
        start = st.date_input("Start date", data.today(), key="activate_on", format="YYYY-MM-DD",
                              disabled=chosen.status != PROPOSED)
        if st.form_submit_button("Activate", icon=":material/play_arrow:", disabled=chosen.status != PROPOSED):
            action = (lambda: lifecycle.activate(state.writer(data), chosen, start),
                      f"Pairing {chosen.id} is active from {format_date(start)}.")
    with right.form("end_pairing"):
        st.markdown("**End**")
        end_on = st.date_input("End date", data.today(), key="end_on", format="YYYY-MM-DD", max_value=data.today())
        # one field per pairing: a reason typed for one never ends the next pairing the box shows
        reason = st.text_input("Reason", key=f"end_reason_{chosen.id}",
                               placeholder="e.g. internship finished, moved team")
        if st.form_submit_button("End pairing", icon=":material/stop:"):
            action = (lambda: lifecycle.end(state.writer(data), chosen, end_on, reason, data.today()),
                      f"Pairing {chosen.id} ended on {format_date(end_on)}. Send both people its cancelled meetings "
                      "(below), so their calendars drop the series." if chosen.status != PROPOSED else
                      f"Pairing {chosen.id} withdrawn on {format_date(end_on)}: it never started.",
                      lambda: state.set_value(ENDED_PAIRING, _key(chosen)))  # the cancellation shown is this one
    if action:
        notices.save(*action)


def cancelled_meetings(data: Dataset) -> None:
    """An ended pairing's series as a cancellation (same UID, a newer SEQUENCE): ended pairs leave the lists above,
    and this is the file that takes their meetings out of both calendars."""
    ended = sorted((p for p in data.pairings if is_cancelled(p, data.today())),  # the latest ended first
                   key=lambda p: (p.ended_on or date.min, p.id), reverse=True)
    if not ended:
        return
    who = data.names
    st.subheader("Cancel an ended pair's meetings")
    chosen = pick("Ended pairing", {_key(p): p for p in ended},
                  lambda p: f"{pairing_label(p, who)}, ended {format_date(p.ended_on)}", key=ENDED_PAIRING)
    calendar_button(data, [chosen], "Cancel this pair's meetings (.ics)", "ended_calendar",
                    f"meetings-cancelled-{chosen.mentee_email}")
    st.caption("Opened in a calendar that has this pair's series, it cancels the series. The Hand-off's file of all "
               "pairs cancels every ended pair's series too.")


def rematch(data: Dataset) -> None:
    """A new suggestion for one mentee whose pairing ended, to accept as proposed: never the mentor it ended with,
    unless the lead allows it."""
    who = data.names
    waiting = lifecycle.needs_rematch(data)
    st.subheader("Rematch")
    if not waiting:
        st.caption("Nobody is waiting after an ended pairing.")
        return
    mentee = st.selectbox("Mentee whose pairing ended", waiting, format_func=lambda e: who.get(e, e),
                          key=state.REMATCH_MENTEE)
    allow = st.checkbox("Allow the previous mentor again", key="rematch_allow_previous",
                        help="Off: the mentor of the pairing that ended is not suggested.")
    if st.button("Suggest a new mentor", icon=":material/autorenew:"):
        from lib.matching.rematch import (
            rematch as suggest_rematch,  # the solvers load when a rematch is asked for
        )
        state.set_value(REMATCH, suggest_rematch(data, mentee, allow_previous=allow))
    found = state.value(REMATCH)
    if found is None or found.mentee_email != mentee:
        return
    result = found.suggestion
    for line in found.left_out:
        st.caption(markdown_text(line[0].upper() + line[1:] + "."))
    if not result.pairs:
        reason = result.unmatched[0].reason if result.unmatched else "nobody else is allowed."
        st.warning(markdown_text(f"No mentor can take them now. {reason}"), icon=":material/warning:")
        return
    pair = result.pairs[0]
    st.text(f"Suggested: {who.get(pair.mentor_email, pair.mentor_email)} (score {pair.score:.0f})\n"
            f"Why: {pair.reason}")
    if st.button("Accept as proposed", key="accept_rematch", icon=":material/done:"):
        state.forget_value(REMATCH)
        notices.save(lambda: lifecycle.accept(state.writer(data), data, [pair]),
                     lambda ids: f"Saved the new pairing as proposed ({', '.join(ids)}).")
