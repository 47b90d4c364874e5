"""The guides: Markdown files in `guides/` that a lead edits without touching code, loaded, tailored and read.

The file format is in `lib.guides.format`. Placeholders are filled at render time (`Tailoring.fill`), after parsing,
so a lead's value such as `**Acme**` is never read as formatting; each renderer escapes for its own format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lib.contract.dates import format_date
from lib.contract.settings import Settings
from lib.errors import GuideError
from lib.guides.format import (
    GUIDE_TYPES,
    PLACEHOLDER,
    PLACEHOLDERS,
    Block,
    Body,
    Bullets,
    Checklist,
    FillIn,
    Heading,
    Inline,
    Numbered,
    Paragraph,
    Quote,
    Span,
    check_placeholders,
    front_matter,
    parse_inline,
    plain,
)
from lib.text import markdown_text
from lib.vocabulary import CADENCE_WORDS, DEFAULT_CADENCE, UNNAMED_PROGRAM, program_phrase

__all__ = ["GUIDES_DIR", "GUIDE_TYPES", "PLACEHOLDERS", "Block", "Bullets", "Checklist", "FillIn", "Guide",
           "Heading", "Inline", "Meeting", "Numbered", "Paragraph", "Quote", "Span", "Tailoring",
           "find_guide", "guide_for_type", "load_guide", "load_guides", "meetings", "parse_guide", "parse_inline",
           "plain", "reading_view", "section", "worksheet_lines"]

GUIDES_DIR = Path(__file__).resolve().parents[2] / "guides"
MEETINGS = "The first three meetings"
WORKSHEET = "Goal-setting worksheet"
TYPE_SECTIONS = ("Who it suits", "Roles and expectations", "Suggested cadence", MEETINGS, WORKSHEET,
                 "Signs it is drifting, and what to do")
ALIASES = {"program": "program", "formal-program": "program", "formal": "program", "one-on-one": "one-on-one",
           "1on1": "one-on-one", "group": "group", "peer": "peer"}
_MEETING = re.compile(r"^Meeting ([123]): *(.+)$")


@dataclass(frozen=True)
class Meeting:
    number: int
    title: str
    purpose: Inline
    agenda: tuple[Inline, ...]


@dataclass(frozen=True)
class Guide:
    slug: str  # the file name without .md
    title: str
    audience: str
    summary: str
    order: int
    type: str | None
    blocks: tuple[Block, ...]
    path: Path | None = field(default=None, compare=False)


# --- tailoring ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Tailoring:
    """The program details a guide is filled in with; blanks read as neutral words ("your organisation")."""

    organisation: str = ""
    program_name: str = ""
    program_start: date | None = None
    program_end: date | None = None
    cadence: str = DEFAULT_CADENCE  # weekly, biweekly, monthly, or the lead's own words
    contact: str = ""

    @classmethod
    def from_settings(cls, settings: Settings) -> Tailoring:
        return cls(organisation=settings.organisation, program_name=settings.program_name,
                   program_start=settings.program_start, program_end=settings.program_end,
                   cadence=settings.default_cadence or DEFAULT_CADENCE, contact=settings.contact)

    def values(self) -> dict[str, str]:
        organisation = self.organisation.strip()
        program = program_phrase(self.program_name, organisation)
        cadence = self.cadence.strip()
        return {"organisation": organisation or "your organisation", "program_name": program,
                "program_start": format_date(self.program_start) or "the start of the program",
                "program_end": format_date(self.program_end) or "the end of the program",
                "cadence": CADENCE_WORDS.get(cadence, cadence) or CADENCE_WORDS[DEFAULT_CADENCE],
                "contact": self.contact.strip() or "your program lead"}

    def fill(self, text: str) -> str:
        """Text with its placeholders replaced (plain text: the renderer escapes it for its format)."""
        values = self.values()
        return PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), text)

    @property
    def period(self) -> str:
        """The program dates as a lead reads them ("1 Jun 2026 – 21 Aug 2026"), or "" when none are set."""
        start, end = format_date(self.program_start), format_date(self.program_end)
        return f"{start} – {end}" if start and end else f"from {start}" if start else f"until {end}" if end else ""

    @property
    def label(self) -> str:
        """How documents name the program in titles and footers."""
        return " · ".join(p for p in (self.program_name.strip(), self.organisation.strip()) if p) or UNNAMED_PROGRAM


# --- reading files --------------------------------------------------------------------------------------------

def load_guides(folder: Path | str | None = None) -> list[Guide]:
    """Every `*.md` guide in the folder (default: guides/ at the repository root), sorted by `order`.

    A missing or empty folder gives no guides; a malformed file raises GuideError naming the file and line."""
    folder = Path(folder) if folder is not None else GUIDES_DIR
    if not folder.is_dir():
        return []
    guides = sorted((load_guide(path) for path in folder.glob("*.md")), key=lambda g: (g.order, g.slug))
    seen: dict[str, Guide] = {}
    for guide in guides:
        if guide.type and guide.type in seen:
            raise GuideError(f"{guide.path.name}: type {guide.type!r} is already the type of "
                             f"{seen[guide.type].path.name}; one guide per type")
        if guide.type:
            seen[guide.type] = guide
    return guides


def load_guide(path: Path | str) -> Guide:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise GuideError(f"{path.name}: not UTF-8 text; save it as UTF-8") from None
    return parse_guide(text, path.stem, path)


def parse_guide(text: str, slug: str, path: Path | None = None) -> Guide:
    name = path.name if path else f"{slug}.md"
    lines = text.splitlines()
    meta, body_start = front_matter(lines, name)
    for key in ("title", "audience", "summary"):
        check_placeholders(meta[key], name, 1)
    blocks = Body(name).parse(lines[body_start:], body_start + 1)
    guide = Guide(slug=slug, title=meta["title"], audience=meta["audience"], summary=meta["summary"],
                  order=meta["order"], type=meta.get("type"), blocks=tuple(blocks), path=path)
    if guide.type:
        _check_type_guide(guide, name)
    return guide


# --- structure of the type guides -----------------------------------------------------------------------------

def _check_type_guide(guide: Guide, name: str) -> None:
    headings = [b for b in guide.blocks if isinstance(b, Heading) and b.level == 2]
    titles = [h.text for h in headings]
    position = -1
    for wanted in TYPE_SECTIONS:
        if wanted not in titles:
            raise GuideError(f"{name}: a guide of type {guide.type!r} needs a section '## {wanted}' "
                             f"(in this order: {'; '.join(TYPE_SECTIONS)})")
        index = titles.index(wanted)
        if index < position:
            raise GuideError(f"{name} line {headings[index].line}: '## {wanted}' is out of order "
                             f"(expected: {'; '.join(TYPE_SECTIONS)})")
        position = index
    meetings(guide)  # raises when the three meetings are not there


def section(guide: Guide, title: str) -> tuple[Block, ...]:
    """The blocks under `## title`, up to the next `##` heading."""
    blocks = list(guide.blocks)
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and block.level == 2 and block.text == title:
            end = next((j for j in range(index + 1, len(blocks))
                        if isinstance(blocks[j], Heading) and blocks[j].level == 2), len(blocks))
            return tuple(blocks[index + 1: end])
    raise GuideError(f"{guide.slug}.md has no section '## {title}'")


def meetings(guide: Guide) -> list[Meeting]:
    """The three `### Meeting N: title` subsections of 'The first three meetings': purpose and agenda."""
    blocks = section(guide, MEETINGS)
    found: list[Meeting] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Heading):
            continue
        match = _MEETING.match(block.text)
        if block.level != 3 or not match or int(match[1]) != len(found) + 1:
            raise GuideError(f"{guide.slug}.md line {block.line}: expected '### Meeting {len(found) + 1}: title' "
                             f"in '{MEETINGS}', found {block.text!r}")
        body = []
        for following in blocks[index + 1:]:
            if isinstance(following, Heading):
                break
            body.append(following)
        purpose = next((b.spans for b in body if isinstance(b, Paragraph)), None)
        agenda = [item for b in body if isinstance(b, Checklist) for item in b.items]
        if purpose is None or not agenda:
            raise GuideError(f"{guide.slug}.md line {block.line}: '{block.text}' needs a purpose paragraph and a "
                             "'- [ ] ' agenda")
        found.append(Meeting(len(found) + 1, match[2].strip(), purpose, tuple(agenda)))
    if len(found) != 3:
        raise GuideError(f"{guide.slug}.md: '{MEETINGS}' needs exactly three '### Meeting N: title' subsections, "
                         f"found {len(found)}")
    return found


def worksheet_lines(guide: Guide) -> list[str]:
    """The fill-in labels of the goal-setting worksheet (empty when the guide has none)."""
    try:
        return [b.label for b in section(guide, WORKSHEET) if isinstance(b, FillIn)]
    except GuideError:
        return []


def guide_for_type(guides: list[Guide], mentorship_type: str) -> Guide | None:
    return next((g for g in guides if g.type == mentorship_type), None)


def find_guide(guides: list[Guide], name: str) -> Guide:
    """A guide by its file stem (finding-a-mentor) or by its type (one-on-one, group, peer, program)."""
    wanted = name.strip().lower().removesuffix(".md")
    by_slug = {g.slug.lower(): g for g in guides}
    if wanted in by_slug:
        return by_slug[wanted]
    by_type = guide_for_type(guides, ALIASES.get(wanted, wanted))
    if by_type:
        return by_type
    known = ", ".join(sorted({*by_slug, *(g.type for g in guides if g.type)})) or "none (the guides folder is empty)"
    raise GuideError(f"no guide called {name!r}; known: {known}")


# --- the reading view (Streamlit Markdown) ---------------------------------------------------------------------

def _markdown_spans(spans: Inline, tailoring: Tailoring) -> str:
    out = []
    for span in spans:
        text = tailoring.fill(span.text)
        core = markdown_text(text.strip())  # every character literal: no link, image or formatting gets in
        if not core:
            out.append(text)
            continue
        mark = "***" if span.bold and span.italic else "**" if span.bold else "*" if span.italic else ""
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        out.append(f"{lead}{mark}{core}{mark}{trail}")
    return "".join(out)


def reading_view(guide: Guide, tailoring: Tailoring) -> list[tuple[str, str]]:
    """The guide as ("markdown", text) chunks and ("template", text) message templates (shown as code to copy).

    All text is escaped: the guide's and the lead's values render literally; only the guide's own structure
    (headings, emphasis, lists, task boxes) is Markdown."""
    chunks: list[tuple[str, str]] = []
    for block in guide.blocks:
        if isinstance(block, Quote):
            chunks.append(("template", "\n".join(tailoring.fill(line) for line in block.lines)))
            continue
        if isinstance(block, Heading):
            text = "#" * block.level + " " + markdown_text(tailoring.fill(block.text))
        elif isinstance(block, Paragraph):
            text = _markdown_spans(block.spans, tailoring)
        elif isinstance(block, FillIn):
            text = (markdown_text(tailoring.fill(block.label)) + "\\: " if block.label else "") + "\\_" * 30
        else:
            marker = {Bullets: "- ", Checklist: "- [ ] "}.get(type(block))
            text = "\n".join((marker or f"{n}. ") + _markdown_spans(item, tailoring)
                             for n, item in enumerate(block.items, start=1))
        if chunks and chunks[-1][0] == "markdown":
            chunks[-1] = ("markdown", chunks[-1][1] + "\n\n" + text)
        else:
            chunks.append(("markdown", text))
    return chunks
