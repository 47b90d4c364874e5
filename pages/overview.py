"""Overview: the program at a glance."""

import streamlit as st

from lib.contract.dates import format_date
from lib.program.overview import program_summary
from lib.vocabulary import program_title
from ui import gate, notices, overview, state

data = gate.require_data()
summary = state.derived("overview", data, lambda: program_summary(data), data.today())
st.title(program_title(data.settings.program_name, data.settings.organisation))
st.caption(f"The program at a glance on {format_date(summary.as_of)}"
           + (" (date pinned by the `as_of` setting)" if data.settings.as_of else ""))
notices.show_flash()
overview.figures(summary)
left, right = st.columns(2)
with left:
    overview.waiting(data)
with right:
    overview.capacity(data)
