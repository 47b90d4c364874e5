"""Outcomes: what the program achieved, cohort beside cohort, a one-page report for leadership, and recording what
became of each mentee."""

import streamlit as st

from lib.contract.dates import format_date
from lib.outcomes.report import impact
from ui import gate, notices, outcomes, state

data = gate.require_data()
st.title("Outcomes")
st.caption("What the mentoring achieved: matches, meetings on cadence, goals, ratings, job offers and skills, per "
           "cohort. Every record dated on or before the date below counts.")
notices.show_flash()
on = st.date_input("As of", data.today(), key="impact_as_of", format="YYYY-MM-DD")
report = state.derived("impact", data, lambda: impact(data, on), on)
if not report:
    st.info("No mentee is on the roster yet.", icon=":material/info:")
    st.stop()

report, cohort = outcomes.cohort_choice(report)
st.subheader(f"Impact as of {format_date(on)}")
outcomes.figures_chart(data, report, on)
outcomes.figures_table(report)
outcomes.pdf_download(data, report, on, cohort)
st.divider()
outcomes.outcome_form(data)
outcomes.latest_table(data)
