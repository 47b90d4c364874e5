"""Guides as PDF: one tailored guide behind a title page, or the program pack (every guide, a cover, contents)."""

from __future__ import annotations

from datetime import date

from lib.documents.pdf.fonts import BODY, clean
from lib.documents.pdf.layout import ACCENT, INK, MUTED, SIZE, TOP, TandemDocument
from lib.errors import GuideError
from lib.guides.library import (
    Bullets,
    Checklist,
    FillIn,
    Guide,
    Heading,
    Inline,
    Numbered,
    Paragraph,
    Quote,
    Tailoring,
    plain,
)
from lib.vocabulary import program_title

CONTENTS_ROW = 13.0  # mm per guide on the contents page


def guide_pdf(guide: Guide, tailoring: Tailoring, on: date | None = None) -> bytes:
    """One guide, tailored: a title page (title, audience, organisation, program, dates, contact), then the text."""
    doc = TandemDocument(tailoring.label, text=document_text([guide], tailoring), title=tailoring.fill(guide.title))
    doc.footer_from = 2
    doc.title_page("Mentorship guide", tailoring.fill(guide.title), tailoring.fill(guide.summary),
                   [("For", tailoring.fill(guide.audience)), *program_details(tailoring)], on)
    doc.add_page()
    write_guide(doc, guide, tailoring, outline=0)
    return doc.output_bytes()


def pack_pdf(guides: list[Guide], tailoring: Tailoring, on: date | None = None) -> bytes:
    """Every guide in one PDF: a cover, a contents page with page numbers and links, each guide on a new page."""
    if not guides:
        raise GuideError("there are no guides to put in the program pack")
    title = program_title(tailoring.program_name, tailoring.organisation)
    doc = TandemDocument(tailoring.label, text=document_text(guides, tailoring), title=f"{title}: program pack")
    doc.footer_from = 2
    doc.title_page("Program pack", title,
                   f"Every guide of the program in one place: {len(guides)} guides for mentors, mentees and the "
                   "program lead, with checklists, agendas and worksheets to print.",
                   program_details(tailoring), on)
    doc.add_page()
    audiences = {tailoring.fill(g.title): tailoring.fill(g.audience) for g in guides}
    per_page = int((doc.h - TOP - 45) // CONTENTS_ROW)
    doc.insert_toc_placeholder(lambda pdf, outline: _contents(pdf, outline, audiences),
                               pages=(len(guides) - 1) // per_page + 1, reset_page_indices=False)
    for index, guide in enumerate(guides):
        if index:
            doc.add_page()
        doc.start_section(clean(tailoring.fill(guide.title)), level=0)
        doc.chapter_opener(f"Guide {index + 1} of {len(guides)} · for {tailoring.fill(guide.audience)}",
                           tailoring.fill(guide.title), tailoring.fill(guide.summary))
        write_guide(doc, guide, tailoring, outline=1)
    return doc.output_bytes()


def program_details(tailoring: Tailoring) -> list[tuple[str, str]]:
    """The lead's own values for a title page (blanks are left out there, not replaced by neutral words)."""
    cadence = tailoring.values()["cadence"] if tailoring.cadence.strip() else ""
    return [("Organisation", tailoring.organisation), ("Program", tailoring.program_name), ("Dates", tailoring.period),
            ("Meetings", f"{cadence[0].upper()}{cadence[1:]}" if cadence else ""), ("Contact", tailoring.contact)]


def runs(spans: Inline, tailoring: Tailoring) -> list[tuple[str, str]]:
    return [(("B" if s.bold else "") + ("I" if s.italic else ""), tailoring.fill(s.text)) for s in spans]


def write_guide(doc: TandemDocument, guide: Guide, tailoring: Tailoring, outline: int) -> None:
    """The guide's blocks in order; `##` headings go into the PDF bookmarks at level `outline`."""
    for block in guide.blocks:
        if isinstance(block, Heading):
            doc.heading(tailoring.fill(block.text), block.level, outline if block.level == 2 else None)
        elif isinstance(block, Paragraph):
            doc.paragraph(runs(block.spans, tailoring))
        elif isinstance(block, Bullets):
            doc.bullets([runs(item, tailoring) for item in block.items])
        elif isinstance(block, Numbered):
            doc.numbered([runs(item, tailoring) for item in block.items])
        elif isinstance(block, Checklist):
            doc.checklist([runs(item, tailoring) for item in block.items])
        elif isinstance(block, FillIn):
            doc.fill_in(tailoring.fill(block.label))
        elif isinstance(block, Quote):
            doc.message_box([tailoring.fill(line) for line in block.lines])


def document_text(guides: list[Guide], tailoring: Tailoring) -> str:
    """Everything the guides will print, tailored (the fonts module decides from it which fallbacks to load)."""
    parts = [*tailoring.values().values(), tailoring.label]
    for guide in guides:
        parts += [guide.title, guide.audience, guide.summary]
        for block in guide.blocks:
            if isinstance(block, (Heading,)):
                parts.append(block.text)
            elif isinstance(block, Paragraph):
                parts.append(plain(block.spans))
            elif isinstance(block, (Bullets, Numbered, Checklist)):
                parts += [plain(item) for item in block.items]
            elif isinstance(block, FillIn):
                parts.append(block.label)
            elif isinstance(block, Quote):
                parts += list(block.lines)
    return tailoring.fill("\n".join(parts))


def _contents(pdf: TandemDocument, outline, audiences: dict[str, str]) -> None:
    pdf.set_y(TOP + 8)
    pdf.heading("Contents")
    pdf.ln(2)
    for section in (s for s in outline if s.level == 0):
        link = pdf.add_link(page=section.page_number)
        y = pdf.y
        pdf.set_font(BODY, "B", SIZE + 1.5)
        pdf.set_text_color(*INK)
        pdf.cell(pdf.epw - 14, 6.5, section.name, link=link)
        pdf.set_text_color(*ACCENT)
        pdf.cell(14, 6.5, str(section.page_number), align="R", link=link)
        pdf.set_xy(pdf.l_margin, y + 6.5)
        pdf.set_font(BODY, "", SIZE - 1)
        pdf.set_text_color(*MUTED)
        pdf.cell(pdf.epw - 14, 4.5, f"For {audiences.get(section.name, '')}".rstrip(), link=link)
        pdf.set_xy(pdf.l_margin, y + CONTENTS_ROW)
    pdf.set_text_color(*INK)
