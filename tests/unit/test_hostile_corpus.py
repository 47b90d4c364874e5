"""Hostile input: every file in tests/corpus/hostile, and the large ones generated here, ends in a clear message
(a TandemError naming the file, row or tab) or a clean load with its problems named, never a traceback, within
bounded memory and time. The app-level check (every page renders on each case) is in tests/app."""

from __future__ import annotations

import io
import re
import tracemalloc
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from openpyxl import Workbook

from lib.errors import SourceError, TandemError, TooManyRows
from lib.reading import limits
from lib.reading.loader import load
from lib.sources import csv_files, open_source, upload_source
from lib.sources.opening import MAX_UPLOAD_BYTES
from tests.conftest import CORPUS

HOSTILE = CORPUS / "hostile"
MEMORY_BOUND = 256 * 2**20  # bytes traced while one case loads
pytestmark = pytest.mark.timeout(60)  # a hang guard, not a performance figure (those are in bench/)


@contextmanager
def bounded():
    """Fail if the block allocates more than MEMORY_BOUND at its peak."""
    tracemalloc.start()
    try:
        yield
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peak < MEMORY_BOUND, f"peak {peak / 2**20:.0f} MB"


def outcome(location: Path | str):
    """(dataset, None) for a load, (None, message) for a refusal; anything else raised is a failure."""
    with bounded():
        try:
            return load(open_source(str(location))), None
        except TandemError as refused:
            return None, str(refused)


def problems(data) -> list[tuple[str, int, str, str, str]]:
    return [(p.tab, p.row, p.column, p.severity, p.message) for p in data.problems]


REFUSED = {  # case -> words the message must hold (the file, and the row where there is one)
    "binary_renamed": "mentors.csv is not a text file",
    "unclosed_quote": "mentors.csv row 2: a quote (\") opens a cell there and is never closed",
    "unclosed_quote_after_an_inch_mark": "mentors.csv row 3: a quote (\") opens a cell there and is never closed",
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
    LOADS[case](data)


# --- generated: too large to keep in the repository ---------------------------------------------------------

MENTEES = "email,name,goals\nbo.chen@example.org,Bo Chen,SQL\n"


def folder(tmp_path: Path, mentors: str | bytes, mentees: str = MENTEES, **more: str) -> Path:
    place = tmp_path / "program"
    place.mkdir()
    for name, text in {"mentors": mentors, "mentees": mentees, **more}.items():
        (place / f"{name}.csv").write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return place


def workbook_bytes(sheets: dict[str, list[list]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


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


def test_a_very_long_row_is_refused_naming_its_row(tmp_path):
    long_skills = "; ".join(["Python"] * 1_000_000)  # 8 MB in one cell
    data, message = outcome(folder(tmp_path, f"email,name,skills\nana.ruiz@example.org,Ana,ok\nbo@example.org,Bo,"
                                             f"{long_skills}\n"))
    assert data is None and "mentors.csv row 3: a cell is longer than 131,072 characters" in message, message


def test_long_cells_under_the_limit_load(tmp_path):
    data, message = outcome(folder(tmp_path, f"email,name,skills\nana.ruiz@example.org,{'A' * 100_000},"
                                             f"{'; '.join(f'skill {i}' for i in range(5_000))}\n"))
    assert message is None and len(data.mentors[0].name) == 100_000 and len(data.mentors[0].skills) == 5_000


def test_a_csv_past_the_default_row_cap_is_refused_before_it_is_read(tmp_path, monkeypatch):
    for reader in ("build_table", "table_from_columns", "reader_grid"):
        original = getattr(csv_files, reader)

        def guarded(*args, original=original, **kwargs):
            assert "mentors.csv" not in args, "the file past its cap was split"
            return original(*args, **kwargs)
        monkeypatch.setattr(csv_files, reader, guarded)
    cap = limits.row_cap("mentors")
    rows = "".join(f"m{i}@example.org,Mentor {i},1\n" for i in range(cap))  # + the header: one row too many
    data, message = outcome(folder(tmp_path, "email,name,capacity\n" + rows))
    assert data is None
    assert message == (f"The tab 'mentors' (mentors.csv) has {cap + 1:,} rows; Tandem reads at most {cap:,} rows "
                       "there, so nothing was loaded. Move old rows to an archive tab or file, or raise the cap with "
                       "TANDEM_MAX_ROWS_MENTORS.")


def test_the_row_cap_is_set_per_tab_and_counts_quoted_rows_exactly(tmp_path, monkeypatch):
    monkeypatch.setenv("TANDEM_MAX_ROWS_CHECKINS", "1,000")
    header = "id,date,mentor_email,mentee_email,notes\n"
    row = 'C-{0},2026-06-01,ana.ruiz@example.org,bo.chen@example.org,"line one\nline two"\n'  # two lines a row
    mentors = "email,name,capacity\nana.ruiz@example.org,Ana Ruiz,2\n"
    pairings = "id,mentor_email,mentee_email,status\nP-1,ana.ruiz@example.org,bo.chen@example.org,active\n"
    fits = folder(tmp_path, mentors, pairings=pairings, checkins=header + "".join(row.format(i) for i in range(999)))
    data, message = outcome(fits)  # 1,000 rows in 1,999 lines: within the cap
    assert message is None and len(data.checkins) == 999
    (fits / "checkins.csv").write_text(header + "".join(row.format(i) for i in range(1_000)), encoding="utf-8")
    data, message = outcome(fits)
    assert data is None and "The tab 'checkins' (checkins.csv) has more than 1,000 rows" in message
    assert limits.row_cap("mentors") == limits.DEFAULT_ROW_CAPS["mentors"]  # other tabs keep their cap


def test_a_workbook_sheet_past_its_cap_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("TANDEM_MAX_ROWS_MENTEES", "50")
    path = tmp_path / "big.xlsx"
    path.write_bytes(workbook_bytes({
        "mentors": [["email", "name"], ["ana.ruiz@example.org", "Ana Ruiz"]],
        "mentees": [["email", "name"], *([f"e{i}@example.org", f"E {i}"] for i in range(60))]}))
    data, message = outcome(path)
    assert data is None and "The tab 'mentees' (sheet 'mentees' of big.xlsx) has more than 50 rows" in message


def test_a_workbook_that_unzips_past_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 2**20)
    path = tmp_path / "big.xlsx"
    many = [[f"m{i}@x.org", f"Mentor {i}"] for i in range(20_000)]
    path.write_bytes(workbook_bytes({"mentors": [["email", "name"], *many], "mentees": [["email", "name"]]}))
    data, message = outcome(path)
    assert data is None and re.search(r"big.xlsx unpacks to \d MB of spreadsheet data; Tandem reads at most 1 MB", message)


def test_a_workbook_bomb_is_refused_before_openpyxl_parses_it(tmp_path):
    """A valid workbook whose shared strings were replaced by millions of tiny ones: 9 MB that zip to a few KB."""
    pristine = zipfile.ZipFile(io.BytesIO(workbook_bytes({"mentors": [["email", "name"], ["a@x.org", "A"]],
                                                          "mentees": [["email", "name"]]})))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for part in pristine.infolist():
            bomb.writestr(part, pristine.read(part))
        strings = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        bomb.writestr("xl/sharedStrings.xml", strings + b"<si><t>a</t></si>" * 600_000 + b"</sst>")
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(out.getvalue())
    assert path.stat().st_size < 100_000
    data, message = outcome(path)
    assert data is None and "its part xl/sharedStrings.xml unzips to" in message


def test_a_workbook_sheet_with_too_many_cells_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_CELLS", 100)
    path = tmp_path / "wide.xlsx"
    wide_rows = [[f"m{i}@x.org", "M", *range(20)] for i in range(10)]
    path.write_bytes(workbook_bytes({"mentors": [["email", "name", *range(20)], *wide_rows],
                                     "mentees": [["email", "name"]]}))
    data, message = outcome(path)
    assert data is None and "The sheet 'mentors' holds more than 100 cells" in message


def test_formatted_empty_rows_below_the_data_do_not_count_against_the_cap(tmp_path, monkeypatch):
    from openpyxl.styles import Font

    monkeypatch.setenv("TANDEM_MAX_ROWS_MENTORS", "100")
    book = Workbook()
    mentors = book.active
    mentors.title = "mentors"
    for row in (["email", "name"], ["ana.ruiz@example.org", "Ana Ruiz"]):
        mentors.append(row)
    mentors.cell(row=50_000, column=1).font = Font(bold=True)  # a formatted, empty cell far below
    book.create_sheet("mentees").append(["email", "name"])
    path = tmp_path / "formatted.xlsx"
    book.save(path)
    data, message = outcome(path)
    assert message is None and [m.name for m in data.mentors] == ["Ana Ruiz"]


def test_a_plain_file_exactly_at_the_cap_loads_and_one_more_row_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("TANDEM_MAX_ROWS_MENTORS", "100")
    rows = [f"m{i}@example.org,Mentor {i},1" for i in range(99)]
    for ending in ("\n", "\r\n", "\r"):
        place = tmp_path / f"program{len(ending)}{ending == chr(13)}"
        place.mkdir()
        (place / "mentees.csv").write_text(MENTEES, encoding="utf-8")
        (place / "mentors.csv").write_bytes(ending.join(["email,name,capacity", *rows]).encode() + ending.encode())
        data, message = outcome(place)
        assert message is None and len(data.mentors) == 99, (repr(ending), message)
        (place / "mentors.csv").write_bytes(ending.join(["email,name,capacity", *rows, "x@example.org,X,1"]).encode())
        data, message = outcome(place)
        assert data is None and "has" in message and "rows; Tandem reads at most 100 rows" in message, repr(ending)


@pytest.mark.parametrize("junk", ["²", "1e6", "0", "-5", "lots"])
def test_a_row_cap_that_is_not_a_number_is_refused_naming_the_setting(tmp_path, monkeypatch, junk):
    monkeypatch.setenv("TANDEM_MAX_ROWS_MENTORS", junk)
    data, message = outcome(folder(tmp_path, "email,name\nana.ruiz@example.org,Ana\n"))
    assert data is None and message.startswith(f"TANDEM_MAX_ROWS_MENTORS={junk!r} is not a number of rows")


def test_a_sheet_tab_past_its_cap_is_refused(sheets, monkeypatch):
    fake, url = sheets
    monkeypatch.setenv("TANDEM_MAX_ROWS_CHECKINS", "10")
    with pytest.raises(TooManyRows) as refused:
        load(open_source(url))
    assert "The tab 'checkins' (sheet tab 'checkins') has" in str(refused.value)
    assert fake.count("batchGet") == 1  # refused after the one read: nothing parsed, nothing written


def test_uploads_past_the_size_limit_are_refused_before_reading():
    with pytest.raises(SourceError, match="mentors.csv is larger than 20 MB"):
        upload_source([("mentors.csv", b"x" * (MAX_UPLOAD_BYTES + 1)), ("mentees.csv", MENTEES.encode())])


QUOTES = {  # the rows under the header -> the row a never-closed quote opens on (None: every quote is closed)
    '1,"x\n2,y\n': 2, '1,"x': 2, '1,15" screen\n"Bob,x\ny,z\n': 3, '"ab"c,"x\n': 2, '"a\nb","c\n': 2,
    ',",",\n': None, '"a\nb",c\n': None, '1,"x""y"\n': None, '1,x"\n': None, '"a\nb"': None, '""""\n': None,
}


@pytest.mark.parametrize("rows", sorted(QUOTES))
def test_a_quote_never_closed_is_found_and_closed_ones_pass(rows):
    data, message = outcome_of_bytes(("email,name\n" + rows).encode())
    if QUOTES[rows] is None:
        assert message is None, message
    else:
        assert data is None and message.startswith(f"mentors.csv row {QUOTES[rows]}: a quote (\") opens a cell")


def outcome_of_bytes(mentors: bytes):
    with bounded():
        try:
            return load(upload_source([("mentors.csv", mentors), ("mentees.csv", MENTEES.encode())])), None
        except TandemError as refused:
            return None, str(refused)
