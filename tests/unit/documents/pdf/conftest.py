"""Fixtures of the PDF tests: small fixture guides written in tmp_path, and a copy of the sample data with non-Latin
and formula-looking names and a feedback comment that must never be printed."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from lib.guides.library import load_guides
from tests.unit.guides.test_library import TOPIC_GUIDE, TYPE_GUIDE, write

DAY = date(2026, 7, 24)
SECRET = "SECRET-FEEDBACK-7731 keep this out of print"
RENAMED = {"Mei Chen": "李雷", "Nadia Haddad": "محمد حداد", "Olena Kovalenko": "Олена Коваленко",
           "Tomás Silva": '=HYPERLINK("http://evil.example","x")', "Sofia Rossi": "+Sofia -Rossi @home"}


@pytest.fixture
def guides(tmp_path) -> list:
    folder = tmp_path / "guides"
    write(folder, "pair.md", TYPE_GUIDE)
    write(folder, "finding-a-mentor.md", TOPIC_GUIDE)
    return load_guides(folder)


@pytest.fixture
def program(sample_copy: Path) -> Path:
    """The sample with names in several scripts, formula-looking names, and a comment that must never print."""
    for tab in ("mentors", "mentees"):
        path = sample_copy / f"{tab}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows:
            row["name"] = RENAMED.get(row["name"], row["name"])
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    with (sample_copy / "feedback.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(["F-999", "2026-07-20", "ana.ruiz@northwind.example", "mei.chen@northwind.example",
                                     "mentee", "2", SECRET])
    return sample_copy
