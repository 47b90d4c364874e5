"""Shared fixtures: temporary copies of the bundled data, so no test ever writes a tracked file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# CI replays the same generated examples every run (a failure there is reproducible, never a fluke of the draw);
# local runs keep exploring new ones and remember failures in .hypothesis/.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
SAMPLE = ROOT / "sample_data"


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "sample"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return folder


@pytest.fixture
def corpus_copy(tmp_path: Path):
    def copy(name: str) -> Path:
        folder = tmp_path / name
        shutil.copytree(CORPUS / name, folder)
        return folder
    return copy


@pytest.fixture
def sheets(monkeypatch):
    """A local Sheets API with the sample as one spreadsheet (locale en_GB); GOOGLE_SHEETS_API_URL points at it.
    Yields (fake, url of the spreadsheet as a lead pastes it)."""
    from tests.fake_sheets import FakeSheets

    fake = FakeSheets()
    base = fake.start()
    monkeypatch.setenv("GOOGLE_SHEETS_API_URL", base)
    key = fake.add_from_csv_folder(SAMPLE, "Northwind mentoring", locale="en_GB")
    try:
        yield fake, f"https://docs.google.com/spreadsheets/d/{key}/edit#gid=0"
    finally:
        fake.stop()
        assert not fake.internal_errors, fake.internal_errors


def value_problems(problems) -> list:
    """The problems with the data's values and rows, leaving out the warnings about what Tandem does not read (an
    unknown column, a criterion without data), which tests/unit/reading/test_coverage.py checks on their own."""
    from lib.contract.problems import UNREAD

    return [p for p in problems if p.kind != UNREAD]


@pytest.fixture
def fake():
    """An empty local Sheets API, serving on a free loopback port for the test (`sheets` has it seeded)."""
    from tests.fake_sheets import FakeSheets

    server = FakeSheets()
    server.start()
    yield server
    server.stop()
    assert server.internal_errors == []

# The sample's active mentees with no pairing: what every first suggestion on it places (sample_data/generate.py).
SAMPLE_WAITING = {f"{name}@northwind.example" for name in ("lena.schmidt", "siddharth.iyer", "thandiwe.dlamini",
                                                          "chloe.martin", "kenji.watanabe")}
