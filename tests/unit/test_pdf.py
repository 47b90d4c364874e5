"""The PDF module: a real reader (pypdf) reads back every document's headings, tailored fields and names.

Guides use small fixture guides written in tmp_path; the kickoff sheets use a copy of the sample data with
non-Latin and formula-looking names and a feedback comment that must never be printed.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from lib.documents.handoff import handoff_pairs
from lib.documents.pdf import TandemDocument, guide_pdf, health_report_pdf, kickoff_name, kickoff_pdf, pack_pdf
from lib.documents.pdf.fonts import CJK, clean, needs_shaping
from lib.errors import TandemError
from lib.guides.library import Tailoring, find_guide, load_guide, load_guides, meetings
from lib.health.model import assess, report
from lib.reading.dataset import Dataset
from lib.reading.loader import load
from lib.sources import CsvSource
from tests.unit.test_guides import TOPIC_GUIDE, TYPE_GUIDE, write

DAY = date(2026, 7, 24)
SECRET = "SECRET-FEEDBACK-7731 keep this out of print"
RENAMED = {"Mei Chen": "李雷", "Nadia Haddad": "محمد حداد", "Olena Kovalenko": "Олена Коваленко",
           "Tomás Silva": '=HYPERLINK("http://evil.example","x")', "Sofia Rossi": "+Sofia -Rossi @home"}
TAILORING = Tailoring("Zoë & Łukasz GmbH", "Лето 2026", date(2026, 6, 1), date(2026, 8, 21), "weekly",
                      "Priya Raman <priya@example.org>")


def read(payload: bytes) -> list[str]:
    """Each page's text, NFKC-normalised (Arabic comes back in presentation forms) with whitespace collapsed."""
    assert payload.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(payload))
    return [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in reader.pages]


def words(text: str) -> list[str]:
    return unicodedata.normalize("NFKC", text).split()


@pytest.fixture
def guides(tmp_path) -> list:
    folder = tmp_path / "guides"
    write(folder, "pair.md", TYPE_GUIDE)
    write(folder, "finding-a-mentor.md", TOPIC_GUIDE)
    return load_guides(folder)


@pytest.fixture
def program(sample_copy: Path) -> Path:
    """The sample with names in several scripts, formula-looking names, and a comment that must never print."""
    for tab in ("mentors", "mentees"):
        path = sample_copy / f"{tab}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows:
            row["name"] = RENAMED.get(row["name"], row["name"])
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    with (sample_copy / "feedback.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(["F-999", "2026-07-20", "ana.ruiz@northwind.example", "mei.chen@northwind.example",
                                     "mentee", "2", SECRET])
    return sample_copy


# --- guides --------------------------------------------------------------------------------------------------

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


# --- kickoff sheets ------------------------------------------------------------------------------------------

def test_kickoff_is_one_page_per_pair_with_names_in_every_script_and_never_feedback(program):
    data = load(CsvSource(folder=program))
    assert any(f.comment == SECRET for f in data.feedback)
    pairs = handoff_pairs(data)
    assert len(pairs) == 16
    pages = read(kickoff_pdf(data, pairs))
    assert len(pages) == len(pairs)
    for page, pair in zip(pages, pairs):
        for name in (pair.first_name, pair.mentee_name):
            assert all(word in page for word in words(name)), (name, page[:200])
        assert pair.pairing.mentor_email in page and pair.pairing.mentee_email in page
        assert "The first three meetings" in page and "Goal worksheet" in page
    everything = " ".join(pages)
    for name in RENAMED.values():
        assert all(word in everything for word in words(name)), name
    assert "SECRET-FEEDBACK" not in everything and "keep this out of print" not in everything
    assert f"page {len(pages)} of {len(pages)}" in pages[-1]


def test_a_kickoff_page_has_the_pair_details_and_its_types_agenda(program):
    data = load(CsvSource(folder=program))
    by_id = {p.pairing.id: p for p in handoff_pairs(data)}
    guides = load_guides()
    first = read(kickoff_pdf(data, [by_id["P-001"]], guides))
    assert len(first) == 1
    page = first[0]
    for expected in ("KICKOFF SHEET · SUMMER INTERNSHIP 2026 · NORTHWIND LABS", "Ana Ruiz and 李雷",
                     "One-on-one mentorship · active · pairing P-001", "MENTOR", "MENTEE", "Team: Platform",
                     "SHARED GOALS Kubernetes; code review", "every week, 30 to 45 minutes", "START 1 Jun 2026",
                     "1 Jun 2026 to 21 Aug 2026", "Priya Raman <priya.raman@northwind.example>"):
        assert expected in page, expected
    for meeting in meetings(find_guide(guides, "one-on-one")):
        assert meeting.title in page
    group = read(kickoff_pdf(data, [by_id["P-011"]], guides))[0]
    assert "Group mentorship" in group and "GROUP MEMBER" in group
    assert meetings(find_guide(guides, "group"))[0].title in group
    proposed = read(kickoff_pdf(data, [by_id["P-016"]], guides, on=DAY))[0]
    assert "proposed: hold the first meeting by 31 Jul 2026" in proposed


def test_kickoff_without_a_guide_for_the_type_still_prints_one_page(program, guides):
    data = load(CsvSource(folder=program))
    pairs = [p for p in handoff_pairs(data) if p.pairing.type in ("peer", "group")]
    pages = read(kickoff_pdf(data, pairs, guides))  # the fixture guides have no group or peer guide
    assert len(pages) == len(pairs) == 4
    assert "No guide for peer mentorship in the guides folder" in pages[-1]


def test_kickoff_keeps_to_one_page_when_the_content_is_far_too_long(program, tmp_path):
    long_agenda = TYPE_GUIDE.replace("- [ ] Introductions\n", "".join(
        f"- [ ] Agenda item {n} with quite a few words so that it wraps over two lines\n" for n in range(40)))
    guide = load_guide(write(tmp_path / "long", "pair.md", long_agenda))
    data = load(CsvSource(folder=program))
    pair = next(p for p in handoff_pairs(data) if p.pairing.id == "P-001")
    page = read(kickoff_pdf(data, [pair], [guide]))
    assert len(page) == 1
    assert "more in 'Pair mentorship'" in page[0]


def test_kickoff_needs_pairs():
    with pytest.raises(TandemError, match="no proposed or active pairs"):
        kickoff_pdf(Dataset(), [])


def test_kickoff_file_names(program):
    pairs = handoff_pairs(load(CsvSource(folder=program)))
    assert kickoff_name(pairs, DAY) == "tandem-kickoff-sheets-2026-07-24.pdf"
    assert kickoff_name(pairs[:1], DAY) == "tandem-kickoff-mei.chen-2026-07-24.pdf"


# --- the health report ---------------------------------------------------------------------------------------

def test_the_health_report_is_a_landscape_table_of_every_active_pair(program):
    data = load(CsvSource(folder=program))
    frame = report(assess(data))
    payload = health_report_pdf(frame, data)
    reader = PdfReader(io.BytesIO(payload))
    box = reader.pages[0].mediabox
    assert box.width > box.height
    text = " ".join(read(payload))
    assert "Relationship health" in text and "Every pairing active on 24 Jul 2026: 14 pairs" in text
    assert "3 at risk" in text
    for column in ("Pairing", "Mentor", "Mentee", "Status", "Score", "Reasons"):
        assert column in text
    squeezed = text.replace(" ", "")  # narrow columns wrap long names anywhere
    for _, row in frame.iterrows():
        assert row["pairing"] in text and all(w in squeezed for w in words(row["mentee"])), row["mentee"]
    assert "Suggested message" not in text


def test_the_health_report_of_no_active_pair_says_so(program):
    data = load(CsvSource(folder=program))
    empty = report(assess(data)).iloc[0:0]
    assert "No pairing is active on this date." in " ".join(read(health_report_pdf(empty, data)))


# --- fonts and text that must never break a document ---------------------------------------------------------

def test_clean_drops_what_a_pdf_cannot_carry():
    assert clean("a\x00b\x07c\td\r\ne\ud800f") == "abc d\nef"
    assert clean("Zoe\u0308") == "Zoë"  # NFC
    assert clean(None) == ""
    assert needs_shaping("محمد") and needs_shaping("שלום") and not needs_shaping("Zoë Олена 李雷")


def test_the_cjk_font_is_loaded_only_when_the_text_needs_it():
    assert CJK not in TandemDocument("Latin and Кириллица and عربي").fonts
    assert {CJK, CJK + "B"} <= set(TandemDocument("Program", text="李雷 한국어").fonts)  # bold too, for headings


NASTY = ["😀 emoji", "\u202eRTL override", "zero\u200bwidth", "e\u0301\u0301\u0301", "देवनागरी", "ไทย",
         "x" * 300, "=1+1", "{nb} {organisation}", "\ufeffbom", "a\u00adsoft", "\U0010ffff"]


def test_odd_text_never_raises_in_any_block():
    doc = TandemDocument("Program 😀", text=" ".join(NASTY) + " 李雷")
    doc.add_page()
    for text in NASTY:
        doc.heading(text)
        doc.paragraph([("B", text), ("I", text)])
        doc.bullets([[("", text)]])
        doc.checklist([[("", text)]])
        doc.fill_in(text)
        doc.message_box([text, text])
    assert len(read(doc.output_bytes())) >= 1


@pytest.fixture(scope="module")
def shared_document():
    doc = TandemDocument("Fuzz", text="李雷 محمد")
    doc.add_page()
    return doc


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_text_renders(shared_document, text):
    shared_document.paragraph([("", text), ("B", text)])
    shared_document.checklist([[("I", text)]])
    shared_document.fill_in(text)


def test_the_fuzzed_document_still_outputs(shared_document):
    assert read(shared_document.output_bytes())


def test_names_made_of_any_characters_never_break_kickoff_sheets(program):
    mentees = pd.read_csv(program / "mentees.csv", dtype=str, keep_default_na=False)
    mentees.loc[: len(NASTY) - 1, "name"] = NASTY  # a different odd name for each of the first mentees
    mentees.to_csv(program / "mentees.csv", index=False)
    data = load(CsvSource(folder=program))
    pairs = handoff_pairs(data)
    assert {p.mentee_name for p in pairs} & set(NASTY)
    assert len(read(kickoff_pdf(data, pairs, []))) == len(pairs)
