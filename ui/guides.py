"""The Guides page's parts: tailoring, the reading view, and the downloads (guide PDF/HTML, pack, kickoff sheets).

Documents are built when their button is clicked (`data=` a function), so reading the page never waits for a PDF.
"""

from __future__ import annotations

import streamlit as st

from lib.documents.exports import dated_name
from lib.documents.handoff import HandoffPair
from lib.guides.library import Guide, Tailoring, reading_view
from lib.reading.dataset import Dataset
from lib.text import markdown_text, plural
from lib.vocabulary import CADENCE_WORDS, CADENCES, DEFAULT_CADENCE
from lib.writing.settings_rows import save_program_details
from ui import notices, state
from ui.widgets import PDF, kickoff_button, kickoff_scope, pick

TAILORINGS = "guide_tailorings"  # {source label: Tailoring}: kept across page switches, per data source
HTML = "text/html"


def current_tailoring(data: Dataset) -> Tailoring:
    """The lead's tailoring for this data source in this session, else the settings tab's values."""
    return state.session_value(TAILORINGS, {}).get(data.source_label) or Tailoring.from_settings(data.settings)


def tailor_form(data: Dataset) -> Tailoring:
    """The Tailor form (defaults from the settings tab); what it applies holds for reading and every download."""
    current = current_tailoring(data)
    with st.expander("Tailor to your program: organisation, dates, cadence, contact", icon=":material/tune:"):
        with st.form("tailor_guides", border=False):
            left, right = st.columns(2)
            organisation = left.text_input("Organisation", current.organisation, key="tailor_organisation")
            program = right.text_input("Program name", current.program_name, key="tailor_program")
            start = left.date_input("Program start", current.program_start, key="tailor_start", format="YYYY-MM-DD")
            end = right.date_input("Program end", current.program_end, key="tailor_end", format="YYYY-MM-DD")
            cadence = left.selectbox("Meet", CADENCES, CADENCES.index(current.cadence if current.cadence in CADENCES
                                                                      else DEFAULT_CADENCE),
                                     format_func=CADENCE_WORDS.get, key="tailor_cadence")
            contact = right.text_input("Contact for questions", current.contact, key="tailor_contact",
                                       placeholder="e.g. Priya Raman <priya@example.org>")
            apply, keep, reset = st.columns([1, 2, 2])
            chosen = Tailoring(organisation, program, start, end, cadence, contact)
            if apply.form_submit_button("Apply", type="primary", icon=":material/check:"):
                current = chosen
                state.session_value(TAILORINGS, {})[data.source_label] = current
                st.toast("The guides and downloads now use these details.", icon=":material/check_circle:")
            save = keep.form_submit_button("Save as the program's settings", icon=":material/save:",
                                           help="Write these details to your settings tab, for every session and "
                                                "the command line")
            if reset.form_submit_button("Back to the settings tab's values", icon=":material/undo:"):
                _forget_tailoring(data)
                st.rerun()
    if save:  # after the form: a refused write shows widgets a form cannot hold
        notices.save(lambda: save_program_details(state.writer(data), data.tables, chosen),
                     lambda written: (f"Saved the program's details to the settings tab ({', '.join(written)})."
                                      if written else "The settings tab already holds these details."),
                     then=lambda: _forget_tailoring(data))
    return current


def _forget_tailoring(data: Dataset) -> None:
    """Back to the settings tab's values: the session's tailoring and the form's fields are dropped."""
    state.session_value(TAILORINGS, {}).pop(data.source_label, None)
    state.forget_value(*(f"tailor_{key}" for key in ("organisation", "program", "start", "end", "cadence", "contact")))


def choose_guide(guides: list[Guide]) -> Guide:
    return pick("Guide", {g.slug: g for g in guides}, lambda g: f"{g.title} · for {g.audience.lower()}",
                key="guide_choice")


def guide_downloads(guide: Guide, guides: list[Guide], tailoring: Tailoring, data: Dataset) -> None:
    from lib.documents.pdf.guide_documents import (  # fpdf2 loads once a page offers a PDF
        guide_pdf,
        pack_pdf,
    )
    from lib.guides.html import guide_html

    day = data.today()
    cells = st.columns(3)
    cells[0].download_button("Guide (PDF)", lambda: guide_pdf(guide, tailoring, day),
                             dated_name(f"guide-{guide.slug}", day, "pdf"), mime=PDF, on_click="ignore",
                             icon=":material/picture_as_pdf:", type="primary", key="guide_pdf")
    cells[1].download_button("Guide (HTML, to print)", lambda: guide_html(guide, tailoring, day).encode("utf-8"),
                             dated_name(f"guide-{guide.slug}", day, "html"), mime=HTML, on_click="ignore",
                             icon=":material/print:", key="guide_html")
    cells[2].download_button("Program pack (PDF)", lambda: pack_pdf(guides, tailoring, day),
                             dated_name("program-pack", day, "pdf"), mime=PDF, on_click="ignore",
                             icon=":material/library_books:", key="pack_pdf")


def reading(guide: Guide, tailoring: Tailoring) -> None:
    """The guide as it prints, in the app: message templates as code blocks with a copy button."""
    st.header(markdown_text(tailoring.fill(guide.title)), divider="gray")
    st.caption(markdown_text(f"For {tailoring.fill(guide.audience).lower()} · {tailoring.fill(guide.summary)}"))
    for kind, text in reading_view(guide, tailoring):
        if kind == "template":
            st.code(text, language=None, wrap_lines=True)
        else:
            st.markdown(text)


def kickoff_section(data: Dataset, pairs: list[HandoffPair], guides: list[Guide], tailoring: Tailoring) -> None:
    st.subheader("Kickoff sheets")
    if not pairs:
        st.info("No proposed or active pairings yet, so there is no kickoff sheet to print. Accept pairs on the "
                "Pairings page first: each pair then gets a one-page sheet for its first meeting.",
                icon=":material/info:")
        st.page_link("pages/pairings.py", label="Go to Pairings", icon=":material/arrow_forward:")
        return
    st.caption("One page per pair for its first meeting: both people and their emails, the type, rhythm and shared "
               "goals, the agenda of the first three meetings from that type's guide, and a goal worksheet. "
               "Feedback is never printed on it.")
    chosen_pairs = kickoff_scope(data, pairs, "kickoff_every")
    if chosen_pairs:
        every = len(chosen_pairs) == len(pairs)
        kickoff_button(data, chosen_pairs, f"Kickoff sheets, {'all ' if every else ''}"
                                           f"{plural(len(chosen_pairs), 'new pair' if not every else 'pair')} (PDF)",
                       "kickoff_all", guides, tailoring)
    chosen = pick("One pair", {f"{p.pairing.mentor_email} {p.pairing.mentee_email}": p for p in pairs},
                  lambda p: f"{p.first_name} + {p.mentee_name} ({p.pairing.type}, {p.pairing.status})",
                  key="kickoff_pair")
    kickoff_button(data, [chosen], "Kickoff sheet for this pair (PDF)", "kickoff_one", guides, tailoring)
