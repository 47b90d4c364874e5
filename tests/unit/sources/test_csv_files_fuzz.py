"""Property-based fuzzing of the CSV reader (hypothesis): whatever bytes arrive, a load ends in a Dataset or a
TandemError with a message, and text a CSV writer wrote is read back cell for cell. The XLSX reader's fuzzing is in
test_xlsx_file_fuzz.py, with the same helpers."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lib.contract.tabs import MENTORS
from lib.errors import TandemError
from lib.reading.dataset import Dataset
from lib.reading.loader import load
from lib.sources import upload_source
from lib.sources.csv_files import read_csv_table

MENTEES = b"email,name,goals\nbo.chen@example.org,Bo Chen,SQL\n"
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_or_refuse(files: list[tuple[str, bytes]]) -> Dataset | TandemError:
    """The only two endings a load may have: any other exception fails the test with its traceback."""
    try:
        return load(upload_source(files))
    except TandemError as refused:
        assert str(refused).strip(), "a refusal must say why"
        return refused


# --- CSV -------------------------------------------------------------------------------------------------------

CSV_NOISE = st.sampled_from(list('",;\t\r\n \'=@<>') + ["\x00", "\ufeff", "é", "李", "\u2028", "\x85", "email",
                                                             "name", "capacity", "a@b.org", "2026-03-04", "-1"])


@FUZZ
@given(data=st.binary(max_size=3000))
@example(data=b"\xff\xfe")  # a BOM and nothing else
@example(data=b"\x00" * 8)
def test_any_bytes_as_a_csv_file_load_or_are_refused_with_a_message(data):
    load_or_refuse([("mentors.csv", data), ("mentees.csv", MENTEES)])


@FUZZ
@given(pieces=st.lists(CSV_NOISE, max_size=300), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_csv_shaped_noise_loads_or_is_refused_with_a_message(pieces, encoding):
    text = "email,name,capacity,skills\n" + "".join(pieces)
    load_or_refuse([("mentors.csv", text.encode(encoding, errors="replace")), ("mentees.csv", MENTEES)])


CELL_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)


@FUZZ
@given(rows=st.lists(st.lists(CELL_TEXT, min_size=3, max_size=3), min_size=1, max_size=15),
       delimiter=st.sampled_from([",", ";", "\t"]), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
       newline=st.sampled_from(["\n", "\r\n"]), columnar_from=st.sampled_from([0, 256 * 1024]))
@example(rows=[["", "", "''"], ["'=1+1", "'x", "'-3"]], delimiter=",", encoding="utf-8", newline="\n", columnar_from=0)
def test_text_written_by_a_csv_writer_is_read_back_cell_for_cell(rows, delimiter, encoding, newline, columnar_from):
    if newline == "\n":  # Python's writer then leaves a lone \r unquoted: no reader can tell it from a line end
        rows = [[cell.replace("\r", "") for cell in row] for row in rows]
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(["email", "name", "notes"])
    writer.writerows(rows)
    data = out.getvalue().encode(encoding)
    try:
        table, fmt = read_csv_table(MENTORS, "mentors.csv", data, columnar_from)  # 0: the fast readers when plain
    except TandemError as refused:  # only a cell past the csv module's limit may be refused, and these are short
        raise AssertionError(f"refused a file a CSV writer wrote: {refused}") from None
    assert fmt.delimiter == delimiter
    filled = [(number, [as_read(c) for c in cells]) for number, cells in enumerate(rows, start=2)
              if "".join(cells).strip()]
    assert [(r.number, r.cells) for r in table.rows] == filled


def as_read(cell: str) -> str:
    """What Tandem reads for a cell: exactly its text, except that an apostrophe before what a spreadsheet would run
    (= + - @ tab CR) or before another apostrophe is Tandem's own text mark, written by its CSV write-back, and read
    off again (so a note typed as '=x' in the dashboard comes back as typed)."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r", "'") else cell
