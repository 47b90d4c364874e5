"""Tandem: the router and the frame every page shares (navigation and the data-source sidebar)."""

from __future__ import annotations

import streamlit as st

import app_state
from lib.text import plural

st.set_page_config(page_title="Tandem", page_icon=":material/diversity_3:", layout="wide")

SAMPLE, LOCAL, UPLOAD = "Sample data", "Folder or .xlsx on this computer", "Upload files"


def data_source_sidebar() -> None:
    with st.sidebar:
        st.subheader("Data source")
        if "source_choice" not in st.session_state:  # a data_source in secrets opens as a local path
            origin = getattr(app_state.current_source(), "origin", "sample")
            st.session_state["source_choice"] = SAMPLE if origin == "sample" else LOCAL
            if origin != "sample":
                st.session_state["source_path"] = origin
        choice = st.radio("Data source", [SAMPLE, LOCAL, UPLOAD], key="source_choice", label_visibility="collapsed")
        if choice == SAMPLE and getattr(app_state.current_source(), "origin", None) != "sample":
            app_state.use_source(app_state.sample_source(), origin="sample")
        elif choice == LOCAL:
            with st.form("open_location", border=False):
                location = st.text_input("Path to a CSV folder or an .xlsx workbook", key="source_path",
                                         placeholder="/home/me/mentoring or ~/mentoring.xlsx")
                if st.form_submit_button("Open", icon=":material/folder_open:") and location:
                    error = app_state.open_location(location)
                    if error:
                        st.error(error)
        elif choice == UPLOAD:
            files = st.file_uploader("One .xlsx workbook, or CSV files named after the tabs (or a .zip of them)",
                                     type=["csv", "xlsx", "zip", "tsv", "txt"], accept_multiple_files=True,
                                     key="source_upload")
            origin = "upload:" + ",".join(f"{f.name}:{f.file_id}" for f in files or [])
            if files and getattr(app_state.current_source(), "origin", None) != origin:
                error = app_state.open_uploads([(f.name, f.getvalue()) for f in files], origin)
                if error:
                    st.error(error)
        source_status()


def source_status() -> None:
    source = app_state.current_source()
    data, error = app_state.current_data()
    st.caption(f"**In use:** {source.label}")
    if error:
        st.error(f"Could not read this source: {error}", icon=":material/error:")
    when = app_state.loaded_at()
    problems = f" · {plural(len(data.problems), 'data problem')}" if data and data.problems else ""
    st.caption(f"Read at {when:%H:%M:%S}{problems}" if when else "Not read yet")
    if st.button("Refresh data", icon=":material/refresh:", help="Read the source again"):
        app_state.current_data(force=True)
        st.rerun()
    download = source.download()
    if download and source.changed:
        name, payload, mime = download
        st.download_button("Download the data with your changes", payload, file_name=name, mime=mime,
                           on_click="ignore", icon=":material/download:",
                           help="Uploaded and sample data cannot be saved in place: keep this file.")


pages = {
    "Program": [
        st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("pages/roster.py", title="Roster", icon=":material/groups:"),
        st.Page("pages/pairings.py", title="Pairings", icon=":material/join:"),
        st.Page("pages/health.py", title="Health", icon=":material/monitor_heart:"),
        st.Page("pages/setup.py", title="Data set-up", icon=":material/table_view:"),
    ],
}
navigation = st.navigation(pages)
data_source_sidebar()
navigation.run()
