"""Large CSV files are split by pandas' C reader and kept column by column: the same tab as the csv module gives.

The reference is the row-by-row reader as it was: `csv.reader` over the decoded text, then the first non-blank row
as the header (trailing blank header cells dropped), blank rows skipped but counted, short rows padded to the
header's width, cells past the header kept.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.contract.raw_table import build_table
from lib.contract.tabs import CHECKINS, MENTORS
from lib.errors import SourceError
from lib.sources import csv_files
from lib.sources.csv_files import parse_csv, read_csv_table


def reference(grid: list[list[str]]) -> tuple[list[str], list[tuple[int, list[str]]], int]:
    """The row-by-row build of a tab, as it was before tabs were held column-wise."""
    header_at = next((i for i, r in enumerate(grid) if any(c.strip() for c in r)), None)
    if header_at is None:
        return [], [], 1
    header = [c.strip() for c in grid[header_at]]
    while header and not header[-1]:
        header.pop()
    rows = []
    for number, cells in enumerate(grid[header_at + 1:], start=header_at + 2):
        if any(c.strip() for c in cells):
            rows.append((number, list(cells) + [""] * max(0, len(header) - len(cells))))
    return header, rows, header_at + 1


def as_read(table) -> tuple[list[str], list[tuple[int, list[str]]], int]:
    return table.header, [(r.number, r.cells) for r in table.rows], table.header_row


HEADERS = ["id,date,mentor_email,mentee_email,minutes", "Check-in ID;Met on;Mentor;Intern", "date\tmentor\tmentee",
           "", " , ,", "id,date,mentor_email,mentee_email,,"]
CELL = st.text(st.sampled_from(list("ab1 ,;\t") + ["é", "\u2028", "\x85", "\x0b", "\x0c", "\x1c", "\u00a0", "\x1a"]),
               max_size=10)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=st.sampled_from(HEADERS), lines=st.lists(CELL, max_size=10), ending=st.sampled_from(["\n", "\r\n"]),
       tail=st.sampled_from(["", "\n", "\r\n", "\n\n"]), bom=st.booleans(),
       odd=st.sampled_from(["", '"', '"a,b"', "\r", "x\ry"]), at=st.integers(0, 10))
def test_the_column_reader_builds_the_same_tab_as_the_csv_module(header, lines, ending, tail, bom, odd, at):
    lines = [header, *lines]
    if odd:  # quotes or a lone carriage return: the csv module must decide, with the same result
        lines.insert(min(at, len(lines)), odd)
    data = (b"\xef\xbb\xbf" if bom else b"") + (ending.join(lines) + tail).encode("utf-8")
    try:
        grid, expected_format = parse_csv(data, "checkins.csv")
    except SourceError as refused:  # e.g. a quote never closed: both readers refuse it with the same words
        with pytest.raises(SourceError) as also:
            read_csv_table(CHECKINS, "checkins.csv", data, columnar_from=0)
        assert str(also.value) == str(refused)
        return
    table, found_format = read_csv_table(CHECKINS, "checkins.csv", data, columnar_from=0)
    assert found_format == expected_format
    assert as_read(table) == reference(grid)
    assert table.columns == build_table(CHECKINS, "checkins.csv", grid).columns


FIELD = st.text(st.sampled_from(list("ab1 é") + ["\u2028", "\x85", "\x0b", "\u00a0", "\x1a", "\t"]), max_size=6)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(delimiter=st.sampled_from([",", ";"]), width=st.integers(1, 5), blank_above=st.integers(0, 2),
       rows=st.lists(st.one_of(st.lists(FIELD, max_size=5), st.sampled_from([[], [" "], ["", ""]])), max_size=12),
       ending=st.sampled_from(["\n", "\r\n"]))
def test_regular_files_read_column_wise_build_the_same_tab(delimiter, width, blank_above, rows, ending):
    header = ["id", "date", "mentor_email", "mentee_email", "Notes"][:width]
    lines = [""] * blank_above + [delimiter.join(header)]
    lines += [delimiter.join(cells[:width]) for cells in rows]  # rows no wider than the header: the column path
    data = (ending.join(lines) + ending).encode("utf-8")
    grid, _ = parse_csv(data, "checkins.csv")
    table, _ = read_csv_table(CHECKINS, "checkins.csv", data, columnar_from=0)
    assert as_read(table) == reference(grid)


def test_a_plain_file_is_split_column_wise(monkeypatch):
    text = "email,name,capacity\r\n" + "".join(f"m{k}@x.org,Mentor {k},{k % 4}\r\n" for k in range(500)) + "\r\n,,\r\n"
    grid, _ = parse_csv(text.encode(), "mentors.csv")
    monkeypatch.setattr(csv_files, "reader_grid", lambda *a: pytest.fail("the csv module was used"))
    table, _ = read_csv_table(MENTORS, "mentors.csv", text.encode(), columnar_from=0)
    assert table.size == 500 and table.column("capacity")[:3].tolist() == ["0", "1", "2"]
    assert table.__dict__["_rows"] is None  # nothing built per row yet
    assert as_read(table) == reference(grid)


def test_ragged_and_odd_files_fall_back_to_the_csv_module():
    for text in ("id,date\n1,2,3\n", "id,date,\n1,2,\n", 'id,notes\n1,"a, b"\n', "id,date\r1,2\r"):
        grid, _ = parse_csv(text.encode(), "checkins.csv")
        table, _ = read_csv_table(CHECKINS, "checkins.csv", text.encode(), columnar_from=0)
        assert as_read(table) == reference(grid), text


def test_a_field_over_the_csv_limit_is_refused_the_same_way():
    data = b"id,notes\n1," + b"x" * 200_000 + b"\n"
    with pytest.raises(SourceError) as expected:
        parse_csv(data, "checkins.csv")
    with pytest.raises(SourceError) as found:
        read_csv_table(CHECKINS, "checkins.csv", data, columnar_from=0)
    assert str(found.value) == str(expected.value)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_other_encodings_are_read_by_the_csv_module(encoding):
    data = "email;name\r\nzoe@x.org;Zoë\r\n".encode(encoding)
    table, fmt = read_csv_table(MENTORS, "mentors.csv", data, columnar_from=0)
    assert fmt.encoding == encoding and fmt.delimiter == ";"
    assert table.rows[0].cells == ["zoe@x.org", "Zoë"]
