"""A `data_source` in secrets opens the lead's own data at start, and a broken one is never replaced by the sample."""

from __future__ import annotations

import shutil

import streamlit as st

from lib.text import markdown_text
from tests.app.conftest import new_app
from tests.conftest import SAMPLE


def start_with_secret(location: str):
    st.cache_data.clear()
    at = new_app()
    at.secrets["data_source"] = location
    return at.run()


def test_configured_folder_opens_at_start(tmp_path):
    folder = tmp_path / "program"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.py"))
    (folder / "mentees.csv").write_text((folder / "mentees.csv").read_text().replace("Mei Chen", "Mei Chen-Lu"))
    at = start_with_secret(str(folder))
    assert not at.exception
    assert at.sidebar.radio(key="source_choice").value == "Folder or .xlsx on this computer"
    assert any(markdown_text(f"CSV folder {folder}") in c.value for c in at.sidebar.caption)
    at.switch_page("pages/roster.py").run()
    assert not at.exception and at.tabs[1].label == "Mentees (23)"


def test_configured_source_that_cannot_be_opened_says_why_instead_of_showing_the_sample(tmp_path):
    at = start_with_secret(str(tmp_path / "gone.xlsx"))
    assert not at.exception
    errors = [e.value for e in at.main.error]
    assert len(errors) == 1 and "gone.xlsx does not exist" in errors[0]
    assert not at.metric and not at.title  # no sample numbers in place of the lead's data
    assert any("unavailable" in c.value for c in at.sidebar.caption)
