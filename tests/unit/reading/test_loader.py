"""Loading a whole source: awkward but valid exports load cleanly, broken ones give precise problems and keep
their valid rows, and a missing roster tab is one clear refusal."""

from __future__ import annotations

from datetime import date

import pytest

from lib.errors import ContractError
from lib.reading.loader import load
from lib.sources import CsvSource, upload_source
from tests.conftest import value_problems


def test_awkward_but_valid_export_loads_with_no_problems(corpus_copy):
    data = load(CsvSource(folder=corpus_copy("awkward_valid")))
    assert value_problems(data.problems) == []
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
    found = [(p.tab, p.row, p.column, p.severity, p.message) for p in value_problems(data.problems)]
    assert len(found) == len(BROKEN), "\n".join(map(str, data.problems))
    for (tab, row, column, severity, words), got in zip(BROKEN, found):
        assert got[:4] == (tab, row, column, severity)
        assert words in got[4]
    assert [m.email for m in data.mentors] == ["ana@example.org", "cy@example.org", "dee@example.org"]
    assert data.mentors[0].capacity == 0 and data.mentors[1].timezone == ""
    assert [m.email for m in data.mentees] == ["fay@example.org", "gus@example.org"]
    assert [p.id for p in data.pairings] == ["P-3"] and data.pairings[0].started_on is None


def test_missing_roster_tab_names_the_tabs_found():
    with pytest.raises(ContractError, match=r"no 'mentees' tab \(tabs found: 'mentors.csv'\)"):
        load(upload_source([("mentors.csv", b"email,name\na@b.co,A\n")]))


@pytest.mark.parametrize("value, said", [("0", "at least 1"), ("two", "'two' is not a whole number"),
                                         ("1.5", "'1.5' is not a whole number")])
def test_an_invalid_minimum_group_size_is_a_problem_naming_the_settings_row_and_the_default_holds(sample_copy, value,
                                                                                               said):
    settings = sample_copy / "settings.csv"
    settings.write_text(settings.read_text(encoding="utf-8") + f"min_group_size,{value}\n", encoding="utf-8")
    data = load(CsvSource(folder=sample_copy))
    rows = len(settings.read_text(encoding="utf-8").splitlines())
    [problem] = [p for p in data.problems if p.tab == "settings"]
    assert problem.row == rows and problem.value == value and "min_group_size" in problem.message
    assert said in problem.message and "Input should" not in problem.message, problem.message
    assert data.settings.min_group_size == 2


def test_a_csv_folder_whose_days_are_all_12_or_under_reads_its_dates_in_the_date_order_setting(tmp_path):
    folder = tmp_path / "form"
    folder.mkdir()
    (folder / "mentors.csv").write_text("email,name\nana@x.org,Ana Ruiz\n", encoding="utf-8")
    (folder / "mentees.csv").write_text("Timestamp,Email Address,Full name\n5/3/2026 10:15:22,bo@x.org,Bo Chen\n"
                                        "7/3/2026 09:00:00,cy@x.org,Cy Diaz\n", encoding="utf-8")
    def about_dates(data):
        return [p.message for p in data.problems if "could be" in p.message or p.tab == "settings"]

    unsure = about_dates(load(CsvSource(folder=folder)))
    assert len(unsure) == 2 and all("set date_order (day first or month first)" in m for m in unsure), unsure
    (folder / "settings.csv").write_text("key,value\ndate_order,day first\n", encoding="utf-8")
    data = load(CsvSource(folder=folder))
    assert about_dates(data) == []
    assert [m.signed_up_on.date() for m in data.mentees] == [date(2026, 3, 5), date(2026, 3, 7)]
    (folder / "settings.csv").write_text("key,value\ndate_order,month first\n", encoding="utf-8")
    assert [m.signed_up_on.date() for m in load(CsvSource(folder=folder)).mentees] == [date(2026, 5, 3),
                                                                                       date(2026, 7, 3)]
    (folder / "settings.csv").write_text("key,value\ndate_order,sideways\n", encoding="utf-8")
    [problem] = [p for p in load(CsvSource(folder=folder)).problems if p.tab == "settings"]
    assert "'sideways' is not a date order: write day first or month first" in problem.message
