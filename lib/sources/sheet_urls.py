"""Telling a Google Sheets address from a path, without loading the Google client (the command line stays quick)."""

from __future__ import annotations

import re

_URL_KEY = re.compile(r"/spreadsheets/d/([a-zA-Z0-9_-]+)")
_BARE_KEY = re.compile(r"^[a-zA-Z0-9_-]{30,}$")  # real keys are 44 characters


def sheet_key(text: str) -> str | None:
    """The spreadsheet key in a Google Sheets URL, or a bare key; None when the text is neither."""
    text = text.strip()
    if match := _URL_KEY.search(text):
        return match.group(1)
    return text if _BARE_KEY.match(text) else None


def looks_like_sheet(text: str) -> bool:
    text = str(text).strip()
    return "docs.google.com" in text or "/spreadsheets/d/" in text or sheet_key(text) is not None and "/" not in text
