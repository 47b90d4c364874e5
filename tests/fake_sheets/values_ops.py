"""The spreadsheets.values methods: get, batchGet, update, append, clear, batchClear and batchUpdate.

Each function takes the spreadsheet (the caller holds the store lock), the decoded range from the path, the query
(dict of lists) and the parsed JSON body, and returns the response body or raises ApiError. A write that fails
part-way through a batch leaves the spreadsheet untouched (the snapshot is restored).
"""

from __future__ import annotations

import copy

from .a1 import Box, column_letters, echo
from .cells import INPUT_OPTIONS, RENDER_OPTIONS, SKIP, BadValue, parse_input
from .store import ApiError, Spreadsheet, exceeds_grid, field_violation

DIMENSIONS = ("ROWS", "COLUMNS")
WRITE_BODY_FIELDS = {"range", "majorDimension", "values"}


# --- parameters and bodies -----------------------------------------------------------------------------------

def query_enum(query: dict, name: str, allowed: tuple, default: str | None, proto: str, type_name: str) -> str | None:
    value = query.get(name, [default])[0]
    if value is None or value in allowed:
        return value
    raise field_violation(proto, value, f"google.apps.sheets.v4.{type_name}")


def input_option(value: str | None) -> str:
    if value is None or value == "INPUT_VALUE_OPTION_UNSPECIFIED":
        raise ApiError(400, "'valueInputOption' is required but not specified")
    if value not in INPUT_OPTIONS:
        raise field_violation("value_input_option", value, "google.apps.sheets.v4.ValueInputOption")
    return value


def check_fields(body: dict, known: set[str]) -> None:
    """Google refuses a body field it does not know (a typo is an error, not ignored)."""
    for name in body:
        if name not in known:
            message = f"Invalid JSON payload received. Unknown name \"{name}\": Cannot find field."
            raise ApiError(400, message, details=[{"@type": "type.googleapis.com/google.rpc.BadRequest",
                                                   "fieldViolations": [{"description": message}]}])


def body_dimension(value: object, field: str) -> str:
    if value in (None, "DIMENSION_UNSPECIFIED", "ROWS"):
        return "ROWS"
    if value == "COLUMNS":
        return "COLUMNS"
    raise field_violation(field, value, "google.apps.sheets.v4.Dimension")


def parsed_rows(values: object, major: str, option: str, field: str) -> list[list[object]]:
    """The body's values as stored cells in rows (SKIP where nothing is written); checked like the API does."""
    if values is None:
        return []
    if not isinstance(values, list):
        raise field_violation(field, values)
    rows = []
    for i, line in enumerate(values):
        if not isinstance(line, list):
            raise ApiError(400, f"Invalid values[{i}]: {_proto_text(line)}")
        parsed = []
        for j, cell in enumerate(line):
            try:
                parsed.append(parse_input(cell, option))
            except BadValue:
                raise ApiError(400, f"Invalid values[{i}][{j}]: {_proto_text(cell)}") from None
        rows.append(parsed)
    if major == "COLUMNS":  # values[j] is column j
        height = max((len(c) for c in rows), default=0)
        rows = [[c[i] if i < len(c) else SKIP for c in rows] for i in range(height)]
    return rows


def _proto_text(value: object) -> str:
    if isinstance(value, list):
        return "list_value {\n}\n"
    if isinstance(value, dict):
        return "struct_value {\n}\n"
    return f"string_value: \"{value}\"" if isinstance(value, str) else f"number_value: {value}"


# --- reading -------------------------------------------------------------------------------------------------

def value_range(title: str, box: Box, major: str, values: list) -> dict:
    """A ValueRange: range, majorDimension, then values only when there is a non-empty cell."""
    answer = {"range": echo(title, box), "majorDimension": major}
    if values:
        answer["values"] = values
    return answer


def _read(spreadsheet: Spreadsheet, text: str, render: str, major: str) -> dict:
    target = spreadsheet.read_target(text)
    values = target.sheet.rendered(target.box, render, columns=major == "COLUMNS")
    return value_range(target.sheet.title, target.box, major, values)


def _read_options(query: dict) -> tuple[str, str]:
    render = query_enum(query, "valueRenderOption", RENDER_OPTIONS, "FORMATTED_VALUE", "value_render_option",
                        "ValueRenderOption")
    major = query_enum(query, "majorDimension", DIMENSIONS + ("DIMENSION_UNSPECIFIED",), "ROWS", "major_dimension",
                       "Dimension")
    return render, "ROWS" if major == "DIMENSION_UNSPECIFIED" else major


def values_get(spreadsheet: Spreadsheet, text: str, query: dict) -> dict:
    render, major = _read_options(query)
    return _read(spreadsheet, text, render, major)


def batch_get(spreadsheet: Spreadsheet, query: dict) -> dict:
    render, major = _read_options(query)
    ranges = [_read(spreadsheet, text, render, major) for text in query.get("ranges", [])]
    answer = {"spreadsheetId": spreadsheet.spreadsheet_id}
    if ranges:
        answer["valueRanges"] = ranges
    return answer


# --- writing -------------------------------------------------------------------------------------------------

def _counts(spreadsheet: Spreadsheet, title: str, row0: int, col0: int, rows: list[list[object]],
            updated: set | None = None) -> dict:
    """UpdateValuesResponse: the box of the data sent from the origin; rows, columns and cells actually written
    (a null is skipped, "" counts). Zero counts are left out, as proto3 JSON does."""
    written = {(row0 + i, col0 + j) for i, line in enumerate(rows) for j, v in enumerate(line) if v is not SKIP}
    if updated is not None:
        updated.update((title, r, c) for r, c in written)
    width = max((len(line) for line in rows), default=0)
    answer = {"spreadsheetId": spreadsheet.spreadsheet_id,
              "updatedRange": echo(title, Box(row0, row0 + max(len(rows), 1), col0, col0 + max(width, 1))),
              "updatedRows": len({r for r, _ in written}), "updatedColumns": len({c for _, c in written}),
              "updatedCells": len(written)}
    return {k: v for k, v in answer.items() if v != 0}


def _with_data(answer: dict, spreadsheet: Spreadsheet, options: dict) -> dict:
    if str(options.get("includeValuesInResponse", "false")).lower() == "true":
        render = options.get("responseValueRenderOption") or "FORMATTED_VALUE"
        answer["updatedData"] = _read(spreadsheet, answer["updatedRange"], render, "ROWS")
    return answer


def _write(spreadsheet: Spreadsheet, text: str, body: dict, option: str, field: str,
           updated: set | None = None) -> dict:
    major = body_dimension(body.get("majorDimension"), field.replace("values", "major_dimension"))
    rows = parsed_rows(body.get("values"), major, option, field)
    target = spreadsheet.target(text)
    sheet, box = target.sheet, target.box
    height, width = len(rows), max((len(line) for line in rows), default=0)
    if target.shape == "range":  # a multi-cell range bounds the write; one cell or a tab name is only an origin
        if height > box.rows:
            raise ApiError(400, f"Requested writing within range [{text}], but tried writing to row "
                                f"[{box.row1 + 1}]")
        if width > box.cols:
            raise ApiError(400, f"Requested writing within range [{text}], but tried writing to column "
                                f"[{column_letters(box.col1)}]")
    written = Box(box.row0, box.row0 + max(height, 1), box.col0, box.col0 + max(width, 1))
    if not written.inside(sheet.rows, sheet.cols):
        raise exceeds_grid(sheet, written)
    sheet.write(box.row0, box.col0, rows)
    spreadsheet.touch()
    return _counts(spreadsheet, sheet.title, box.row0, box.col0, rows, updated)


def update(spreadsheet: Spreadsheet, text: str, query: dict, body: dict) -> dict:
    check_fields(body, WRITE_BODY_FIELDS)
    option = input_option(query.get("valueInputOption", [None])[0])
    answer = _write(spreadsheet, text, body, option, "data.values")
    return _with_data(answer, spreadsheet, _flat(query))


def append(spreadsheet: Spreadsheet, text: str, query: dict, body: dict) -> dict:
    """values.append: find the table (see Sheet.find_table), then write on the rows below it, from its first
    column. INSERT_ROWS inserts that many rows there first; OVERWRITE (the default) writes over whatever is
    there. The grid grows when the data reaches past it, as in Sheets."""
    check_fields(body, WRITE_BODY_FIELDS)
    option = input_option(query.get("valueInputOption", [None])[0])
    insert = query_enum(query, "insertDataOption", ("OVERWRITE", "INSERT_ROWS"), "OVERWRITE", "insert_data_option",
                        "InsertDataOption")
    major = body_dimension(body.get("majorDimension"), "data.major_dimension")
    rows = parsed_rows(body.get("values"), major, option, "data.values")
    target = spreadsheet.read_target(text)
    sheet = target.sheet
    table = sheet.find_table(target.box)
    row0, col0 = (table.row1, table.col0) if table else (target.box.row0, target.box.col0)
    height, width = len(rows), max((len(line) for line in rows), default=0)
    if insert == "INSERT_ROWS" and height:
        sheet.insert("ROWS", row0, height)
    sheet.rows = max(sheet.rows, row0 + height)
    sheet.cols = max(sheet.cols, col0 + width)
    sheet.write(row0, col0, rows)
    spreadsheet.touch()
    updates = _with_data(_counts(spreadsheet, sheet.title, row0, col0, rows), spreadsheet, _flat(query))
    answer = {"spreadsheetId": spreadsheet.spreadsheet_id}
    if table:
        answer["tableRange"] = echo(sheet.title, table)
    answer["updates"] = updates
    return answer


def clear(spreadsheet: Spreadsheet, text: str, body: dict) -> dict:
    check_fields(body, set())
    target = spreadsheet.read_target(text)
    target.sheet.clear(target.box)
    spreadsheet.touch()
    return {"spreadsheetId": spreadsheet.spreadsheet_id, "clearedRange": echo(target.sheet.title, target.box)}


def batch_clear(spreadsheet: Spreadsheet, body: dict) -> dict:
    check_fields(body, {"ranges"})
    targets = [spreadsheet.read_target(text) for text in body.get("ranges") or []]  # all parsed before any clear
    for target in targets:
        target.sheet.clear(target.box)
    spreadsheet.touch()
    answer = {"spreadsheetId": spreadsheet.spreadsheet_id}
    if targets:
        answer["clearedRanges"] = [echo(t.sheet.title, t.box) for t in targets]
    return answer


def batch_update(spreadsheet: Spreadsheet, body: dict) -> dict:
    """values:batchUpdate, all or nothing; totals count distinct rows, columns and sheets actually written."""
    check_fields(body, {"valueInputOption", "data", "includeValuesInResponse", "responseValueRenderOption",
                        "responseDateTimeRenderOption"})
    option = input_option(body.get("valueInputOption"))
    data = body.get("data") or []
    if not isinstance(data, list):
        raise field_violation("data", data, "google.apps.sheets.v4.ValueRange")
    saved = copy.deepcopy(spreadsheet.sheets)
    updated: set = set()
    responses = []
    try:
        for i, item in enumerate(data):
            try:
                if not isinstance(item, dict):
                    raise field_violation(f"data[{i}]", item, "google.apps.sheets.v4.ValueRange")
                check_fields(item, WRITE_BODY_FIELDS)
                if "range" not in item:
                    raise ApiError(400, "Invalid request: range is required")
                answer = _write(spreadsheet, item["range"], item, option, f"data[{i}].values", updated)
            except ApiError as exc:
                raise ApiError(exc.code, f"Invalid data[{i}]: {exc.message}", exc.status, exc.details) from None
            responses.append(_with_data(answer, spreadsheet, body))
    except ApiError:
        spreadsheet.sheets[:] = saved
        raise
    totals = {"totalUpdatedRows": len({(t, r) for t, r, _ in updated}),
              "totalUpdatedColumns": len({(t, c) for t, _, c in updated}),
              "totalUpdatedCells": len(updated), "totalUpdatedSheets": len({t for t, _, _ in updated})}
    answer = {"spreadsheetId": spreadsheet.spreadsheet_id, **{k: v for k, v in totals.items() if v}}
    if responses:
        answer["responses"] = responses
    return answer


def _flat(query: dict) -> dict:
    return {k: v[0] for k, v in query.items() if v}
