"""Tandem's printed page: an A4 fpdf2 document with the house typography and the blocks every document uses.

Body text is Noto Sans 10 pt on a 5.2 mm line, left-aligned (ragged right reads better than justified text at
this measure); one teal accent for headings, markers and rules; a running footer "Tandem · program · page N of M".
Headings keep at least two lines of what follows on their page, and a checkbox or writing line never sits at the
foot of one page with its text on the next.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from lib.contract.dates import format_date
from lib.documents.pdf import fonts
from lib.documents.pdf.fonts import BODY, clean

INK, MUTED, ACCENT = (31, 41, 51), (96, 108, 118), (14, 99, 112)
RULE, BOX = (205, 212, 217), (245, 247, 248)
MARGIN, TOP, BOTTOM = 22.0, 20.0, 24.0
SIZE, LINE = 10.0, 5.2  # body font size (pt) and line height (mm)
NEXT_LINE = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}
Runs = Iterable[tuple[str, str]]  # (style: "", "B", "I" or "BI"; text)


class TandemDocument(FPDF):
    """A document with Tandem's fonts, margins, footer and blocks; `output_bytes()` gives the PDF."""

    def __init__(self, label: str, text: str = "", title: str = "", orientation: str = "portrait"):
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.label = clean(label)
        fonts.register(self, " ".join((text, label, title)))
        self.set_margins(MARGIN, TOP, MARGIN)
        self.set_auto_page_break(True, BOTTOM)
        self.set_title(clean(title) or "Tandem")
        self.set_creator("Tandem")
        self.set_lang("en")
        self.set_text_color(*INK)
        self.set_draw_color(*RULE)
        self.footer_from = 1  # the first page number that carries the footer (a title page does not)

    # --- shaping only where it is needed (see fonts.needs_shaping) -----------------------------------------------

    def _shape_for(self, text: str) -> None:
        wanted = fonts.needs_shaping(text or "")
        if wanted != bool(self.text_shaping):
            self.set_text_shaping(wanted)

    def cell(self, w=None, h=None, text="", *args, **kwargs):
        self._shape_for(text)
        return super().cell(w, h, text, *args, **kwargs)

    def multi_cell(self, w, h=None, text="", *args, **kwargs):
        if len(args) < 2:  # left-aligned unless told: justified text opens rivers in narrow columns
            kwargs.setdefault("align", "L")
        self._shape_for(text)
        return super().multi_cell(w, h, text, *args, **kwargs)

    def write(self, h=None, text="", *args, **kwargs):
        self._shape_for(text)
        return super().write(h, text, *args, **kwargs)

    def get_string_width(self, s, *args, **kwargs):
        self._shape_for(s)
        return super().get_string_width(s, *args, **kwargs)

    # --- the frame ------------------------------------------------------------------------------------------

    def footer(self) -> None:
        if self.page_no() < self.footer_from:
            return
        y = self.h - 14
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(self.l_margin, y - 2, self.w - self.r_margin, y - 2)
        self.set_xy(self.l_margin, y)
        self.set_font(BODY, "", 7.5)
        self.set_text_color(*MUTED)
        self.cell(self.epw, 4, f"Tandem · {self.label} · page {self.page_no()} of {self.str_alias_nb_pages}",
                  align="C")
        self.set_text_color(*INK)

    def keep(self, height: float) -> None:
        """Start a new page unless `height` mm still fit on this one."""
        if self.y + height > self.page_break_trigger:
            self.add_page()

    def at_top(self) -> bool:
        return self.y <= self.t_margin + 0.5

    def output_bytes(self) -> bytes:
        return bytes(self.output())

    # --- title pages ----------------------------------------------------------------------------------------

    def title_page(self, kicker: str, title: str, summary: str, details: list[tuple[str, str]],
                   issued: date | None) -> None:
        """A page of its own: accent band, kicker, large title, summary, and label/value details at the foot."""
        self.add_page()
        self.set_fill_color(*ACCENT)
        self.rect(0, 0, self.w, 9, style="F")
        self.set_y(72)
        self.set_font(BODY, "B", 10)
        self.set_text_color(*ACCENT)
        self.set_char_spacing(1.2)
        self.multi_cell(self.epw, 5, clean(kicker).upper(), **NEXT_LINE)
        self.set_char_spacing(0)
        self.ln(4)
        self.set_font(BODY, "B", 30)
        self.set_text_color(*INK)
        self.multi_cell(self.epw, 13, clean(title), **NEXT_LINE)
        self.ln(5)
        self.set_fill_color(*ACCENT)
        self.rect(self.l_margin, self.y, 28, 1.2, style="F")
        self.ln(9)
        self.set_font(BODY, "", 13)
        self.set_text_color(*MUTED)
        self.multi_cell(self.epw * 0.85, 6.6, clean(summary), **NEXT_LINE)
        rows = [(k, v) for k, v in details if v] + ([("Issued", format_date(issued))] if issued else [])
        self.set_y(max(self.y + 12, self.h - 40 - 7.5 * len(rows)))
        for key, value in rows:
            self.set_font(BODY, "B", 9)
            self.set_text_color(*MUTED)
            self.cell(34, 7.5, clean(key).upper())
            self.set_font(BODY, "", 11)
            self.set_text_color(*INK)
            self.multi_cell(self.epw - 34, 7.5, clean(value), **NEXT_LINE)
        self.set_text_color(*INK)

    def report_head(self, kicker: str, title: str, summary: str) -> None:
        """The head of a one-table report: the program in small capitals, the title, a muted line of what it holds."""
        self.set_font(BODY, "B", 8.5)
        self.set_text_color(*ACCENT)
        self.set_char_spacing(1)
        self.cell(self.epw, 4.5, clean(kicker).upper(), **NEXT_LINE)
        self.set_char_spacing(0)
        self.set_font(BODY, "B", 20)
        self.set_text_color(*INK)
        self.cell(self.epw, 10, clean(title), **NEXT_LINE)
        self.set_font(BODY, "", 10)
        self.set_text_color(*MUTED)
        self.multi_cell(self.epw, 5.5, clean(summary), **NEXT_LINE)
        self.set_text_color(*INK)

    def chapter_opener(self, kicker: str, title: str, summary: str) -> None:
        """The head of a guide inside a pack: not a page of its own, but clearly a new start."""
        self.set_font(BODY, "B", 8.5)
        self.set_text_color(*ACCENT)
        self.set_char_spacing(1)
        self.multi_cell(self.epw, 4.5, clean(kicker).upper(), **NEXT_LINE)
        self.set_char_spacing(0)
        self.ln(1.5)
        self.set_font(BODY, "B", 22)
        self.set_text_color(*INK)
        self.multi_cell(self.epw, 9.5, clean(title), **NEXT_LINE)
        self.ln(2)
        self.set_font(BODY, "", 11)
        self.set_text_color(*MUTED)
        self.multi_cell(self.epw, 5.6, clean(summary), **NEXT_LINE)
        self.ln(3)
        self.set_fill_color(*ACCENT)
        self.rect(self.l_margin, self.y, self.epw, 0.6, style="F")
        self.ln(6)
        self.set_text_color(*INK)

    # --- text blocks ----------------------------------------------------------------------------------------

    def heading(self, text: str, level: int = 2, outline: int | None = None) -> None:
        """A section (level 2) or subsection (3) heading; `outline` also lists it in the PDF bookmarks."""
        size, before, after = (15.0, 7.0, 2.5) if level == 2 else (11.5, 4.0, 1.2)
        self.keep(before + size * 0.45 + 3 * LINE)  # never a heading alone at the foot of a page
        if not self.at_top():
            self.ln(before)
        if outline is not None:
            self.start_section(clean(text), level=outline, strict=False)
        self.set_font(BODY, "B", size)
        self.set_text_color(*(ACCENT if level == 2 else INK))
        self.multi_cell(self.epw, size * 0.47, clean(text), **NEXT_LINE)
        self.set_text_color(*INK)
        self.ln(after)

    def runs(self, runs: Runs, size: float = SIZE, height: float = LINE, indent: float = 0.0,
             color: tuple[int, int, int] = INK) -> None:
        """Flowing text in styled runs, wrapped between the margins, `indent` mm in from the left."""
        left = self.l_margin
        self.set_left_margin(left + indent)
        self.set_x(left + indent)
        self.set_text_color(*color)
        for style, text in runs:
            text = clean(text)
            if text:
                self.set_font(BODY, style, size)
                self.write(height, text)
        self.ln(height)
        self.set_left_margin(left)
        self.set_text_color(*INK)

    def paragraph(self, runs: Runs, size: float = SIZE, color: tuple[int, int, int] = INK) -> None:
        self.runs(runs, size=size, color=color)
        self.ln(2.4)

    def bullets(self, items: list[Runs]) -> None:
        for item in items:
            self.keep(LINE)
            y = self.y
            self.set_fill_color(*ACCENT)
            self.circle(self.l_margin + 1.2, y + LINE / 2 - 0.75, 0.75, style="F")
            self.runs(item, indent=5.5)
            self.ln(1.2)
        self.ln(1.4)

    def numbered(self, items: list[Runs]) -> None:
        for number, item in enumerate(items, start=1):
            self.keep(LINE)
            self.set_font(BODY, "B", SIZE)
            self.set_text_color(*ACCENT)
            self.cell(4.5, LINE, f"{number}.", align="R")
            self.runs(item, indent=6.5)
            self.ln(1.2)
        self.ln(1.4)

    def checkbox(self, x: float, y: float, side: float = 3.6) -> None:
        self.set_draw_color(*ACCENT)
        self.set_line_width(0.3)
        self.rect(x, y, side, side)
        self.set_draw_color(*RULE)

    def checklist(self, items: list[Runs]) -> None:
        for item in items:
            self.keep(LINE + 1)
            self.checkbox(self.l_margin + 0.3, self.y + (LINE - 3.6) / 2)
            self.runs(item, indent=6.5)
            self.ln(1.6)
        self.ln(1.2)

    def fill_in(self, label: str, height: float = 9.0) -> None:
        """A label and a line to write on, to the right margin (under the label when the label is long)."""
        self.keep(height + 1)
        label = clean(label)
        top, start = self.y, self.l_margin
        if label:
            self.set_font(BODY, "B", SIZE - 0.5)
            width = self.get_string_width(label + ":") + 2.5
            if width > self.epw - 45:
                self.multi_cell(self.epw, LINE, label + ":", **NEXT_LINE)
                top = self.y
            else:
                self.set_xy(self.l_margin, top + height - LINE - 0.6)
                self.cell(width, LINE, label + ":")
                start += width
        self.set_draw_color(*MUTED)
        self.set_line_width(0.25)
        self.line(start, top + height - 1.2, self.w - self.r_margin, top + height - 1.2)
        self.set_draw_color(*RULE)
        self.set_xy(self.l_margin, top + height)

    def message_box(self, lines: list[str], caption: str = "Message template") -> None:
        """A shaded box with an accent bar, for text to copy and send."""
        text = "\n".join(clean(line) for line in lines)
        self.set_font(BODY, "", SIZE - 0.5)
        inner = self.epw - 10
        height = self.multi_cell(inner, 5, text, dry_run=True, output="HEIGHT") + 11
        self.keep(min(height, self.page_break_trigger - self.t_margin))
        x, y = self.l_margin, self.y
        if y + height <= self.page_break_trigger:  # a box taller than a page flows unshaded
            self.set_fill_color(*BOX)
            self.rect(x, y, self.epw, height, style="F")
            self.set_fill_color(*ACCENT)
            self.rect(x, y, 1.2, height, style="F")
        self.set_xy(x + 6, y + 3)
        self.set_font(BODY, "B", 7.5)
        self.set_text_color(*ACCENT)
        self.cell(inner, 4, clean(caption).upper(), **NEXT_LINE)
        self.set_x(x + 6)
        self.set_font(BODY, "", SIZE - 0.5)
        self.set_text_color(*INK)
        self.multi_cell(inner, 5, text, **NEXT_LINE)
        self.set_y(max(self.y, y + height) + 4)

    def label_value(self, label: str, value: str, width: float = 32.0, size: float = 9.5) -> None:
        """One row of a details list: a small muted label and its value."""
        self.set_font(BODY, "B", 7.5)
        self.set_text_color(*MUTED)
        self.cell(width, LINE, clean(label).upper())
        self.set_font(BODY, "", size)
        self.set_text_color(*INK)
        self.multi_cell(self.epw - width, LINE, clean(value) or "–", **NEXT_LINE)
