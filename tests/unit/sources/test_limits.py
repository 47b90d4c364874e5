"""The size limits on what Tandem reads: row caps per tab (TANDEM_MAX_ROWS_<TAB>), counted exactly and checked
before a file is split or a sheet parsed, and workbooks that unzip too far or hold too many cells. Each refusal is
one clear message (a TooManyRows or SourceError naming the tab or file), within bounded memory and time."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from openpyxl import Workbook

from lib.errors import TooManyRows
from lib.reading.loader import load
from lib.sources import csv_files, limits, open_source
from tests.unit.hostile import MENTEES, folder, outcome, workbook_bytes

pytestmark = pytest.mark.timeout(60)  # a hang guard, not a performance figure (those are in bench/)


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
    assert data is None and "The sheet 'mentors' holds more than 100 values" in message


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
