"""Hostile input: every file in tests/corpus/hostile, and the very wide ones generated here, ends in a clear message
(a TandemError naming the file, row or tab) or a clean load with its problems named, never a traceback, within
bounded memory and time. The app-level check (every page renders on each case) is in tests/app; the size limits are
in test_limits.py, quotes and cells past the csv module's limit in sources/test_csv_text.py."""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS, value_problems
from tests.unit.hostile import folder, outcome, workbook_bytes

HOSTILE = CORPUS / "hostile"
pytestmark = pytest.mark.timeout(60)  # a hang guard, not a performance figure (those are in bench/)


def problems(data) -> list[tuple[str, int, str, str, str]]:
    return [(p.tab, p.row, p.column, p.severity, p.message) for p in data.problems]


REFUSED = {  # case -> words the message must hold (the file, and the row where there is one)
    "binary_renamed": "mentors.csv is not a text file",
    "unclosed_quote": "mentors.csv row 2: a quote (\") opens a value there and is never closed",
    "unclosed_quote_after_an_inch_mark": "mentors.csv row 3: a quote (\") opens a value there and is never closed",
    "text_renamed.xlsx": "text_renamed.xlsx is not a readable .xlsx workbook",
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_unreadable_files_are_refused_with_a_message_naming_the_file(case):
    data, message = outcome(HOSTILE / case)
    assert data is None and REFUSED[case] in message


def test_every_corpus_case_has_an_expectation():
    cases = {p.name for p in HOSTILE.iterdir()}
    assert cases == set(REFUSED) | set(LOADS), cases ^ (set(REFUSED) | set(LOADS))


def _empty_file(data):
    assert [m.name for m in data.mentors] == ["Ana Ruiz"] and data.mentees == []
    assert problems(data) == [("mentees", 0, "", "error", "'mentees.csv' is empty: it needs a header row with "
                                                          "'email', 'name', then one row per entry; no rows loaded")]


def _header_only(data):
    assert data.mentors == [] and data.mentees == [] and data.problems == []


def _encodings(expected: dict[str, str]):
    def check(data):
        names = {p.email: p.name for p in [*data.mentors, *data.mentees]}
        assert names == expected and data.problems == []
    return check


def _garbled(tabs: list[str]):
    """Read as Windows-1252, as Excel's Western "CSV" would be, and each file said to look garbled."""
    def check(data):
        assert [(p.tab, p.row, p.severity) for p in data.problems] == [(tab, 0, "warning") for tab in tabs]
        assert all(f"{tab}.csv is not saved as UTF-8" in p.message for tab, p in zip(tabs, data.problems))
    return check


def _old_mac_line_endings(data):  # lines ended by \r alone
    assert [m.name for m in data.mentors] == ["Ana Ruiz", "Cy Lee"] and data.problems == []


def _values_past_the_header(data):
    assert [m.extra for m in data.mentors] == [{}, {}]
    assert [(p.row, p.column, p.severity) for p in data.problems] == [(1, "D", "warning")]
    assert "column D has values but no header (past the last one), so they are not read" in data.problems[0].message


def _duplicate_and_blank_headers(data):
    ana = data.mentors[0]
    assert (ana.email, ana.name, ana.capacity, ana.skills) == ("ana.ruiz@example.org", "Ana Ruiz", 2, ["Python"])
    assert [(p.column, p.message[:40]) for p in data.problems] == [
        ("B", "column B has values but no header; they "), ("G", "column G has values but no header; they "),
        ("E-mail", "a second column for 'email'; only column"), ("name", "a second column for 'name'; only column ")]


def _formulas_and_markup(data):  # loaded as the text it is; pages escape it and exports neutralise it
    assert [m.name for m in data.mentors] == ['=HYPERLINK("http://evil.example/","Click me")',
                                              "<img src=x onerror=alert(1)>"]
    assert data.mentors[0].skills == ["<script>alert(1)</script>"] and data.mentors[1].skills == ["@SUM(A1:A9)"]
    assert data.mentees[0].name == "+1-2 **bold** [link](javascript:alert(1))"
    assert data.checkins[0].notes == "=cmd|' /C calc'!A0" and data.problems == []


def _odd_emails(data):
    assert [m.email for m in data.mentors] == ["ana.ruiz@example.org"]  # trimmed and lower-cased
    assert [m.email for m in data.mentees] == ["bo.chen@example.org"]
    assert [(p.tab, p.row, p.column, p.value) for p in data.problems] == [
        ("mentors", 3, "email", "ana.ruiz@example.org"),  # the same person in other case: a duplicate
        ("mentees", 3, "email", "Bo Chen @example.org"), ("mentees", 4, "email", "<script>@example.org"),
        ("mentees", 5, "email", "mei@@example.org")]


def _other_locale_dates(data):
    assert [p.started_on for p in data.pairings] == [None, None]
    assert [(p.row, p.column, p.severity) for p in data.problems] == [(2, "started_on", "warning"),
                                                                     (3, "started_on", "warning")]
    assert "'3. März 2026' is not a date Tandem can read: use YYYY-MM-DD" in data.problems[0].message
    assert [c.date.isoformat() for c in data.checkins] == ["2026-03-14", "2026-03-04", "2026-03-01"]  # 14.03 proves day-first


def _odd_capacities(data):
    assert [m.capacity for m in data.mentors] == [0, 0, 0, 0, 0, 0, 3]
    assert [(p.row, p.column, p.value) for p in data.problems] == [
        (2, "capacity", "-3"), (3, "capacity", "99999999999999999999"), (4, "capacity", "1e308"),
        (5, "capacity", "NaN"), (6, "capacity", "inf"), (7, "capacity", "2.5")]
    assert all("treated as 0 until fixed" in p.message for p in data.problems)


def _self_pairings(data):
    assert data.pairings == []
    found = [(p.tab, p.row, p.column, p.message) for p in data.problems]
    assert ("pairings", 2, "", "a person cannot be paired with themselves; row skipped") in found
    assert ("pairings", 3, "", "a person cannot be paired with themselves; row skipped") in found
    assert ("mentees", 2, "avoid", "a mentee's avoid list names the mentee themselves") in found


def _manager_cycles(data):
    assert [(p.tab, p.row, p.column, p.message) for p in data.problems] == [
        ("mentors", 2, "manager_email", "managers form a loop: Ada → Ben → Cai → Ada (each reports to the next); "
                                        "check who reports to whom"),
        ("mentees", 2, "manager_email", "a mentee is listed as their own manager")]


def _workbook_formulas(data):  # a formula with no saved value reads as the blank Excel would show before saving
    assert [m.name for m in data.mentors] == ["Ana Ruiz"]
    assert problems(data) == [("mentors", 3, "name", "error", "required, but blank; row skipped")]


LOADS = {
    "empty_file": _empty_file,
    "header_only": _header_only,
    "utf16_tab_separated": _encodings({"olena@example.org": "Олена Коваленко", "zoe@example.org": "Zoë Quinn",
                                       "li.lei@example.org": "李雷"}),
    "utf16_without_bom": _encodings({"lukasz@example.org": "Łukasz Nowak", "mohammed@example.org": "محمد علي"}),
    "windows_1252": _encodings({"zoe@example.org": "Zoë Quinn", "hans@example.org": "Hans „Hansi“ Müller",
                                "dan@example.org": "Dan O’Neil – intern"}),
    "shift_jis": _garbled(["mentors"]),
    "windows_1251_cyrillic": _garbled(["mentors", "mentees"]),
    "old_mac_line_endings": _old_mac_line_endings,
    "values_past_the_header": _values_past_the_header,
    "duplicate_and_blank_headers": _duplicate_and_blank_headers,
    "formulas_and_markup": _formulas_and_markup,
    "odd_emails": _odd_emails,
    "other_locale_dates": _other_locale_dates,
    "odd_capacities": _odd_capacities,
    "self_pairings": _self_pairings,
    "manager_cycles": _manager_cycles,
    "workbook_formulas.xlsx": _workbook_formulas,
}


@pytest.mark.parametrize("case", sorted(LOADS))
def test_awkward_files_load_cleanly_with_their_problems_named(case):
    data, message = outcome(HOSTILE / case)
    assert message is None, message
    data.problems = value_problems(data.problems)  # these small rosters lack criteria: test_coverage.py says what
    LOADS[case](data)


# --- generated: too large to keep in the repository ---------------------------------------------------------

def test_ten_thousand_columns_load_with_the_extra_columns_kept(tmp_path):
    header = "email,name,capacity," + ",".join(f"extra {i}" for i in range(10_000))
    row = "ana.ruiz@example.org,Ana Ruiz,2," + ",".join(str(i) for i in range(10_000))
    data, message = outcome(folder(tmp_path, f"{header}\n{row}\n"))
    assert message is None and data.mentors[0].capacity == 2
    assert len(data.mentors[0].extra) == 10_000 and data.mentors[0].extra["extra 9999"] == "9999"


def test_ten_thousand_columns_in_a_workbook_load(tmp_path):
    path = tmp_path / "wide.xlsx"
    path.write_bytes(workbook_bytes({
        "mentors": [["email", "name", "capacity", *(f"extra {i}" for i in range(10_000))],
                    ["ana.ruiz@example.org", "Ana Ruiz", 2, *range(10_000)]],
        "mentees": [["email", "name"], ["bo.chen@example.org", "Bo Chen"]]}))
    data, message = outcome(path)
    assert message is None and len(data.mentors[0].extra) == 10_000
