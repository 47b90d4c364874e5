"""Overview: what Tandem is for, what to do next, and the program at a glance."""

import streamlit as st

from lib.contract.dates import format_date
from lib.health.model import assess, at_risk_count
from lib.program.overview import next_steps, program_summary
from lib.vocabulary import program_title
from ui import gate, notices, overview, state

data = gate.require_data()
summary = state.derived("overview", data, lambda: program_summary(data), data.today())
health = state.derived("health", data, lambda: assess(data), data.today())  # shared with the Health page
at_risk = at_risk_count(health)
st.title(program_title(data.settings.program_name, data.settings.organisation))
st.markdown(overview.PURPOSE)
st.caption(f"The program at a glance on {format_date(summary.as_of)}"
           + (" (date pinned by the `as_of` setting)" if data.settings.as_of else ""))
notices.show_flash()
overview.next_steps(next_steps(summary, at_risk))
on_plan = (int((health["plan_overdue"].map(len) == 0).sum()) if len(health) else 0, len(health))
overview.figures(summary, at_risk, on_plan)
overview.waiting(data)  # one under the other: side by side, their columns do not fit at 1280 px
overview.capacity(data)
