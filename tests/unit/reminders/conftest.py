"""Helpers for the reminder tests: the sample as a CSV folder whose cells a test can change."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from lib.reading.loader import load
from lib.sources import open_source


def set_cells(folder: Path, tab: str, key: str, **values: str) -> None:
    """Set cells of the row whose first column is `key` (a column not there yet is added)."""
    path = folder / f"{tab}.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    for name in values:
        if name not in rows[0]:
            rows[0].append(name)
            for row in rows[1:]:
                row.append("")
    found = [row for row in rows[1:] if row and row[0] == key]
    assert found, f"no row {key} in {tab}"
    for name, text in values.items():
        found[0][rows[0].index(name)] = text
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def add_row(folder: Path, tab: str, **values: str) -> None:
    path = folder / f"{tab}.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow([values.get(name, "") for name in header])


def read_rows(folder: Path, tab: str) -> list[dict[str, str]]:
    path = folder / f"{tab}.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def opened():
    """open(folder) -> (source, data) of a CSV folder, read fresh."""
    def _open(folder: Path):
        source = open_source(str(folder), None)
        return source, load(source)
    return _open
