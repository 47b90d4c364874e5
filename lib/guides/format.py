"""The guide file format: front matter and a small Markdown subset, read into typed blocks.

A guide file is front matter between `---` lines (title, audience, summary, order, and `type` for the guides of a
mentorship type) and a body of `##`/`###` headings, paragraphs with **bold** and *italic*, one-level `- ` bullets
and `1. ` numbered items, `- [ ] ` checklists, fill-in lines (`Goal 1: ______`), `> ` message templates and the
placeholders in PLACEHOLDERS. Anything else is refused with the file and line, so a typo shows up when the guide is
read, not as a strange PDF. Placeholders stay in the parsed text: `lib.guides.library.Tailoring` fills them at render time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

from lib.errors import GuideError
from lib.vocabulary import MENTORSHIP_TYPES

PLACEHOLDERS = ("organisation", "program_name", "program_start", "program_end", "cadence", "contact")
GUIDE_TYPES = (*MENTORSHIP_TYPES, "program")
FRONT_MATTER_KEYS = ("title", "audience", "summary", "order", "type")

PLACEHOLDER = re.compile(r"\{([A-Za-z_ ]+)\}")
_HEADING = re.compile(r"^(#+)\s+(.*?)\s*$")
_CHECK = re.compile(r"^- \[ \] +(.*\S)\s*$")
_BAD_CHECK = re.compile(r"^[-*+] \[[^\]]*\]")
_BULLET = re.compile(r"^- +(.*\S)\s*$")
_NUMBERED = re.compile(r"^\d+\. +(.*\S)\s*$")
_QUOTE = re.compile(r"^> ?(.*?)\s*$")
_FILL_IN = re.compile(r"^(?:(.*\S)\s*:)?\s*_{20,}\s*$")
_LINK = re.compile(r"!?\[[^\]]*\]\([^)]*\)")
_REFUSED = [  # (pattern, what to write instead)
    (re.compile(r"^\s+([-*+]|\d+\.) "), "lists have one level: remove the indentation"),
    (re.compile(r"^[*+] "), "bullets start with '- '"),
    (re.compile(r"^(```|~~~)"), "code blocks are not part of the guide format"),
    (re.compile(r"^\|"), "tables are not part of the guide format: use a list"),
    (re.compile(r"^<"), "HTML is not part of the guide format"),
    (re.compile(r"^(-{3,}|\*{3,}|_{3,19})\s*$"), "horizontal rules are not part of the guide format"),
    (re.compile(r"^\d+\)"), "numbered items are written '1. '"),
]

@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


Inline = tuple[Span, ...]


@dataclass(frozen=True)
class Heading:
    level: int  # 2 or 3
    text: str
    line: int = 0


@dataclass(frozen=True)
class Paragraph:
    spans: Inline


@dataclass(frozen=True)
class Bullets:
    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Numbered:
    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Checklist:
    items: tuple[Inline, ...]


@dataclass(frozen=True)
class FillIn:
    label: str  # may be empty: a bare writing line


@dataclass(frozen=True)
class Quote:
    lines: tuple[str, ...]  # a message template, line by line, kept as plain text to copy


Block = Union[Heading, Paragraph, Bullets, Numbered, Checklist, FillIn, Quote]


def front_matter(lines: list[str], name: str) -> tuple[dict, int]:
    if not lines or lines[0].strip() != "---":
        raise GuideError(f"{name} line 1: a guide starts with front matter between '---' lines "
                         f"({', '.join(FRONT_MATTER_KEYS)})")
    meta: dict = {}
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            break
        if not line.strip():
            continue
        match = re.match(r"^([A-Za-z_]+)\s*:\s*(.*?)\s*$", line)
        if not match:
            raise GuideError(f"{name} line {number}: expected 'key: value', found {line.strip()!r}")
        key, value = match[1].lower(), re.sub(r"\s+#.*$", "", match[2])
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        if key not in FRONT_MATTER_KEYS:
            raise GuideError(f"{name} line {number}: unknown key {key!r} (known: {', '.join(FRONT_MATTER_KEYS)})")
        if key in meta:
            raise GuideError(f"{name} line {number}: {key!r} is given twice")
        if key == "order":
            if not re.fullmatch(r"-?\d+", value):
                raise GuideError(f"{name} line {number}: order must be a whole number, not {value!r}")
            value = int(value)
        elif key == "type" and value not in GUIDE_TYPES:
            raise GuideError(f"{name} line {number}: type must be one of {', '.join(GUIDE_TYPES)}, not {value!r}")
        meta[key] = value
    else:
        raise GuideError(f"{name}: the front matter has no closing '---' line")
    missing = [k for k in ("title", "audience", "summary", "order") if k not in meta or meta[k] == ""]
    if missing:
        raise GuideError(f"{name} line 1: the front matter lacks {', '.join(missing)}")
    return meta, number


def check_placeholders(text: str, name: str, line: int) -> None:
    for match in PLACEHOLDER.finditer(text):
        if match[1] not in PLACEHOLDERS:
            raise GuideError(f"{name} line {line}: unknown placeholder {match[0]} "
                             f"(known: {', '.join('{' + p + '}' for p in PLACEHOLDERS)})")


class Body:
    """Reads the body line by line; a block ends at a blank line or where another kind of block starts."""

    def __init__(self, name: str):
        self.name = name
        self.blocks: list[Block] = []
        self.kind: str | None = None  # "paragraph", "bullets", "numbered", "checklist", "quote"
        self.parts: list[list[str]] = []  # paragraph lines, list items (lines each) or quote lines
        self.start = 0

    def fail(self, line: int, message: str):
        raise GuideError(f"{self.name} line {line}: {message}")

    def parse(self, lines: list[str], first: int) -> list[Block]:
        for number, line in enumerate(lines, start=first):
            self.line(line, number)
        self.flush()
        return self.blocks

    def line(self, line: str, number: int) -> None:
        if not line.strip():
            self.flush()
            return
        check_placeholders(line, self.name, number)
        for pattern, advice in _REFUSED:
            if pattern.match(line):
                self.fail(number, advice)
        if _LINK.search(line):
            self.fail(number, "links and images are not part of the guide format: write the address as text")
        heading = _HEADING.match(line)
        if heading:
            level = len(heading[1])
            if level == 1:
                self.fail(number, "the title comes from the front matter: sections start with '## '")
            if level > 3:
                self.fail(number, "headings are '## ' or '### '")
            self.flush()
            self.blocks.append(Heading(level, heading[2], number))
            return
        if _BAD_CHECK.match(line) and not _CHECK.match(line):
            self.fail(number, "checklist items are written '- [ ] ' (unticked)")
        for kind, pattern in (("checklist", _CHECK), ("bullets", _BULLET), ("numbered", _NUMBERED)):
            match = pattern.match(line)
            if match:
                if self.kind != kind:
                    self.flush()
                    self.kind, self.start = kind, number
                self.parts.append([match[1]])
                return
        quote = _QUOTE.match(line)
        if quote:
            if self.kind != "quote":
                self.flush()
                self.kind, self.start = "quote", number
            self.parts.append([quote[1]])
            return
        fill_in = _FILL_IN.match(line.strip())
        if fill_in:
            self.flush()
            self.blocks.append(FillIn((fill_in[1] or "").strip()))
            return
        if self.kind is None:
            self.kind, self.start = "paragraph", number
            self.parts.append([])
        self.parts[-1].append(line.strip())  # a continuation line belongs to the open paragraph, item or quote

    def flush(self) -> None:
        if self.kind is None:
            return
        where = f"{self.name} line {self.start}"
        if self.kind == "quote":
            self.blocks.append(Quote(tuple(" ".join(p) for p in self.parts)))
        else:
            items = tuple(parse_inline(" ".join(p), where) for p in self.parts)
            kinds = {"paragraph": lambda: Paragraph(items[0]), "bullets": lambda: Bullets(items),
                     "numbered": lambda: Numbered(items), "checklist": lambda: Checklist(items)}
            self.blocks.append(kinds[self.kind]())
        self.kind, self.parts = None, []


def parse_inline(text: str, where: str = "text") -> Inline:
    """`**bold**` and `*italic*` into spans; an unclosed marker is an error (a lone `*` between spaces is text)."""
    spans: list[Span] = []
    bold = italic = False
    buffer: list[str] = []

    def flush():
        if buffer:
            spans.append(Span("".join(buffer), bold, italic))
            buffer.clear()

    i = 0
    while i < len(text):
        if text.startswith("**", i):
            flush()
            bold = not bold
            i += 2
            continue
        if text[i] == "*":
            after = text[i + 1: i + 2]
            before = text[i - 1: i]
            if (not italic and after and not after.isspace()) or (italic and before and not before.isspace()):
                flush()
                italic = not italic
                i += 1
                continue
        buffer.append(text[i])
        i += 1
    flush()
    if bold or italic:
        raise GuideError(f"{where}: a {'**' if bold else '*'} is not closed")
    return tuple(spans)


def plain(spans: Inline) -> str:
    return "".join(s.text for s in spans)
