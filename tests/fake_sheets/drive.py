"""The slice of Drive v3 gspread uses: files.list (Client.open / openall), files.get, files.create and files.delete.

Only spreadsheets exist here; there are no folders (a `parents` clause matches only 'root'). The `q` language is
supported for clauses joined by `and`: name = / != / contains, mimeType = / !=, trashed = true|false and
'<id>' in parents. Anything else is refused like Drive refuses a bad query (400 "Invalid Value").
"""

from __future__ import annotations

import re

from .grid import Sheet
from .metadata import apply_mask, parse_mask
from .store import ApiError, Spreadsheet, Store, new_spreadsheet_id

SPREADSHEET_MIME = "application/vnd.google-apps.spreadsheet"
_TOKEN = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|!=|=|[A-Za-z]+)""")


def invalid_query() -> ApiError:
    return ApiError(400, "Invalid Value")


def file_resource(spreadsheet: Spreadsheet) -> dict:
    return {"kind": "drive#file", "id": spreadsheet.spreadsheet_id, "name": spreadsheet.title,
            "mimeType": SPREADSHEET_MIME, "createdTime": spreadsheet.created, "modifiedTime": spreadsheet.modified}


def _tokens(q: str) -> list[str]:
    tokens, position = [], 0
    while position < len(q.rstrip()):
        match = _TOKEN.match(q, position)
        if not match:
            raise invalid_query()
        tokens.append(match.group(1))
        position = match.end()
    return tokens


def _literal(token: str) -> str:
    if len(token) < 2 or token[0] not in "'\"" or token[-1] != token[0]:
        raise invalid_query()
    return re.sub(r"\\(.)", r"\1", token[1:-1])


def _clauses(q: str) -> list:
    """The query as [(field, operator, value)], each clause of the form `field op 'value'` or `'value' in parents`."""
    tokens, clauses = _tokens(q), []
    while tokens:
        if len(tokens) < 3:
            raise invalid_query()
        first, operator, last = tokens[:3]
        tokens = tokens[3:]
        if operator.lower() == "in" and last == "parents":
            clauses.append(("parents", "in", _literal(first)))
        elif first == "parents" and operator.lower() == "in":  # gspread writes `parents in "<folder>"`
            clauses.append(("parents", "in", _literal(last)))
        elif first in ("name", "mimeType") and operator.lower() in ("=", "!=", "contains"):
            clauses.append((first, operator.lower(), _literal(last)))
        elif first == "trashed" and operator == "=" and last.lower() in ("true", "false"):
            clauses.append(("trashed", "=", last.lower() == "true"))
        else:
            raise invalid_query()
        if tokens:
            if tokens[0].lower() != "and":
                raise invalid_query()
            tokens = tokens[1:]
            if not tokens:
                raise invalid_query()
    return clauses


def _matches(spreadsheet: Spreadsheet, clauses: list) -> bool:
    for field, operator, value in clauses:
        if field == "parents":
            ok = value == "root"
        elif field == "trashed":
            ok = value is False
        else:
            actual = spreadsheet.title if field == "name" else SPREADSHEET_MIME
            ok = {"=": actual == value, "!=": actual != value, "contains": value.lower() in actual.lower()}[operator]
        if not ok:
            return False
    return True


def list_files(store: Store, query: dict) -> dict:
    clauses = _clauses(query.get("q", [""])[0])
    found = [s for s in store.spreadsheets.values() if s.shared and _matches(s, clauses)]
    try:
        size = min(max(int(query.get("pageSize", ["100"])[0]), 1), 1000)
        offset = int(query.get("pageToken", ["0"])[0] or 0)
    except ValueError:
        raise invalid_query() from None
    page = found[offset:offset + size]
    answer = {"kind": "drive#fileList"}
    if offset + size < len(found):
        answer["nextPageToken"] = str(offset + size)
    answer["incompleteSearch"] = False
    answer["files"] = [file_resource(s) for s in page]
    mask = parse_mask(query["fields"][0]) if "fields" in query else parse_mask(
        "kind,nextPageToken,incompleteSearch,files(kind,id,name,mimeType)")
    return apply_mask(answer, mask)


def get_file(store: Store, file_id: str, query: dict) -> dict:
    spreadsheet = store.spreadsheets.get(file_id)
    if spreadsheet is None or not spreadsheet.shared:
        raise ApiError(404, f"File not found: {file_id}.")
    mask = parse_mask(query["fields"][0]) if "fields" in query else parse_mask("kind,id,name,mimeType")
    return apply_mask(file_resource(spreadsheet), mask)


def create_file(store: Store, body: dict) -> dict:
    if body.get("mimeType") != SPREADSHEET_MIME:
        raise ApiError(501, "The Tandem fake Drive API only creates Google Sheets files.")
    spreadsheet = Spreadsheet(new_spreadsheet_id(), body.get("name") or "Untitled spreadsheet",
                              sheets=[Sheet(0, "Sheet1", 1000, 26)])
    store.add(spreadsheet)
    return {"kind": "drive#file", "id": spreadsheet.spreadsheet_id, "name": spreadsheet.title,
            "mimeType": SPREADSHEET_MIME}


def delete_file(store: Store, file_id: str) -> None:
    spreadsheet = store.spreadsheets.get(file_id)
    if spreadsheet is None:
        raise ApiError(404, f"File not found: {file_id}.")
    if not spreadsheet.shared:
        raise ApiError(403, "The user does not have sufficient permissions for this file.")
    del store.spreadsheets[file_id]
