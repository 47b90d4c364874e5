"""The health report PDF, read back by a real reader (pypdf): a landscape table of every active pair, or a plain
sentence when none is active."""

from __future__ import annotations

import io

from pypdf import PdfReader

from lib.documents.pdf import health_report_pdf
from lib.health.model import assess, report
from lib.reading.loader import load
from lib.sources import CsvSource
from tests.unit.documents.pdf.reading import read, words


def test_the_health_report_is_a_landscape_table_of_every_active_pair(program):
    data = load(CsvSource(folder=program))
    frame = report(assess(data))
    payload = health_report_pdf(frame, data)
    reader = PdfReader(io.BytesIO(payload))
    box = reader.pages[0].mediabox
    assert box.width > box.height
    text = " ".join(read(payload))
    assert "Relationship health" in text and "Every pairing active on 24 Jul 2026: 14 pairs" in text
    assert "3 at risk" in text
    for column in ("Pairing", "Mentor", "Mentee", "Status", "Score", "Reasons"):
        assert column in text
    squeezed = text.replace(" ", "")  # narrow columns wrap long names anywhere
    for _, row in frame.iterrows():
        assert row["pairing"] in text and all(w in squeezed for w in words(row["mentee"])), row["mentee"]
    assert "Suggested message" not in text


def test_the_health_report_of_no_active_pair_says_so(program):
    data = load(CsvSource(folder=program))
    empty = report(assess(data)).iloc[0:0]
    assert "No pairing is active on this date." in " ".join(read(health_report_pdf(empty, data)))
