"""spreadsheets.get without grid data: the Spreadsheet resource as recorded, and `fields=` masks."""

from __future__ import annotations

from .grid import Sheet
from .store import ApiError, Spreadsheet

# Copied from the recordings (identical in every one): a new spreadsheet's default format and theme.
_RGB = lambda r, g, b: {"rgbColor": {"red": r, "green": g, "blue": b}}  # noqa: E731
DEFAULT_FORMAT = {
    "backgroundColor": {"red": 1, "green": 1, "blue": 1},
    "padding": {"top": 2, "right": 3, "bottom": 2, "left": 3},
    "verticalAlignment": "BOTTOM", "wrapStrategy": "OVERFLOW_CELL",
    "textFormat": {"foregroundColor": {}, "fontFamily": "arial,sans,sans-serif", "fontSize": 10, "bold": False,
                   "italic": False, "strikethrough": False, "underline": False,
                   "foregroundColorStyle": {"rgbColor": {}}},
    "backgroundColorStyle": _RGB(1, 1, 1),
}
SPREADSHEET_THEME = {"primaryFontFamily": "Arial", "themeColors": [
    {"colorType": "TEXT", "color": {"rgbColor": {}}},
    {"colorType": "BACKGROUND", "color": _RGB(1, 1, 1)},
    {"colorType": "ACCENT1", "color": _RGB(0.25882354, 0.52156866, 0.95686275)},
    {"colorType": "ACCENT2", "color": _RGB(0.91764706, 0.2627451, 0.20784314)},
    {"colorType": "ACCENT3", "color": _RGB(0.9843137, 0.7372549, 0.015686275)},
    {"colorType": "ACCENT4", "color": _RGB(0.20392157, 0.65882355, 0.3254902)},
    {"colorType": "ACCENT5", "color": _RGB(1, 0.42745098, 0.003921569)},
    {"colorType": "ACCENT6", "color": _RGB(0.27450982, 0.7411765, 0.7764706)},
    {"colorType": "LINK", "color": _RGB(0.06666667, 0.33333334, 0.8)},
]}
SPREADSHEET_FIELDS = ("spreadsheetId", "properties", "sheets", "namedRanges", "spreadsheetUrl", "developerMetadata",
                      "dataSources", "dataSourceSchedules")


def sheet_properties(sheet: Sheet, index: int) -> dict:
    """SheetProperties; false and zero values are left out, as the API does (hidden appears only when true)."""
    grid = {"rowCount": sheet.rows, "columnCount": sheet.cols}
    if sheet.frozen_rows:
        grid["frozenRowCount"] = sheet.frozen_rows
    if sheet.frozen_cols:
        grid["frozenColumnCount"] = sheet.frozen_cols
    properties = {"sheetId": sheet.sheet_id, "title": sheet.title, "index": index, "sheetType": "GRID",
                  "gridProperties": grid}
    if sheet.hidden:
        properties["hidden"] = True
    return properties


def grid_range(grid: dict) -> dict:
    """A GridRange as echoed: sheetId 0 is left out (a plain proto3 int); the indices, which have presence,
    are kept whenever they were given, 0 included (recorded)."""
    answer = {"sheetId": grid["sheetId"]} if grid.get("sheetId") else {}
    for name in ("startRowIndex", "endRowIndex", "startColumnIndex", "endColumnIndex"):
        if grid.get(name) is not None:
            answer[name] = grid[name]
    return answer


def resource(spreadsheet: Spreadsheet) -> dict:
    answer = {
        "spreadsheetId": spreadsheet.spreadsheet_id,
        "properties": {"title": spreadsheet.title, "locale": spreadsheet.locale, "autoRecalc": "ON_CHANGE",
                       "timeZone": spreadsheet.time_zone, "defaultFormat": DEFAULT_FORMAT,
                       "spreadsheetTheme": SPREADSHEET_THEME},
        "sheets": [{"properties": sheet_properties(s, i)} for i, s in enumerate(spreadsheet.sheets)],
    }
    if spreadsheet.named_ranges:
        answer["namedRanges"] = [{"namedRangeId": n["namedRangeId"], "name": n["name"],
                                  "range": grid_range(n["range"])} for n in spreadsheet.named_ranges]
    answer["spreadsheetUrl"] = f"https://docs.google.com/spreadsheets/d/{spreadsheet.spreadsheet_id}/edit"
    return answer


def get(spreadsheet: Spreadsheet, query: dict) -> dict:
    if str(query.get("includeGridData", ["false"])[0]).lower() == "true":
        raise ApiError(501, "includeGridData=true is not supported by the Tandem fake Sheets API")
    answer = resource(spreadsheet)
    if "fields" in query:
        mask = parse_mask(query["fields"][0])
        unknown = [name for name in mask if name not in SPREADSHEET_FIELDS and name != "*"]
        if unknown:
            raise ApiError(400, f"Request contains an invalid argument. (unknown field {unknown[0]!r})")
        answer = apply_mask(answer, mask)
    return answer


# --- field masks ---------------------------------------------------------------------------------------------

def parse_mask(text: str) -> dict:
    """'sheets.properties(title,index),namedRanges' -> {'sheets': {'properties': {'title': None, 'index': None}},
    'namedRanges': None}; None means the whole value. '/' works like '.'; '*' keeps everything at its level."""
    mask, _ = _mask_list(text.replace(" ", ""), 0)
    return mask


def _mask_list(text: str, i: int) -> tuple[dict, int]:
    mask: dict = {}
    while i < len(text):
        start = i
        while i < len(text) and text[i] not in ",()":
            i += 1
        path = [p for p in text[start:i].replace("/", ".").split(".") if p]
        sub = None
        if i < len(text) and text[i] == "(":
            sub, i = _mask_list(text, i + 1)
            i += 1  # the closing ')'
        if path:
            _merge(mask, path, sub)
        if i < len(text) and text[i] == ",":
            i += 1
        elif i < len(text) and text[i] == ")":
            return mask, i
    return mask, i


def _merge(mask: dict, path: list[str], sub: dict | None) -> None:
    for name in path[:-1]:
        if name in mask and mask[name] is None:
            return  # already the whole value
        mask = mask.setdefault(name, {})
    last = path[-1]
    if sub is None or (last in mask and mask[last] is None):
        mask[last] = None
    else:
        existing = mask.setdefault(last, {})
        for key, value in sub.items():
            _merge(existing, [key], value)


def apply_mask(value: object, mask: dict | None) -> object:
    if mask is None or "*" in mask:
        return value
    if isinstance(value, list):
        return [apply_mask(item, mask) for item in value]
    if isinstance(value, dict):
        return {k: apply_mask(v, mask[k]) for k, v in value.items() if k in mask}
    return value
