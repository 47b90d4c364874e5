"""Guide PDFs and the program pack, read back by a real reader (pypdf): the title page, headings, tailored fields,
contents and footers. Guides use small fixture guides written in tmp_path (conftest.py)."""

from __future__ import annotations

from datetime import date

from lib.documents.pdf import guide_pdf, pack_pdf
from lib.guides.library import Tailoring, find_guide, load_guides
from tests.unit.documents.pdf.conftest import DAY
from tests.unit.documents.pdf.reading import read

TAILORING = Tailoring("Zoë & Łukasz GmbH", "Лето 2026", date(2026, 6, 1), date(2026, 8, 21), "weekly",
                      "Priya Raman <priya@example.org>")


def test_a_guide_pdf_has_a_title_page_its_headings_and_the_tailored_fields(guides):
    pages = read(guide_pdf(find_guide(guides, "one-on-one"), TAILORING, DAY))
    title, body = pages[0], " ".join(pages[1:])
    for expected in ("MENTORSHIP GUIDE", "Pair mentorship", "A short guide for Zoë & Łukasz GmbH.",
                     "Mentors and mentees", "Лето 2026", "1 Jun 2026 – 21 Aug 2026", "Every week",
                     "Priya Raman <priya@example.org>", "24 Jul 2026"):
        assert expected in title, expected
    assert "page 1 of" not in title  # the title page carries no footer
    for heading in ("Who it suits", "Roles and expectations", "Suggested cadence", "The first three meetings",
                    "Meeting 1: Get to know each other", "Goal-setting worksheet",
                    "Signs it is drifting, and what to do"):
        assert heading in body, heading
    assert "Meet every week during Лето 2026. Ask Priya Raman <priya@example.org> if anything is unclear." in body
    assert "Weekly to start, from 1 Jun 2026 to 21 Aug 2026." in body
    assert "Goal 1:" in body and "MESSAGE TEMPLATE" in body and "we have not met for a while." in body
    for number, page in enumerate(pages[1:], start=2):
        assert page.endswith(f"Tandem · Лето 2026 · Zoë & Łukasz GmbH · page {number} of {len(pages)}")


def test_an_untailored_guide_reads_in_neutral_words(guides):
    body = " ".join(read(guide_pdf(find_guide(guides, "pair"), Tailoring(cadence=""), DAY)))
    assert "Meet every two weeks during your mentoring program. Ask your program lead" in body
    assert "from the start of the program to the end of the program" in body
    assert "Tandem · Mentorship program · page 2 of" in body


def test_the_pack_has_a_cover_contents_with_the_right_pages_and_every_guide(guides):
    pages = read(pack_pdf(guides, TAILORING, DAY))
    assert "PROGRAM PACK" in pages[0] and "Лето 2026" in pages[0] and "2 guides" in pages[0]
    assert "Contents" in pages[1]
    for index, guide in enumerate(guides, start=1):
        start = next(n for n, page in enumerate(pages, start=1) if f"GUIDE {index} OF 2" in page)
        assert f"{guide.title} {start} For {guide.audience}" in pages[1]
        assert guide.title in pages[start - 1]
    assert "Where to look" in " ".join(pages) and "Meeting 3: First feedback loop" in " ".join(pages)
    assert pages[-1].endswith(f"page {len(pages)} of {len(pages)}")


def test_the_real_guides_render_in_the_pack_with_every_section_heading():
    guides = load_guides()
    pages = read(pack_pdf(guides, TAILORING, DAY))
    text = " ".join(pages)
    assert all(g.title in pages[1] for g in guides)
    assert len(pages) > len(guides) + 2
    for guide in guides:
        assert guide.title in text
        for block in guide.blocks:
            if getattr(block, "level", None) == 2:
                assert " ".join(TAILORING.fill(block.text).split()) in text, (guide.slug, block.text)
