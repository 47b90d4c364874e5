"""Data set-up: the spreadsheet contract, and a blank starter workbook for leads starting from nothing."""

import pandas as pd
import streamlit as st

from lib.contract import TABS
from lib.starter import starter_csv_zip, starter_workbook

st.title("Data set-up")
st.caption("Tandem reads one workbook (a Google Sheet or .xlsx) with these tabs, or one CSV file per tab. "
           "Start from the blank starter and fill in your people.")

left, right = st.columns(2)
left.download_button("Download the starter workbook (.xlsx)", starter_workbook,
                     file_name="tandem-starter.xlsx", on_click="ignore", icon=":material/download:",
                     mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type="primary")
right.download_button("Download the starter CSV set (.zip)", starter_csv_zip, file_name="tandem-starter-csv.zip",
                      mime="application/zip", on_click="ignore", icon=":material/download:")

st.markdown("Headers match whatever their case, spaces, underscores or punctuation, and common names work too "
            "(*E-mail*, *Full name*, *First name* + *Last name*, *Max mentees*, *Manager*, *Time zone* ...). "
            "Columns Tandem does not know are kept. Lists are separated by `,` or `;`. Only **mentors** and "
            "**mentees** are required.")

for spec in TABS.values():
    required = " (required)" if spec.required else ""
    with st.expander(f"**{spec.name}**{required}: {spec.purpose}"):
        st.dataframe(pd.DataFrame([{
            "column": c.name, "required": "yes" if c.required else "",
            "also accepted": ", ".join(c.aliases), "allowed values": ", ".join(c.choices), "example": c.example,
        } for c in spec.columns]), hide_index=True, width="stretch")
