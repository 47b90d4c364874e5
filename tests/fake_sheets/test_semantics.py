"""The fake's HTTP semantics beyond the recorded exchanges: range parsing and echo, rendering, write bounds,
errors, append table detection, batchUpdate atomicity, field masks, Drive queries, the helpers and the CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import gspread
import pytest
import requests

from lib.sources.google_transport import emulator_session
from tests.fake_sheets import FakeSheets
from tests.fake_sheets.replay import call, send

ROOT = Path(__file__).resolve().parents[2]




def values_path(key: str, a1: str, suffix: str = "", **query: str) -> str:
    tail = "&".join(f"{k}={quote(v)}" for k, v in query.items())
    return f"/v4/spreadsheets/{key}/values/{quote(a1, safe='')}{suffix}" + (f"?{tail}" if tail else "")


def get(fake, key, a1, **query):
    return send(fake.base_url, "GET", values_path(key, a1, **query))


def put(fake, key, a1, body, option="RAW"):
    return send(fake.base_url, "PUT", values_path(key, a1, valueInputOption=option), json.dumps(body))


def error_of(answer) -> tuple[int, str, str]:
    error = answer.json()["error"]
    return error["code"], error["status"], error["message"]


# --- ranges --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("title, requested, echoed", [
    ("Sheet1", "Sheet1!a1:b2", "Sheet1!A1:B2"),
    ("Sheet1", "'Sheet1'!$A$1:$B$2", "Sheet1!A1:B2"),
    ("Sheet1", "A1:B2", "Sheet1!A1:B2"),
    ("Sheet1", "Sheet1!B2:B2", "Sheet1!B2"),
    ("Sheet1", "Sheet1!C3:A1", "Sheet1!A1:C3"),
    ("Sheet1", "Sheet1!A:A", "Sheet1!A1:A1000"),
    ("Sheet1", "Sheet1!2:3", "Sheet1!A2:Z3"),
    ("Sheet1", "Sheet1!B2:D", "Sheet1!B2:D1000"),
    ("Sheet1", "Sheet1!A1:ZZ5000", "Sheet1!A1:Z1000"),
    ("My tab", "My tab!A1", "'My tab'!A1"),
    ("Bob's", "'Bob''s'!A1:B1", "'Bob''s'!A1:B1"),
    ("R1C1", "'R1C1'", "'R1C1'!A1:Z1000"),
    ("2026", "'2026'!A1", "'2026'!A1"),
    ("mentors_2026", "mentors_2026!A1", "mentors_2026!A1"),
])
def test_range_parsing_and_echo(fake, title, requested, echoed):
    key = fake.add_spreadsheet("t", {title: [["x"]]})
    answer = get(fake, key, requested)
    assert answer.status == 200, answer.text
    assert answer.json()["range"] == echoed


@pytest.mark.parametrize("requested", ["'nope'!A1", "nope", "Sheet1!A0", "Sheet1!A1:B2:C3", "Sheet1!", "'Sheet1",
                                       "Sheet1!A:2"])
def test_unparseable_ranges_are_400(fake, requested):
    key = fake.add_spreadsheet("t", {"Sheet1": [["x"]]})
    assert error_of(get(fake, key, requested)) == (400, "INVALID_ARGUMENT", f"Unable to parse range: {requested}")


def test_a_range_starting_outside_the_grid_is_refused(fake):
    key = fake.add_spreadsheet("t", {"Sheet1": []}, rows=5, cols=3)
    assert error_of(get(fake, key, "Sheet1!D1:E2")) == (
        400, "INVALID_ARGUMENT", "Range (Sheet1!D1:E2) exceeds grid limits. Max rows: 5, max columns: 3")


def test_columns_major_dimension_read_and_write(fake):
    key = fake.add_spreadsheet("t", {"Sheet1": []})
    body = {"values": [["a1", "a2", "a3"], ["b1"]], "majorDimension": "COLUMNS"}
    assert put(fake, key, "Sheet1!A1", body).json()["updatedRange"] == "Sheet1!A1:B3"
    assert fake.values(key, "Sheet1") == [["a1", "b1"], ["a2"], ["a3"]]
    assert get(fake, key, "Sheet1", majorDimension="COLUMNS").json()["values"] == [["a1", "a2", "a3"], ["b1"]]


# --- values --------------------------------------------------------------------------------------------------

def test_raw_keeps_text_and_numbers_render_like_sheets(fake):
    key = fake.add_spreadsheet("t", {"Sheet1": []})
    row = ["007", "=1+2", "TRUE", 1.45, 4.0, 0.1 + 0.2, 1e20, -0.5, True, 12345678901234567890]
    put(fake, key, "Sheet1!A1", {"values": [row]})
    assert fake.values(key, "Sheet1") == [["007", "=1+2", "TRUE", "1.45", "4", "0.3", "1E+20", "-0.5", "TRUE",
                                           "1.23456789012346E+19"]]
    raw = get(fake, key, "Sheet1!A1:I1", valueRenderOption="UNFORMATTED_VALUE").json()["values"][0]
    assert raw == ["007", "=1+2", "TRUE", 1.45, 4, 0.30000000000000004, 1e20, -0.5, True]


def test_user_entered_numbers_booleans_formulas_and_text(fake):
    key = fake.add_spreadsheet("t", {"Sheet1": []})
    row = ["0042", "-1.50", "1e3", "false", "= (1+2)*3", "=2^10", "=SUM(A1:B1)", "'=not a formula", "2,500",
           "12 Mar 2026"]
    put(fake, key, "Sheet1!A1", {"values": [row]}, option="USER_ENTERED")
    assert fake.values(key, "Sheet1") == [["42", "-1.5", "1000", "FALSE", "9", "1024", "#NAME?", "=not a formula",
                                           "2,500", "12 Mar 2026"]]
    formulas = get(fake, key, "Sheet1!A1:I1", valueRenderOption="FORMULA").json()["values"][0]
    assert formulas == [42, -1.5, 1000, False, "= (1+2)*3", "=2^10", "=SUM(A1:B1)", "=not a formula", 2500]


def test_null_skips_and_empty_string_clears(fake):
    key = fake.add_spreadsheet("t", {"Sheet1": [["a", "b", "c"]]})
    answer = put(fake, key, "Sheet1!A1:C1", {"values": [[None, "", "C"]]}).json()
    assert (answer["updatedCells"], answer["updatedColumns"]) == (2, 2)
    assert fake.values(key, "Sheet1") == [["a", "", "C"]]
    answer = put(fake, key, "Sheet1!A1", {"values": [[None]]}).json()
    assert answer == {"spreadsheetId": key, "updatedRange": "Sheet1!A1"}  # zero counts are left out


def test_write_bounds(fake):
    key = fake.add_spreadsheet("t", {"Sheet1": []}, rows=5, cols=3)
    too_tall = put(fake, key, "'Sheet1'!A1:B2", {"values": [["1"], ["2"], ["3"]]})
    assert error_of(too_tall)[2] == "Requested writing within range ['Sheet1'!A1:B2], but tried writing to row [3]"
    too_wide = put(fake, key, "Sheet1!A1:B2", {"values": [["1", "2", "3"]]})
    assert error_of(too_wide)[2] == "Requested writing within range [Sheet1!A1:B2], but tried writing to column [C]"
    past_grid = put(fake, key, "Sheet1!B5", {"values": [["1", "2", "3"], ["4"]]})
    assert error_of(past_grid) == (400, "INVALID_ARGUMENT",
                                   "Range (Sheet1!B5:D6) exceeds grid limits. Max rows: 5, max columns: 3")
    assert fake.values(key, "Sheet1") == []


def test_bad_requests(fake):
    key = fake.add_spreadsheet("t", {"Sheet1": []})
    base = fake.base_url
    assert error_of(send(base, "PUT", values_path(key, "A1"), '{"values": [["x"]]}'))[2] == \
        "'valueInputOption' is required but not specified"
    assert error_of(send(base, "PUT", values_path(key, "A1", valueInputOption="RAW"), '{"values": [["x"]'))[:2] == \
        (400, "INVALID_ARGUMENT")
    assert error_of(send(base, "PUT", values_path(key, "A1", valueInputOption="RAW"), '{"valuez": [["x"]]}'))[2] == \
        'Invalid JSON payload received. Unknown name "valuez": Cannot find field.'
    assert error_of(send(base, "PUT", values_path(key, "A1", valueInputOption="RAW"), '[1]'))[0] == 400
    assert error_of(send(base, "PUT", values_path(key, "A1", valueInputOption="RAW"), '{"values": [[{"a": 1}]]}')
                    )[2].startswith("Invalid values[0][0]: ")
    assert error_of(get(fake, key, "A1", valueRenderOption="PRETTY"))[2].startswith(
        "Invalid value at 'value_render_option'")
    assert error_of(send(base, "GET", f"/v4/spreadsheets/{key}/nothing"))[0] == 404
    assert error_of(send(base, "GET", "/v4/spreadsheets/unknown-id/values/A1"))[2] == "Requested entity was not found."
    assert fake.values(key, "Sheet1") == []


def test_every_answer_is_pretty_json_with_google_content_type(fake):
    key = fake.add_spreadsheet("t", {"Sheet1": [["x"]]})
    for answer in (get(fake, key, "Sheet1"), get(fake, key, "nope")):
        assert answer.headers["Content-Type"] == "application/json; charset=UTF-8"
        assert answer.text == json.dumps(answer.json(), indent=2, ensure_ascii=False) + "\n"


def test_authorization_header_is_ignored(fake):
    key = fake.add_spreadsheet("t", {"Sheet1": [["x"]]})
    answer = requests.get(fake.base_url + values_path(key, "Sheet1"), headers={"Authorization": "Bearer junk"})
    assert answer.status_code == 200


# --- append --------------------------------------------------------------------------------------------------

def test_append_without_a_table_writes_at_the_range_and_grows_the_grid(fake):
    key = fake.add_spreadsheet("t", {"Sheet1": [["head"]]}, rows=3, cols=2)
    path = values_path(key, "Sheet1!A3:B3", ":append", valueInputOption="RAW")
    answer = call(fake.base_url, "POST", path, {"values": [["a", "b", "c"], ["d"]]}).json()
    assert "tableRange" not in answer and answer["updates"]["updatedRange"] == "Sheet1!A3:C4"
    sheet = fake.store.spreadsheets[key].sheets[0]
    assert (sheet.rows, sheet.cols) == (4, 3)
    assert fake.values(key, "Sheet1") == [["head"], [], ["a", "b", "c"], ["d"]]


def test_append_table_skips_leading_blank_rows_and_ignores_other_columns(fake):
    data = [[], ["", "h1", "h2"], ["", "v1"], [], ["", "", "", "far away"]]
    key = fake.add_spreadsheet("t", {"Sheet1": data})
    path = values_path(key, "Sheet1!B1:C", ":append", valueInputOption="USER_ENTERED")
    answer = call(fake.base_url, "POST", path, {"values": [["v2", "0042"]]}).json()
    assert (answer["tableRange"], answer["updates"]["updatedRange"]) == ("Sheet1!B2:C3", "Sheet1!B4:C4")
    assert fake.values(key, "Sheet1")[3] == ["", "v2", "42"]


# --- spreadsheets:batchUpdate and metadata ---------------------------------------------------------------------

def batch(fake, key, *requests_):
    return send(fake.base_url, "POST", f"/v4/spreadsheets/{key}:batchUpdate", json.dumps({"requests": requests_}))


def test_batch_update_is_all_or_nothing(fake):
    key = fake.add_spreadsheet("t", {"Sheet1": [["x"]]})
    answer = batch(fake, key, {"addSheet": {"properties": {"title": "new"}}},
                   {"deleteSheet": {"sheetId": 12345}})
    assert error_of(answer) == (400, "INVALID_ARGUMENT", "Invalid requests[1].deleteSheet: No grid with id: 12345")
    assert [s.title for s in fake.store.spreadsheets[key].sheets] == ["Sheet1"]
    assert error_of(batch(fake, key, {"deleteSheet": {"sheetId": 0}}))[2] == \
        "Invalid requests[0].deleteSheet: You can't remove all the sheets in a document."
    assert error_of(batch(fake, key, {"fooBar": {}}))[2] == \
        "Invalid JSON payload received. Unknown name \"fooBar\" at 'requests[0]': Cannot find field."
    rows = {"range": {"sheetId": 0, "dimension": "ROWS", "startIndex": 0, "endIndex": 1000}}
    assert error_of(batch(fake, key, {"deleteDimension": rows}))[2].endswith("delete all the rows on the sheet.")


def test_batch_update_values_is_all_or_nothing(fake):
    key = fake.add_spreadsheet("t", {"Sheet1": [["x"]]})
    body = {"valueInputOption": "RAW", "data": [{"range": "Sheet1!A1", "values": [["changed"]]},
                                                {"range": "'gone'!A1", "values": [["y"]]}]}
    answer = send(fake.base_url, "POST", f"/v4/spreadsheets/{key}/values:batchUpdate", json.dumps(body))
    assert error_of(answer)[2] == "Invalid data[1]: Unable to parse range: 'gone'!A1"
    assert fake.values(key, "Sheet1") == [["x"]]


def test_metadata_field_masks(fake):
    key = fake.add_spreadsheet("t", {"a": [], "b": []})
    path = f"/v4/spreadsheets/{key}"
    titles = call(fake.base_url, "GET", path + "?fields=sheets(properties(title,index))").json()
    assert titles == {"sheets": [{"properties": {"title": "a", "index": 0}}, {"properties": {"title": "b",
                                                                                              "index": 1}}]}
    assert call(fake.base_url, "GET", path + "?fields=properties.title,spreadsheetId").json() == \
        {"spreadsheetId": key, "properties": {"title": "t"}}
    assert set(call(fake.base_url, "GET", path + "?fields=sheets.properties").json()["sheets"][0]) == {"properties"}
    assert call(fake.base_url, "GET", path + "?fields=namedRanges").text == "{}\n"
    assert error_of(send(fake.base_url, "GET", path + "?fields=bogus"))[0] == 400
    assert error_of(send(fake.base_url, "GET", path + "?includeGridData=true"))[:2] == (501, "UNIMPLEMENTED")


# --- Drive ---------------------------------------------------------------------------------------------------

def test_drive_queries(fake):
    first = fake.add_spreadsheet("Bob's sheet", {})
    fake.add_spreadsheet("Other", {})
    files = "/drive/v3/files?q="
    names = lambda q, extra="": [f["name"] for f in call(fake.base_url, "GET", files + quote(q) + extra)  # noqa: E731
                                 .json()["files"]]
    assert names("name = 'Bob\\'s sheet' and mimeType = 'application/vnd.google-apps.spreadsheet'") == ["Bob's sheet"]
    assert names("name contains 'oth' and trashed = false") == ["Other"]
    page = call(fake.base_url, "GET", files + quote("trashed = false") + "&pageSize=1").json()
    assert page["nextPageToken"] == "1" and [f["id"] for f in page["files"]] == [first]
    assert error_of(send(fake.base_url, "GET", files + quote("name = 'a' or name = 'b'"))) == \
        (400, "INVALID_ARGUMENT", "Invalid Value")


# --- helpers and the command line ----------------------------------------------------------------------------

def test_helpers(fake):
    key = fake.add_spreadsheet("t", {"wide": [["a"] * 30] + [[]] * 1500})
    assert len(key) == 44 and re.fullmatch(r"1[A-Za-z0-9_-]{43}", key)
    sheet = fake.store.spreadsheets[key].sheets[0]
    assert (sheet.rows, sheet.cols) == (1501, 30)
    fake.set_cell(key, "wide", "B2", 1.5)
    fake.set_cell(key, "wide", "A1", None)
    assert fake.values(key, "wide")[:2] == [[""] + ["a"] * 29, ["", "1.5"]]
    with pytest.raises(ValueError):
        fake.set_cell(key, "wide", "A2000", "x")
    with pytest.raises(ValueError):
        fake.delete_tab(key, "wide")
    with pytest.raises(KeyError):
        fake.values(key, "WIDE")
    with pytest.raises(ValueError):
        fake.add_spreadsheet("dup", {"a": [], "A": []})
    with pytest.raises(ValueError):
        fake.add_spreadsheet("again", {}, spreadsheet_id=key)


def test_csv_folder_keeps_text(fake, tmp_path):
    (tmp_path / "b_mentees.csv").write_text("id,name\n007,Ada\n", encoding="utf-8")
    (tmp_path / "a_mentors.csv").write_text("\ufeffemail,score\nx@y.org,=1+2\n", encoding="utf-8")
    key = fake.add_from_csv_folder(tmp_path, "csv")
    assert [s.title for s in fake.store.spreadsheets[key].sheets] == ["a_mentors", "b_mentees"]
    assert fake.values(key, "a_mentors") == [["email", "score"], ["x@y.org", "=1+2"]]
    assert fake.values(key, "b_mentees") == [["id", "name"], ["007", "Ada"]]


def test_stop_closes_kept_alive_connections():
    fake = FakeSheets()
    key = fake.add_spreadsheet("t", {"Sheet1": [["x"]]})
    session = requests.Session()
    url = fake.start() + values_path(key, "Sheet1")
    assert session.get(url).status_code == 200
    fake.stop()
    with pytest.raises(requests.ConnectionError):
        session.get(url, timeout=2)


def test_command_line_serves_a_csv_folder(sample_copy):
    process = subprocess.Popen([sys.executable, "-m", "tests.fake_sheets", "--port", "0", "--seed", str(sample_copy),
                                "--id", "1TandemDemoKey", "--locale", "en_GB"], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        while not (lines and lines[-1].startswith("GOOGLE_SHEETS_API_URL=")):
            line = process.stdout.readline()
            assert line, process.stderr.read()
            lines.append(line.strip())
        assert "Spreadsheet URL: https://docs.google.com/spreadsheets/d/1TandemDemoKey/edit" in lines
        base = lines[-1].partition("=")[2]
        spreadsheet = gspread.Client(auth=None, session=emulator_session(base)).open_by_key("1TandemDemoKey")
        assert spreadsheet.locale == "en_GB"
        assert [w.title for w in spreadsheet.worksheets()] == sorted(p.stem for p in sample_copy.glob("*.csv"))
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()
        process.stderr.close()


def test_include_values_in_response(fake):
    key = fake.add_spreadsheet("t", {"Sheet1": [["head"]]})
    path = values_path(key, "Sheet1!A2", valueInputOption="USER_ENTERED", includeValuesInResponse="true")
    answer = call(fake.base_url, "PUT", path, {"values": [["0042", "=2*3"]]}).json()
    assert answer["updatedData"] == {"range": "Sheet1!A2:B2", "majorDimension": "ROWS", "values": [["42", "6"]]}
    path = values_path(key, "Sheet1", ":append", valueInputOption="RAW", includeValuesInResponse="true",
                       responseValueRenderOption="UNFORMATTED_VALUE")
    answer = call(fake.base_url, "POST", path, {"values": [[7]]}).json()
    assert answer["updates"]["updatedData"] == {"range": "Sheet1!A3", "majorDimension": "ROWS", "values": [[7]]}


def test_injected_bodies_by_status_and_kind(fake):
    key = fake.add_spreadsheet("t", {"Sheet1": []})
    fake.fail("update", 429)
    fake.fail("drive.list", 429)
    fake.fail("metadata", 502)
    assert "quota metric 'Write requests' and limit 'Write requests per minute per user' of service " \
           "'sheets.googleapis.com'" in error_of(put(fake, key, "A1", {"values": [["x"]]}))[2]
    assert "'drive.googleapis.com'" in error_of(send(fake.base_url, "GET", "/drive/v3/files"))[2]
    assert error_of(send(fake.base_url, "GET", f"/v4/spreadsheets/{key}")) == \
        (502, "UNAVAILABLE", "The service is currently unavailable.")
    assert fake.values(key, "Sheet1") == []
    with pytest.raises(ValueError):
        fake.fail("update", 200)


def test_unshared_spreadsheet_on_every_route(fake):
    key = fake.add_spreadsheet("t", {"Sheet1": [["x"]]})
    fake.share(key, False)
    for method, path in (("GET", f"/v4/spreadsheets/{key}"), ("GET", values_path(key, "Sheet1")),
                         ("POST", values_path(key, "Sheet1", ":clear")),
                         ("GET", f"/v4/spreadsheets/{key}/values:batchGet?ranges=Sheet1")):
        assert error_of(send(fake.base_url, method, path)) == \
            (403, "PERMISSION_DENIED", "The caller does not have permission")
    assert error_of(send(fake.base_url, "GET", f"/drive/v3/files/{key}"))[:2] == (404, "NOT_FOUND")  # as Drive does
    assert fake.values(key, "Sheet1") == [["x"]]


def test_update_cells_writes_values_from_a_start_cell_in_the_same_batch_as_add_sheet():
    from tests.fake_sheets import FakeSheets
    from tests.fake_sheets.sheet_ops import batch_update

    fake = FakeSheets()
    key = fake.add_spreadsheet("t", {"Sheet1": []})
    spreadsheet = fake.store.spreadsheets[key]
    cells = [{"userEnteredValue": {"stringValue": "id"}}, {"userEnteredValue": {"numberValue": 7}},
             {"userEnteredValue": {"boolValue": True}}, {}]
    batch_update(spreadsheet, {"requests": [
        {"addSheet": {"properties": {"sheetId": 42, "title": "log", "gridProperties": {"columnCount": 4}}}},
        {"updateCells": {"start": {"sheetId": 42}, "rows": [{"values": cells}], "fields": "userEnteredValue"}}]})
    assert fake.values(key, "log") == [["id", "7", "TRUE"]]
    with pytest.raises(Exception, match="exceeds grid limits"):  # all or nothing: the tab is not added either
        batch_update(spreadsheet, {"requests": [
            {"addSheet": {"properties": {"sheetId": 43, "title": "narrow", "gridProperties": {"columnCount": 1}}}},
            {"updateCells": {"start": {"sheetId": 43}, "rows": [{"values": cells}], "fields": "userEnteredValue"}}]})
    assert [s.title for s in spreadsheet.sheets] == ["Sheet1", "log"]
