"""The guide file format: the body read into typed blocks, inline bold and italic markers, and malformed front
matter or body refused naming the file and line."""

from __future__ import annotations

import pytest

from lib.guides.format import (
    Bullets,
    FillIn,
    Heading,
    Numbered,
    Paragraph,
    Quote,
    Span,
    parse_inline,
)
from lib.guides.library import load_guide
from tests.unit.guides.test_library import FRONT, broken


def test_the_body_becomes_typed_blocks(folder):
    guide = load_guide(folder / "pair.md")
    kinds = [type(b).__name__ for b in guide.blocks]
    assert kinds[:6] == ["Paragraph", "Heading", "Bullets", "Heading", "Numbered", "Heading"]
    assert guide.blocks[0] == Paragraph((Span("Meet {cadence} during {program_name}. Ask "),
                                         Span("{contact}", bold=True), Span(" if "),
                                         Span("anything", italic=True), Span(" is unclear.")))
    bullets = guide.blocks[2]
    assert isinstance(bullets, Bullets) and len(bullets.items) == 2
    assert bullets.items[1] == (Span("Mentors with time for a weekly slot"),)  # a continuation line joins the item
    assert isinstance(guide.blocks[4], Numbered) and len(guide.blocks[4].items) == 2
    fill_ins = [b for b in guide.blocks if isinstance(b, FillIn)]
    assert [f.label for f in fill_ins] == ["Goal 1", "What success looks like", "By when"]
    quote = guide.blocks[-1]
    assert quote == Quote(("Hi {contact},", "we have not met for a while.", "", "Thanks!"))
    heading = next(b for b in guide.blocks if isinstance(b, Heading) and b.level == 3)
    assert heading.text == "Meeting 1: Get to know each other" and heading.line == 28


@pytest.mark.parametrize("text, message", [
    ("title: x\n", "bad.md line 1: a guide starts with front matter"),
    ("---\ntitle: x\n", "bad.md: the front matter has no closing '---' line"),
    ("---\ntitle: T\naudience: A\nsummary: S\n---\n", "bad.md line 1: the front matter lacks order"),
    ("---\ntitle: T\naudience: A\nsummary: S\norder: first\n---\n", "bad.md line 5: order must be a whole number"),
    ("---\ntitle: T\nauthor: me\n---\n", "bad.md line 3: unknown key 'author'"),
    ("---\ntitle: T\ntitle: U\n---\n", "bad.md line 3: 'title' is given twice"),
    ("---\ntitle: T\ntype: mentoring\n---\n", "bad.md line 3: type must be one of one-on-one, group, peer, program"),
    ("---\nthis is not a key\n---\n", "bad.md line 2: expected 'key: value'"),
])
def test_malformed_front_matter_names_the_file_and_line(tmp_path, text, message):
    assert message in broken(tmp_path, text)


@pytest.mark.parametrize("body, message", [
    ("# Title\n", "line 7: the title comes from the front matter"),
    ("#### Deep\n", "line 7: headings are '## ' or '### '"),
    ("- one\n  - nested\n", "line 8: lists have one level"),
    ("* star\n", "line 7: bullets start with '- '"),
    ("- [x] done\n", "line 7: checklist items are written '- [ ] '"),
    ("```\ncode\n```\n", "line 7: code blocks are not part of the guide format"),
    ("| a | b |\n", "line 7: tables are not part of the guide format"),
    ("<b>hi</b>\n", "line 7: HTML is not part of the guide format"),
    ("text\n\n---\n", "line 9: horizontal rules are not part of the guide format"),
    ("See [the wiki](http://x).\n", "line 7: links and images are not part of the guide format"),
    ("Meet {frequency}.\n", "line 7: unknown placeholder {frequency}"),
    ("Some **bold text\nover two lines.\n", "line 7: a ** is not closed"),
    ("An *italic start.\n", "line 7: a * is not closed"),
])
def test_malformed_body_names_the_file_and_line(tmp_path, body, message):
    assert f"bad.md {message}" in broken(tmp_path, FRONT + body)


def test_inline_markers():
    assert parse_inline("a **b *c* d** e") == (Span("a "), Span("b ", bold=True), Span("c", bold=True, italic=True),
                                               Span(" d", bold=True), Span(" e"))
    assert parse_inline("5 * 3 = 15") == (Span("5 * 3 = 15"),)  # a lone star between spaces is text
    assert parse_inline("snake_case and __init__") == (Span("snake_case and __init__"),)
