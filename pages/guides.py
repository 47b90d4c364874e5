"""Guides: read a guide tailored to the program, download it (PDF, HTML), the program pack and kickoff sheets."""

import streamlit as st

import app_state
import guides_parts as parts
from lib.guides import GUIDES_DIR, GuideError, load_guides
from lib.handoff import handoff_pairs
from lib.text import markdown_text

data = app_state.require_data()
st.title("Guides")
st.caption("How to run each kind of mentorship, in Tandem's words and your program's details: read a guide here, "
           "print it, or give each pair a kickoff sheet for its first meeting.")
try:
    guides = load_guides()
except GuideError as exc:
    st.error(markdown_text(f"A guide file needs fixing: {exc}"), icon=":material/error:")
    st.stop()
if not guides:
    st.info(markdown_text(f"No guides found: Tandem reads them from the Markdown files in {GUIDES_DIR}."),
            icon=":material/info:")
    st.stop()

tailoring = parts.tailor_form(data)
pairs = handoff_pairs(data)
read_tab, kickoff_tab = st.tabs(["Read and download", f"Kickoff sheets ({len(pairs)} pairs)"])
with read_tab:
    guide = parts.choose_guide(guides)
    parts.guide_downloads(guide, guides, tailoring, data)
    parts.reading(guide, tailoring)
with kickoff_tab:
    parts.kickoff_section(data, pairs, guides, tailoring)
