"""A local HTTP server that answers like the Google Sheets v4 API (and the part of Drive v3 gspread uses).

    fake = FakeSheets()
    key = fake.add_spreadsheet("Tandem", {"mentors": [["name", "email"], ["Ada", "ada@example.org"]]})
    url = fake.start()
    client = gspread.Client(auth=None, session=emulator_session(url))
    ...
    fake.stop()

Shapes follow real Google exchanges (recordings/, copied from shared/sheets-api-recordings); see
tests/fake_sheets/test_recordings.py for what is replayed and the known deviations. `python -m tests.fake_sheets --seed sample_data` serves a demo.
"""

from __future__ import annotations

import csv
import threading
from pathlib import Path

from .a1 import RangeSyntaxError, parse_cells
from .cells import CLEAR, parse_input, parse_typed
from .faults import KINDS, Fault, LoggedRequest, Recorder
from .grid import Sheet
from .server import FakeHTTPServer
from .store import Spreadsheet, Store, new_sheet_id, new_spreadsheet_id

__all__ = ["FakeSheets", "LoggedRequest", "KINDS"]


class FakeSheets:
    def __init__(self) -> None:
        self.store = Store()
        self._recorder = Recorder()
        self._server: FakeHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._internal_errors: list[str] = []
        self.base_url: str | None = None

    # --- serving -------------------------------------------------------------------------------------------

    def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve in a daemon thread; returns the base URL, e.g. "http://127.0.0.1:43210"."""
        if self._server is not None:
            raise RuntimeError("the fake is already serving at " + str(self.base_url))
        self._server = FakeHTTPServer((host, port), self.store, self._recorder, self._internal_errors)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.01,),  # quick to stop
                                        name="fake-sheets", daemon=True)
        self._thread.start()
        self.base_url = f"http://{host}:{self._server.server_address[1]}"
        return self.base_url

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.close_connections()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> "FakeSheets":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def internal_errors(self) -> list[str]:
        """Tracebacks of requests that crashed inside the fake (answered 500); tests should expect none."""
        return list(self._internal_errors)

    # --- state ---------------------------------------------------------------------------------------------

    def add_spreadsheet(self, title: str, tabs: dict[str, list[list[object]]], *, locale: str = "en_US",
                        time_zone: str = "Etc/GMT", spreadsheet_id: str | None = None,
                        rows: int = 1000, cols: int = 26) -> str:
        """A spreadsheet with one tab per entry, in order (one empty 'Sheet1' when `tabs` is empty). Cells are
        stored as RAW writes store them: text stays text, numbers and booleans stay typed, None is empty. The
        first tab gets sheetId 0, later ones random ids; a grid grows to fit its data."""
        sheets = []
        taken: set[int] = set()
        for index, (tab, data) in enumerate((tabs or {"Sheet1": []}).items()):
            sheet_id = 0 if index == 0 else new_sheet_id(taken)
            taken.add(sheet_id)
            width = max((len(line) for line in data), default=0)
            sheet = Sheet(sheet_id, tab, max(rows, len(data)), max(cols, width))
            sheet.write(0, 0, [[parse_input(value, "RAW") for value in line] for line in data])
            sheets.append(sheet)
        if len({s.title.casefold() for s in sheets}) != len(sheets):
            raise ValueError("tab titles must be unique (Sheets ignores case)")
        spreadsheet = Spreadsheet(spreadsheet_id or new_spreadsheet_id(), title, locale, time_zone, sheets)
        self.store.add(spreadsheet)
        return spreadsheet.spreadsheet_id

    def add_from_csv_folder(self, folder, title: str, **kw) -> str:
        """One tab per *.csv in `folder` (sorted by name; the file stem is the tab title), every cell as text."""
        tabs = {}
        for path in sorted(Path(folder).glob("*.csv")):
            with path.open(newline="", encoding="utf-8-sig") as handle:
                tabs[path.stem] = [list(row) for row in csv.reader(handle)]
        if not tabs:
            raise ValueError(f"no *.csv files in {folder}")
        return self.add_spreadsheet(title, tabs, **kw)

    def _sheet(self, spreadsheet_id: str, tab: str) -> tuple[Spreadsheet, Sheet]:
        spreadsheet = self.store.spreadsheets.get(spreadsheet_id)
        if spreadsheet is None:
            raise KeyError(f"no spreadsheet {spreadsheet_id!r}")
        sheet = spreadsheet.sheet_named(tab)
        if sheet is None or sheet.title != tab:
            raise KeyError(f"no tab {tab!r} in {spreadsheet.title!r}; tabs: {[s.title for s in spreadsheet.sheets]}")
        return spreadsheet, sheet

    def values(self, spreadsheet_id: str, tab: str) -> list[list[str]]:
        """The tab as FORMATTED_VALUE text, trimmed like the API (trailing empties dropped, inner blank rows [])."""
        with self.store.lock:
            _, sheet = self._sheet(spreadsheet_id, tab)
            return sheet.rendered(sheet.whole(), "FORMATTED_VALUE")

    def set_cell(self, spreadsheet_id: str, tab: str, a1: str, value) -> None:
        """A person typing `value` into cell `a1` in the browser (parsed like USER_ENTERED; None or "" empties)."""
        try:
            ref = parse_cells(a1)
        except RangeSyntaxError:
            raise ValueError(f"{a1!r} is not a cell like 'B3'") from None
        if ref.end is not None:
            raise ValueError(f"{a1!r} is a range; name one cell like 'B3'")
        with self.store.lock:
            spreadsheet, sheet = self._sheet(spreadsheet_id, tab)
            row, col = ref.start.row, ref.start.col
            if row >= sheet.rows or col >= sheet.cols:
                raise ValueError(f"{a1} is outside the {sheet.rows}x{sheet.cols} grid of {tab!r}")
            stored = CLEAR if value is None else parse_typed(value) if isinstance(value, str) else \
                parse_input(value, "USER_ENTERED")
            sheet.write(row, col, [[stored]])
            spreadsheet.touch()

    def delete_tab(self, spreadsheet_id: str, tab: str) -> None:
        with self.store.lock:
            spreadsheet, sheet = self._sheet(spreadsheet_id, tab)
            if len(spreadsheet.sheets) == 1:
                raise ValueError("a spreadsheet keeps at least one tab (Sheets refuses to delete the last)")
            spreadsheet.sheets.remove(sheet)
            spreadsheet.touch()

    def share(self, spreadsheet_id: str, allowed: bool) -> None:
        """allowed=False: every request for this spreadsheet answers 403 PERMISSION_DENIED, and Drive lists hide it."""
        with self.store.lock:
            if spreadsheet_id not in self.store.spreadsheets:
                raise KeyError(f"no spreadsheet {spreadsheet_id!r}")
            self.store.spreadsheets[spreadsheet_id].shared = allowed

    # --- request log ---------------------------------------------------------------------------------------

    @property
    def requests(self) -> list[LoggedRequest]:
        """Every request answered (or dropped) so far, oldest first (a copy)."""
        return self._recorder.entries()

    def count(self, kind: str) -> int:
        if kind not in KINDS:
            raise ValueError(f"unknown request kind {kind!r}; the kinds are: {', '.join(KINDS)}")
        return self._recorder.count(kind)

    def clear_log(self) -> None:
        self._recorder.clear()

    # --- failure injection (each rule serves the next `times` matching requests, then is used up) ----------

    def fail(self, kind: str, status: int = 503, *, times: int = 1, applied: bool = False,
             retry_after: int | None = None) -> None:
        """Answer the next `times` requests of `kind` with Google's error body for `status`. With applied=True
        the operation is carried out first and only its answer is lost."""
        if not 400 <= status <= 599:
            raise ValueError("status must be an HTTP error status (4xx or 5xx)")
        self._recorder.add_fault(Fault(kind, "fail", times, status, applied, retry_after))

    def drop_connection(self, kind: str, *, times: int = 1, applied: bool = False) -> None:
        """Close the connection without answering (requests raises ConnectionError)."""
        self._recorder.add_fault(Fault(kind, "drop", times, applied=applied))

    def slow(self, kind: str, seconds: float, *, times: int = 1) -> None:
        """Wait `seconds` before handling (the operation still runs afterwards, as a server would)."""
        self._recorder.add_fault(Fault(kind, "slow", times, seconds=seconds))
