"""The fake Sheets API through the real gspread 6 client (the way Tandem talks to Google): reads, writes,
structure, Drive look-ups, errors, injected failures, the request log, concurrency, and a property test.

Fidelity to recorded Google exchanges is in test_recordings.py; fine-grained HTTP semantics in test_semantics.py.
"""

from __future__ import annotations

import sys
import threading
import time

import gspread
import pytest
import requests
from gspread.exceptions import APIError, SpreadsheetNotFound
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.sources.google_transport import emulator_session
from tests.fake_sheets import FakeSheets

MENTORS = [["name", "email", "capacity"], ["Ada", "ada@example.org", "2"], ["Grace", "grace@example.org", "1"]]
MENTEES = [["name", "email"], ["Linus", "linus@example.org"]]




@pytest.fixture
def key(fake):
    return fake.add_spreadsheet("Tandem program", {"mentors": MENTORS, "mentees": MENTEES})


def client_for(fake: FakeSheets) -> gspread.Client:
    return gspread.Client(auth=None, session=emulator_session(fake.base_url))


@pytest.fixture
def gc(fake):
    return client_for(fake)


# --- reading -------------------------------------------------------------------------------------------------

def test_open_by_key_worksheets_and_values(fake, key, gc):
    spreadsheet = gc.open_by_key(key)
    worksheets = spreadsheet.worksheets()
    assert spreadsheet.title == "Tandem program"
    assert [(w.title, w.index) for w in worksheets] == [("mentors", 0), ("mentees", 1)]
    assert worksheets[0].id == 0 and worksheets[1].id > 0
    assert (worksheets[0].row_count, worksheets[0].col_count) == (1000, 26)
    assert worksheets[0].get_all_values() == MENTORS
    assert fake.count("metadata") == 2  # open_by_key, then worksheets() fetches again
    assert fake.count("values.get") == 1
    read = fake.requests[-1]
    assert (read.method, read.path, read.status) == ("GET", f"/v4/spreadsheets/{key}/values/'mentors'", 200)


def test_one_metadata_and_one_batch_get_read_every_tab(fake, key, gc):
    meta = gc.http_client.fetch_sheet_metadata(key)
    titles = [s["properties"]["title"] for s in meta["sheets"]]
    answer = gc.http_client.values_batch_get(key, [f"'{t}'" for t in reversed(titles)])
    assert [r["range"] for r in answer["valueRanges"]] == ["mentees!A1:Z1000", "mentors!A1:Z1000"]
    assert answer["valueRanges"][0]["values"] == MENTEES
    assert (fake.count("metadata"), fake.count("batchGet")) == (1, 1)
    assert fake.requests[-1].query["ranges"] == ["'mentees'", "'mentors'"]


def test_worksheet_batch_get_and_get_with_render_options(key, gc):
    sheet = gc.open_by_key(key).worksheet("mentors")
    assert sheet.batch_get(["A1:B1", "C2:C3"]) == [[["name", "email"]], [["2"], ["1"]]]
    sheet.update(range_name="D1:D2", values=[["total"], ["=2+3"]], value_input_option="USER_ENTERED")
    assert sheet.get("D2")[0][0] == "5"
    assert sheet.get("D2", value_render_option=gspread.utils.ValueRenderOption.formula)[0][0] == "=2+3"
    assert sheet.get("D2", value_render_option=gspread.utils.ValueRenderOption.unformatted)[0][0] == 5


# --- writing -------------------------------------------------------------------------------------------------

def test_update_writes_exactly_the_cells_sent(fake, key, gc):
    sheet = gc.open_by_key(key).worksheet("mentees")
    fake.clear_log()
    answer = sheet.update(range_name="B2:C3", values=[["linus@new.org", "007"], ["", "=1+2"]])
    assert answer["updatedRange"] == "mentees!B2:C3" and answer["updatedCells"] == 4
    assert fake.values(key, "mentees") == [["name", "email"], ["Linus", "linus@new.org", "007"], ["", "", "=1+2"]]
    (logged,) = fake.requests
    assert (logged.kind, logged.method, logged.query) == ("update", "PUT", {"valueInputOption": ["RAW"]})
    assert logged.path == f"/v4/spreadsheets/{key}/values/'mentees'!B2:C3"
    assert logged.body == {"values": [["linus@new.org", "007"], ["", "=1+2"]], "majorDimension": None}


def test_user_entered_parses_like_a_person_typing(key, gc, fake):
    sheet = gc.open_by_key(key).worksheet("mentees")
    sheet.update(range_name="A3:E3", values=[["0042", "TRUE", "=1/0", "=A1+1", "'007"]],
                 value_input_option="USER_ENTERED")
    assert fake.values(key, "mentees")[2] == ["42", "TRUE", "#DIV/0!", "#NAME?", "007"]
    unformatted = sheet.get("A3:E3", value_render_option=gspread.utils.ValueRenderOption.unformatted)[0]
    assert unformatted == [42, True, "#DIV/0!", "#NAME?", "007"]


def test_append_rows_lands_below_the_table(fake, key, gc):
    sheet = gc.open_by_key(key).worksheet("mentors")
    answer = sheet.append_rows([["Linus", "linus@example.org", 3]])
    assert answer["tableRange"] == "mentors!A1:C3"
    assert answer["updates"]["updatedRange"] == "mentors!A4:C4"
    assert fake.values(key, "mentors")[-1] == ["Linus", "linus@example.org", "3"]
    logged = fake.requests[-1]
    assert logged.kind == "append" and logged.body == {"values": [["Linus", "linus@example.org", 3]]}
    assert logged.query["valueInputOption"] == ["RAW"]


def test_insert_rows_shifts_what_is_below_and_overwrite_does_not(fake, gc):
    data = [["name"], ["Ada"], [], ["notes below"]]
    inserting = fake.add_spreadsheet("a", {"t": data})
    overwriting = fake.add_spreadsheet("b", {"t": data})
    rows = [["Bob"], ["Cy"]]
    gc.open_by_key(inserting).sheet1.append_rows(rows, insert_data_option="INSERT_ROWS", table_range="A1")
    gc.open_by_key(overwriting).sheet1.append_rows(rows, insert_data_option="OVERWRITE", table_range="A1")
    assert fake.values(inserting, "t") == [["name"], ["Ada"], ["Bob"], ["Cy"], [], ["notes below"]]
    assert fake.values(overwriting, "t") == [["name"], ["Ada"], ["Bob"], ["Cy"]]  # the notes were written over
    assert fake.store.spreadsheets[inserting].sheets[0].rows == 1002


def test_values_batch_update_clear_and_batch_clear(fake, key, gc):
    sheet = gc.open_by_key(key).worksheet("mentors")
    answer = sheet.batch_update([{"range": "B2", "values": [["ada@new.org"]]}, {"range": "C3", "values": [[5]]}])
    assert answer["totalUpdatedCells"] == 2 and answer["totalUpdatedSheets"] == 1
    assert fake.values(key, "mentors")[1:] == [["Ada", "ada@new.org", "2"], ["Grace", "grace@example.org", "5"]]
    sheet.batch_clear(["A2:A3", "C1"])
    assert fake.values(key, "mentors") == [["name", "email"], ["", "ada@new.org", "2"], ["", "grace@example.org", "5"]]
    sheet.clear()
    assert fake.values(key, "mentors") == []
    assert [fake.count(k) for k in ("values.batchUpdate", "batchClear", "clear")] == [1, 1, 1]


# --- structure -----------------------------------------------------------------------------------------------

def test_add_worksheet_and_duplicate_title(fake, key, gc):
    spreadsheet = gc.open_by_key(key)
    added = spreadsheet.add_worksheet("check-ins", rows=50, cols=8)
    assert added.id > 0 and added.index == 2 and (added.row_count, added.col_count) == (50, 8)
    assert [w.title for w in spreadsheet.worksheets()] == ["mentors", "mentees", "check-ins"]
    with pytest.raises(APIError) as refused:
        spreadsheet.add_worksheet("Mentors", rows=5, cols=5)  # titles are unique regardless of case
    assert refused.value.code == 400
    assert refused.value.error == {"code": 400, "status": "INVALID_ARGUMENT", "message":
                                   "Invalid requests[0].addSheet: A sheet with the name \"Mentors\" already exists. "
                                   "Please enter another name."}


def test_spreadsheet_batch_update_structure(fake, key, gc):
    spreadsheet = gc.open_by_key(key)
    mentors = spreadsheet.worksheet("mentors")
    spreadsheet.batch_update({"requests": [
        {"insertDimension": {"range": {"sheetId": 0, "dimension": "ROWS", "startIndex": 1, "endIndex": 2}}},
        {"deleteDimension": {"range": {"sheetId": 0, "dimension": "COLUMNS", "startIndex": 1, "endIndex": 2}}},
        {"appendDimension": {"sheetId": 0, "dimension": "COLUMNS", "length": 4}},
        {"updateSheetProperties": {"properties": {"sheetId": 0, "title": "Mentors 2026"}, "fields": "title"}},
    ]})
    assert fake.values(key, "Mentors 2026") == [["name", "capacity"], [], ["Ada", "2"], ["Grace", "1"]]
    mentors.resize(rows=10)
    sheet = fake.store.spreadsheets[key].sheets[0]
    assert (sheet.rows, sheet.cols) == (10, 29)
    with pytest.raises(APIError) as refused:
        spreadsheet.batch_update({"requests": [{"sortRange": {"range": {"sheetId": 0}}}]})
    assert refused.value.code == 400
    assert refused.value.error["message"].startswith("Invalid requests[0].sortRange: ")


def test_gspread_worksheet_helpers(fake, gc):
    key = fake.add_spreadsheet("T", {"Sheet1": [["a", "b"], ["1", "2"], ["3", "4"]]})
    spreadsheet = gc.open_by_key(key)
    sheet = spreadsheet.sheet1
    sheet.insert_rows([["x", "y"]], row=2)
    sheet.insert_cols([["c1", "c2"]], col=3)
    sheet.delete_rows(4)
    sheet.freeze(rows=1)
    sheet.format("A1:B1", {"textFormat": {"bold": True}})
    sheet.update_title("Renamed")
    spreadsheet.update_locale("en_GB")
    assert sheet.get_all_records() == [{"a": "x", "b": "y", "c1": "c2"}, {"a": 1, "b": 2, "c1": ""}]
    properties = spreadsheet.fetch_sheet_metadata()["sheets"][0]["properties"]
    assert properties["gridProperties"] == {"rowCount": 1000, "columnCount": 27, "frozenRowCount": 1}
    assert (properties["title"], gc.open_by_key(key).locale) == ("Renamed", "en_GB")
    created = gc.create("Created")
    assert created.sheet1.title == "Sheet1" and gc.open("Created").id == created.id
    gc.del_spreadsheet(created.id)
    assert [s["name"] for s in gc.list_spreadsheet_files()] == ["T"]


def test_open_by_title_and_openall(fake, key, gc):
    other = fake.add_spreadsheet("Another program", {})
    assert gc.open("Tandem program").id == key
    assert sorted(s.id for s in gc.openall()) == sorted([key, other])
    with pytest.raises(SpreadsheetNotFound):
        gc.open("No such title")
    assert fake.count("drive.list") == 3
    assert 'name = "Tandem program"' in fake.requests[0].query["q"][0]


def test_person_edits_and_deleted_tab(fake, key, gc):
    sheet = gc.open_by_key(key).worksheet("mentees")
    fake.set_cell(key, "mentees", "C2", "0042")
    assert sheet.get_all_values()[1] == ["Linus", "linus@example.org", "42"]
    fake.delete_tab(key, "mentees")
    with pytest.raises(APIError) as refused:
        sheet.get_all_values()
    assert refused.value.error["message"] == "Unable to parse range: 'mentees'"


# --- errors and injected failures -----------------------------------------------------------------------------

def test_unshared_spreadsheet_is_permission_error_and_unknown_is_not_found(fake, key, gc):
    fake.share(key, False)
    with pytest.raises(PermissionError):
        gc.open_by_key(key)
    assert gc.openall() == []
    fake.share(key, True)
    assert gc.open_by_key(key).id == key
    with pytest.raises(SpreadsheetNotFound):
        gc.open_by_key("1" + "x" * 43)


def test_quota_error_is_an_api_error_429_then_used_up(fake, key, gc):
    spreadsheet = gc.open_by_key(key)
    fake.fail("values.get", 429, times=2, retry_after=7)
    for _ in range(2):
        with pytest.raises(APIError) as refused:
            spreadsheet.sheet1.get_all_values()
        assert refused.value.code == 429
        assert refused.value.error["status"] == "RESOURCE_EXHAUSTED"
        assert "Quota exceeded for quota metric 'Read requests'" in refused.value.error["message"]
        assert refused.value.response.headers["Retry-After"] == "7"
    assert spreadsheet.sheet1.get_all_values() == MENTORS
    assert [r.status for r in fake.requests if r.kind == "values.get"] == [429, 429, 200]


def test_server_errors_carry_google_bodies(fake, key, gc):
    fake.fail("metadata", 500)
    fake.fail("metadata", 503)
    for status, name in ((500, "INTERNAL"), (503, "UNAVAILABLE")):
        with pytest.raises(APIError) as refused:
            gc.open_by_key(key)
        assert (refused.value.code, refused.value.error["status"]) == (status, name)


def test_a_lost_answer_still_applied_the_write(fake, key, gc):
    sheet = gc.open_by_key(key).worksheet("mentees")
    fake.fail("append", 503, applied=True)
    with pytest.raises(APIError) as refused:
        sheet.append_rows([["Mira", "mira@example.org"]])
    assert refused.value.code == 503
    assert fake.values(key, "mentees") == MENTEES + [["Mira", "mira@example.org"]]  # applied exactly once
    fake.fail("update", 503)  # not applied: the state stays
    with pytest.raises(APIError):
        sheet.update(range_name="A2", values=[["changed"]])
    assert fake.values(key, "mentees")[1][0] == "Linus"


def test_dropped_connection_raises_connection_error(fake, key, gc):
    sheet = gc.open_by_key(key).worksheet("mentees")
    fake.drop_connection("append", applied=True)
    fake.drop_connection("values.get")
    with pytest.raises(requests.ConnectionError):
        sheet.append_rows([["Mira", "mira@example.org"]])
    with pytest.raises(requests.ConnectionError):
        sheet.get_all_values()
    assert sheet.get_all_values() == MENTEES + [["Mira", "mira@example.org"]]
    assert [r.status for r in fake.requests if r.kind in ("append", "values.get")] == [None, None, 200]


def test_slow_answer_times_out_but_the_write_lands(fake, key, gc):
    sheet = gc.open_by_key(key).worksheet("mentees")
    fake.slow("update", 0.6)
    gc.http_client.set_timeout(0.15)
    started = time.monotonic()
    with pytest.raises(requests.Timeout):
        sheet.update(range_name="C1", values=[["late"]])
    assert time.monotonic() - started < 0.5
    deadline = time.monotonic() + 3
    while fake.values(key, "mentees")[0] != ["name", "email", "late"] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert fake.values(key, "mentees")[0] == ["name", "email", "late"]
    assert sheet.acell("C1").value == "late"  # the next request is served without delay


def test_failure_rules_validate_their_kind(fake):
    with pytest.raises(ValueError):
        fake.fail("values.gett")
    with pytest.raises(ValueError):
        fake.count("apend")


# --- concurrency ---------------------------------------------------------------------------------------------

@pytest.fixture
def eager_thread_switching():
    """Switch threads as often as possible, so that an operation not under the lock would interleave."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(interval)


def test_concurrent_appends_lose_no_row(fake, eager_thread_switching):
    key = fake.add_spreadsheet("busy", {"log": [["who", "n"]]})
    threads, per_thread = 8, 15
    errors = []

    def writer(number: int) -> None:
        try:
            sheet = client_for(fake).open_by_key(key).worksheet("log")
            for n in range(per_thread):
                sheet.append_rows([[f"w{number}", n]], insert_data_option="INSERT_ROWS")
        except Exception as exc:  # surfaced below
            errors.append(exc)

    workers = [threading.Thread(target=writer, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert errors == []
    rows = fake.values(key, "log")
    assert rows[0] == ["who", "n"]
    assert sorted(tuple(r) for r in rows[1:]) == sorted((f"w{i}", str(n)) for i in range(threads)
                                                       for n in range(per_thread))
    assert fake.count("append") == threads * per_thread


# --- property ------------------------------------------------------------------------------------------------

CELL = st.one_of(st.none(), st.just(""), st.text(alphabet="ab =0", min_size=1, max_size=3),
                 st.integers(-50, 50), st.booleans())
BLOCK = st.lists(st.lists(CELL, min_size=0, max_size=3), min_size=1, max_size=3)
WRITE = st.tuples(st.integers(0, 5), st.integers(0, 4), BLOCK)


def model_text(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value)


def trimmed(model: dict[tuple[int, int], str]) -> list[list[str]]:
    if not model:
        return []
    height, width = max(r for r, _ in model) + 1, max(c for _, c in model) + 1
    rows = [[model.get((r, c), "") for c in range(width)] for r in range(height)]
    rows = [row[:max([i + 1 for i, v in enumerate(row) if v] or [0])] for row in rows]
    return rows


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(writes=st.lists(WRITE, min_size=1, max_size=5))
def test_values_after_raw_updates_match_a_model_grid(fake, writes):
    key = fake.add_spreadsheet("property", {"Sheet1": []}, rows=10, cols=8)
    http = client_for(fake).http_client
    model: dict[tuple[int, int], str] = {}
    for row, col, block in writes:
        a1 = gspread.utils.rowcol_to_a1(row + 1, col + 1)
        http.values_update(key, f"'Sheet1'!{a1}", params={"valueInputOption": "RAW"}, body={"values": block})
        for i, line in enumerate(block):
            for j, value in enumerate(line):
                if value is None:
                    continue
                if value == "":
                    model.pop((row + i, col + j), None)
                else:
                    model[(row + i, col + j)] = model_text(value)
    assert fake.values(key, "Sheet1") == trimmed(model)
    assert http.values_get(key, "'Sheet1'").get("values", []) == trimmed(model)
