"""The bundled fonts (see fonts/README.md for where they come from and their licences) and safe text for them.

Noto Sans sets Latin, Greek and Cyrillic; Noto Sans Arabic and Droid Sans Fallback (CJK) are fallbacks that fpdf2
switches to per character, registered for regular and bold so names in headings never vanish. Right-to-left text
(Arabic, Hebrew) goes through HarfBuzz shaping and the bidi algorithm; left-to-right text does not need it, and
shaping while breaking lines costs fpdf2 about two thirds of its time, so documents switch it on per text run
(`needs_shaping`). Droid Sans Fallback takes about half a second to parse per style, so it is registered only for
documents whose text needs it.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path(__file__).resolve().parent / "fonts"
BODY, ARABIC, CJK = "tandem-sans", "tandem-arabic", "tandem-cjk"
BODY_FILES = {"": "NotoSans-Regular.ttf", "B": "NotoSans-Bold.ttf", "I": "NotoSans-Italic.ttf",
              "BI": "NotoSans-Bold.ttf"}  # no bold italic face bundled: bold reads well enough there
ARABIC_FILES = {"": "NotoSansArabic-Regular.ttf", "B": "NotoSansArabic-Bold.ttf"}
CJK_FILES = {"": "DroidSansFallback.ttf", "B": "DroidSansFallback.ttf"}
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: object) -> str:
    """Text a PDF can carry: NFC, no control characters or lone surrogates, tabs as spaces."""
    value = "" if text is None else str(text)
    return unicodedata.normalize("NFC", _UNPRINTABLE.sub("", value.replace("\t", " ").replace("\r", "")))


def register(pdf: FPDF, text: str = "") -> None:
    """Add the fonts to a document; `text` is everything it will print, to decide whether CJK is needed."""
    for style, name in BODY_FILES.items():
        pdf.add_font(BODY, style, FONT_DIR / name)
    for style, name in ARABIC_FILES.items():
        pdf.add_font(ARABIC, style, FONT_DIR / name)
    fallbacks = [ARABIC]
    if _needs_more(pdf, text):
        for style, name in CJK_FILES.items():
            pdf.add_font(CJK, style, FONT_DIR / name)
        fallbacks.append(CJK)
    # exact_match=False: an italic (or bold italic) CJK or Arabic name still finds a face instead of vanishing
    pdf.set_fallback_fonts(fallbacks, exact_match=False)
    pdf.set_font(BODY, "", 10)


def needs_shaping(text: str) -> bool:
    """Right-to-left letters or digits: they need shaping (joined Arabic letters) and bidi reordering."""
    return any(unicodedata.bidirectional(c) in ("R", "AL", "AN") for c in text)


def _needs_more(pdf: FPDF, text: str) -> bool:
    covered = pdf.fonts[BODY].cmap.keys() | pdf.fonts[ARABIC].cmap.keys()
    return any(ord(c) not in covered for c in set(clean(text)) if not c.isspace())
