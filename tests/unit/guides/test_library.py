"""Guides: loading a folder, finding a guide, the sections of a type guide, tailoring and the reading view.
The file format itself (front matter, the Markdown subset, strict errors) is in test_format.py.

Fixture guides are written in tmp_path (the `folder` fixture is in conftest.py); `test_the_real_guides_*` only
assume the guide contract of the guides/ folder.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lib.contract.settings import Settings
from lib.errors import GuideError
from lib.guides.library import (
    GUIDE_TYPES,
    PLACEHOLDERS,
    Checklist,
    Heading,
    Paragraph,
    Span,
    Tailoring,
    find_guide,
    guide_for_type,
    load_guide,
    load_guides,
    meetings,
    parse_guide,
    reading_view,
    section,
    worksheet_lines,
)

TYPE_GUIDE = """---
title: Pair mentorship
audience: Mentors and mentees
summary: A short guide for {organisation}.
order: 2
type: one-on-one
---

Meet {cadence} during {program_name}. Ask **{contact}** if *anything* is unclear.

## Who it suits

- Interns new to the stack
- Mentors with time
  for a weekly slot

## Roles and expectations

1. The mentor listens first.
2. The mentee owns the agenda.

## Suggested cadence

Weekly to start, from {program_start} to {program_end}.

## The first three meetings

### Meeting 1: Get to know each other

Purpose: build trust.

- [ ] Introductions
- [ ] Agree the slot

### Meeting 2: Make the goals real

Purpose: concrete steps.

- [ ] Make each goal specific

### Meeting 3: First feedback loop

Purpose: check progress.

- [ ] Swap feedback

## Goal-setting worksheet

Goal 1: ______________________
What success looks like: ______________________
By when: ______________________

## Signs it is drifting, and what to do

> Hi {contact},
> we have not met for a while.
>
> Thanks!
"""

TOPIC_GUIDE = """---
title: Finding a mentor
audience: Mentees
summary: Where to look.
order: 1
---

## Where to look

- Events
"""


FRONT = "---\ntitle: T\naudience: A\nsummary: S\norder: 1\n---\n"  # the body starts on line 7


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def broken(tmp_path, text: str) -> str:
    """The GuideError message for a guide file with this text."""
    with pytest.raises(GuideError) as error:
        load_guide(write(tmp_path, "bad.md", text))
    return str(error.value)


# --- reading files ---------------------------------------------------------------------------------------------

def test_guides_load_sorted_by_order_with_their_front_matter(folder):
    guides = load_guides(folder)
    assert [g.slug for g in guides] == ["finding-a-mentor", "pair"]
    pair = guides[1]
    assert (pair.title, pair.audience, pair.order, pair.type) == ("Pair mentorship", "Mentors and mentees", 2,
                                                                  "one-on-one")
    assert pair.summary == "A short guide for {organisation}."
    assert guides[0].type is None


def test_a_missing_or_empty_folder_has_no_guides(tmp_path):
    assert load_guides(tmp_path / "nowhere") == []
    assert load_guides(tmp_path) == []


def test_sections_meetings_and_worksheet_of_a_type_guide(folder):
    guide = load_guide(folder / "pair.md")
    agenda = meetings(guide)
    assert [(m.number, m.title) for m in agenda] == [
        (1, "Get to know each other"), (2, "Make the goals real"), (3, "First feedback loop")]
    assert agenda[0].purpose == (Span("Purpose: build trust."),)
    assert agenda[0].agenda == ((Span("Introductions"),), (Span("Agree the slot"),))
    assert worksheet_lines(guide) == ["Goal 1", "What success looks like", "By when"]
    assert isinstance(section(guide, "Suggested cadence")[0], Paragraph)
    with pytest.raises(GuideError, match="no section '## Nope'"):
        section(guide, "Nope")
    assert worksheet_lines(load_guide(folder / "finding-a-mentor.md")) == []


def test_find_a_guide_by_file_name_type_or_alias(folder, tmp_path):
    guides = load_guides(folder)
    assert find_guide(guides, "pair").slug == "pair"
    assert find_guide(guides, "one-on-one").slug == "pair"
    assert find_guide(guides, "Finding-A-Mentor.md").slug == "finding-a-mentor"
    assert guide_for_type(guides, "group") is None
    with pytest.raises(GuideError, match="no guide called 'group'; known: finding-a-mentor, one-on-one, pair"):
        find_guide(guides, "group")
    program = write(tmp_path / "p", "formal-program.md", TYPE_GUIDE.replace("type: one-on-one", "type: program"))
    assert find_guide(load_guides(program.parent), "program").slug == "formal-program"


def test_type_guides_need_every_section_in_order_and_three_meetings(tmp_path):
    missing = TYPE_GUIDE.replace("## Suggested cadence", "## Cadence")
    assert "needs a section '## Suggested cadence'" in broken(tmp_path, missing)
    swapped = TYPE_GUIDE.replace("## Who it suits", "## TMP").replace("## Roles and expectations", "## Who it suits")
    swapped = swapped.replace("## TMP", "## Roles and expectations")
    assert "'## Roles and expectations' is out of order" in broken(tmp_path, swapped)
    two = TYPE_GUIDE.replace("### Meeting 3: First feedback loop\n\nPurpose: check progress.\n\n- [ ] Swap feedback\n",
                             "")
    assert "needs exactly three '### Meeting N: title' subsections, found 2" in broken(tmp_path, two)
    wrong = TYPE_GUIDE.replace("### Meeting 2: Make", "### Session 2: Make")
    assert "bad.md line 35: expected '### Meeting 2: title'" in broken(tmp_path, wrong)
    no_agenda = TYPE_GUIDE.replace("- [ ] Swap feedback\n", "")
    assert "'Meeting 3: First feedback loop' needs a purpose paragraph and a '- [ ] ' agenda" in broken(tmp_path,
                                                                                                      no_agenda)


def test_two_guides_of_one_type_are_refused(folder):
    write(folder, "another.md", TYPE_GUIDE)
    with pytest.raises(GuideError, match="type 'one-on-one' is already the type of"):
        load_guides(folder)


def test_a_guide_parses_from_text_and_errors_name_it():
    guide = parse_guide(TOPIC_GUIDE, "draft")
    assert (guide.slug, guide.title, guide.path) == ("draft", "Finding a mentor", None)
    with pytest.raises(GuideError, match="^draft.md line 7: the title comes from the front matter"):
        parse_guide(FRONT + "# Title\n", "draft")


# --- tailoring -------------------------------------------------------------------------------------------------

def test_tailoring_defaults_come_from_the_settings():
    settings = Settings(organisation="Northwind Labs", program_name="Summer 2026", program_start=date(2026, 6, 1),
                        program_end=date(2026, 8, 21), contact="Priya", default_cadence="weekly")
    tailoring = Tailoring.from_settings(settings)
    assert tailoring == Tailoring("Northwind Labs", "Summer 2026", date(2026, 6, 1), date(2026, 8, 21), "weekly",
                                  "Priya")
    assert tailoring.fill("{organisation}: {program_name}, {program_start} to {program_end}, meet {cadence}; "
                          "ask {contact}") == ("Northwind Labs: Summer 2026, 1 Jun 2026 to 21 Aug 2026, meet every "
                                               "week; ask Priya")
    assert tailoring.period == "1 Jun 2026 – 21 Aug 2026"
    assert tailoring.label == "Summer 2026 · Northwind Labs"


def test_blank_values_read_as_neutral_words():
    values = Tailoring(cadence="").values()
    assert set(values) == set(PLACEHOLDERS)
    assert values == {"organisation": "your organisation", "program_name": "your mentoring program",
                      "program_start": "the start of the program", "program_end": "the end of the program",
                      "cadence": "every two weeks", "contact": "your program lead"}
    assert Tailoring(organisation="Acme").values()["program_name"] == "the Acme mentoring program"
    assert Tailoring(cadence="monthly").values()["cadence"] == "once a month"
    assert Tailoring().label == "Mentorship program" and Tailoring().period == ""


def test_the_reading_view_escapes_the_leads_values_and_keeps_the_guides_structure(folder):
    guide = load_guide(folder / "pair.md")
    tailoring = Tailoring(organisation="**Acme** [x](javascript:alert(1))", contact="<script>alert(1)</script>")
    chunks = reading_view(guide, tailoring)
    markdown = "\n".join(text for kind, text in chunks if kind == "markdown")
    assert "**Acme**" not in markdown and "[x](javascript" not in markdown and "<script>" not in markdown
    assert r"the \*\*Acme\*\* \[x\]\(javascript\:alert\(1\)\) mentoring program" in markdown  # literal
    assert r"**\<script\>alert\(1\)\</script\>**" in markdown  # the value escaped, bold as the guide says
    assert "## Who it suits" in markdown and "### Meeting 1\\: Get to know each other" in markdown
    assert "- [ ] Introductions" in markdown and "1. The mentor listens first\\." in markdown
    assert "Goal 1\\: " + "\\_" * 30 in markdown
    templates = [text for kind, text in chunks if kind == "template"]
    assert templates == ["Hi <script>alert(1)</script>,\nwe have not met for a while.\n\nThanks!"]  # st.code: literal


# --- the real guides in guides/ ---------------------------------------------------------------------------------

def test_the_real_guides_follow_the_contract():
    guides = load_guides()
    assert guides, "guides/ holds the guides"
    assert [g.order for g in guides] == sorted(g.order for g in guides)
    assert {g.type for g in guides if g.type} == set(GUIDE_TYPES)
    for guide in guides:
        assert guide.title and guide.audience and guide.summary
        assert any(isinstance(b, Heading) and b.level == 2 for b in guide.blocks), guide.slug
        if guide.type:
            assert len(meetings(guide)) == 3
            assert worksheet_lines(guide), f"{guide.slug}: the goal-setting worksheet has fill-in lines"
            assert any(isinstance(b, Checklist) for b in guide.blocks)


def test_the_real_guides_read_with_every_placeholder_filled():
    tailoring = Tailoring("Northwind Labs", "Summer 2026", date(2026, 6, 1), date(2026, 8, 21), "weekly", "Priya")
    for guide in load_guides():
        text = "\n".join(t for _, t in reading_view(guide, tailoring))
        assert "{" not in text.replace("\\{", ""), guide.slug
