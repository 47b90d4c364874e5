"""Telling a Google Sheets URL or key from a path or another address."""

from __future__ import annotations

import pytest

from lib.sources.sheet_urls import looks_like_sheet, sheet_key
from tests.unit.sources.test_google_calls import KEY


@pytest.mark.parametrize("text, key", [
    (f"https://docs.google.com/spreadsheets/d/{KEY}/edit#gid=0", KEY),
    (f"  {KEY} ", KEY),
    ("/home/lead/mentoring", None),
    ("mentoring.xlsx", None),
    ("https://example.org/sheet", None),
])
def test_sheet_urls_and_keys_are_recognised(text, key):
    assert sheet_key(text) == key
    assert looks_like_sheet(text) == (key is not None)
