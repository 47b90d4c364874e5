"""The bundled fonts: text cleaned of what a PDF cannot carry, scripts that need shaping recognised, and the CJK font
loaded only when the text needs it."""

from __future__ import annotations

from lib.documents.pdf import TandemDocument
from lib.documents.pdf.fonts import CJK, clean, needs_shaping


def test_clean_drops_what_a_pdf_cannot_carry():
    assert clean("a\x00b\x07c\td\r\ne\ud800f") == "abc d\nef"
    assert clean("Zoe\u0308") == "Zoë"  # NFC
    assert clean(None) == ""
    assert needs_shaping("محمد") and needs_shaping("שלום") and not needs_shaping("Zoë Олена 李雷")


def test_the_cjk_font_is_loaded_only_when_the_text_needs_it():
    assert CJK not in TandemDocument("Latin and Кириллица and عربي").fonts
    assert {CJK, CJK + "B"} <= set(TandemDocument("Program", text="李雷 한국어").fonts)  # bold too, for headings
