"""The Pairings page's hand-off: the pairing sheet to download, kickoff sheets, and an introduction per pair to copy
or send."""

from __future__ import annotations

import streamlit as st

from lib.documents import handoff
from lib.meetings.plan import calendar_pairings, is_cancelled
from lib.reading.dataset import Dataset
from lib.text import plural
from ui import state
from ui.widgets import calendar_button, csv_download, kickoff_button, kickoff_scope, pick, xlsx_download


def handoff_view(data: Dataset) -> None:
    pairs = state.derived("handoff_pairs", data, lambda: handoff.handoff_pairs(data))
    if not pairs:
        st.info("No proposed or active pairings yet: accept a suggestion first.", icon=":material/info:")
        return
    sheet = state.derived("pairing_sheet", data, lambda: handoff.pairing_sheet(data, pairs), data.today())
    left, right, kickoff = st.columns(3)
    xlsx_download("Pairing sheet (XLSX)", sheet, "pairing sheet", "pairing-sheet", data.today(), where=left,
                  type="primary")
    csv_download("Pairing sheet (CSV)", sheet, "pairing-sheet", data.today(), where=right)
    chosen_pairs = kickoff_scope(data, pairs, "handoff_kickoff_every", where=kickoff)
    if chosen_pairs:
        kickoff_button(data, chosen_pairs, f"Kickoff sheets, {plural(len(chosen_pairs), 'pair')} (PDF)",
                       "handoff_kickoff_all", where=kickoff)
    every = calendar_pairings(data)  # active whatever their start, and ended ones cancelled
    ended = sum(is_cancelled(p, data.today()) for p in every)
    if len(every) > ended:
        calendar_button(data, every, f"Meetings of all {plural(len(every) - ended, 'active pair')}"
                        f"{f', {ended} ended cancelled' if ended else ''} (.ics)", "handoff_calendar_all", "meetings")
    st.dataframe(sheet, hide_index=True, column_config={
        "Starts": st.column_config.DateColumn(format="D MMM YYYY"),
        "Meeting slot": st.column_config.TextColumn(help="Each person's local time; the series runs to the "
                                                         "program's end"),
        "Why this pair": st.column_config.TextColumn(width="large")})
    st.subheader("Introductions")
    chosen = pick("Pair", {f"{p.pairing.mentor_email} {p.pairing.mentee_email}": p for p in pairs},
                  lambda p: f"{p.first_name} + {p.mentee_name} ({p.pairing.status})", key="intro_pair")
    subject, body = handoff.introduction(chosen, data)
    st.code(f"Subject: {subject}\n\n{body}", language=None, wrap_lines=True)
    email, sheet_for_pair, meetings = st.columns(3)
    email.link_button("Write it as an email", handoff.mailto(chosen, subject, body), icon=":material/mail:")
    kickoff_button(data, [chosen], "Kickoff sheet for this pair (PDF)", "handoff_kickoff_one", where=sheet_for_pair)
    calendar_button(data, [chosen.pairing], "Meetings for this pair (.ics)", "handoff_calendar_one",
                    f"meetings-{chosen.pairing.mentee_email}", where=meetings)
