"""One tab: a sparse grid of stored cells with its size, and the reading, writing and row/column moves on it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .a1 import Box
from .cells import CLEAR, SKIP, render


@dataclass
class Sheet:
    sheet_id: int
    title: str
    rows: int
    cols: int
    hidden: bool = False
    frozen_rows: int = 0
    frozen_cols: int = 0
    cells: dict[tuple[int, int], object] = field(default_factory=dict)  # (row, col) -> stored value; empty = absent

    def whole(self) -> Box:
        return Box(0, self.rows, 0, self.cols)

    # --- reading ---------------------------------------------------------------------------------------------

    def rendered(self, box: Box, option: str, columns: bool = False) -> list[list[object]]:
        """The cells of `box` rendered and trimmed like a ValueRange's 'values' (ROWS, or COLUMNS when asked)."""
        inside = [k for k in self.cells if box.row0 <= k[0] < box.row1 and box.col0 <= k[1] < box.col1]
        if not inside:
            return []
        last_row = max(k[0] for k in inside) + 1  # nothing to render past the last stored cell
        last_col = max(k[1] for k in inside) + 1
        outer = range(box.col0, last_col) if columns else range(box.row0, last_row)
        inner = range(box.row0, last_row) if columns else range(box.col0, last_col)
        lines = []
        for a in outer:
            line = []
            for b in inner:
                value = self.cells.get((b, a) if columns else (a, b))
                line.append("" if value is None else render(value, option))
            lines.append(line)
        return trim(lines)

    def is_empty(self, row: int, col: int) -> bool:
        return (row, col) not in self.cells

    # --- writing ---------------------------------------------------------------------------------------------

    def write(self, row0: int, col0: int, stored: list[list[object]]) -> None:
        """Write parsed values (SKIP leaves a cell alone, CLEAR empties it) with the top-left at (row0, col0)."""
        for i, line in enumerate(stored):
            for j, value in enumerate(line):
                if value is SKIP:
                    continue
                if value is CLEAR:
                    self.cells.pop((row0 + i, col0 + j), None)
                else:
                    self.cells[(row0 + i, col0 + j)] = value

    def clear(self, box: Box) -> None:
        for key in [k for k in self.cells if box.row0 <= k[0] < box.row1 and box.col0 <= k[1] < box.col1]:
            del self.cells[key]

    # --- rows and columns ------------------------------------------------------------------------------------

    def insert(self, dimension: str, start: int, count: int) -> None:
        """Insert `count` empty rows (or columns) before index `start`, shifting later cells along."""
        axis = 0 if dimension == "ROWS" else 1
        moved = {}
        for key, value in self.cells.items():
            if key[axis] >= start:
                key = (key[0] + count, key[1]) if axis == 0 else (key[0], key[1] + count)
            moved[key] = value
        self.cells = moved
        if axis == 0:
            self.rows += count
        else:
            self.cols += count

    def delete(self, dimension: str, start: int, end: int) -> None:
        """Delete rows (or columns) start..end-1, shifting later cells back."""
        axis, count = (0 if dimension == "ROWS" else 1), end - start
        kept = {}
        for key, value in self.cells.items():
            if start <= key[axis] < end:
                continue
            if key[axis] >= end:
                key = (key[0] - count, key[1]) if axis == 0 else (key[0], key[1] - count)
            kept[key] = value
        self.cells = kept
        if axis == 0:
            self.rows -= count
        else:
            self.cols -= count

    def resize(self, rows: int, cols: int) -> None:
        """A smaller grid drops the cells outside it, as Sheets does."""
        self.rows, self.cols = rows, cols
        self.cells = {k: v for k, v in self.cells.items() if k[0] < rows and k[1] < cols}

    # --- tables, for values.append -------------------------------------------------------------------------

    def find_table(self, search: Box) -> Box | None:
        """The table values.append writes below, found from `search` (the requested range, clamped to the grid).

        The seed is the first non-empty cell of the range in reading order (row by row); no seed, no table. From
        the seed the table grows down while the next row has a value in the table's columns, and right (or left)
        while the next column has a value in the table's rows, until nothing grows; it never grows upwards. An
        empty column therefore ends a table, as in Sheets: after a first row A1, (blank B1), C1, the range
        'Sheet1'!A1 finds the table A1 (recorded). For a whole-sheet range Google picked C1 there (the recorded
        quirk); this model finds A1 again, so such an append lands at A2 rather than C2.
        """
        inside = [k for k in self.cells if search.row0 <= k[0] < search.row1 and search.col0 <= k[1] < search.col1]
        if not inside:
            return None
        seed = min(inside)  # reading order: the first row, then its first column
        row0, col0 = seed
        row1, col1 = row0 + 1, col0 + 1
        while True:
            start = (row1, col0, col1)
            while row1 < self.rows and any((row1, c) in self.cells for c in range(col0, col1)):
                row1 += 1
            while col1 < self.cols and any((r, col1) in self.cells for r in range(row0, row1)):
                col1 += 1
            while col0 > 0 and any((r, col0 - 1) in self.cells for r in range(row0, row1)):
                col0 -= 1
            if (row1, col0, col1) == start:
                break
        return Box(row0, row1, col0, col1)


def trim(lines: list[list[object]]) -> list[list[object]]:
    """Drop trailing empty cells of each line and trailing empty lines; an empty line in the middle stays []."""
    trimmed = []
    for line in lines:
        end = len(line)
        while end and line[end - 1] == "":
            end -= 1
        trimmed.append(line[:end])
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    return trimmed
