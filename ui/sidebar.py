"""The data-source sidebar every page shares: which source is in use, how fresh it is, and how to change it."""

from __future__ import annotations

import streamlit as st

from lib.sources.sheet_urls import looks_like_sheet
from lib.text import markdown_text, plural
from ui import notices, state

SAMPLE, SHEET, LOCAL, UPLOAD = "Sample data", "Google Sheet", "Folder or .xlsx on this computer", "Upload files"


def data_source_sidebar() -> None:
    with st.sidebar:
        st.subheader("Data source")
        if state.value("source_choice") is None:  # a data_source in secrets opens as it was given
            source = state.current_source()
            origin = source.origin or state.SAMPLE_ORIGIN
            is_sheet = source.live or looks_like_sheet(origin)
            state.set_value("source_choice", SAMPLE if state.is_sample() else SHEET if is_sheet else LOCAL)
            if not state.is_sample():
                state.set_value("sheet_url" if is_sheet else "source_path", origin)
        choice = st.radio("Data source", [SAMPLE, SHEET, LOCAL, UPLOAD], key="source_choice",
                          label_visibility="collapsed")
        if choice == SAMPLE and not state.is_sample():
            state.use_sample()
            confirm_switch()
        elif choice == SHEET:
            location_form("open_sheet", "Google Sheets URL or key", "sheet_url",
                          "https://docs.google.com/spreadsheets/d/…/edit", "Connect", ":material/link:")
            if email := state.service_account_email():
                st.caption(f"Share the sheet with `{email}` (Editor) so Tandem can read and save it.")
        elif choice == LOCAL:
            location_form("open_location", "Path to a CSV folder or an .xlsx workbook", "source_path",
                          "/home/me/mentoring or ~/mentoring.xlsx", "Open", ":material/folder_open:")
        elif choice == UPLOAD:
            files = st.file_uploader("One .xlsx workbook, or CSV files named after the tabs (or a .zip of them)",
                                     type=["csv", "xlsx", "zip", "tsv", "txt"], accept_multiple_files=True,
                                     key="source_upload")
            origin = "upload:" + ",".join(f"{f.name}:{f.file_id}" for f in files or [])
            if files and state.current_source().origin != origin:
                error = state.open_uploads([(f.name, f.getvalue()) for f in files], origin)
                if error:
                    st.error(error)
                else:
                    confirm_switch()
        source_status()


def confirm_switch() -> None:
    """Say in the main area what was opened and what it holds, so a change in the sidebar is never silent."""
    data, error = state.current_data()
    if data is None:
        return  # the sidebar says why it cannot be read
    people = f"{plural(len(data.mentors), 'mentor')}, {plural(len(data.mentees), 'mentee')}, " \
             f"{plural(len(data.pairings), 'pairing')}"
    problems = f"; {plural(len(data.problems), 'data problem')} (see the Roster page)" if data.problems else ""
    notices.flash(f"Now using {data.source_label}: {people}{problems}.")


def location_form(form: str, label: str, key: str, placeholder: str, button: str, icon: str) -> None:
    """A place typed in (a sheet's URL, a folder or workbook path), opened on the button; an error says why."""
    with st.form(form, border=False):
        location = st.text_input(label, key=key, placeholder=placeholder)
        if st.form_submit_button(button, icon=icon) and location:
            error = state.open_location(location)
            if error:
                st.error(error)
            else:
                confirm_switch()


def source_status() -> None:
    source = state.current_source()
    data, error = state.current_data()
    st.caption(f"**In use:** {markdown_text(data.source_label if data else source.label)}")
    when = state.loaded_at()
    problems = f" · {plural(len(data.problems), 'data problem')}" if data and data.problems else ""
    if state.is_stale():
        st.warning(f"Stale: showing what was read at {when:%H:%M:%S}. Saving is paused.", icon=":material/cloud_off:")
    elif error:
        st.error(f"Could not read this source: {error}", icon=":material/error:")
    st.caption(f"Last synced {when:%H:%M:%S}{problems}" if when else "Not read yet")
    if st.button("Refresh data", icon=":material/refresh:", help="Read the source again"):
        state.current_data(force=True)
        st.rerun()
    download = source.download()
    if download and source.changed:
        name, payload, mime = download
        st.download_button("Download the data with your changes", payload, file_name=name, mime=mime,
                           on_click="ignore", icon=":material/download:",
                           help="Uploaded and sample data cannot be saved in place: keep this file.")
