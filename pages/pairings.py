"""Pairings: suggest, adjust with locks and forbids, accept; run the lifecycle; hand the pairs off."""

import streamlit as st

from lib.text import markdown_text
from ui import gate, notices, state
from ui.pairings import current, handoff, options, suggestion
from ui.widgets import unread_notice

data = gate.require_data()
st.title("Pairings")
st.caption("Suggested pairs respect capacity and every hard rule, and say why they were chosen. Nothing is saved "
           "until you accept.")
notices.show_flash()
unread_notice(data, expanded=True)

# keyed, so another page can open a tab here (Health's rematch opens "Current pairs")
suggest_tab, current_tab, handoff_tab = st.tabs(["Suggest", state.CURRENT_PAIRS_TAB, "Hand-off"],
                                                key=state.PAIRINGS_TAB, on_change="rerun")

with suggest_tab:
    chosen = options.options_form(data)
    if chosen is not None:  # locks and forbids of this session apply until cleared
        suggestion.run(data, chosen)
    saved = suggestion.current_run()
    if saved:
        result = saved["result"]
        suggestion.summary_metrics(result)
        for note in result.notes:
            st.caption(markdown_text(note))
        if result.pairs:
            edited = suggestion.pairs_editor(data, saved)
            left, right = st.columns([1, 1])
            if left.button("Rerun with locks and forbids", icon=":material/replay:"):
                suggestion.rerun_with_marks(data, saved, edited)
                st.rerun()
            right.button("Clear locks and forbids", on_click=suggestion.clear_marks, icon=":material/clear_all:")
            suggestion.marks_caption(data)
            suggestion.accept_form(data, saved, edited)
            suggestion.contributions_chart(data, saved)
            suggestion.suggestion_downloads(data, result)
        else:
            st.info("No new pairs: every active mentee already has a proposed or active pairing, or none can be "
                    "placed (see who is waiting and why).", icon=":material/info:")
        suggestion.groups_table(data, result)
        suggestion.unmatched_table(data, result)

with current_tab:
    current.pairings_table(data)
    current.lifecycle_actions(data)
    current.cancelled_meetings(data)
    current.rematch(data)

with handoff_tab:
    handoff.handoff_view(data)
