"""The contract on awkward files: valid-but-odd exports load cleanly, broken ones give precise problems."""

from __future__ import annotations

from datetime import date

import pytest

from lib.contract.tabs import MENTEES, MENTORS
from lib.errors import ContractError
from lib.reading.loader import build_dataset, load
from lib.reading.table import build_table
from lib.sources import CsvSource, upload_source


def test_awkward_but_valid_export_loads_with_no_problems(corpus_copy):
    data = load(CsvSource(folder=corpus_copy("awkward_valid")))
    assert data.problems == []
    ana, bo, cleo = data.mentors
    assert ana.email == "ana.ruiz@example.org" and ana.capacity == 2 and ana.skills == ["Python", "SQL"]
    assert ana.extra == {"Shoe size": "38"}  # unknown columns are kept
    assert bo.timezone == "UTC+2" and bo.capacity == 1 and bo.row == 4  # blank row 3 still counted
    assert cleo.name == "Cléo Martin" and cleo.active is False and cleo.timezone == "UTC-5" and cleo.row == 6
    zoe = data.mentees[0]
    assert zoe.name == "Zoë Quinn" and zoe.email == "zoe.quinn@example.org"  # cp1252, first + last name
    assert zoe.preferred_type == "one-on-one" and zoe.goals == ["Python", "SQL"]
    assert data.mentees[2].name == "Dan O'Neil" and data.mentees[2].row == 5
    p1, p2, p3 = data.pairings
    assert p1.started_on == date(2026, 3, 14) and p1.cadence == "weekly"  # day-first proven by 14/03
    assert p2.started_on == date(2026, 3, 1) and p2.ended_on == date(2026, 4, 2)  # order taken from the source
    assert p2.type == "one-on-one" and p2.cadence == "biweekly"
    assert p3.type == "peer" and p3.status == "proposed"
    c1, c2 = data.checkins
    assert c1.date == date(2026, 3, 14) and c1.minutes == 45 and c1.notes == "=1+1 is text here"
    assert c2.mentor_email == "ana.ruiz@example.org"  # compared trimmed and case-insensitively


BROKEN = [  # (tab, row, column as the user wrote it, severity, words in the message)
    ("mentors", 2, "capacity", "warning", "'two' is not a number; treated as 0"),
    ("mentors", 3, "email", "error", "duplicate email: already used on row 2"),
    ("mentors", 5, "name", "error", "required, but blank; row skipped"),
    ("mentors", 6, "timezone", "warning", "'Mars/Olympus' is not a time zone"),
    ("mentors", 7, "capacity", "warning", "'-3' is out of range"),
    ("mentees", 2, "email", "error", "'not-an-email' is not an email address; row skipped"),
    ("mentees", 3, "preferred_mentors", "warning", "own manager"),
    ("mentees", 4, "preferred_type", "warning", "'mentoring' is not a mentorship type"),
    ("pairings", 2, "", "error", "ended_on 2026-02-01 is before started_on 2026-03-10"),
    ("pairings", 3, "mentor_email", "error", "not a known mentor"),
    ("pairings", 4, "started_on", "warning", "'2026-02-30' is not a real date"),
    ("feedback", 2, "rating", "error", "'7' is out of range (at most 5)"),
    ("feedback", 3, "date", "error", "could be 3 April or 4 March"),
    ("feedback", 4, "mentee_email", "error", "unknown person"),
]


def test_broken_export_reports_each_problem_precisely_and_loads_the_valid_rows(corpus_copy):
    data = load(CsvSource(folder=corpus_copy("broken")))
    found = [(p.tab, p.row, p.column, p.severity, p.message) for p in data.problems]
    assert len(found) == len(BROKEN), "\n".join(map(str, data.problems))
    for (tab, row, column, severity, words), got in zip(BROKEN, found):
        assert got[:4] == (tab, row, column, severity)
        assert words in got[4]
    assert [m.email for m in data.mentors] == ["ana@example.org", "cy@example.org", "dee@example.org"]
    assert data.mentors[0].capacity == 0 and data.mentors[1].timezone == ""
    assert [m.email for m in data.mentees] == ["fay@example.org", "gus@example.org"]
    assert [p.id for p in data.pairings] == ["P-3"] and data.pairings[0].started_on is None


def test_problem_text_names_tab_row_column_and_value(corpus_copy):
    data = load(CsvSource(folder=corpus_copy("broken")))
    assert str(data.problems[0]) == "mentors row 2, column 'capacity': 'two' is not a number; treated as 0 until fixed"
    unknown = [p for p in data.problems if p.tab == "feedback" and p.row == 4][0]
    assert "hal@example.org" in str(unknown)


def test_aliases_and_name_split_map_to_the_contract():
    table = build_table(MENTORS, "Mentors", [["E-Mail", "First Name", "Surname", "Max. mentees", "Manager"]])
    assert table.columns.index == {"email": 0, "capacity": 3, "manager_email": 4}
    assert (table.columns.first_name, table.columns.last_name) == (1, 2)


def test_missing_required_column_is_one_clear_problem():
    tables = {"mentors": build_table(MENTORS, "mentors", [["name"], ["Ana"]]),
              "mentees": build_table(MENTEES, "mentees", [["email", "name"], ["a@b.co", "A"]])}
    data = build_dataset(tables)
    assert len(data.problems) == 1
    assert data.problems[0].tab == "mentors" and "required column 'email' is missing" in data.problems[0].message


def test_missing_roster_tab_names_the_tabs_found():
    with pytest.raises(ContractError, match=r"no 'mentees' tab \(tabs found: 'mentors.csv'\)"):
        load(upload_source([("mentors.csv", b"email,name\na@b.co,A\n")]))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_encodings_and_delimiters(encoding, delimiter):
    rows = [["Email", "Name", "Team"], ["zoe@x.org", "Zoë Ünal", "Données"], ["", "", ""], ["al@x.org", "Al", "Web"]]
    text = "\r\n".join(delimiter.join(r) for r in rows) + "\r\n"
    mentees = "email,name\nm@x.org,M\n".encode("utf-8")
    data = load(upload_source([("Mentors.csv", text.encode(encoding)), ("mentees.csv", mentees)]))
    assert data.problems == []
    assert [(m.name, m.team, m.row) for m in data.mentors] == [("Zoë Ünal", "Données", 2), ("Al", "Web", 4)]


def test_numbers_stored_as_text_and_leading_zero_ids_survive():
    mentors = b"email,name,capacity,seniority\na@x.org,A, 2 ,7.0\n"
    pairings = b"id,mentor_email,mentee_email\n007,a@x.org,m@x.org\n"
    data = load(upload_source([("mentors.csv", mentors), ("mentees.csv", b"email,name\nm@x.org,M\n"),
                          ("pairings.csv", pairings)]))
    assert data.mentors[0].capacity == 2 and data.mentors[0].seniority == 7.0
    assert data.pairings[0].id == "007"
