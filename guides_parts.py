"""The Guides page's parts: tailoring, the reading view, and the downloads (guide PDF/HTML, pack, kickoff sheets).

Documents are built when their button is clicked (`data=` a function), so reading the page never waits for a PDF.
"""

from __future__ import annotations

import streamlit as st

from lib.dataset import Dataset
from lib.exports import dated_name
from lib.guide_html import guide_html
from lib.guides import Guide, GuideError, Tailoring, load_guides, reading_view
from lib.handoff import CADENCE_WORDS, HandoffPair
from lib.pdf import guide_pdf, kickoff_name, kickoff_pdf, pack_pdf
from lib.text import markdown_text

TAILORINGS = "guide_tailorings"  # {source label: Tailoring}: kept across page switches, per data source
PDF, HTML = "application/pdf", "text/html"


def current_tailoring(data: Dataset) -> Tailoring:
    """The lead's tailoring for this data source in this session, else the settings tab's values."""
    return st.session_state.get(TAILORINGS, {}).get(data.source_label) or Tailoring.from_settings(data.settings)


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
            cadences = list(CADENCE_WORDS)
            cadence = left.selectbox("Meet", cadences, cadences.index(current.cadence)
                                     if current.cadence in cadences else 1, format_func=CADENCE_WORDS.get,
                                     key="tailor_cadence")
            contact = right.text_input("Contact for questions", current.contact, key="tailor_contact",
                                       placeholder="e.g. Priya Raman <priya@example.org>")
            apply, reset = st.columns([1, 3])
            if apply.form_submit_button("Apply", type="primary", icon=":material/check:"):
                current = Tailoring(organisation, program, start, end, cadence, contact)
                st.session_state.setdefault(TAILORINGS, {})[data.source_label] = current
                st.toast("The guides and downloads now use these details.", icon=":material/check_circle:")
            if reset.form_submit_button("Back to the settings tab's values", icon=":material/undo:"):
                st.session_state.get(TAILORINGS, {}).pop(data.source_label, None)
                for key in ("organisation", "program", "start", "end", "cadence", "contact"):
                    st.session_state.pop(f"tailor_{key}", None)
                st.rerun()
    return current


def choose_guide(guides: list[Guide]) -> Guide:
    by_slug = {g.slug: g for g in guides}
    return by_slug[st.selectbox("Guide", list(by_slug), format_func=lambda s: f"{by_slug[s].title} · for "
                                f"{by_slug[s].audience.lower()}", key="guide_choice")]


def guide_downloads(guide: Guide, guides: list[Guide], tailoring: Tailoring, data: Dataset) -> None:
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


def kickoff_button(data: Dataset, pairs: list[HandoffPair], label: str, key: str, guides: list[Guide] | None = None,
                   tailoring: Tailoring | None = None, where=st) -> None:
    """A kickoff-sheet PDF (one page per pair) for these pairs, in `where` (a column, or the page); the agendas
    come from `guides`, else from the guides folder when the button is clicked."""
    def build() -> bytes:
        try:
            agendas = load_guides() if guides is None else guides
        except GuideError:  # a broken guide file: the sheets still print, without the agendas
            agendas = []
        return kickoff_pdf(data, pairs, agendas, tailoring=tailoring)

    where.download_button(label, build, kickoff_name(pairs, data.today()), mime=PDF, on_click="ignore",
                          icon=":material/picture_as_pdf:", key=key)


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
    kickoff_button(data, pairs, f"Kickoff sheets, all {len(pairs)} pairs (PDF)", "kickoff_all", guides, tailoring)
    by_key = {f"{p.pairing.mentor_email} {p.pairing.mentee_email}": p for p in pairs}
    labels = {k: f"{p.first_name} + {p.mentee_name} ({p.pairing.type}, {p.pairing.status})" for k, p in by_key.items()}
    chosen = st.selectbox("One pair", list(labels), format_func=labels.get, key="kickoff_pair")
    kickoff_button(data, [by_key[chosen]], "Kickoff sheet for this pair (PDF)", "kickoff_one", guides, tailoring)
