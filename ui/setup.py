"""The Data set-up page's parts: the starter downloads, and the spreadsheet contract tab by tab."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.contract.tabs import TABS
from lib.vocabulary import XLSX_MIME


def starter_downloads() -> None:
    from lib.documents.starter import starter_csv_zip, starter_workbook  # openpyxl loads for this page only

    left, right = st.columns(2)
    left.download_button("Download the starter workbook (.xlsx)", starter_workbook,
                         file_name="tandem-starter.xlsx", on_click="ignore", icon=":material/download:",
                         mime=XLSX_MIME, type="primary")
    right.download_button("Download the starter CSV set (.zip)", starter_csv_zip, file_name="tandem-starter-csv.zip",
                          mime="application/zip", on_click="ignore", icon=":material/download:")


def contract() -> None:
    """Each tab's columns: required or not, the other headers accepted, the allowed values and an example."""
    for spec in TABS.values():
        required = " (required)" if spec.required else ""
        with st.expander(f"**{spec.name}**{required}: {spec.purpose}"):
            st.dataframe(pd.DataFrame([{
                "column": c.name, "required": "yes" if c.required else "",
                "also accepted": ", ".join(c.aliases), "allowed values": ", ".join(c.choices), "example": c.example,
            } for c in spec.columns]), hide_index=True, width="stretch")
