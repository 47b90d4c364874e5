"""Forgetting a person in a Google Sheet, through the real gspread client against the local Sheets API: the sheet
ends exactly as the CSV folder does, the row goes in one deleteDimension request, a lost answer never deletes a
second row, and a row that moved in the sheet refuses the whole forget before anything is written."""

from __future__ import annotations

import pytest

from lib.errors import RowMoved
from lib.sources import CsvSource
from lib.sources.google_calls import RetryPolicy
from lib.sources.google_sheet import GoogleSheetSource
from tests.unit.writing.test_forget import (
    MEI,
    SALT,
    TABS,
    TOMAS,
    csv_grids,
    prior_writes,
    trimmed,
    writer,
)

QUICK = RetryPolicy(base=0.01, cap=0.05, budget=2.0)


def sheet_of(fake, folder):
    """The folder as a new spreadsheet (changes tab included): (source, key)."""
    key = fake.add_from_csv_folder(folder, "Northwind mentoring", locale="en_GB")
    return GoogleSheetSource(key, policy=QUICK), key


def deletes(fake) -> list[dict]:
    return [r.body for r in fake.requests if r.kind == "batchUpdate" and "deleteDimension" in str(r.body)]


def writes(fake) -> list:
    return [r for r in fake.requests if r.kind in ("update", "append", "values.batchUpdate", "batchUpdate", "clear")]


def test_a_sheet_ends_exactly_as_the_csv_folder_does_with_one_delete_request(sheets, sample_copy):
    fake, _ = sheets
    prior_writes(CsvSource(folder=sample_copy))
    source, key = sheet_of(fake, sample_copy)
    fake.clear_log()
    report = writer(source).forget(MEI, salt=SALT)
    writer(CsvSource(folder=sample_copy)).forget(MEI, salt=SALT)

    expected = csv_grids(sample_copy)
    assert {tab: trimmed(fake.values(key, tab)) for tab in TABS} == expected
    assert report.rows_removed == {"mentees": 1} and report.pseudonymised == 18 and report.changes_cleaned == 3
    mentees_id = source.layout().tabs["mentees"]["id"]
    assert deletes(fake) == [{"requests": [{"deleteDimension": {"range": {
        "sheetId": mentees_id, "dimension": "ROWS", "startIndex": 1, "endIndex": 2}}}]}]  # Mei is row 2
    cells = [r.body for r in fake.requests if r.kind == "values.batchUpdate"]
    assert cells and all(body["valueInputOption"] == "RAW" for body in cells)
    # the snapshot a page would hold, then the fresh read right before writing; the mentees tab read again just
    # before the delete, to be sure row 2 still holds Mei
    assert fake.count("batchGet") == 2 and fake.count("values.get") == 1 and fake.count("clear") == 0
    assert all("mei" not in str(cell).lower() for tab in TABS for row in fake.values(key, tab) for cell in row)


@pytest.mark.parametrize("applied", [True, False], ids=["answer-lost", "refused"])
def test_a_failed_delete_is_retried_only_when_it_was_not_applied(sheets, sample_copy, applied):
    fake, _ = sheets
    source, key = sheet_of(fake, sample_copy)
    writer(source).update("settings", "organisation", {"value": "Northwind"})  # the changes tab exists now
    rows_before = fake.values(key, "mentees")
    fake.clear_log()
    fake.fail("batchUpdate", 503, applied=applied)  # the first batchUpdate of the forget is the delete
    writer(source).forget(MEI)
    assert fake.values(key, "mentees") == [rows_before[0], *rows_before[2:]]  # Mei gone, Tomás (next) kept
    assert len(deletes(fake)) == (1 if applied else 2)
    assert TOMAS in str(fake.values(key, "mentees"))


def test_a_row_that_moved_in_the_sheet_refuses_the_forget_before_anything_is_written(sheets, sample_copy):
    fake, _ = sheets
    source, key = sheet_of(fake, sample_copy)
    commit = source.commit

    def someone_edits_the_row_first(edits):
        fake.set_cell(key, "mentees", "A2", "someone.else@northwind.example")
        commit(edits)
    source.commit = someone_edits_the_row_first
    checkins = fake.values(key, "checkins")
    fake.clear_log()
    with pytest.raises(RowMoved, match="row 2 of the tab 'mentees'"):
        writer(source).forget(MEI)
    assert writes(fake) == [] and fake.values(key, "checkins") == checkins
