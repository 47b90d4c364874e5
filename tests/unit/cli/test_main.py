"""`python -m lib`: exit codes 0 / 1 / 2, problems one a line, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import openpyxl

from lib.contract.problems import UNREAD
from lib.reading.loader import load
from lib.sources import CsvSource
from tests.conftest import ROOT


def run(*args: str):
    return subprocess.run([sys.executable, "-m", "lib", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)


def test_validate_clean_source_exits_0(sample_copy):
    result = run("validate", str(sample_copy))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and "11 mentors, 23 mentees" in result.stderr


def test_validate_broken_source_lists_problems_and_exits_1(corpus_copy):
    folder = corpus_copy("broken")
    result = run("validate", str(folder))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "error: mentees row 2, column 'email': 'not-an-email' is not an email address; row skipped" in lines
    unread = [f"warning: {p}" for p in load(CsvSource(folder=folder)).problems if p.kind == UNREAD]
    assert unread and all(line in lines for line in unread)  # what Tandem does not read is said too
    assert len(lines) == 14 + len(unread)


def test_validate_json_format(corpus_copy):
    result = run("validate", str(corpus_copy("broken")), "--format", "json")
    problems = json.loads(result.stdout)
    assert {"tab": "feedback", "row": 2, "column": "rating", "value": "7",
            "problem": "'7' is out of range (at most 5); row skipped", "severity": "error"} in problems


def test_warnings_fail_only_with_strict(tmp_path):
    (tmp_path / "mentors.csv").write_text("email,name,capacity\na@x.org,A,lots\n")
    (tmp_path / "mentees.csv").write_text("email,name\nm@x.org,M\n")
    assert run("validate", str(tmp_path)).returncode == 0
    assert run("validate", str(tmp_path), "--strict").returncode == 1


def test_unreadable_source_and_bad_arguments_exit_2_without_traceback(tmp_path):
    for args in (("validate", str(tmp_path / "missing")), ("validate", str(tmp_path)), ("frobnicate",),
                 ("validate",)):
        result = run(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr and "error" in result.stderr
    (tmp_path / "fake.xlsx").write_bytes(b"not a zip")
    result = run("validate", str(tmp_path / "fake.xlsx"))
    assert result.returncode == 2 and "is not a readable .xlsx workbook" in result.stderr


def test_starter_writes_a_workbook_that_validates(tmp_path):
    out = tmp_path / "start.xlsx"
    assert run("starter", str(out)).returncode == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["mentors", "mentees", "pairings", "checkins", "feedback", "goals", "outcomes", "settings"]
    assert book["mentors"].max_row == 1  # blank: no example people
    assert run("validate", str(out)).returncode == 0
    examples = tmp_path / "examples.xlsx"
    assert run("starter", str(examples), "--examples").returncode == 0
    assert openpyxl.load_workbook(examples)["mentors"].max_row == 2
    assert run("validate", str(examples)).returncode == 0
