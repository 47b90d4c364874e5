"""A1 notation: parsing the ranges clients send, and echoing ranges the way the Sheets API writes them.

Rows and columns are 0-based and half-open inside the fake (`Box(0, 2, 0, 3)` is A1:C2); A1 text is 1-based.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_COLUMN_LETTERS = 3  # ZZZ = 18278, the Sheets column limit
_ENDPOINT = re.compile(r"^\$?([A-Za-z]*)\$?([0-9]*)$")
_PLAIN_TITLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CELL_LIKE_TITLE = re.compile(r"^([A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc][0-9]*)$")


class RangeSyntaxError(ValueError):
    """The text is not A1 notation (the API answers 'Unable to parse range: <text>')."""


@dataclass(frozen=True)
class Box:
    """A rectangle of cells, 0-based, end-exclusive."""

    row0: int
    row1: int
    col0: int
    col1: int

    @property
    def rows(self) -> int:
        return self.row1 - self.row0

    @property
    def cols(self) -> int:
        return self.col1 - self.col0

    def clamped(self, rows: int, cols: int) -> "Box":
        return Box(self.row0, min(self.row1, rows), self.col0, min(self.col1, cols))

    def inside(self, rows: int, cols: int) -> bool:
        return self.row1 <= rows and self.col1 <= cols


@dataclass(frozen=True)
class Endpoint:
    col: int | None  # 0-based; None when the notation leaves it open ("1:2")
    row: int | None  # 0-based; None when open ("A:B", "A1:C")


@dataclass(frozen=True)
class CellRef:
    """The part after '!': one endpoint (a cell) or two (a range, possibly open-ended or reversed)."""

    start: Endpoint
    end: Endpoint | None

    def resolve(self, rows: int, cols: int) -> Box:
        """Fill open ends from the grid size (A1:C -> A1:C<rows>, A2:2 -> A2:<last col>2) and order the corners."""
        if self.end is None:
            return Box(self.start.row, self.start.row + 1, self.start.col, self.start.col + 1)
        r_a = 0 if self.start.row is None else self.start.row
        c_a = 0 if self.start.col is None else self.start.col
        r_b = rows - 1 if self.end.row is None else self.end.row
        c_b = cols - 1 if self.end.col is None else self.end.col
        return Box(min(r_a, r_b), max(r_a, r_b) + 1, min(c_a, c_b), max(c_a, c_b) + 1)


def column_letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    value = 0
    for ch in letters.upper():
        value = value * 26 + ord(ch) - 64
    return value - 1


def _endpoint(text: str) -> Endpoint:
    match = _ENDPOINT.match(text)
    if not match or not text.replace("$", "") or len(match.group(1)) > MAX_COLUMN_LETTERS:
        raise RangeSyntaxError(text)
    letters, digits = match.groups()
    if digits and int(digits) == 0:
        raise RangeSyntaxError(text)  # there is no row 0 ("SEIZE!A2:A0" is refused by the API)
    return Endpoint(column_index(letters) if letters else None, int(digits) - 1 if digits else None)


def parse_cells(text: str) -> CellRef:
    """'B2', 'A1:C3', 'A:A', '2:2', 'A1:C', 'D4:A1' (reversed); raises RangeSyntaxError otherwise."""
    parts = text.split(":")
    if len(parts) == 1:
        point = _endpoint(parts[0])
        if point.col is None or point.row is None:
            raise RangeSyntaxError(text)  # a lone 'A' or '3' is not a cell
        return CellRef(point, None)
    if len(parts) != 2:
        raise RangeSyntaxError(text)
    start, end = _endpoint(parts[0]), _endpoint(parts[1])
    only_cols = start.row is None and start.col is not None, end.row is None and end.col is not None
    only_rows = start.col is None and start.row is not None, end.col is None and end.row is not None
    if (only_cols[0] and only_rows[1]) or (only_rows[0] and only_cols[1]):
        raise RangeSyntaxError(text)  # 'A:2' mixes a column with a row
    return CellRef(start, end)


def looks_like_cells(text: str) -> bool:
    try:
        parse_cells(text)
    except RangeSyntaxError:
        return False
    return True


def split_sheet(text: str) -> tuple[str | None, str | None, bool]:
    """Split "'My tab'!A1:B2" into (title, cells, title_was_quoted). Either part may be None."""
    if text.startswith("'"):
        title, i = [], 1
        while i < len(text):
            if text[i] == "'":
                if text[i + 1:i + 2] == "'":  # '' inside quotes is one quote
                    title.append("'")
                    i += 2
                    continue
                break
            title.append(text[i])
            i += 1
        else:
            raise RangeSyntaxError(text)
        rest = text[i + 1:]
        if rest == "":
            return "".join(title), None, True
        if not rest.startswith("!") or len(rest) == 1:
            raise RangeSyntaxError(text)
        return "".join(title), rest[1:], True
    if "!" in text:
        title, _, cells = text.rpartition("!")
        if not title or not cells:
            raise RangeSyntaxError(text)
        return title, cells, False
    return None, text, False


def quote_title(title: str) -> str:
    """Sheets quotes a title only when it must: 'Sheet1' stays bare, 'D3', '🌵 x' and 'My tab' get quotes."""
    if _PLAIN_TITLE.match(title) and not _CELL_LIKE_TITLE.match(title):
        return title
    return "'" + title.replace("'", "''") + "'"


def box_a1(box: Box) -> str:
    start = f"{column_letters(box.col0)}{box.row0 + 1}"
    if box.rows == 1 and box.cols == 1:
        return start  # a single cell is echoed as 'B1', never 'B1:B1'
    return f"{start}:{column_letters(box.col1 - 1)}{box.row1}"


def echo(title: str, box: Box) -> str:
    return f"{quote_title(title)}!{box_a1(box)}"


def cell_a1(row: int, col: int) -> str:
    return f"{column_letters(col)}{row + 1}"
