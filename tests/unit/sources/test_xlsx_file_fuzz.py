"""Property-based fuzzing of the XLSX reader (hypothesis): cells openpyxl wrote are read back as the user sees them,
and a damaged workbook, by flipped bytes or a broken part inside the zip, loads or is refused with a message."""

from __future__ import annotations

import io
import random
import zipfile
from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from lib.sources.xlsx_file import cell_text, workbook_grids
from tests.unit.sources.test_csv_files_fuzz import CELL_TEXT, FUZZ, load_or_refuse


def valid_workbook(values: list[list[object]]) -> bytes:
    book = Workbook()
    mentors = book.active
    mentors.title = "mentors"
    mentors.append(["email", "name", "notes"])
    for row in values:
        mentors.append(row)
    mentees = book.create_sheet("mentees")
    mentees.append(["email", "name"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


XLSX_VALUE = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(-1e9, 1e9).map(lambda f: round(f, 6)),  # as typed; openpyxl shortens a float's 17th digit
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)).map(
        lambda d: d.replace(microsecond=0)),
    # XML reads a carriage return as a line feed (Excel stores line breaks as \n alone)
    CELL_TEXT.map(lambda t: t.replace("\r", "")).filter(
        lambda t: not ILLEGAL_CHARACTERS_RE.search(t) and not t.startswith("=")))


@FUZZ
@given(values=st.lists(st.lists(XLSX_VALUE, min_size=3, max_size=3), max_size=10))
def test_cells_written_by_openpyxl_are_read_back_as_the_user_sees_them(values):
    grids = workbook_grids(valid_workbook(values), "fuzz.xlsx")
    body = [row + [""] * (3 - len(row)) for row in grids["mentors"][1:]]
    expected = [[cell_text(v) for v in row] for row in values]
    for rows in (body, expected):  # trailing empty rows may or may not be kept: both read as nothing
        while rows and not any(rows[-1]):
            rows.pop()
    assert body == expected


@FUZZ
@given(seed=st.integers(0, 2**32 - 1), flips=st.integers(1, 40))
def test_a_damaged_workbook_loads_or_is_refused_with_a_message(seed, flips):
    pristine = valid_workbook([["ana.ruiz@example.org", "Ana Ruiz", "note"], ["bo@example.org", "Bo", 3]])
    damaged = bytearray(pristine)
    rng = random.Random(seed)
    for _ in range(flips):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    load_or_refuse([("fuzz.xlsx", bytes(damaged))])


@FUZZ
@given(seed=st.integers(0, 2**32 - 1), member=st.sampled_from(["xl/worksheets/sheet1.xml", "xl/workbook.xml",
                                                                  "xl/sharedStrings.xml", "[Content_Types].xml",
                                                                  "xl/styles.xml"]),
       junk=st.binary(max_size=200))
def test_a_workbook_with_a_broken_part_loads_or_is_refused_with_a_message(seed, member, junk):
    """Damage inside the zip (a part replaced by junk or cut short), which byte flips rarely reach past the CRC."""
    source = zipfile.ZipFile(io.BytesIO(valid_workbook([["ana.ruiz@example.org", "Ana Ruiz", "note"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as rebuilt:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == member:
                content = junk if seed % 2 else content[: seed % max(len(content), 1)]
            rebuilt.writestr(info.filename, content)
    load_or_refuse([("fuzz.xlsx", out.getvalue())])
