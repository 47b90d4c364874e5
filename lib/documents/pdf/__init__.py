"""Tandem's PDF module on fpdf2: bundled Unicode fonts, the house layout, and the documents built on them.

Every public function returns the PDF as bytes. Other features reuse `TandemDocument` (fonts, margins, footer,
headings, lists, checklists, writing lines, message boxes) for their own documents.
"""

from lib.documents.pdf.guide_documents import guide_pdf, pack_pdf
from lib.documents.pdf.health_report import health_report_pdf
from lib.documents.pdf.kickoff import kickoff_name, kickoff_pdf
from lib.documents.pdf.layout import TandemDocument

__all__ = ["TandemDocument", "guide_pdf", "health_report_pdf", "kickoff_name", "kickoff_pdf", "pack_pdf"]
