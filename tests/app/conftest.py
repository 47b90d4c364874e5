"""AppTest fixtures: the real app.py, run headless, with Streamlit's caches cleared before every test."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "app.py"


def new_app() -> AppTest:
    """A fresh, not yet run AppTest of the dashboard (each has its own session state)."""
    return AppTest.from_file(str(APP), default_timeout=30)


@pytest.fixture(autouse=True)
def navigation_not_pages_folder(monkeypatch):
    """Work around an AppTest quirk (streamlit 1.67) that would otherwise skip app.py on every rerun.

    AppTest sets `PagesManager.uses_pages_directory = None` before each run, and PagesManager then turns it
    back on because a `pages/` folder sits next to app.py. From the second run on, Streamlit's legacy
    multipage path runs the page script alone: app.py (the sidebar, the data source) is not executed.
    A real server calls st.navigation once and the flag stays False for the process; do the same here.
    """
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture
def app(navigation_not_pages_folder) -> AppTest:
    """The dashboard after its first run (the Overview page on the sample data)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    at = new_app()
    at.run()
    return at
