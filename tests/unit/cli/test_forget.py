"""`python -m lib forget EMAIL SOURCE [--yes]`: counts, never the person, in the output; a confirmation asked on a
terminal and refused without one; exit 0 done, 1 not in the data, 2 unusable source or arguments."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from lib.sources import CsvSource
from tests.conftest import ROOT
from tests.unit.writing.test_forget import MEI

COMMAND = [sys.executable, "-m", "lib", "forget"]


def run(*args: str) -> subprocess.CompletedProcess:
    """Not on a terminal: stdin is /dev/null, as in a script or a scheduled job."""
    return subprocess.run([*COMMAND, *args], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)


def run_on_a_terminal(*args: str, answer: str) -> subprocess.CompletedProcess:
    """stdin is a pseudo-terminal, where a person types `answer` at the prompt."""
    master, slave = os.openpty()
    try:
        process = subprocess.Popen([*COMMAND, *args], cwd=ROOT, stdin=slave, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        os.write(master, f"{answer}\n".encode())
        out, err = process.communicate(timeout=60)
    finally:
        os.close(slave)
        os.close(master)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def files(folder) -> dict[str, bytes]:
    """The data files (the save's lock file holds no data)."""
    return {p.name: p.read_bytes() for p in CsvSource(folder=folder).stored_files()}


def says_nothing_of_mei(result) -> bool:
    shown = (result.stdout + result.stderr).lower()
    return "mei" not in shown and "chen" not in shown and "Traceback" not in result.stderr


def test_forget_with_yes_prints_counts_only_and_exits_0(sample_copy):
    result = run(MEI, str(sample_copy), "--yes")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Forgot one person in CSV folder {sample_copy}:"
    assert lines[1:4] == ["  roster rows removed: 1 (mentees 1)",
                          lines[2], "  texts blanked: 16"]
    assert lines[2].startswith("  log rows pseudonymised: 18 (pairings 1, checkins 8, feedback 8, outcomes 1) as "
                               "forgotten-")
    assert lines[4:] == ["  other references cleaned: 0", "  change-log entries cleaned: 0", "  backups removed: 5"]
    assert says_nothing_of_mei(result)
    assert "mei" not in (sample_copy / "mentees.csv").read_text(encoding="utf-8").lower()


def test_without_yes_and_without_a_terminal_it_refuses_and_changes_nothing(sample_copy):
    before = files(sample_copy)
    result = run(MEI, str(sample_copy))
    assert result.returncode == 2
    assert result.stderr == "error: forgetting a person cannot be undone: confirm it in a terminal, or add --yes\n"
    assert files(sample_copy) == before and says_nothing_of_mei(result)


@pytest.mark.parametrize("answer, code", [("y", 0), ("no", 2), ("", 2)])
def test_on_a_terminal_it_asks_first_with_the_counts(sample_copy, answer, code):
    before = files(sample_copy)
    result = run_on_a_terminal(MEI, str(sample_copy), answer=answer)
    assert result.returncode == code, result.stderr
    assert result.stdout.startswith(f"Forget this person in CSV folder {sample_copy}: remove 1 roster row and "
                                    "pseudonymise 18 log rows? This cannot be undone. [y/N] ")
    assert says_nothing_of_mei(result)
    if code:
        assert files(sample_copy) == before and result.stderr == "Not confirmed: nothing was changed.\n"
    else:
        assert "Forgot one person" in result.stdout and "mei" not in (sample_copy / "mentees.csv").read_text().lower()


def test_an_email_not_in_the_data_exits_1_and_changes_nothing(sample_copy):
    before = files(sample_copy)
    result = run("nobody@northwind.example", str(sample_copy), "--yes")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "That email is not in the data: nothing was changed.\n"
    assert files(sample_copy) == before


@pytest.mark.parametrize("email, source, message", [
    ("mei.chen", "SAMPLE_COPY", "error: EMAIL is not an email address\n"),
    (MEI, "sample", "error: Sample data (Northwind Labs) cannot be changed in place"),
    (MEI, "/no/such/folder", "error: "),
])
def test_an_unusable_email_or_source_exits_2(sample_copy, email, source, message):
    before = files(sample_copy)
    result = run(email, str(sample_copy) if source == "SAMPLE_COPY" else source, "--yes")
    assert result.returncode == 2 and result.stderr.startswith(message), result.stderr
    assert says_nothing_of_mei(result) and files(sample_copy) == before


def test_forget_in_a_google_sheet_by_its_url(sheets):
    fake, url = sheets
    result = run(MEI, url, "--yes")
    assert result.returncode == 0, result.stderr
    assert "Forgot one person in Google Sheet 'Northwind mentoring':" in result.stdout and says_nothing_of_mei(result)
    key = url.split("/d/")[1].split("/")[0]
    assert len(fake.values(key, "mentees")) == 23 and "mei" not in str(fake.values(key, "checkins")).lower()
    assert fake.values(key, "changes")[-1][4] == "forget"
