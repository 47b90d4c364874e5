"""The spreadsheets the fake holds, how a range string finds its tab and cells, and the API's error answers."""

from __future__ import annotations

import datetime as dt
import json
import random
import string
import threading
from dataclasses import dataclass, field

from .a1 import Box, RangeSyntaxError, echo, looks_like_cells, parse_cells, split_sheet
from .grid import Sheet

STATUS_NAMES = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED", 404: "NOT_FOUND",
                408: "DEADLINE_EXCEEDED", 409: "ABORTED", 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL",
                501: "UNIMPLEMENTED", 502: "UNAVAILABLE", 503: "UNAVAILABLE", 504: "DEADLINE_EXCEEDED"}
_ID_ALPHABET = string.ascii_letters + string.digits + "-_"
_rng = random.SystemRandom()


class ApiError(Exception):
    """An error answer: {"error": {"code", "message", "status"[, "details"]}}."""

    def __init__(self, code: int, message: str, status: str | None = None, details: list | None = None):
        super().__init__(message)
        self.code, self.message = code, message
        self.status = status or STATUS_NAMES.get(code, "UNKNOWN")
        self.details = details

    def body(self) -> dict:
        error = {"code": self.code, "message": self.message, "status": self.status}
        if self.details:
            error["details"] = self.details
        return {"error": error}


def not_found() -> ApiError:
    return ApiError(404, "Requested entity was not found.")


def forbidden() -> ApiError:
    return ApiError(403, "The caller does not have permission")


def bad_range(text: str) -> ApiError:
    return ApiError(400, f"Unable to parse range: {text}")


def exceeds_grid(sheet: Sheet, box: Box) -> ApiError:
    return ApiError(400, f"Range ({echo(sheet.title, box)}) exceeds grid limits. "
                         f"Max rows: {sheet.rows}, max columns: {sheet.cols}")


def field_violation(field_name: str, value: object, kind: str = "google.protobuf.ListValue") -> ApiError:
    """The API's answer to a body field of the wrong JSON type (recorded for 'data.values')."""
    message = f"Invalid value at '{field_name}' (type.googleapis.com/{kind}), {json.dumps(value, ensure_ascii=False)}"
    return ApiError(400, message, details=[{"@type": "type.googleapis.com/google.rpc.BadRequest",
                                            "fieldViolations": [{"field": field_name, "description": message}]}])


def now_rfc3339() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def new_spreadsheet_id() -> str:
    return "1" + "".join(_rng.choice(_ID_ALPHABET) for _ in range(43))


def new_sheet_id(taken: set[int]) -> int:
    while True:
        candidate = _rng.randint(1, 2 ** 31 - 1)
        if candidate not in taken:
            return candidate


@dataclass
class Target:
    """Where a range string points: the tab, the box it names (not clamped) and how it was written."""

    sheet: Sheet
    box: Box
    shape: str  # "sheet" (a bare tab name), "cell" (one cell: only an origin for writes) or "range"


@dataclass
class Spreadsheet:
    spreadsheet_id: str
    title: str
    locale: str = "en_US"
    time_zone: str = "Etc/GMT"
    sheets: list[Sheet] = field(default_factory=list)
    named_ranges: list[dict] = field(default_factory=list)
    shared: bool = True
    created: str = field(default_factory=now_rfc3339)
    modified: str = ""

    def __post_init__(self):
        self.modified = self.modified or self.created

    def touch(self) -> None:
        self.modified = now_rfc3339()

    def sheet_named(self, title: str) -> Sheet | None:
        for sheet in self.sheets:
            if sheet.title == title:
                return sheet
        folded = title.casefold()  # Sheets titles are unique regardless of case
        return next((s for s in self.sheets if s.title.casefold() == folded), None)

    def sheet_by_id(self, sheet_id: object) -> Sheet | None:
        return next((s for s in self.sheets if s.sheet_id == sheet_id), None)

    def sheet_ids(self) -> set[int]:
        return {s.sheet_id for s in self.sheets}

    def target(self, text: str) -> Target:
        """Resolve an A1 range string ("'Tab'!A1:B2", "Tab", "A1:B2" on the first tab, a named range)."""
        try:
            title, cells, _ = split_sheet(text)
        except RangeSyntaxError:
            raise bad_range(text) from None
        if title is None:
            if looks_like_cells(cells):
                sheet = self.sheets[0]
                return Target(sheet, parse_cells(cells).resolve(sheet.rows, sheet.cols), _shape(cells))
            named = self._named(cells)
            if named is not None:
                return named
            sheet = self.sheet_named(cells)
            if sheet is None:
                raise bad_range(text)
            return Target(sheet, sheet.whole(), "sheet")
        sheet = self.sheet_named(title)
        if sheet is None:
            raise bad_range(text)
        if cells is None:
            return Target(sheet, sheet.whole(), "sheet")
        if looks_like_cells(cells):
            return Target(sheet, parse_cells(cells).resolve(sheet.rows, sheet.cols), _shape(cells))
        named = self._named(cells)
        if named is None or named.sheet is not sheet:
            raise bad_range(text)
        return named

    def read_target(self, text: str) -> Target:
        """A range to read or clear: clamped to the grid; one that starts outside it is refused."""
        found = self.target(text)
        sheet, box = found.sheet, found.box
        if box.row0 >= sheet.rows or box.col0 >= sheet.cols:
            raise exceeds_grid(sheet, box)
        return Target(sheet, box.clamped(sheet.rows, sheet.cols), found.shape)

    def _named(self, name: str) -> Target | None:
        for named in self.named_ranges:
            if named["name"].casefold() == name.casefold():
                grid = named["range"]
                sheet = self.sheet_by_id(grid.get("sheetId", 0))
                if sheet is None:
                    return None
                box = Box(grid.get("startRowIndex", 0), grid.get("endRowIndex", sheet.rows),
                          grid.get("startColumnIndex", 0), grid.get("endColumnIndex", sheet.cols))
                return Target(sheet, box, "range")
        return None


def _shape(cells: str) -> str:
    return "range" if ":" in cells else "cell"


class Store:
    """Every spreadsheet by id, behind one lock: each API operation runs whole under it."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.spreadsheets: dict[str, Spreadsheet] = {}

    def add(self, spreadsheet: Spreadsheet) -> None:
        with self.lock:
            if spreadsheet.spreadsheet_id in self.spreadsheets:
                raise ValueError(f"spreadsheet id {spreadsheet.spreadsheet_id!r} is already used")
            self.spreadsheets[spreadsheet.spreadsheet_id] = spreadsheet

    def get(self, spreadsheet_id: str) -> Spreadsheet:
        """The spreadsheet a request names: 404 when unknown, 403 when not shared with the caller."""
        spreadsheet = self.spreadsheets.get(spreadsheet_id)
        if spreadsheet is None:
            raise not_found()
        if not spreadsheet.shared:
            raise forbidden()
        return spreadsheet
