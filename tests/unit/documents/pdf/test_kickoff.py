"""Kickoff sheets, read back by a real reader (pypdf): one page per pair with both people's details and their type's
agenda, names in every script, never a feedback comment; the sample copy they use is in conftest.py."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.documents.handoff import handoff_pairs
from lib.documents.pdf import kickoff_name, kickoff_pdf
from lib.errors import TandemError
from lib.guides.library import find_guide, load_guide, load_guides, meetings
from lib.reading.dataset import Dataset
from lib.reading.loader import load
from lib.sources import CsvSource
from tests.unit.documents.pdf.conftest import DAY, RENAMED, SECRET
from tests.unit.documents.pdf.reading import read, words
from tests.unit.documents.pdf.test_layout import NASTY
from tests.unit.guides.test_library import TYPE_GUIDE, write


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
                     "GOALS Kubernetes (by 14 Aug 2026); code review (by 21 Aug 2026)",  # the goals tab's, with targets
                     "PLAN Kickoff meeting by 15 Jun 2026; Goals agreed by 15 Jun 2026; Pairing fit by 8 Jun 2026; "
                     "Mid-point review by 11 Jul 2026; Final assessment by 21 Aug 2026",
                     "every week, 30 to 45 minutes", "START 1 Jun 2026",
                     "1 Jun 2026 to 21 Aug 2026", "Priya Raman <priya.raman@northwind.example>"):
        assert expected in page, expected
    for meeting in meetings(find_guide(guides, "one-on-one")):
        assert meeting.title in page
    group = read(kickoff_pdf(data, [by_id["P-011"]], guides))[0]
    assert "Group mentorship" in group and "GROUP MEMBER" in group
    assert meetings(find_guide(guides, "group"))[0].title in group
    proposed = read(kickoff_pdf(data, [by_id["P-016"]], guides, on=DAY))[0]
    assert "proposed: hold the first meeting by 7 Aug 2026" in proposed
    assert "SHARED GOALS" in proposed  # no goal in the goals tab yet: the pairing's own
    assert "PLAN Kickoff meeting 14 days after the start; Goals agreed 14 days after the start; Pairing fit 7 days " \
        "after the first meeting" in proposed


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


def test_names_made_of_any_characters_never_break_kickoff_sheets(program):
    mentees = pd.read_csv(program / "mentees.csv", dtype=str, keep_default_na=False)
    mentees.loc[: len(NASTY) - 1, "name"] = NASTY  # a different odd name for each of the first mentees
    mentees.to_csv(program / "mentees.csv", index=False)
    data = load(CsvSource(folder=program))
    pairs = handoff_pairs(data)
    assert {p.mentee_name for p in pairs} & set(NASTY)
    assert len(read(kickoff_pdf(data, pairs, []))) == len(pairs)
