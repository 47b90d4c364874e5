"""An Excel workbook (.xlsx) with one sheet per tab: a file on disk, or an upload held in memory."""

from __future__ import annotations

import io
import zipfile
from contextlib import closing, contextmanager
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import Workbook, load_workbook

from lib.contract.raw_table import RawTable
from lib.errors import SourceError
from lib.sources.base import (
    Grid,
    Source,
    TabEdit,
    check_deletions,
    choose_titles,
    plain_value,
    tables_from_grids,
)
from lib.sources.file_lock import exclusive
from lib.sources.limits import check_cells, check_rows, check_unpacked, row_cap
from lib.sources.safe_save import backups_of, drop_backups_mentioning, save_atomically
from lib.vocabulary import XLSX_MIME


def cell_text(value: object) -> str:
    """A cell as the user sees it: whole numbers without '.0', dates as ISO, booleans as yes/no."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def open_workbook(data: bytes, name: str, values_only: bool):
    with _readable(name):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    check_unpacked(name, [(p.filename, p.file_size, p.compress_size) for p in parts])
    with _readable(name):
        # Reading values streams the sheets (read_only); editing needs the full workbook model.
        return load_workbook(io.BytesIO(data), data_only=values_only, read_only=values_only)


@contextmanager
def _readable(name: str):
    """A damaged workbook surfaces from openpyxl as whatever broke inside it (zip, zlib, XML, a missing part, a
    bad value): one message for all of them. Only openpyxl's own calls run inside this."""
    try:
        yield
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:  # noqa: BLE001 - see the docstring: the set of openpyxl's failures is open-ended
        raise SourceError(f"{name} is not a readable .xlsx workbook ({type(exc).__name__}). "
                          "Save it from Excel or LibreOffice as .xlsx and try again.") from None


def workbook_grids(data: bytes, name: str, only: set[str] | None = None,
                   named: dict[str, str] | None = None) -> dict[str, Grid]:
    """The cell text of the sheet of each contract tab (the first of its name, or the one `named` for it: see
    base.choose_titles); other sheets are never parsed. Each within its row cap."""
    book = open_workbook(data, name, values_only=True)
    with closing(book):
        chosen = choose_titles(book.sheetnames, only, named)
        return {ws.title: _sheet_grid(ws, chosen[ws.title], name) for ws in book.worksheets if ws.title in chosen}


def sheet_titles(data: bytes, name: str) -> list[str]:
    book = open_workbook(data, name, values_only=True)
    with closing(book):
        return list(book.sheetnames)


def _sheet_grid(ws, tab: str, name: str) -> Grid:
    """A sheet's rows as text. Empty rows count only when a filled one follows (people format whole columns,
    and the sheet then reaches row 1,048,576); reading stops where the cap is passed with nothing after it."""
    cap, grid, blank, cells = row_cap(tab), [], 0, 0
    for row in _rows(ws, name):
        if all(v is None or v == "" for v in row):
            blank += 1
            if len(grid) + blank > cap:
                break  # only empty rows up to the cap: what lies beyond it is never read
            continue
        grid.extend([] for _ in range(blank))
        blank = 0
        cells += len(row)
        check_cells(ws.title, cells)
        grid.append([cell_text(v) for v in row])
        if len(grid) > cap:
            check_rows(tab, f"sheet {ws.title!r} of {name}", len(grid), at_least=True)
    return grid


def _rows(ws, name: str):
    """`ws.iter_rows(values_only=True)`, with a damaged sheet's failure turned into a plain message."""
    rows = ws.iter_rows(values_only=True)
    while True:
        with _readable(name):
            row = next(rows, None)
        if row is None:
            return
        yield row


def _write_cell(ws, row: int, column: int, text: str) -> None:
    cell = ws.cell(row=row, column=column)
    cell.value = plain_value(text)
    if isinstance(cell.value, str):
        cell.data_type = "s"  # openpyxl would otherwise turn "=..." into a formula


def _last_row(ws) -> int:
    for row in range(ws.max_row, 0, -1):
        if any(c.value not in (None, "") for c in ws[row]):
            return row
    return 0


def apply_to_workbook(book: Workbook, edits: list[TabEdit]) -> None:
    for edit in edits:  # rows to delete are checked in every sheet before anything changes
        if edit.deleted_rows:
            ws = book[edit.title] if edit.title in book.sheetnames else None
            check_deletions(edit, lambda row: ws.cell(row=row, column=edit.key_index + 1).value
                            if ws is not None and edit.key_index is not None else None)
    for edit in edits:
        if edit.title in book.sheetnames:
            ws = book[edit.title]
        else:
            ws = book.create_sheet(edit.title)
            for i, text in enumerate(edit.new_header or []):
                _write_cell(ws, 1, i + 1, text)
        header_row = next((r for r in range(1, ws.max_row + 1)
                           if any(c.value not in (None, "") for c in ws[r])), 1)
        for index, text in edit.header_cells.items():
            _write_cell(ws, header_row, index + 1, text)
        for row_number, index, text in edit.cells:
            _write_cell(ws, row_number, index + 1, text)
        for row_number in sorted(edit.deleted_rows, reverse=True):  # highest first: the numbers as read still hold
            ws.delete_rows(row_number)
        row = _last_row(ws)
        for values in edit.rows:
            row += 1
            for i, text in enumerate(values):
                if text != "":
                    _write_cell(ws, row, i + 1, text)


def workbook_bytes(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class XlsxSource(Source):
    """An .xlsx workbook. Writes edit the user's own workbook cell by cell, keeping their formatting."""

    kind = "xlsx"

    def __init__(self, path: Path | str | None = None, data: bytes | None = None, name: str | None = None,
                 label: str | None = None):
        if (path is None) == (data is None):
            raise ValueError("give a path or the workbook's bytes")
        self.path = Path(path) if path is not None else None
        self.data = data
        self.name = name or (self.path.name if self.path else "workbook.xlsx")
        self.in_place = self.path is not None
        self.label = label or (f"Excel file {self.path}" if self.path else f"Uploaded {self.name}")

    def stored_files(self) -> list[Path]:
        return [self.path] if self.path and self.path.is_file() else []

    def _bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        if not self.path.is_file():
            raise SourceError(f"The file {self.path} does not exist.")
        return self.path.read_bytes()

    def read_tables(self, only: set[str] | None = None, titles: dict[str, str] | None = None) -> dict[str, RawTable]:
        return tables_from_grids(workbook_grids(self._bytes(), self.name, only, titles), only, titles)

    def titles(self) -> list[str]:
        return sheet_titles(self._bytes(), self.name)

    def write_lock(self):
        if self.path is None:
            return super().write_lock()
        if not self.path.is_file():
            raise SourceError(f"The file {self.path} does not exist.")
        # Beside the workbook, not in it: the workbook itself is replaced by each save.
        return exclusive(self.path.with_name(self.path.name + ".lock"), self.path.name)

    def commit(self, edits: list[TabEdit]) -> None:
        with self.write_lock():
            book = open_workbook(self._bytes(), self.name, values_only=False)
            apply_to_workbook(book, edits)
            data = workbook_bytes(book)
            if self.path is None:
                self.data, self.changed = data, True
            else:
                save_atomically(self.path, data)

    def download(self) -> tuple[str, bytes, str] | None:
        return None if self.path else (self.name, self._bytes(), XLSX_MIME)

    def drop_backups(self, mentions: list[str]) -> int:
        return drop_backups_mentioning(backups_of(self.path), mentions) if self.path else 0
