"""Helpers of the hostile-input tests (reading/test_loader_hostile.py, reading/test_limits.py,
sources/test_csv_text.py, sources/test_opening.py): a load ends in a dataset or a TandemError's message, never
anything else, within bounded memory; and the generated folders and workbooks too large to keep in tests/corpus."""

from __future__ import annotations

import io
import tracemalloc
from contextlib import contextmanager
from pathlib import Path

from openpyxl import Workbook

from lib.errors import TandemError
from lib.reading.loader import load
from lib.sources import open_source, upload_source

MEMORY_BOUND = 256 * 2**20  # bytes traced while one case loads
MENTEES = "email,name,goals\nbo.chen@example.org,Bo Chen,SQL\n"


@contextmanager
def bounded():
    """Fail if the block allocates more than MEMORY_BOUND at its peak."""
    tracemalloc.start()
    try:
        yield
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peak < MEMORY_BOUND, f"peak {peak / 2**20:.0f} MB"


def outcome(location: Path | str):
    """(dataset, None) for a load, (None, message) for a refusal; anything else raised is a failure."""
    with bounded():
        try:
            return load(open_source(str(location))), None
        except TandemError as refused:
            return None, str(refused)


def outcome_of_bytes(mentors: bytes):
    with bounded():
        try:
            return load(upload_source([("mentors.csv", mentors), ("mentees.csv", MENTEES.encode())])), None
        except TandemError as refused:
            return None, str(refused)


def folder(tmp_path: Path, mentors: str | bytes, mentees: str = MENTEES, **more: str) -> Path:
    place = tmp_path / "program"
    place.mkdir()
    for name, text in {"mentors": mentors, "mentees": mentees, **more}.items():
        (place / f"{name}.csv").write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return place


def workbook_bytes(sheets: dict[str, list[list]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
