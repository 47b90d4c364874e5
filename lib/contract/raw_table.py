"""A tab as the user wrote it: header, physical row numbers and cell text, plus how headers map to the contract."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter

import numpy as np
import pandas as pd

from lib.contract.tabs import (
    FIRST_NAME_HEADERS,
    LAST_NAME_HEADERS,
    TabSpec,
    column_letter,
    header_lookup,
    map_key,
    normalise_header,
)


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


class _Rows:
    """`RawTable.rows`, built on first use when the table was read column-wise (a CellBlock).

    From then on the list is the table's own (code may append to it or replace it) and the block is dropped,
    so the two can never disagree."""

    def __get__(self, table, owner=None):
        if table is None:
            return ()  # the dataclass default: no rows given, so they come from the block (or there are none)
        rows = table.__dict__.get("_rows")
        if rows is None:
            block = table.__dict__.get("block")
            rows = block.raw_rows(len(table.header)) if block is not None else []
            table.__dict__["_rows"], table.__dict__["block"] = rows, None
        return rows

    def __set__(self, table, rows) -> None:
        table.__dict__["_rows"] = None if isinstance(rows, tuple) and not rows else rows
        if table.__dict__["_rows"] is not None:
            table.__dict__["block"] = None


@dataclass
class Coded:
    """A column kept as codes into its distinct texts (a log column holds a few hundred distinct dates, a few
    thousand emails): one Python string per distinct text instead of one per cell."""

    codes: np.ndarray  # intp, one per row
    texts: np.ndarray  # object array of the distinct cell texts

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, rows):
        return self.texts[self.codes[rows]] if np.isscalar(rows) else Coded(self.codes[rows], self.texts)

    def array(self) -> np.ndarray:
        return self.texts.take(self.codes)


def _array(column) -> np.ndarray:
    return column.array() if isinstance(column, Coded) else column


@dataclass
class CellBlock:
    """The non-blank rows of a tab held column by column, so large tabs are read and checked without a Python
    object per row. `columns[i]` holds the text of column i for every row (an object array, or Coded; "" where a
    row is shorter); `lengths` is each row's own number of cells, kept only when some row runs past the header."""

    numbers: np.ndarray  # int64 spreadsheet row numbers
    columns: list[np.ndarray | Coded]
    lengths: np.ndarray | None = None

    def raw_rows(self, width: int) -> list[RawRow]:
        """The rows exactly as the row-by-row reader builds them: padded to the header's width, longer rows kept."""
        numbers = self.numbers.tolist()
        if not self.columns:
            return [RawRow(n, [""] * width) for n in numbers]
        columns = [_array(c) for c in self.columns]
        if self.lengths is None:
            return [RawRow(n, list(cells)) for n, cells in zip(numbers, zip(*columns))]
        return [RawRow(n, list(cells[:max(own, width)]))
                for n, cells, own in zip(numbers, zip(*columns), self.lengths.tolist())]

    def raw_row(self, k: int, width: int) -> RawRow:
        cells = [column[k] for column in self.columns] or [""] * width
        if self.lengths is not None:
            cells = cells[:max(int(self.lengths[k]), width)]
        return RawRow(int(self.numbers[k]), cells)


@dataclass
class RawTable:
    tab: str  # contract tab name
    title: str  # the user's tab or file name
    header: list[str]
    rows: list[RawRow] = _Rows()  # type: ignore[assignment]  # see _Rows: may be built lazily from `block`
    header_row: int = 1
    columns: ColumnMap = field(default_factory=ColumnMap)
    block: CellBlock | None = field(default=None, repr=False, compare=False)
    notes: list[str] = field(default_factory=list, compare=False)  # the reader's warnings about the whole tab

    @property
    def size(self) -> int:
        """How many non-blank rows the tab has."""
        block = self.__dict__.get("block")
        return len(block.numbers) if block is not None else len(self.rows)

    @property
    def width(self) -> int:
        """How many columns the tab spans: its header, or its longest row when a row runs past the header."""
        block = self.__dict__.get("block")
        if block is not None:
            return max(len(self.header), len(block.columns))
        return max([len(self.header), *(len(r.cells) for r in self.rows)])

    def has_values(self, index: int) -> bool:
        """Whether column `index` (0-based) holds any non-blank cell."""
        block = self.__dict__.get("block")
        if block is None:
            return any(index < len(r.cells) and r.cells[index].strip() for r in self.rows)
        if index >= len(block.columns):
            return False
        column = block.columns[index]
        return any(text.strip() for text in (column.texts if isinstance(column, Coded) else column))

    @property
    def numbers(self) -> np.ndarray:
        """The spreadsheet row number of every row, in order (int64)."""
        block = self.__dict__.get("block")
        if block is not None:
            return block.numbers
        return np.fromiter((r.number for r in self.rows), np.int64, len(self.rows))

    def column(self, column: str) -> np.ndarray:
        """`cell(row, column)` for every row, in order, as an object array (no per-row objects for block tables)."""
        block, i = self.__dict__.get("block"), self.columns.index.get(column)
        if block is not None and i is not None and i < len(block.columns):
            return _array(block.columns[i])
        if block is not None and i is None and not (column == "name" and self.columns.first_name is not None):
            return np.full(len(block.numbers), "", dtype=object)
        out = np.empty(len(self.rows), dtype=object)
        out[:] = [self.cell(r, column) for r in self.rows]
        return out

    def codes(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        """`column(column)` as (codes, texts): row k holds texts[codes[k]]. Texts may include some no row holds.
        The codes may be the table's own: copy before changing them."""
        block, i = self.__dict__.get("block"), self.columns.index.get(column)
        if block is not None and i is not None and i < len(block.columns) and isinstance(block.columns[i], Coded):
            return block.columns[i].codes, block.columns[i].texts
        return pd.factorize(self.column(column))

    def distinct(self, column: str) -> set[str]:
        """The texts `column(column)` holds, each once."""
        codes, texts = self.codes(column)
        return set(texts[np.bincount(codes, minlength=len(texts)) > 0].tolist()) if len(codes) else set()

    def cells_at(self, index: int) -> np.ndarray:
        """The cells of the user's column `index` for every row, in order ("" past a row's end)."""
        block = self.__dict__.get("block")
        if block is not None and index < len(block.columns):
            return _array(block.columns[index])
        out = np.empty(self.size, dtype=object)
        out[:] = [r.cells[index] if index < len(r.cells) else "" for r in self.rows]
        return out

    def row_at(self, k: int) -> RawRow:
        """The k-th non-blank row (0-based), without building every row of a block table."""
        block = self.__dict__.get("block")
        return block.raw_row(k, len(self.header)) if block is not None else self.rows[k]

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

    def find(self, key_column: str, key: str, number: int | None = None) -> RawRow | None:
        """The first row whose key is `key` (trimmed, without case); with `number`, the row of that spreadsheet
        number, if it holds the key (a person who signed up twice has two rows, and the latest is the one read)."""
        wanted = key.strip().lower()
        numbers = self.numbers if number is not None else None
        for k, text in enumerate(self.column(key_column)):
            if text.strip().lower() == wanted and (numbers is None or numbers[k] == number):
                return self.row_at(k)
        return None

    def location(self, row: RawRow, column: str) -> str:
        i = self.columns.index.get(column)
        return f"{column_letter(i)}{row.number}" if i is not None else f"row {row.number}"


def map_columns(spec: TabSpec, header: list[str], mapped: dict[str, str] | None = None) -> ColumnMap:
    """Where each contract field is in the header: a header `mapped` to a field (the lead's column map) is that
    field; every other header by its name or an alias. A second header for a field already placed is a repeat."""
    lookup = header_lookup(spec)
    by_map = {map_key(text): name for name, text in (mapped or {}).items() if map_key(text)}
    cmap = ColumnMap()
    placed = {}
    for i, text in enumerate(header):  # the map first: its headers hold their fields wherever they stand
        name = by_map.get(map_key(text))
        if name is not None and name not in placed:
            placed[name] = i
    for i, text in enumerate(header):
        norm = normalise_header(text)
        canonical = by_map.get(map_key(text)) or lookup.get(norm)
        if canonical is not None:
            if placed.get(canonical, i) == i and canonical not in cmap.index:
                cmap.index[canonical] = i
            else:
                cmap.duplicates.append((canonical, i))
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


def _filled(cells) -> bool:
    """A row with any non-blank cell (the same test as `any(c.strip() for c in cells)`, one string per row)."""
    return bool("".join(cells).strip())


def _header(cells) -> list[str]:
    header = [c.strip() for c in cells]
    while header and not header[-1]:
        header.pop()
    return header


def build_table(spec: TabSpec, title: str, grid: list[list[str]]) -> RawTable:
    """Turn a grid of cell text (row 1 first) into a RawTable: the first non-blank row is the header.
    Blank rows are skipped but still counted in row numbers; cells past the header are kept."""
    header_at = next((i for i, r in enumerate(grid) if _filled(r)), None)
    if header_at is None:
        return RawTable(spec.name, title, [], [], 1, ColumnMap())
    header = _header(grid[header_at])
    width = len(header)
    body = grid[header_at + 1:]
    kept = [k for k, cells in enumerate(body) if "".join(cells).strip()]  # _filled, inlined: one call per row
    rows = [body[k] for k in kept]
    lengths = np.fromiter(map(len, rows), np.int64, len(rows))
    wide = max(width, int(lengths.max()) if len(rows) else 0)
    if len(rows) and lengths.min() < wide:  # pad short rows (copies), so every column can be taken by index
        rows = [cells if len(cells) == wide else list(cells) + [""] * (wide - len(cells)) for cells in rows]
    columns = []
    for i in range(wide):
        column = np.empty(len(rows), dtype=object)
        column[:] = list(map(itemgetter(i), rows))
        columns.append(column)
    lengths = lengths if wide > width else None
    block = CellBlock(np.asarray(kept, dtype=np.int64) + header_at + 2, columns, lengths)
    return RawTable(spec.name, title, header, header_row=header_at + 1, columns=map_columns(spec, header),
                    block=block)


def table_from_columns(spec: TabSpec, title: str, lines: list[np.ndarray | Coded]) -> RawTable | None:
    """A RawTable from equally long columns of cell text (object arrays or Coded), one entry per line of the file
    (row 1 first), as a column-wise CSV reader gives them. None when the lines are wider than the header: a
    row's own length is then unknown, and the row-by-row reader must decide."""
    count = len(lines[0]) if lines else 0
    filled = np.zeros(count, dtype=bool)
    by_texts = sorted(lines, key=lambda c: len(c.texts) if isinstance(c, Coded) else count)
    for column in by_texts:  # most rows are decided by their first filled column: try the cheapest first
        if filled.all():
            break
        if isinstance(column, Coded):
            filled |= np.fromiter((bool(t.strip()) for t in column.texts), bool, len(column.texts))[column.codes]
            continue
        undecided = np.flatnonzero(~filled)
        if not len(undecided):
            break
        filled[undecided] = [bool(text.strip()) for text in column[undecided]]
    nonblank = np.flatnonzero(filled)
    if not len(nonblank):
        return RawTable(spec.name, title, [], [], 1, ColumnMap())
    header_at = int(nonblank[0])
    header = _header([column[header_at] for column in lines])  # (a Coded column gives the text of one row)
    if len(header) != len(lines):
        return None
    kept = nonblank[1:]
    if len(kept) == count - header_at - 1:  # no blank row below the header: the columns as they are
        columns = [column[header_at + 1:] for column in lines]
    else:
        columns = [column[kept] for column in lines]
    block = CellBlock(kept.astype(np.int64) + 1, columns)
    return RawTable(spec.name, title, header, header_row=header_at + 1, columns=map_columns(spec, header),
                    block=block)
