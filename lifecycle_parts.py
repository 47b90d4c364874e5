"""The Pairings page's lifecycle and hand-off: current pairs, activate, end, rematch, introductions, sheets."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import app_state
from lib import handoff, lifecycle
from lib.dataset import Dataset
from lib.dates import format_date
from lib.errors import TandemError
from lib.exports import csv_bytes, dated_name, xlsx_bytes
from lib.matching import PairingOptions, suggest
from lib.models import Pairing
from lib.text import markdown_text
from guides_parts import kickoff_button
from pairing_parts import flash, names, write_failed

STATUS_ORDER = {"proposed": 0, "active": 1, "ended": 2}


def pairing_label(pairing: Pairing, who: dict[str, str]) -> str:
    return (f"{pairing.id or 'no id'} · {who.get(pairing.mentor_email, pairing.mentor_email)} + "
            f"{who.get(pairing.mentee_email, pairing.mentee_email)} ({pairing.status})")


def pairings_table(data: Dataset) -> None:
    who = names(data)
    ordered = sorted(data.pairings, key=lambda p: (STATUS_ORDER.get(p.status, 3), p.id))
    st.dataframe(pd.DataFrame({
        "id": [p.id for p in ordered], "status": [p.status for p in ordered], "type": [p.type for p in ordered],
        "mentor": [who.get(p.mentor_email, p.mentor_email) for p in ordered],
        "mentee": [who.get(p.mentee_email, p.mentee_email) for p in ordered],
        "started": [format_date(p.started_on) for p in ordered], "ended": [format_date(p.ended_on) for p in ordered],
        "cadence": [p.cadence or "" for p in ordered], "end_reason": [p.end_reason for p in ordered],
    }), hide_index=True, column_config={
        "id": "Id", "status": "Status", "type": "Type", "mentor": "Mentor (or first peer)", "mentee": "Mentee",
        "started": "Started", "ended": "Ended", "cadence": "Cadence", "end_reason": "End reason"})


def _write(action, message: str) -> None:
    try:
        action()
    except TandemError as exc:
        write_failed(exc)
        return
    app_state.after_write()
    flash(message)
    st.rerun()


def lifecycle_actions(data: Dataset) -> None:
    """Activate a proposed pair or end one, each one update of the pairing's row by its id."""
    who = names(data)
    open_pairs = [p for p in data.pairings if p.status in ("proposed", "active")]
    if not open_pairs:
        st.info("No proposed or active pairings yet: accept a suggestion first.", icon=":material/info:")
        return
    ordered = sorted(open_pairs, key=lambda p: (STATUS_ORDER[p.status], p.id))
    by_key = {f"{p.id} {p.mentor_email} {p.mentee_email}": p for p in ordered}  # stable when the status changes
    chosen = by_key[st.selectbox("Pairing", list(by_key), format_func=lambda k: pairing_label(by_key[k], who),
                                 key="lifecycle_pairing")]
    writer = app_state.writer(data)
    left, right = st.columns(2)
    action = None  # run after the forms: a refused write shows widgets that a form cannot hold
    with left.form("activate_pairing"):
        st.markdown("**Activate**")
        start = st.date_input("Start date", data.today(), key="activate_on", format="YYYY-MM-DD",
                              disabled=chosen.status != "proposed")
        if st.form_submit_button("Activate", icon=":material/play_arrow:", disabled=chosen.status != "proposed"):
            action = (lambda: lifecycle.activate(writer, chosen, start),
                      f"Pairing {chosen.id} is active from {format_date(start)}.")
    with right.form("end_pairing"):
        st.markdown("**End**")
        end_on = st.date_input("End date", data.today(), key="end_on", format="YYYY-MM-DD")
        reason = st.text_input("Reason", key="end_reason", placeholder="e.g. internship finished, moved team")
        if st.form_submit_button("End pairing", icon=":material/stop:"):
            action = (lambda: lifecycle.end(writer, chosen, end_on, reason),
                      f"Pairing {chosen.id} ended on {format_date(end_on)}.")
    if action:
        _write(*action)


def rematch(data: Dataset) -> None:
    """A new suggestion for one mentee whose pairing ended, to accept as proposed."""
    who = names(data)
    waiting = lifecycle.needs_rematch(data)
    st.subheader("Rematch")
    if not waiting:
        st.caption("Nobody is waiting after an ended pairing.")
        return
    mentee = st.selectbox("Mentee whose pairing ended", waiting, format_func=lambda e: who.get(e, e),
                          key="rematch_mentee")
    if st.button("Suggest a new mentor", icon=":material/autorenew:"):
        st.session_state["rematch_result"] = suggest(data, PairingOptions(only=frozenset({mentee})))
    result = st.session_state.get("rematch_result")
    if result is None or (result.pairs and result.pairs[0].mentee_email != mentee) or (
            not result.pairs and result.unmatched and result.unmatched[0].mentee_email != mentee):
        return
    if not result.pairs:
        st.warning(markdown_text(f"No mentor can take them now: {result.unmatched[0].reason}"),
                   icon=":material/warning:")
        return
    pair = result.pairs[0]
    st.text(f"Suggested: {who.get(pair.mentor_email, pair.mentor_email)} (score {pair.score:.0f})\n"
            f"Why: {pair.reason}")
    if st.button("Accept as proposed", key="accept_rematch", icon=":material/done:"):
        app_state.forget_value("rematch_result")
        _write(lambda: lifecycle.accept(app_state.writer(data), data, [pair]), "Saved the new pairing as proposed.")


def handoff_view(data: Dataset) -> None:
    """The pairing sheet to download, and an introduction per pair to copy or send."""
    pairs = handoff.handoff_pairs(data)
    if not pairs:
        st.info("No proposed or active pairings yet: accept a suggestion first.", icon=":material/info:")
        return
    sheet = handoff.pairing_sheet(data, pairs)
    left, right, kickoff = st.columns(3)
    left.download_button("Pairing sheet (XLSX)", xlsx_bytes(sheet, "pairing sheet"),
                         dated_name("pairing-sheet", data.today(), "xlsx"), on_click="ignore",
                         mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         icon=":material/download:", type="primary")
    right.download_button("Pairing sheet (CSV)", csv_bytes(sheet), dated_name("pairing-sheet", data.today(), "csv"),
                          mime="text/csv", on_click="ignore", icon=":material/download:")
    kickoff_button(data, pairs, "Kickoff sheets (PDF)", "handoff_kickoff_all", where=kickoff)
    st.dataframe(sheet, hide_index=True, column_config={
        "Why this pair": st.column_config.TextColumn(width="large")})
    st.subheader("Introductions")
    # Options keyed by the two emails, not by position: after a write the list changes under the same widget.
    by_key = {f"{p.pairing.mentor_email} {p.pairing.mentee_email}": p for p in pairs}
    labels = {k: f"{p.first_name} + {p.mentee_name} ({p.pairing.status})" for k, p in by_key.items()}
    chosen = by_key[st.selectbox("Pair", list(labels), format_func=labels.get, key="intro_pair")]
    subject, body = handoff.introduction(chosen, data)
    st.code(f"Subject: {subject}\n\n{body}", language=None, wrap_lines=True)
    email, sheet_for_pair = st.columns(2)
    email.link_button("Write it as an email", handoff.mailto(chosen, subject, body), icon=":material/mail:")
    kickoff_button(data, [chosen], "Kickoff sheet for this pair (PDF)", "handoff_kickoff_one", where=sheet_for_pair)
