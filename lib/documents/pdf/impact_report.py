"""The impact report for leadership on one A4 page: the headline offer figures as bars beside the published reference,
then every figure per cohort in a table, whole percentages, and what each figure means in one line.

The reference (NACE's 2016 survey) is always labelled as a reference, never as a target. The page never breaks:
the table's type shrinks with the number of cohorts, and more than six cohorts turn the page to landscape, with the
table alone.
"""

from __future__ import annotations

from datetime import date

from fpdf.fonts import FontFace

from lib.contract.dates import format_date
from lib.documents.pdf.fonts import BODY, clean
from lib.documents.pdf.layout import ACCENT, BOX, INK, MUTED, NEXT_LINE, RULE, TandemDocument
from lib.guides.library import Tailoring
from lib.outcomes.report import COUNTS, FIGURES, LABELS, shown
from lib.vocabulary import (
    NACE_ACCEPTANCE_RATE,
    NACE_OFFER_RATE,
    NACE_REFERENCE,
    NOT_APPLICABLE,
    OFFERED,
    PAIRING_STATUSES,
)


def _either(words) -> str:
    return f"{', '.join(words[:-1])} or {words[-1]}"


MEANING = {
    "match_rate": f"active mentees with a pairing ({_either(PAIRING_STATUSES)})",
    "median_days_to_first_meeting": "from the start to the first check-in, over pairs that have met",
    "on_cadence_rate": "started pairs with at least half the check-ins their cadence asks for",
    "goal_completion_rate": "goals done, of the goals not dropped",
    "offer_rate": f"mentees with a job offer ({_either(OFFERED)}), of those with an outcome other than "
                  f"'{NOT_APPLICABLE}'",
    "acceptance_rate": f"offers accepted, of all offers ({_either(OFFERED)})",
    "skills_gain": "after minus before, over every skill self-rated both times",
}
BAR_FIGURES = (("offer_rate", NACE_OFFER_RATE), ("acceptance_rate", NACE_ACCEPTANCE_RATE))
MAX_PORTRAIT_COHORTS = 6


def impact_report_pdf(report: dict[str, dict[str, object]], data, on: date) -> bytes:
    """`report` is `lib.outcomes.report.impact(data, on, ...)`; one page whatever its number of cohorts."""
    tailoring = Tailoring.from_settings(data.settings)
    names = list(report)
    landscape = len(names) > MAX_PORTRAIT_COHORTS
    doc = TandemDocument(tailoring.label, text=" ".join(names), title=f"Program impact: {tailoring.label}",
                         orientation="landscape" if landscape else "portrait")
    doc.set_margins(18, 16, 18)
    doc.set_auto_page_break(True, 14)  # on, so a test sees any overflow as a second page
    doc.add_page()
    _head(doc, tailoring, names, on)
    if not landscape:  # more cohorts than that: the table alone holds the figures, on one page
        _bars(doc, report)
    _table(doc, report, size=9 if len(names) <= 3 else 7.5 if len(names) <= MAX_PORTRAIT_COHORTS else 6.5)
    _notes(doc)
    return doc.output_bytes()


def _head(doc: TandemDocument, tailoring: Tailoring, names: list[str], on: date) -> None:
    cohorts = ", ".join(names) if names else "none"
    doc.report_head(tailoring.label, "What the mentoring achieved",
                    f"As of {format_date(on)}; every record dated on or before it. "
                    f"Cohort{'s' if len(names) != 1 else ''}: {cohorts}.")
    doc.ln(3)


def _bars(doc: TandemDocument, report: dict[str, dict[str, object]]) -> None:
    """Offer and acceptance rates per cohort as bars on a 0-100 % scale, the reference as a dashed line."""
    label_w, gap = 52.0, 1.6
    width = doc.epw - label_w - 24
    bar_h = 4.2 if len(report) <= 3 else 2.6
    for key, reference in BAR_FIGURES:
        doc.set_font(BODY, "B", 10)
        doc.cell(doc.epw, 6, LABELS[key], **NEXT_LINE)
        top = doc.get_y()
        for name, figures in report.items():
            y = doc.get_y()
            doc.set_font(BODY, "", 8)
            doc.set_text_color(*MUTED)
            doc.set_xy(doc.l_margin, y)
            doc.cell(label_w - 2, bar_h, clean(name)[:34], align="R")
            doc.set_fill_color(*BOX)
            doc.rect(doc.l_margin + label_w, y, width, bar_h, style="F")
            value = figures.get(key)
            if value is not None:
                doc.set_fill_color(*ACCENT)
                doc.rect(doc.l_margin + label_w, y, width * float(value), bar_h, style="F")
            doc.set_xy(doc.l_margin + label_w + width + 2, y)
            doc.set_text_color(*INK)
            doc.set_font(BODY, "B", 8)
            doc.cell(22, bar_h, shown(key, value))
            doc.set_y(y + bar_h + gap)
        x = doc.l_margin + label_w + width * reference
        doc.set_draw_color(*INK)
        doc.set_dash_pattern(dash=1, gap=1)
        doc.line(x, top - 1, x, doc.get_y() - gap + 1)
        doc.set_dash_pattern()
        doc.set_draw_color(*RULE)
        doc.set_font(BODY, "", 7.5)
        doc.set_text_color(*MUTED)
        doc.set_x(doc.l_margin + label_w)
        doc.cell(width, 4, f"Dashed line: reference, {NACE_REFERENCE}, {reference * 100:.1f} %", **NEXT_LINE)
        doc.set_text_color(*INK)
        doc.ln(2)


def _table(doc: TandemDocument, report: dict[str, dict[str, object]], size: float) -> None:
    names = list(report)
    doc.set_font(BODY, "", size)
    heading = FontFace(family=BODY, emphasis="BOLD", size_pt=size, color=(255, 255, 255), fill_color=ACCENT)
    widths = [3.0, *([1.2] * len(names))]
    with doc.table(col_widths=widths, headings_style=heading, line_height=size * 0.5, text_align="LEFT",
                   borders_layout="HORIZONTAL_LINES", cell_fill_color=BOX, cell_fill_mode="ROWS",
                   padding=(0.9, 1.4), v_align="TOP") as table:
        header = table.row()
        header.cell("Figure")
        for name in names:
            header.cell(clean(name))
        for key in (*FIGURES, *COUNTS):
            row = table.row()
            row.cell(LABELS[key])
            for name in names:
                row.cell(shown(key, report[name].get(key)))


def _notes(doc: TandemDocument) -> None:
    doc.ln(3)
    doc.set_font(BODY, "", 7.5)
    doc.set_text_color(*MUTED)
    for key, words in MEANING.items():
        doc.multi_cell(doc.epw, 3.6, f"{LABELS[key]}: {words}.", **NEXT_LINE)
    doc.multi_cell(doc.epw, 3.6, f"Reference ({NACE_REFERENCE}): {NACE_OFFER_RATE * 100:.1f} % of interns were "
                   f"offered a job and {NACE_ACCEPTANCE_RATE * 100:.1f} % of offers were accepted. A published "
                   "figure to read ours against, not a target. \"–\": no data yet.", **NEXT_LINE)
    doc.set_text_color(*INK)
