"""Kickoff sheets: one printed page per accepted pair, for the pair's first meeting.

Each page has both people with their emails, the type, the rhythm, the start, the shared goals, the program contact,
the agenda of the first three meetings from that type's guide and a compact goal worksheet. It reads the pairing and
the roster only: feedback (ratings and comments) is never part of it. Every page is exactly one page: automatic page
breaks are off, and what does not fit (a very long agenda or goal list) is shortened with a pointer to the guide.
"""

from __future__ import annotations

import re
from datetime import date

from lib.contract.dates import format_date
from lib.documents.exports import dated_name
from lib.documents.handoff import (
    HandoffPair,
    cadence,
    first_meeting_by,
    shared_goals,
)
from lib.documents.pdf.fonts import BODY, clean
from lib.documents.pdf.layout import (
    ACCENT,
    BOX,
    INK,
    MUTED,
    NEXT_LINE,
    RULE,
    TandemDocument,
)
from lib.errors import TandemError
from lib.guides.library import (
    Guide,
    Meeting,
    Tailoring,
    guide_for_type,
    load_guides,
    meetings,
    plain,
    worksheet_lines,
)
from lib.health.plan import pair_plan
from lib.reading.dataset import Dataset
from lib.vocabulary import CADENCE_WORDS, DEFAULT_TYPE, PROPOSED, TYPE_ROLES

SIDE = 18.0  # page margin, narrower than the guides': the sheet is dense
SMALL, LEADING = 8.3, 3.7  # agenda type size (pt) and line height (mm)
WORKSHEET_HEIGHT = 62.0  # kept free below the agenda for the goal worksheet
BOTTOM = 22.0  # the footer's space
NOTE_LINE = 8.0
GOALS = 3


def kickoff_pdf(data: Dataset, pairs: list[HandoffPair], guides: list[Guide] | None = None,
                on: date | None = None, tailoring: Tailoring | None = None) -> bytes:
    """One page per pair (from `lib.documents.handoff.handoff_pairs`), in the order given. `guides` default to guides/;
    the program's details come from `tailoring`, else from the settings tab (each pair keeps its own cadence)."""
    if not pairs:
        raise TandemError("there are no proposed or active pairs to print kickoff sheets for")
    guides = load_guides() if guides is None else guides
    tailoring = tailoring or Tailoring.from_settings(data.settings)
    on = on or data.today()
    doc = TandemDocument(tailoring.label, text=_all_text(data, pairs, guides, tailoring),
                         title=f"Kickoff sheets: {tailoring.label}")
    doc.set_margins(SIDE, 16, SIDE)
    doc.set_auto_page_break(False)  # one page per pair, whatever the content: overflow is cut, never a new page
    for pair in pairs:
        guide = guide_for_type(guides, pair.pairing.type or DEFAULT_TYPE)
        _page(doc, data, pair, guide, tailoring, on)
    return doc.output_bytes()


def kickoff_name(pairs: list[HandoffPair], day: date) -> str:
    """The download's dated name: all pairs, or the one mentee's (tandem-kickoff-mei.chen-2026-07-24.pdf)."""
    if len(pairs) == 1:
        who = re.sub(r"[^a-z0-9.]+", "-", pairs[0].pairing.mentee_email.split("@")[0].lower()).strip("-.")
        return dated_name(f"kickoff-{who or 'pair'}", day, "pdf")
    return dated_name("kickoff-sheets", day, "pdf")


def _page(doc: TandemDocument, data: Dataset, pair: HandoffPair, guide: Guide | None, tailoring: Tailoring,
          on: date) -> None:
    doc.add_page()
    doc.set_fill_color(*ACCENT)
    doc.rect(0, 0, doc.w, 6, style="F")
    kind = pair.pairing.type or DEFAULT_TYPE
    doc.set_y(14)
    doc.set_font(BODY, "B", 8.5)
    doc.set_text_color(*ACCENT)
    doc.set_char_spacing(1)
    doc.cell(doc.epw, 4.5, clean(f"Kickoff sheet · {tailoring.label}").upper(), **NEXT_LINE)
    doc.set_char_spacing(0)
    doc.ln(1.5)
    title = clean(f"{pair.first_name} and {pair.mentee_name}")
    size = 20
    doc.set_font(BODY, "B", size)
    if doc.get_string_width(title) > 2 * doc.epw:  # very long names: smaller, so the title keeps to two lines
        size = 14
        doc.set_font(BODY, "B", size)
    doc.set_text_color(*INK)
    doc.multi_cell(doc.epw, size * 0.45, _shorten(title, 140), **NEXT_LINE)
    doc.ln(1)
    doc.set_font(BODY, "", 10)
    doc.set_text_color(*MUTED)
    doc.cell(doc.epw, 5, f"{kind.capitalize()} mentorship · {pair.pairing.status} · pairing {pair.pairing.id}"
             if pair.pairing.id else f"{kind.capitalize()} mentorship · {pair.pairing.status}", **NEXT_LINE)
    doc.ln(4)
    _people(doc, pair, TYPE_ROLES.get(kind, TYPE_ROLES[DEFAULT_TYPE]))
    doc.ln(4)
    _details(doc, data, pair, tailoring, on)
    if guide is not None:
        _meetings(doc, meetings(guide), doc.h - BOTTOM - WORKSHEET_HEIGHT, guide.title)
    else:
        _section_title(doc, "The first three meetings")
        doc.set_font(BODY, "I", 9)
        doc.multi_cell(doc.epw, 4.5, f"No guide for {kind} mentorship in the guides folder: agree your own agenda.",
                       **NEXT_LINE)
    _worksheet(doc, worksheet_lines(guide) if guide else [])
    _notes(doc)


def _people(doc: TandemDocument, pair: HandoffPair, roles: tuple[str, str]) -> None:
    """Two cards side by side: role, name, email and team."""
    gap, top = 6.0, doc.y
    width = (doc.epw - gap) / 2
    people = [(roles[0], pair.first_name, pair.pairing.mentor_email, getattr(pair.first, "team", "")),
              (roles[1], pair.mentee_name, pair.pairing.mentee_email, getattr(pair.mentee, "team", ""))]
    for index, (role, name, email, team) in enumerate(people):
        x = doc.l_margin + index * (width + gap)
        doc.set_fill_color(*BOX)
        doc.rect(x, top, width, 25, style="F")
        doc.set_fill_color(*ACCENT)
        doc.rect(x, top, 1.2, 25, style="F")
        doc.set_xy(x + 5, top + 3)
        doc.set_font(BODY, "B", 7.5)
        doc.set_text_color(*ACCENT)
        doc.cell(width - 8, 4, role.upper(), new_x="LEFT", new_y="NEXT")
        doc.set_font(BODY, "B", 12)
        doc.set_text_color(*INK)
        doc.cell(width - 8, 6.5, _fit(doc, name, width - 8), new_x="LEFT", new_y="NEXT")
        doc.set_font(BODY, "", 9)
        doc.cell(width - 8, 5, _fit(doc, email, width - 8), new_x="LEFT", new_y="NEXT")
        doc.set_text_color(*MUTED)
        doc.cell(width - 8, 4.5, _fit(doc, f"Team: {team}" if team else "", width - 8))
    doc.set_text_color(*INK)
    doc.set_xy(doc.l_margin, top + 25)


def _details(doc: TandemDocument, data: Dataset, pair: HandoffPair, tailoring: Tailoring, on: date) -> None:
    rhythm = cadence(pair, data)
    start = pair.pairing.started_on
    if pair.pairing.status == PROPOSED or start is None:
        starts = f"proposed: hold the first meeting by {format_date(first_meeting_by(on, data.settings))}"
    else:
        starts = format_date(start)
    goals = shared_goals(pair)
    tracked = [g for g in data.goals if pair.pairing.id and g.pairing_id.lower() == pair.pairing.id.lower()]
    if tracked:  # the goals tab's, with their targets
        goals = [g.goal + (f" (by {format_date(g.target_date)})" if g.target_date else "") for g in tracked]
    values = tailoring.values()
    program = f"{values['program_name']}, {values['program_start']} to {values['program_end']}"
    plan = "; ".join(f"{step} {when}" for step, when in pair_plan(data, pair.pairing, on))
    rows = [("Goals" if tracked else "Shared goals",
             _shorten("; ".join(goals), 220) if goals else "to agree in the first meeting"),
            ("Meetings", f"{CADENCE_WORDS.get(rhythm, rhythm)}, 30 to 45 minutes; {pair.mentee_name} sends the "
                         "first invitation"),
            ("Start", starts), *([("Plan", _shorten(plan, 260))] if plan else []),
            ("Program", _shorten(program, 160)), ("Questions", _shorten(values["contact"], 160))]
    for label, value in rows:
        doc.label_value(label, value, width=30, size=9.5)
        doc.ln(0.6)


def _section_title(doc: TandemDocument, text: str) -> None:
    doc.ln(3)
    doc.set_font(BODY, "B", 12)
    doc.set_text_color(*ACCENT)
    doc.cell(doc.epw, 6, text, **NEXT_LINE)
    doc.set_text_color(*INK)
    doc.ln(1.5)


def _meetings(doc: TandemDocument, agenda: list[Meeting], limit: float, guide_title: str) -> None:
    """Three columns, one per meeting: title, purpose and the agenda as checkboxes, cut at `limit`."""
    _section_title(doc, "The first three meetings")
    gap, top = 5.0, doc.y
    width = (doc.epw - 2 * gap) / 3
    lowest = top
    for index, meeting in enumerate(agenda[:3]):
        x = doc.l_margin + index * (width + gap)
        doc.set_xy(x, top)
        doc.set_font(BODY, "B", 7.5)
        doc.set_text_color(*ACCENT)
        doc.cell(width, 4, f"MEETING {meeting.number}", new_x="LEFT", new_y="NEXT")
        doc.set_font(BODY, "B", 9.5)
        doc.set_text_color(*INK)
        doc.multi_cell(width, 4.4, _shorten(clean(meeting.title), 80), new_x="LEFT", new_y="NEXT")
        doc.set_font(BODY, "I", SMALL)
        doc.set_text_color(*MUTED)
        doc.multi_cell(width, LEADING, _shorten(clean(plain(meeting.purpose)), 160), new_x="LEFT", new_y="NEXT")
        doc.set_text_color(*INK)
        doc.ln(1.2)
        for number, item in enumerate(meeting.agenda):
            text = clean(plain(item))
            doc.set_font(BODY, "", SMALL)
            height = doc.multi_cell(width - 5, LEADING, text, dry_run=True, output="HEIGHT")
            if doc.y + height > limit - LEADING:  # keep room for the pointer to the guide
                doc.set_xy(x, doc.y)
                doc.set_font(BODY, "I", SMALL - 0.5)
                doc.set_text_color(*MUTED)
                doc.multi_cell(width, LEADING, f"+ {len(meeting.agenda) - number} more in '{guide_title}'",
                               new_x="LEFT", new_y="NEXT")
                doc.set_text_color(*INK)
                break
            doc.checkbox(x, doc.y + 0.4, side=2.8)
            doc.set_xy(x + 4.5, doc.y)
            doc.multi_cell(width - 5, LEADING, text, new_x="LEFT", new_y="NEXT")
            doc.set_x(x)
            doc.ln(0.9)
        lowest = max(lowest, doc.y)
    doc.set_xy(doc.l_margin, lowest)


def _worksheet(doc: TandemDocument, labels: list[str]) -> None:
    """Goals 1-3, each with a line to write the goal and lines for the guide's next two worksheet prompts."""
    prompts = list(dict.fromkeys(re.sub(r"\s*\d+$", "", label) for label in labels if label))
    prompts = (prompts + ["Goal", "What success looks like", "By when"])[:3] if len(prompts) < 3 else prompts[:3]
    _section_title(doc, "Goal worksheet")
    right, half = doc.w - doc.r_margin, doc.epw * 0.62
    for goal in range(1, GOALS + 1):
        y = doc.y
        _line(doc, f"{prompts[0]} {goal}:", doc.l_margin, right, y)
        _line(doc, f"{prompts[1]}:", doc.l_margin, doc.l_margin + half - 4, y + 7.5)
        _line(doc, f"{prompts[2]}:", doc.l_margin + half, right, y + 7.5)
        doc.set_y(y + 16.5)


def _notes(doc: TandemDocument) -> None:
    """Lines to write on for the rest of the page."""
    if doc.h - BOTTOM - doc.y < 12 + 2 * NOTE_LINE:
        return
    _section_title(doc, "Notes from the first meeting")
    lines = int((doc.h - BOTTOM - 3 - doc.y) // NOTE_LINE)
    doc.set_draw_color(*RULE)
    doc.set_line_width(0.2)
    for number in range(1, lines + 1):
        y = doc.y + number * NOTE_LINE
        doc.line(doc.l_margin, y, doc.w - doc.r_margin, y)


def _line(doc: TandemDocument, label: str, left: float, right: float, y: float) -> None:
    doc.set_font(BODY, "B", 8.5)
    width = min(doc.get_string_width(label) + 2, (right - left) / 2)
    doc.set_xy(left, y)
    doc.cell(width, 5, _fit(doc, label, width))
    doc.set_draw_color(*MUTED)
    doc.set_line_width(0.25)
    doc.line(left + width, y + 4.6, right, y + 4.6)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fit(doc: TandemDocument, text: str, width: float) -> str:
    """Text cut with an ellipsis to fit on one line of `width` mm in the current font."""
    text = clean(text)
    while text and doc.get_string_width(text) > width:
        text = text[:-2].rstrip() + "…" if len(text) > 2 else ""
    return text


def _all_text(data: Dataset, pairs: list[HandoffPair], guides: list[Guide], tailoring: Tailoring) -> str:
    parts = [tailoring.label, *tailoring.values().values()]
    for pair in pairs:
        parts += [pair.first_name, pair.mentee_name, pair.pairing.mentor_email, pair.pairing.mentee_email,
                  getattr(pair.first, "team", ""), getattr(pair.mentee, "team", ""), *shared_goals(pair)]
    parts += [g.goal for g in data.goals] + [s.step for s in data.settings.plan_steps]  # their scripts need fonts
    for guide in guides:
        if guide.type:
            parts += [guide.title, *worksheet_lines(guide)]
            parts += [plain(m.purpose) + m.title + " ".join(plain(i) for i in m.agenda) for m in meetings(guide)]
    return "\n".join(parts)
