"""The house layout (TandemDocument): odd text never breaks a heading, paragraph, list, checklist, fill-in line or
message box, and a fuzzed document still outputs a PDF."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.documents.pdf import TandemDocument
from tests.unit.documents.pdf.reading import read

NASTY = ["😀 emoji", "\u202eRTL override", "zero\u200bwidth", "e\u0301\u0301\u0301", "देवनागरी", "ไทย",
         "x" * 300, "=1+1", "{nb} {organisation}", "\ufeffbom", "a\u00adsoft", "\U0010ffff"]


def test_odd_text_never_raises_in_any_block():
    doc = TandemDocument("Program 😀", text=" ".join(NASTY) + " 李雷")
    doc.add_page()
    for text in NASTY:
        doc.heading(text)
        doc.paragraph([("B", text), ("I", text)])
        doc.bullets([[("", text)]])
        doc.checklist([[("", text)]])
        doc.fill_in(text)
        doc.message_box([text, text])
    assert len(read(doc.output_bytes())) >= 1


@pytest.fixture(scope="module")
def shared_document():
    doc = TandemDocument("Fuzz", text="李雷 محمد")
    doc.add_page()
    return doc


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_text_renders(shared_document, text):
    shared_document.paragraph([("", text), ("B", text)])
    shared_document.checklist([[("I", text)]])
    shared_document.fill_in(text)


def test_the_fuzzed_document_still_outputs(shared_document):
    assert read(shared_document.output_bytes())
