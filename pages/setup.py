"""Data set-up: the spreadsheet contract, and a blank starter workbook for leads starting from nothing."""

import streamlit as st

from ui import notices, setup

st.title("Data set-up")
st.caption("Tandem reads one workbook (a Google Sheet or .xlsx) with these tabs, or one CSV file per tab. "
           "Start from the blank starter and fill in your people.")
notices.show_flash()
setup.maps_section()
setup.starter_downloads()
st.markdown("Headers match whatever their case, spaces, underscores or punctuation, and common names work too "
            "(*E-mail*, *Full name*, *First name* + *Last name*, *Max mentees*, *Manager*, *Time zone* ...). "
            "Columns Tandem does not know are kept. Lists are separated by `,` or `;`. Only **mentors** and "
            "**mentees** are required.")
setup.contract()
