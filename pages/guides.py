"""Guides: read a guide tailored to the program, download it (PDF, HTML), the program pack and kickoff sheets."""

import streamlit as st

from lib.documents.handoff import handoff_pairs
from lib.errors import GuideError
from lib.guides.library import GUIDES_DIR
from lib.text import markdown_text
from ui import gate, notices, state
from ui import guides as parts

data = gate.require_data()
st.title("Guides")
st.caption("How to run each kind of mentorship, in Tandem's words and your program's details: read a guide here, "
           "print it, or give each pair a kickoff sheet for its first meeting.")
notices.show_flash()
try:
    guides = state.guides()
except GuideError as exc:
    st.error(markdown_text(f"A guide file needs fixing: {exc}"), icon=":material/error:")
    st.stop()
if not guides:
    st.info(markdown_text(f"No guides found: Tandem reads them from the Markdown files in {GUIDES_DIR}."),
            icon=":material/info:")
    st.stop()

tailoring = parts.tailor_form(data)
pairs = state.derived("handoff_pairs", data, lambda: handoff_pairs(data))
read_tab, kickoff_tab = st.tabs(["Read and download", "Kickoff sheets"])
with read_tab:
    guide = parts.choose_guide(guides)
    parts.guide_downloads(guide, guides, tailoring, data)
    parts.reading(guide, tailoring)
with kickoff_tab:
    parts.kickoff_section(data, pairs, guides, tailoring)
