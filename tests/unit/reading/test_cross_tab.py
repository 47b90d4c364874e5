"""Rules across tabs, on their own: one person per email (a re-submitted sign-up is one person, the latest answer
wins), and people on both tabs."""

from __future__ import annotations

import csv
import shutil

from lib.contract.problems import ERROR, WARNING
from lib.reading.loader import load
from lib.sources import CsvSource, upload_source
from lib.writing.roster_edit import current_values, save_edit
from lib.writing.writer import Writer
from tests.conftest import CORPUS, value_problems
from tests.unit.cli.test_main import run

FORM = CORPUS / "forms" / "google_form"
MENTORS = b"email,name\nana@x.org,Ana\n"


def mentees(rows: str) -> bytes:
    return ("Timestamp,Email Address,Full name,Goals\n" + rows).encode()


def test_a_resubmitted_form_is_one_person_the_latest_answer_wins_with_one_warning(tmp_path):
    data = load(CsvSource(folder=FORM))
    tom = data.mentee_by_email["tom.berg@acme.example"]
    assert tom.row == 6 and tom.goals == []  # goals are unmapped here; the row is the later one
    assert [m.email for m in data.mentees].count("tom.berg@acme.example") == 1
    found = [(p.row, p.column, p.severity, p.message) for p in value_problems(data.problems)]
    assert found == [(6, "Email Address", WARNING, "signed up 2 times (rows 3 and 6): the latest sign-up, row 6, "
                                                   "is used")]
    assert run("validate", str(FORM)).returncode == 0 and run("validate", str(FORM), "--strict").returncode == 1


def test_the_latest_is_decided_by_the_time_on_one_day_and_an_unreadable_time_is_the_earliest():
    data = load(upload_source([("mentors.csv", MENTORS), ("mentees.csv", mentees(
        "6/2/2026 17:22:51,kim@x.org,Kim Park,Go\n"
        "6/2/2026 9:14:03,KIM@x.org ,Kim Park,Rust\n"  # the same day, earlier: row 3 loses to row 2
        "when I woke up,bo@x.org,Bo,SQL\n"
        "6/1/2026 8:00:00,bo@x.org,Bo,dbt\n"  # a readable time beats an unreadable one
        "6/14/2026 10:00:00,cy@x.org,Cy,Go\n"))]))  # a 14 in the day's place: these are month-first
    assert data.mentee_by_email["kim@x.org"].goals == ["Go"]
    assert data.mentee_by_email["bo@x.org"].goals == ["dbt"]
    found = [(p.row, p.severity, p.message) for p in value_problems(data.problems)]
    assert (4, WARNING, "'when I woke up' is not a date Tandem can read: use YYYY-MM-DD; value ignored") in found
    assert (2, WARNING, "signed up 2 times (rows 2 and 3): the latest sign-up, row 2, is used") in found
    assert (5, WARNING, "signed up 2 times (rows 4 and 5): the latest sign-up, row 5, is used") in found


def test_without_a_sign_up_time_a_second_row_of_an_email_stays_an_error():
    data = load(upload_source([("mentors.csv", MENTORS),
                               ("mentees.csv", b"email,name\nkim@x.org,Kim\nkim@x.org,Kim again\n")]))
    assert [(p.row, p.severity) for p in value_problems(data.problems)] == [(3, ERROR)]
    assert data.mentee_by_email["kim@x.org"].name == "Kim"


def test_editing_a_person_who_signed_up_twice_changes_the_row_that_is_read(tmp_path):
    folder = tmp_path / "form"
    shutil.copytree(FORM, folder)
    source = CsvSource(folder=folder)
    data = load(source)
    assert current_values(data, "mentees", "tom.berg@acme.example")["name"] == "Tom Berg"
    save_edit(Writer(source, data.tables), data, "mentees", "tom.berg@acme.example", {"team": "Data"})
    with open(folder / "mentees.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][-1] == "team" and rows[5][-1] == "Data"  # row 6 holds the latest sign-up
    assert len(rows[2]) < len(rows[0]) or rows[2][-1] == ""  # row 3, the earlier one, is as it was
    assert load(source).mentee_by_email["tom.berg@acme.example"].team == "Data"
