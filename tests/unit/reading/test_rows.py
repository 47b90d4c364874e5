"""Row validation: each problem names its tab, row, column and value; a missing required column is one problem;
numbers stored as text and leading-zero ids survive."""

from __future__ import annotations

from lib.contract.raw_table import build_table
from lib.contract.tabs import MENTEES, MENTORS
from lib.reading.loader import build_dataset, load
from lib.sources import CsvSource, upload_source
from tests.conftest import value_problems


def test_problem_text_names_tab_row_column_and_value(corpus_copy):
    data = load(CsvSource(folder=corpus_copy("broken")))
    found = value_problems(data.problems)
    assert str(found[0]) == "mentors row 2, column 'capacity': 'two' is not a number; treated as 0 until fixed"
    unknown = [p for p in found if p.tab == "feedback" and p.row == 4][0]
    assert "hal@example.org" in str(unknown)


def test_missing_required_column_is_one_clear_problem():
    tables = {"mentors": build_table(MENTORS, "mentors", [["name"], ["Ana"]]),
              "mentees": build_table(MENTEES, "mentees", [["email", "name"], ["a@b.co", "A"]])}
    data = build_dataset(tables)
    found = value_problems(data.problems)
    assert len(found) == 1
    assert found[0].tab == "mentors" and "required column 'email' is missing" in found[0].message
    assert not [p for p in data.problems if p.tab == "mentors" and p not in found]  # no more about an unread tab


def test_numbers_stored_as_text_and_leading_zero_ids_survive():
    mentors = b"email,name,capacity,seniority\na@x.org,A, 2 ,7.0\n"
    pairings = b"id,mentor_email,mentee_email\n007,a@x.org,m@x.org\n"
    data = load(upload_source([("mentors.csv", mentors), ("mentees.csv", b"email,name\nm@x.org,M\n"),
                          ("pairings.csv", pairings)]))
    assert data.mentors[0].capacity == 2 and data.mentors[0].seniority == 7.0
    assert data.pairings[0].id == "007"
