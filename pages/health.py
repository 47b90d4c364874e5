"""Health: which relationships are drifting and why, charts of check-ins and feedback, and logging both."""

import streamlit as st

import app_state
import health_parts as parts
import pairing_parts
from lib.health import assess

data = app_state.require_data()
st.title("Relationship health")
parts.caption(data)
pairing_parts.show_flash()
health = assess(data)
if health.empty:
    st.info("No pairing is active on this date. Activate pairs on the Pairings page, or check started_on and "
            "ended_on in the pairings tab.", icon=":material/info:")
    st.stop()

parts.kpis(health, data)
attention_tab, charts_tab, pair_tab, log_tab = st.tabs(["Needs attention", "Charts", "One pair", "Log"])
with attention_tab:
    parts.attention_list(health)
    parts.report_download(health, data)
with charts_tab:
    start, end = parts.date_range(data)
    parts.weekly_chart(data, health, start, end)
    parts.heatmap(data, health, start, end)
    parts.silence_chart(health)
with pair_tab:
    parts.pair_story(data, health)
with log_tab:
    parts.log_forms(data, health)
