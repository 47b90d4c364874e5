"""Health: which relationships are drifting and why, charts of check-ins and feedback, and logging both."""

import streamlit as st

from lib.health.model import assess
from ui import gate, notices, state
from ui.health import charts, pair, reminders, summary

data = gate.require_data()
st.title("Relationship health")
summary.caption(data)
notices.show_flash()
health = state.derived("health", data, lambda: assess(data), data.today())
if health.empty:
    st.info("No pairing is active on this date. Activate pairs on the Pairings page, or check started_on and "
            "ended_on in the pairings tab.", icon=":material/info:")
    st.stop()

summary.kpis(health, data)
attention_tab, charts_tab, pair_tab, log_tab, reminders_tab = st.tabs(
    ["Needs attention", "Charts", "One pair", "Log", "Reminders"])
with attention_tab:
    summary.attention_list(health, data)
    summary.report_download(health, data)
with charts_tab:
    start, end = charts.date_range(data)
    charts.weekly_chart(data, health, start, end)
    charts.heatmap(data, health, start, end)
    charts.silence_chart(data, health)
with pair_tab:
    pair.pair_story(data, health)
with log_tab:
    pair.log_forms(data, health)
with reminders_tab:
    reminders.reminders_tab(data, health)
