"""Reading a PDF back as a person would: the tests of every document (and the CLI and browser tests) use these."""

from __future__ import annotations

import io
import unicodedata

from pypdf import PdfReader


def read(payload: bytes) -> list[str]:
    """Each page's text, NFKC-normalised (Arabic comes back in presentation forms) with whitespace collapsed."""
    assert payload.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(payload))
    return [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in reader.pages]


def words(text: str) -> list[str]:
    return unicodedata.normalize("NFKC", text).split()
