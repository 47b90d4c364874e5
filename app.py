"""Tandem: the router and the frame every page shares (navigation and the data-source sidebar)."""

from __future__ import annotations

import streamlit as st

import app_state
from lib.sources.google_sheet import looks_like_sheet
from lib.text import markdown_text, plural

st.set_page_config(page_title="Tandem", page_icon=":material/diversity_3:", layout="wide")

SAMPLE, SHEET, LOCAL, UPLOAD = "Sample data", "Google Sheet", "Folder or .xlsx on this computer", "Upload files"


def data_source_sidebar() -> None:
    with st.sidebar:
        st.subheader("Data source")
        if "source_choice" not in st.session_state:  # a data_source in secrets opens as it was given
            source = app_state.current_source()
            origin = getattr(source, "origin", "sample")
            is_sheet = source.kind == "gsheet" or looks_like_sheet(origin)
            st.session_state["source_choice"] = SAMPLE if origin == "sample" else SHEET if is_sheet else LOCAL
            if origin != "sample":
                st.session_state["sheet_url" if is_sheet else "source_path"] = origin
        choice = st.radio("Data source", [SAMPLE, SHEET, LOCAL, UPLOAD], key="source_choice",
                          label_visibility="collapsed")
        if choice == SAMPLE and getattr(app_state.current_source(), "origin", None) != "sample":
            app_state.use_source(app_state.sample_source(), origin="sample")
        elif choice == SHEET:
            location_form("open_sheet", "Google Sheets URL or key", "sheet_url",
                          "https://docs.google.com/spreadsheets/d/…/edit", "Connect", ":material/link:")
            if email := app_state.service_account_email():
                st.caption(f"Share the sheet with `{email}` (Editor) so Tandem can read and save it.")
        elif choice == LOCAL:
            location_form("open_location", "Path to a CSV folder or an .xlsx workbook", "source_path",
                          "/home/me/mentoring or ~/mentoring.xlsx", "Open", ":material/folder_open:")
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


def location_form(form: str, label: str, key: str, placeholder: str, button: str, icon: str) -> None:
    """A place typed in (a sheet's URL, a folder or workbook path), opened on the button; an error says why."""
    with st.form(form, border=False):
        location = st.text_input(label, key=key, placeholder=placeholder)
        if st.form_submit_button(button, icon=icon) and location:
            error = app_state.open_location(location)
            if error:
                st.error(error)


def source_status() -> None:
    source = app_state.current_source()
    data, error = app_state.current_data()
    st.caption(f"**In use:** {markdown_text(data.source_label if data else source.label)}")
    when = app_state.loaded_at()
    problems = f" · {plural(len(data.problems), 'data problem')}" if data and data.problems else ""
    if app_state.is_stale():
        st.warning(f"Stale: showing what was read at {when:%H:%M:%S}. Saving is paused.", icon=":material/cloud_off:")
    elif error:
        st.error(f"Could not read this source: {error}", icon=":material/error:")
    st.caption(f"Last synced {when:%H:%M:%S}{problems}" if when else "Not read yet")
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
        st.Page("pages/guides.py", title="Guides", icon=":material/menu_book:"),
        st.Page("pages/setup.py", title="Data set-up", icon=":material/table_view:"),
    ],
}
# Always called, so the pages/ folder is never served on its own; the menu is hidden until the person may enter.
navigation = st.navigation(pages, position="sidebar" if app_state.may_enter() else "hidden")
app_state.gate()  # nothing below runs (no data source, no page) until the person may see the data
app_state.begin_run()
data_source_sidebar()
navigation.run()
