"""Pairings: suggest, adjust with locks and forbids, accept; run the lifecycle; hand the pairs off."""

import streamlit as st

import app_state
import lifecycle_parts as life
import pairing_parts as parts
from lib.text import markdown_text

data = app_state.require_data()
st.title("Pairings")
st.caption("Suggested pairs respect capacity and every hard rule, and say why they were chosen. Nothing is saved "
           "until you accept.")
parts.show_flash()

suggest_tab, current_tab, handoff_tab = st.tabs(["Suggest", "Current pairs", "Hand-off"])

with suggest_tab:
    options = parts.options_form(data)
    if options is not None:  # locks and forbids of this session apply until cleared
        parts.run(data, options)
    saved = parts.current_run()
    if saved:
        result = saved["result"]
        parts.summary_metrics(result)
        for note in result.notes:
            st.caption(markdown_text(note))
        if result.pairs:
            edited = parts.pairs_editor(data, saved)
            left, right = st.columns([1, 1])
            if left.button("Rerun with locks and forbids", icon=":material/replay:"):
                parts.rerun_with_marks(data, saved, edited)
                st.rerun()
            right.button("Clear locks and forbids", on_click=parts.clear_marks, icon=":material/clear_all:")
            parts.marks_caption(data)
            parts.accept_form(data, saved)
            parts.contributions_chart(data, result)
            parts.suggestion_downloads(data, result)
        else:
            st.info("No new pairs: every active mentee already has a proposed or active pairing, or none can be "
                    "placed (see who is waiting and why).", icon=":material/info:")
        parts.groups_table(data, result)
        parts.unmatched_table(data, result)

with current_tab:
    life.pairings_table(data)
    life.lifecycle_actions(data)
    life.rematch(data)

with handoff_tab:
    life.handoff_view(data)
