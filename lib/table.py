"""A tab as the user wrote it: header, physical row numbers and cell text, plus how headers map to the contract."""

from __future__ import annotations

from dataclasses import dataclass, field

from .contract import (FIRST_NAME_HEADERS, LAST_NAME_HEADERS, TabSpec, column_letter, header_lookup,
                       normalise_header)


@dataclass
class RawRow:
    number: int  # the row number the user sees in their spreadsheet (header = 1, blank rows counted)
    cells: list[str]


@dataclass
class ColumnMap:
    """Where each contract column lives in the user's header (0-based indexes)."""

    index: dict[str, int] = field(default_factory=dict)
    first_name: int | None = None
    last_name: int | None = None
    extras: list[int] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (column, index) of ignored repeats

    def header_of(self, header: list[str], column: str) -> str:
        if column in self.index:
            return header[self.index[column]]
        if column == "name" and self.first_name is not None:
            parts = [header[i] for i in (self.first_name, self.last_name) if i is not None]
            return " + ".join(parts)
        return column


@dataclass
class RawTable:
    tab: str  # contract tab name
    title: str  # the user's tab or file name
    header: list[str]
    rows: list[RawRow]
    header_row: int = 1
    columns: ColumnMap = field(default_factory=ColumnMap)

    def cell(self, row: RawRow, column: str) -> str:
        """The text of a contract column in a row ('' when the column is absent)."""
        if column == "name" and "name" not in self.columns.index and self.columns.first_name is not None:
            parts = [row.cells[i].strip() for i in (self.columns.first_name, self.columns.last_name)
                     if i is not None and i < len(row.cells)]
            return " ".join(p for p in parts if p)
        i = self.columns.index.get(column)
        return row.cells[i] if i is not None and i < len(row.cells) else ""

    def record(self, row: RawRow) -> dict[str, str]:
        """The whole row keyed by the user's headers, as the conflict check compares it."""
        return {h or column_letter(i): (row.cells[i] if i < len(row.cells) else "") for i, h in enumerate(self.header)}

    def find(self, key_column: str, key: str) -> RawRow | None:
        wanted = key.strip().lower()
        for row in self.rows:
            if self.cell(row, key_column).strip().lower() == wanted:
                return row
        return None

    def location(self, row: RawRow, column: str) -> str:
        i = self.columns.index.get(column)
        return f"{column_letter(i)}{row.number}" if i is not None else f"row {row.number}"


def map_columns(spec: TabSpec, header: list[str]) -> ColumnMap:
    lookup = header_lookup(spec)
    cmap = ColumnMap()
    for i, text in enumerate(header):
        norm = normalise_header(text)
        canonical = lookup.get(norm)
        if canonical is not None:
            if canonical in cmap.index:
                cmap.duplicates.append((canonical, i))
            else:
                cmap.index[canonical] = i
        elif norm in FIRST_NAME_HEADERS and cmap.first_name is None:
            cmap.first_name = i
        elif norm in LAST_NAME_HEADERS and cmap.last_name is None:
            cmap.last_name = i
        else:
            cmap.extras.append(i)
    if "name" in cmap.index:  # a real name column wins; first/last columns are then just extras
        cmap.extras.extend(i for i in (cmap.first_name, cmap.last_name) if i is not None)
        cmap.first_name = cmap.last_name = None
    return cmap


def build_table(spec: TabSpec, title: str, grid: list[list[str]]) -> RawTable:
    """Turn a grid of cell text (row 1 first) into a RawTable: the first non-blank row is the header."""
    header_at = next((i for i, r in enumerate(grid) if any(c.strip() for c in r)), None)
    if header_at is None:
        return RawTable(spec.name, title, [], [], 1, ColumnMap())
    header = [c.strip() for c in grid[header_at]]
    while header and not header[-1]:
        header.pop()
    width = len(header)
    rows = []
    for offset, cells in enumerate(grid[header_at + 1:], start=header_at + 2):
        if not any(c.strip() for c in cells):
            continue  # blank rows are skipped but still counted in row numbers
        cells = list(cells) + [""] * max(0, width - len(cells))  # cells past the header are kept
        rows.append(RawRow(offset, cells))
    return RawTable(spec.name, title, header, rows, header_at + 1, map_columns(spec, header))
