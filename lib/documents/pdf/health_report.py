"""The Health page's report as a printable landscape table: one row per active pair, most urgent first.

The columns are those of `lib.health.model.report` (the CSV download) without the long suggested message; the status is
a word in bold with the palette's colour, never the colour alone.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
from fpdf.fonts import FontFace

from lib.contract.dates import format_date
from lib.documents.pdf.fonts import BODY, clean
from lib.documents.pdf.layout import ACCENT, BOX, INK, NEXT_LINE, TandemDocument
from lib.guides.library import Tailoring
from lib.reading.dataset import Dataset
from lib.vocabulary import STATUS_PRINT_COLOURS

STATUS_RGB = {status: tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))  # fpdf2 takes RGB
                  for status, hex_colour in STATUS_PRINT_COLOURS.items()}
LEFT_OUT = ("suggested message",)
WIDTHS = {"pairing": 1.1, "mentor": 2.2, "mentee": 2.2, "status": 1.3, "score": 0.9, "cadence": 1.3,
          "days since contact": 1.2, "check-ins (8 weeks)": 1.2, "mentor rating": 1.1, "mentee rating": 1.1,
          "reasons": 5.0}


def health_report_pdf(report_frame: pd.DataFrame, data: Dataset, on: date | None = None) -> bytes:
    """`report_frame` is `lib.health.model.report(assess(data))`; `data` gives the program's name and the date."""
    tailoring = Tailoring.from_settings(data.settings)
    frame = report_frame.drop(columns=[c for c in LEFT_OUT if c in report_frame.columns])
    cells = [[_cell(value) for value in row] for row in frame.itertuples(index=False)]
    columns = [str(c) for c in frame.columns]
    doc = TandemDocument(tailoring.label, text=" ".join(" ".join(r) for r in [columns, *cells]),
                         title=f"Relationship health: {tailoring.label}", orientation="landscape")
    doc.set_margins(15, 15, 15)
    doc.set_auto_page_break(True, 20)
    doc.add_page()
    _head(doc, frame, tailoring, on or data.today())
    if not cells:
        doc.set_font(BODY, "", 11)
        doc.multi_cell(doc.epw, 6, "No pairing is active on this date.", **NEXT_LINE)
        return doc.output_bytes()
    status_at = columns.index("status") if "status" in columns else None
    doc.set_font(BODY, "", 8)
    heading = FontFace(family=BODY, emphasis="BOLD", size_pt=8, color=(255, 255, 255), fill_color=ACCENT)
    with doc.table(col_widths=[WIDTHS.get(c, 1.2) for c in columns], headings_style=heading, line_height=4.2,
                   text_align="LEFT", borders_layout="HORIZONTAL_LINES", cell_fill_color=BOX,
                   cell_fill_mode="ROWS", padding=(1.4, 1.6), repeat_headings=1, v_align="TOP") as table:
        header = table.row()
        for column in columns:
            header.cell(column.capitalize())
        for values in cells:
            row = table.row()
            for index, value in enumerate(values):
                style = None
                if index == status_at:
                    style = FontFace(emphasis="BOLD", color=STATUS_RGB.get(value, INK))
                row.cell(value, style=style)
    return doc.output_bytes()


def _head(doc: TandemDocument, frame: pd.DataFrame, tailoring: Tailoring, on: date) -> None:
    counts = frame["status"].value_counts() if "status" in frame.columns else pd.Series(dtype=int)
    summary = ", ".join(f"{counts.get(s, 0)} {s.lower()}" for s in STATUS_RGB)
    doc.report_head(tailoring.label, "Relationship health",
                    f"Every pairing active on {format_date(on)}: {len(frame)} pairs; {summary}. "
                    "Most urgent first. Status is the worse of the score and the warning signs.")
    doc.ln(4)


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, date):
        return format_date(value)
    return clean(value)
