"""spreadsheets:batchUpdate: the structural requests the fake models, applied all-or-nothing.

Supported: addSheet, deleteSheet, updateSheetProperties (title, index, hidden, gridProperties), insertDimension,
deleteDimension, appendDimension, updateCells (userEnteredValue from a `start` cell; a new tab and its header in
one atomic request), updateSpreadsheetProperties (title, locale, timeZone), addNamedRange,
deleteNamedRange. Formatting that leaves values alone (repeatCell of userEnteredFormat only, updateBorders,
autoResizeDimensions, updateDimensionProperties) is accepted and ignored. Every other real request kind answers
400 "Invalid requests[i].<kind>: ... not supported by the Tandem fake ..."; a name that is no request kind answers
Google's "Unknown name" error.
"""

from __future__ import annotations

import copy
import random

from .cells import CLEAR, parse_input
from .grid import Sheet
from .metadata import grid_range, resource, sheet_properties
from .store import ApiError, Spreadsheet, new_sheet_id
from .values_ops import check_fields

REAL_KINDS = set("""updateSpreadsheetProperties updateSheetProperties updateDimensionProperties updateNamedRange
repeatCell addNamedRange deleteNamedRange addSheet deleteSheet autoFill cutPaste copyPaste mergeCells unmergeCells
updateBorders updateCells addFilterView appendCells clearBasicFilter deleteDimension deleteEmbeddedObject
deleteFilterView duplicateFilterView duplicateSheet findReplace insertDimension insertRange moveDimension
updateEmbeddedObjectPosition pasteData textToColumns updateFilterView deleteRange appendDimension
addConditionalFormatRule updateConditionalFormatRule deleteConditionalFormatRule sortRange setDataValidation
setBasicFilter addProtectedRange updateProtectedRange deleteProtectedRange autoResizeDimensions addChart
updateChartSpec updateBanding addBanding deleteBanding createDeveloperMetadata updateDeveloperMetadata
deleteDeveloperMetadata randomizeRange addDimensionGroup deleteDimensionGroup updateDimensionGroup trimWhitespace
deleteDuplicates updateEmbeddedObjectBorder addSlicer updateSlicerSpec addDataSource updateDataSource
deleteDataSource refreshDataSource cancelDataSourceRefresh addTable updateTable deleteTable""".split())
IGNORED_FORMATTING = {"updateBorders", "autoResizeDimensions", "updateDimensionProperties"}


class RequestError(Exception):
    """Why one request is invalid; reported as 'Invalid requests[i].<kind>: <reason>'."""


def batch_update(spreadsheet: Spreadsheet, body: dict) -> dict:
    check_fields(body, {"requests", "includeSpreadsheetInResponse", "responseRanges", "responseIncludeGridData"})
    requests = body.get("requests") or []
    saved = (copy.deepcopy(spreadsheet.sheets), copy.deepcopy(spreadsheet.named_ranges),
             spreadsheet.title, spreadsheet.locale, spreadsheet.time_zone)
    replies = []
    try:
        for i, request in enumerate(requests):
            replies.append(_one(spreadsheet, i, request))
    except ApiError:
        (spreadsheet.sheets, spreadsheet.named_ranges, spreadsheet.title, spreadsheet.locale,
         spreadsheet.time_zone) = saved
        raise
    spreadsheet.touch()
    answer = {"spreadsheetId": spreadsheet.spreadsheet_id}
    if replies:
        answer["replies"] = replies
    if body.get("includeSpreadsheetInResponse"):
        answer["updatedSpreadsheet"] = resource(spreadsheet)
    return answer


def _one(spreadsheet: Spreadsheet, i: int, request: object) -> dict:
    if not isinstance(request, dict) or len(request) != 1:
        raise ApiError(400, f"Invalid requests[{i}]: exactly one kind of request must be set.")
    kind, args = next(iter(request.items()))
    if kind not in REAL_KINDS:
        message = f"Invalid JSON payload received. Unknown name \"{kind}\" at 'requests[{i}]': Cannot find field."
        raise ApiError(400, message, details=[{"@type": "type.googleapis.com/google.rpc.BadRequest",
                                               "fieldViolations": [{"field": f"requests[{i}]",
                                                                    "description": message}]}])
    handler = _HANDLERS.get(kind)
    if kind in IGNORED_FORMATTING or (kind == "repeatCell" and _only_format(args)):
        handler = _ignore
    if handler is None:
        raise ApiError(400, f"Invalid requests[{i}].{kind}: {kind} is not supported by the Tandem fake Sheets API.")
    try:
        return handler(spreadsheet, args if isinstance(args, dict) else {})
    except RequestError as exc:
        raise ApiError(400, f"Invalid requests[{i}].{kind}: {exc}") from None


def _only_format(args: object) -> bool:
    fields = str(args.get("fields", "")) if isinstance(args, dict) else ""
    return bool(fields) and all(f.strip().startswith("userEnteredFormat") for f in _top_fields(fields))


def _top_fields(fields: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in fields:
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
            continue
        depth += (ch == "(") - (ch == ")")
        current += ch
    return parts + [current]


def _ignore(spreadsheet: Spreadsheet, args: dict) -> dict:
    return {}


def _sheet(spreadsheet: Spreadsheet, sheet_id: object) -> Sheet:
    sheet = spreadsheet.sheet_by_id(sheet_id if sheet_id is not None else 0)
    if sheet is None:
        raise RequestError(f"No grid with id: {sheet_id if sheet_id is not None else 0}")
    return sheet


def _title_free(spreadsheet: Spreadsheet, title: str, keep: Sheet | None = None) -> None:
    other = spreadsheet.sheet_named(title)
    if other is not None and other is not keep:
        raise RequestError(f"A sheet with the name \"{title}\" already exists. Please enter another name.")


def _add_sheet(spreadsheet: Spreadsheet, args: dict) -> dict:
    props = args.get("properties") or {}
    grid = props.get("gridProperties") or {}
    title = props.get("title")
    if title is None:
        n = len(spreadsheet.sheets) + 1
        while spreadsheet.sheet_named(f"Sheet{n}") is not None:
            n += 1
        title = f"Sheet{n}"
    _title_free(spreadsheet, title)
    sheet_id = props.get("sheetId")
    if sheet_id is None:
        sheet_id = new_sheet_id(spreadsheet.sheet_ids())
    elif sheet_id in spreadsheet.sheet_ids():
        raise RequestError(f"A sheet with the id {sheet_id} already exists.")
    sheet = Sheet(sheet_id, title, grid.get("rowCount", 1000), grid.get("columnCount", 26),
                  hidden=bool(props.get("hidden")), frozen_rows=grid.get("frozenRowCount", 0),
                  frozen_cols=grid.get("frozenColumnCount", 0))
    index = min(props.get("index", len(spreadsheet.sheets)), len(spreadsheet.sheets))
    spreadsheet.sheets.insert(index, sheet)
    return {"addSheet": {"properties": sheet_properties(sheet, index)}}


def _delete_sheet(spreadsheet: Spreadsheet, args: dict) -> dict:
    sheet = _sheet(spreadsheet, args.get("sheetId"))
    if len(spreadsheet.sheets) == 1:
        raise RequestError("You can't remove all the sheets in a document.")
    spreadsheet.sheets.remove(sheet)
    spreadsheet.named_ranges[:] = [n for n in spreadsheet.named_ranges
                                   if n["range"].get("sheetId", 0) != sheet.sheet_id]
    return {}


def _update_sheet_properties(spreadsheet: Spreadsheet, args: dict) -> dict:
    props = args.get("properties") or {}
    sheet = _sheet(spreadsheet, props.get("sheetId"))
    fields = [f.strip().replace("/", ".") for f in _top_fields(str(args.get("fields", ""))) if f.strip()]
    if not fields:
        raise RequestError("At least one field must be updated, but 'fields' is empty.")
    if "*" in fields:
        fields = ["title", "index", "hidden", "gridProperties"]
    grid = props.get("gridProperties") or {}
    wanted = {"gridProperties.rowCount", "gridProperties.columnCount", "gridProperties.frozenRowCount",
              "gridProperties.frozenColumnCount"}
    fields = [f for f in fields if f != "gridProperties"] + (sorted(wanted) if "gridProperties" in fields else [])
    rows, cols = sheet.rows, sheet.cols
    for name in fields:
        if name == "title":
            title = props.get("title") or ""
            if not title:
                raise RequestError("The sheet name cannot be empty.")
            _title_free(spreadsheet, title, keep=sheet)
            sheet.title = title
        elif name == "hidden":
            sheet.hidden = bool(props.get("hidden"))
            if all(s.hidden for s in spreadsheet.sheets):
                raise RequestError("You can't hide all the sheets in a document.")
        elif name == "index":
            spreadsheet.sheets.remove(sheet)
            spreadsheet.sheets.insert(min(int(props.get("index", 0)), len(spreadsheet.sheets)), sheet)
        elif name == "gridProperties.rowCount":
            rows = int(grid.get("rowCount", 0))
        elif name == "gridProperties.columnCount":
            cols = int(grid.get("columnCount", 0))
        elif name == "gridProperties.frozenRowCount":
            sheet.frozen_rows = int(grid.get("frozenRowCount", 0))
        elif name == "gridProperties.frozenColumnCount":
            sheet.frozen_cols = int(grid.get("frozenColumnCount", 0))
        # other sheet properties (tabColor, rightToLeft, ...) are formatting: accepted and ignored
    if rows < 1 or cols < 1:
        raise RequestError("The grid must keep at least one row and one column.")
    if (rows, cols) != (sheet.rows, sheet.cols):
        sheet.resize(rows, cols)
    return {}


def _update_spreadsheet_properties(spreadsheet: Spreadsheet, args: dict) -> dict:
    props = args.get("properties") or {}
    fields = [f.strip() for f in _top_fields(str(args.get("fields", ""))) if f.strip()]
    if "*" in fields:
        fields = ["title", "locale", "timeZone"]
    for name, attribute in (("title", "title"), ("locale", "locale"), ("timeZone", "time_zone")):
        if name in fields and props.get(name):
            setattr(spreadsheet, attribute, props[name])
    return {}


def _dimension_range(spreadsheet: Spreadsheet, args: dict, default_end: bool) -> tuple[Sheet, str, int, int]:
    grid = args.get("range") or {}
    sheet = _sheet(spreadsheet, grid.get("sheetId"))
    dimension = grid.get("dimension")
    if dimension not in ("ROWS", "COLUMNS"):
        raise RequestError("range.dimension must be ROWS or COLUMNS.")
    size = sheet.rows if dimension == "ROWS" else sheet.cols
    start = int(grid.get("startIndex", 0))
    end = int(grid.get("endIndex", size if default_end else start))
    if start < 0 or end <= start:
        raise RequestError(f"Invalid dimension range: startIndex {start}, endIndex {end}.")
    return sheet, dimension, start, end


def _insert_dimension(spreadsheet: Spreadsheet, args: dict) -> dict:
    sheet, dimension, start, end = _dimension_range(spreadsheet, args, default_end=False)
    if start > (sheet.rows if dimension == "ROWS" else sheet.cols):
        raise RequestError(f"Cannot insert at index {start}: the sheet has fewer {dimension.lower()}.")
    sheet.insert(dimension, start, end - start)
    return {}


def _delete_dimension(spreadsheet: Spreadsheet, args: dict) -> dict:
    sheet, dimension, start, end = _dimension_range(spreadsheet, args, default_end=True)
    size = sheet.rows if dimension == "ROWS" else sheet.cols
    if end > size:
        raise RequestError(f"Cannot delete {dimension.lower()} {start}..{end - 1}: the sheet has {size}.")
    if start == 0 and end == size:
        noun = "rows" if dimension == "ROWS" else "columns"
        raise RequestError(f"You can't delete all the {noun} on the sheet.")
    sheet.delete(dimension, start, end)
    return {}


def _append_dimension(spreadsheet: Spreadsheet, args: dict) -> dict:
    sheet = _sheet(spreadsheet, args.get("sheetId"))
    length = int(args.get("length", 0))
    if args.get("dimension") not in ("ROWS", "COLUMNS") or length < 1:
        raise RequestError("appendDimension needs a dimension (ROWS or COLUMNS) and a positive length.")
    sheet.insert(args["dimension"], sheet.rows if args["dimension"] == "ROWS" else sheet.cols, length)
    return {}


def _add_named_range(spreadsheet: Spreadsheet, args: dict) -> dict:
    named = dict(args.get("namedRange") or {})
    name = named.get("name") or ""
    if any(n["name"].casefold() == name.casefold() for n in spreadsheet.named_ranges):
        raise RequestError(f"Named range with name {name} already exists.")
    _sheet(spreadsheet, (named.get("range") or {}).get("sheetId"))
    named["namedRangeId"] = named.get("namedRangeId") or str(random.randint(10 ** 8, 2 ** 31 - 1))
    named["range"] = dict(named.get("range") or {})
    spreadsheet.named_ranges.append(named)
    return {"addNamedRange": {"namedRange": {"namedRangeId": named["namedRangeId"], "name": name,
                                             "range": grid_range(named["range"])}}}


def _delete_named_range(spreadsheet: Spreadsheet, args: dict) -> dict:
    before = len(spreadsheet.named_ranges)
    spreadsheet.named_ranges[:] = [n for n in spreadsheet.named_ranges
                                   if n["namedRangeId"] != args.get("namedRangeId")]
    if len(spreadsheet.named_ranges) == before:
        raise RequestError(f"No named range with id {args.get('namedRangeId')}.")
    return {}


def _update_cells(spreadsheet: Spreadsheet, args: dict) -> dict:
    """Values only (fields must be userEnteredValue), written from `start`; an empty cell object clears."""
    if "range" in args or "start" not in args:
        raise RequestError("the fake supports updateCells with a start cell only.")
    if args.get("fields") != "userEnteredValue":
        raise RequestError("the fake supports updateCells with fields=userEnteredValue only.")
    start = args["start"]
    sheet = _sheet(spreadsheet, start.get("sheetId"))
    row0, col0 = start.get("rowIndex", 0), start.get("columnIndex", 0)
    stored = []
    for row in args.get("rows") or []:
        line = []
        for cell in row.get("values") or []:
            entered = (cell or {}).get("userEnteredValue") or {}
            if "stringValue" in entered:
                line.append(entered["stringValue"] if entered["stringValue"] != "" else CLEAR)
            elif "numberValue" in entered:
                line.append(parse_input(entered["numberValue"], "RAW"))
            elif "boolValue" in entered:
                line.append(bool(entered["boolValue"]))
            elif "formulaValue" in entered:
                line.append(parse_input(entered["formulaValue"], "USER_ENTERED"))
            else:
                line.append(CLEAR)
        stored.append(line)
    width = max((len(line) for line in stored), default=0)
    if row0 + len(stored) > sheet.rows or col0 + width > sheet.cols:
        raise RequestError(f"Range ('{sheet.title}') exceeds grid limits. Max rows: {sheet.rows}, max columns: "
                           f"{sheet.cols}")
    sheet.write(row0, col0, stored)
    return {}


_HANDLERS = {"addSheet": _add_sheet, "updateCells": _update_cells, "deleteSheet": _delete_sheet, "updateSheetProperties": _update_sheet_properties,
             "updateSpreadsheetProperties": _update_spreadsheet_properties, "insertDimension": _insert_dimension,
             "deleteDimension": _delete_dimension, "appendDimension": _append_dimension,
             "addNamedRange": _add_named_range, "deleteNamedRange": _delete_named_range}
