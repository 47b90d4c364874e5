"""Every file a lead downloads or a command writes, on a program whose names, notes and values look like formulas:
spreadsheets (CSV, XLSX: roster, problems, suggestion, pairing sheet, health report) get them as inert text;
PDFs (kickoff, health report, guides, pack) and the HTML guide print them as text, with no link or action.
First `neutralise` itself, on single values and through `csv_bytes`."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from lib.contract.values import FORMULA_STARTS
from lib.documents import handoff
from lib.documents.exports import csv_bytes, neutralise, xlsx_bytes
from lib.documents.pdf import health_report_pdf, kickoff_pdf
from lib.health.model import assess, report
from lib.matching import PairingOptions, suggest
from lib.reading.loader import load
from lib.sources import CsvSource
from tests.unit.documents.pdf.reading import read


def test_exports_neutralise_formulas():
    assert neutralise("=1+1") == "'=1+1" and neutralise("@SUM(A1)") == "'@SUM(A1)" and neutralise("Ana") == "Ana"
    import pandas as pd
    text = csv_bytes(pd.DataFrame({"name": ["=HYPERLINK(\"http://x\")", "Zoë"], "n": [1, 2]})).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "Zoë" in text


FORMULAS = {"Priya Raman": "=cmd|' /C calc'!A0 Priya", "Diego Hernández": "+Diego-1",
            "Ana Ruiz": "@Ana", "Mei Chen": "-Mei+2"}


@pytest.fixture
def program(sample_copy):
    for path in sample_copy.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        for name, formula in FORMULAS.items():
            text = text.replace(name, formula)  # no comma or double quote: the CSV keeps its shape
        path.write_text(text, encoding="utf-8")
    mentors = sample_copy / "mentors.csv"  # a value that becomes a problem, so the problems export holds it
    lines = mentors.read_text(encoding="utf-8").splitlines()
    lines[2] = re.sub(r",(\d+),(one-on-one|group|peer)", r",=1+1,\2", lines[2], count=1)
    mentors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load(CsvSource(folder=sample_copy))


def test_the_fixture_really_holds_formulas(program):
    names = {m.name for m in [*program.mentors, *program.mentees]}
    assert set(FORMULAS.values()) <= names
    assert any(p.value == "=1+1" for p in program.problems)


def exports(data) -> dict[str, bytes]:
    result = suggest(data, PairingOptions())
    sheet = handoff.pairing_sheet(data)
    health = report(assess(data))
    return {
        "mentors.csv": csv_bytes(data.frame("mentors")), "mentees.csv": csv_bytes(data.frame("mentees")),
        "problems.csv": csv_bytes(data.problems_frame()),
        "suggestion.csv": csv_bytes(result.frame()), "suggestion.xlsx": xlsx_bytes(result.frame()),
        "pairing-sheet.csv": csv_bytes(sheet), "pairing-sheet.xlsx": xlsx_bytes(sheet),
        "health-report.csv": csv_bytes(health),
    }


def inert(text: str) -> bool:
    """A cell a spreadsheet will not run: it does not start like a formula, or it is a plain number."""
    return not text.startswith(FORMULA_STARTS) or re.fullmatch(r"[+-]?\d+(\.\d+)?", text) is not None


def test_every_spreadsheet_export_holds_the_formulas_as_inert_text(program):
    found = set()
    for name, payload in exports(program).items():
        if name.endswith(".csv"):
            cells = [c for row in csv.reader(io.StringIO(payload.decode("utf-8-sig"))) for c in row]
        else:
            book = load_workbook(io.BytesIO(payload))
            assert not [c.coordinate for ws in book for row in ws.iter_rows() for c in row if c.data_type == "f"]
            cells = [str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value is not None]
        assert all(inert(c) for c in cells), (name, [c for c in cells if not inert(c)])
        found.update(c for c in cells if c.startswith("'") and c[1:].startswith(FORMULA_STARTS))
    for formula in [*FORMULAS.values(), "=1+1"]:
        assert any(formula in cell for cell in found), formula  # still there, word for word, behind the apostrophe


def test_pdfs_print_the_formulas_as_text_and_carry_no_link_or_action(program):
    pairs = handoff.handoff_pairs(program)
    for payload in (kickoff_pdf(program, pairs), health_report_pdf(report(assess(program)), program)):
        for marker in (b"/URI", b"/JavaScript", b"/Launch", b"/SubmitForm", b"/AA"):
            assert marker not in payload, marker
        text = " ".join(read(payload))
        assert "=cmd|' /C calc'!A0 Priya" in text and "+Diego-1" in text


HOSTILE_CONTACT = ('=HYPERLINK("http://evil.example/","x") <a href="http://evil.example/">mail</a> '
                   "[here](http://evil.example/) <script>alert(1)</script>")


def test_guides_print_tailored_text_literally_with_no_link_to_it(program):
    from lib.documents.pdf import guide_pdf, pack_pdf
    from lib.guides.html import guide_html
    from lib.guides.library import Tailoring, find_guide, load_guides

    guides = load_guides()
    tailoring = Tailoring(organisation="=cmd|' /C calc'!A0 <b>Org</b>", program_name="+Summer -2026 @all",
                          contact=HOSTILE_CONTACT)
    one = find_guide(guides, "one-on-one")
    for payload in (guide_pdf(one, tailoring), pack_pdf(guides, tailoring)):
        assert b"evil.example" not in payload  # printed as text only: no link annotation points there
        assert b"/JavaScript" not in payload and b"/Launch" not in payload
        text = " ".join(read(payload))
        assert "=cmd|' /C calc'!A0 <b>Org</b>" in text and '<a href="http://evil.example/">mail</a>' in text
    html = guide_html(one, tailoring)
    assert 'href="http://evil.example' not in html and "<script>alert" not in html and "<b>Org" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "[here](http://evil.example/)" in html
