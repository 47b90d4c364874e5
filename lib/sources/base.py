"""The interface every data source implements, and the grid helpers the file sources share."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from lib.contract.raw_table import RawTable, build_table
from lib.contract.tabs import ALL_TABS, tab_for, title_key
from lib.errors import ReadOnlySource, RowMoved

Grid = list[list[str]]
_PLAIN_INT = re.compile(r"^-?[1-9]\d{0,14}$|^0$")


def plain_value(text: str) -> object:
    """What Tandem writes into a cell: a whole number as a number, anything else as text (never a formula)."""
    return int(text) if _PLAIN_INT.match(text) else text


@dataclass
class TabEdit:
    """What one write changes in one tab; sources apply it as one unit."""

    title: str  # the tab's title as the user named it (or the new tab's title)
    new_header: list[str] | None = None  # create the tab with this header
    header_cells: dict[int, str] = field(default_factory=dict)  # new columns added at the end of the header
    cells: list[tuple[int, int, str]] = field(default_factory=list)  # (spreadsheet row, column index, text)
    rows: list[list[str]] = field(default_factory=list)  # rows appended after the last non-blank row
    # rows removed (the rows below move up): spreadsheet row -> the key it held when read, checked before deleting
    deleted_rows: dict[int, str] = field(default_factory=dict)
    header_row: int = 1  # where the user's header is (blank rows above it are kept)
    key_index: int | None = None  # the column of the rows' key (id or email): a lost append is looked up by it


class Source(ABC):
    """A place the program's data lives: `read_tables` gives its tabs as raw tables, `commit` writes edits.
    Validating them is the reader's job (lib.reading.loader.load), so storage never depends on the domain."""

    label: str = ""
    kind: str = ""
    locale: str | None = None
    in_place: bool = True  # False: writes stay in memory and the updated file is offered as a download
    origin: str | None = None  # what the user typed to open it (a path), for re-opening and caching
    changed: bool = False  # an in-memory copy that was written to since it was opened
    live: bool = False  # others edit it while it is open (a shared sheet): no file time says when it changed
    keeps_history: bool = False  # its own version history keeps old values that Tandem cannot clear
    adds_tabs: bool = False  # `add_missing_tabs` can make a blank spreadsheet ready

    @abstractmethod
    def read_tables(self, only: set[str] | None = None, titles: dict[str, str] | None = None) -> dict[str, RawTable]:
        """Every contract tab present (or just the tabs named in `only`), read fresh from storage. `titles` names
        the tab or file that holds a contract tab when its name is another (a tab map: mentees = 'Form Responses
        1'); a title it names that the source does not have leaves that tab to its usual name."""

    def commit(self, edits: list[TabEdit]) -> None:
        raise ReadOnlySource(f"{self.label} cannot be written.")

    def write_lock(self) -> AbstractContextManager:
        """Held by the writer from its fresh read to the end of its commit, so no other Tandem session or thread
        writes in between (a file's commit rewrites it whole). Re-entrant. An in-memory copy (one session's own)
        and a live sheet (appends there add rows, and the writer renumbers a clashing id) need none."""
        return nullcontext()

    @property
    def writable(self) -> bool:
        """Whether `commit` can write at all (the sample cannot), to refuse before a run starts anything."""
        return type(self).commit is not Source.commit

    def stored_files(self) -> list[Path]:
        """The files on disk that hold the data (their modification times tell when it changed); none for an
        in-memory copy or a live sheet."""
        return []

    def add_missing_tabs(self) -> list[str]:
        raise ReadOnlySource(f"{self.label} cannot be given new tabs.")

    def titles(self) -> list[str] | None:
        """Every tab or file title of the source, contract or not, for messages (None: only the tables read)."""
        return None

    def download(self) -> tuple[str, bytes, str] | None:
        """(file name, bytes, MIME type) of the current data, for sources that cannot be written in place."""
        return None

    def drop_backups(self, mentions: list[str]) -> int:
        """Delete the backups Tandem kept of this source that contain any of `mentions` (after a forget, an old
        copy must not keep the person). Returns how many; sources without backups have none."""
        return 0


def choose_titles(titles: list[str], only: set[str] | None = None,
                  named: dict[str, str] | None = None) -> dict[str, str]:
    """title -> contract tab for the titles to read: a title `named` for a tab (compared trimmed and without case, a
    file's suffix left out) holds that tab; every other tab is the first title matching its name (case- and
    punctuation-insensitively). In the order of `titles`."""
    named = {tab: title_key(title) for tab, title in (named or {}).items() if only is None or tab in only}
    by_map = {}
    for title in titles:
        for tab, wanted in named.items():
            if title_key(title) == wanted and tab not in by_map.values() and title not in by_map:
                by_map[title] = tab  # one tab per title: a title two maps name holds the first
    chosen, seen = {}, set(by_map.values())
    for title in titles:
        if title in by_map:
            chosen[title] = by_map[title]
            continue
        spec = tab_for(title)
        if spec is not None and spec.name not in seen and (only is None or spec.name in only):
            seen.add(spec.name)
            chosen[title] = spec.name
    return chosen


def tables_from_grids(grids: dict[str, Grid], only: set[str] | None = None,
                      named: dict[str, str] | None = None) -> dict[str, RawTable]:
    """RawTables of the grids that hold contract tabs (see `choose_titles`)."""
    chosen = choose_titles(list(grids), only, named)
    return {tab: build_table(ALL_TABS[tab], title, grids[title]) for title, tab in chosen.items()}


def same_key(held: object, expected: str) -> bool:
    return str(held if held is not None else "").strip().lower() == expected.strip().lower()


def check_deletions(edit: TabEdit, key_at) -> None:
    """Refuse an edit whose rows to delete moved: `key_at(row)` is the key cell now at that spreadsheet row."""
    for row, key in edit.deleted_rows.items():
        if edit.key_index is None or not same_key(key_at(row), key):
            raise RowMoved(edit.title, row)


def apply_to_grid(grid: Grid, edit: TabEdit) -> Grid:
    """Apply an edit to a grid of cell text (used by the CSV source and the in-memory copies): header cells, cells
    (row numbers as read), deleted rows (highest first, so the numbers still hold), then appended rows."""
    grid = [list(r) for r in grid] if grid else [list(edit.new_header or [])]
    check_deletions(edit, lambda row: _cell(grid, row, edit.key_index))
    header_at = next((i for i, r in enumerate(grid) if any(c.strip() for c in r)), 0)
    for index, text in edit.header_cells.items():
        _put(grid, header_at + 1, index, text)
    for row_number, index, text in edit.cells:
        _put(grid, row_number, index, text)
    for row_number in sorted(edit.deleted_rows, reverse=True):
        del grid[row_number - 1]
    last = max((i for i, r in enumerate(grid) if any(c.strip() for c in r)), default=-1)
    del grid[last + 1:]
    grid.extend(list(r) for r in edit.rows)
    return grid


def _cell(grid: Grid, row_number: int, index: int | None) -> str | None:
    if index is None or not 1 <= row_number <= len(grid) or index >= len(grid[row_number - 1]):
        return None
    return grid[row_number - 1][index]


def _put(grid: Grid, row_number: int, index: int, text: str) -> None:
    while len(grid) < row_number:
        grid.append([])
    row = grid[row_number - 1]
    row.extend([""] * (index + 1 - len(row)))
    row[index] = text
