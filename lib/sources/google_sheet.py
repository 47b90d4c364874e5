"""A Google Sheet as the live shared store, through the real gspread client.

Reading: one metadata request when the sheet is first opened (tab titles, locale), then one values:batchGet of
every contract tab per read, values as the user sees them (FORMATTED_VALUE: "007" stays "007").
Writing: only the cells an edit names (values:batchUpdate, RAW so a typed "=" never becomes a formula), appended
rows through values.append with INSERT_ROWS (never over anyone's cells), a missing tab created with its header.
A write whose answer was lost is retried only after the sheet shows it was not applied.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Mapping

import gspread
import requests
from gspread.exceptions import APIError
from gspread.utils import absolute_range_name, rowcol_to_a1

from lib.contract.raw_table import RawTable
from lib.contract.tabs import TABS, tab_for
from lib.errors import SourceError
from lib.sources.base import (
    Source,
    TabEdit,
    check_deletions,
    choose_titles,
    plain_value,
    tables_from_grids,
)
from lib.sources.google_calls import RetryPolicy, call, explain
from lib.sources.google_transport import credentials_info, emulator_url, google_session
from lib.sources.limits import check_rows
from lib.sources.sheet_urls import looks_like_sheet, sheet_key  # noqa: F401 - part of this module's interface

NEW_TAB_ROWS, NEW_TAB_COLUMNS = 1000, 26
TIMEOUT = (5, 30)  # seconds to connect, to read an answer


@dataclass
class SheetLayout:
    """What the metadata says: the spreadsheet's title and locale, and each tab's id and grid size."""

    title: str
    locale: str | None
    tabs: dict[str, dict] = field(default_factory=dict)  # title -> {"id", "rows", "columns"}

    @classmethod
    def from_metadata(cls, meta: Mapping) -> "SheetLayout":
        props = meta.get("properties", {})
        tabs = {}
        for sheet in meta.get("sheets", []):
            p, grid = sheet["properties"], sheet["properties"].get("gridProperties", {})
            if p.get("sheetType", "GRID") == "GRID":
                tabs[p["title"]] = {"id": p.get("sheetId", 0), "rows": grid.get("rowCount", NEW_TAB_ROWS),
                                    "columns": grid.get("columnCount", NEW_TAB_COLUMNS)}
        return cls(props.get("title", ""), props.get("locale"), tabs)


class GoogleSheetSource(Source):
    kind = "gsheet"
    live = True
    keeps_history = True
    adds_tabs = True

    def __init__(self, location: str, credentials: Mapping[str, object] | None = None,
                 session: requests.Session | None = None, policy: RetryPolicy | None = None):
        key = sheet_key(location)
        if key is None:
            raise SourceError(f"{location.strip()!r} is not a Google Sheets URL or key: copy the address of the "
                              "sheet from the browser (https://docs.google.com/spreadsheets/d/<key>/edit).")
        self.key, self.origin = key, location.strip()
        info = credentials_info(credentials)
        self.service_email = str(info.get("client_email")) if info and info.get("client_email") else None
        self.client = gspread.Client(auth=None, session=session or google_session(None if emulator_url() else info))
        self.client.set_timeout(TIMEOUT)
        self.policy = policy or RetryPolicy()
        self.label = f"Google Sheet {key[:10]}…"
        self._layout: SheetLayout | None = None
        self._last_rows: dict[str, int] = {}  # each tab's last non-blank row at the latest read

    # --- reading -----------------------------------------------------------------------------------------

    @property
    def http(self):
        return self.client.http_client

    def _api(self, action, what: str, applied=None):
        try:
            return call(action, self.policy, what=what, applied=applied)
        except APIError as exc:
            raise explain(exc, self.key, self.service_email) from None

    def layout(self, refresh: bool = False) -> SheetLayout:
        """The metadata, fetched once per opened sheet (gspread's open_by_key would fetch it twice)."""
        if self._layout is None or refresh:
            meta = self._api(lambda: self.http.fetch_sheet_metadata(self.key), "opening the sheet")
            self._layout = SheetLayout.from_metadata(meta)
            self.label = f"Google Sheet '{self._layout.title}'"
            self.locale = self._layout.locale
        return self._layout

    def titles(self) -> list[str]:
        return list(self.layout().tabs)

    def read_tables(self, only: set[str] | None = None, titles: dict[str, str] | None = None) -> dict[str, RawTable]:
        named = titles
        chosen = choose_titles(self.layout().tabs, only, named)
        titles = list(chosen)
        if not titles:
            return {}
        ranges = [absolute_range_name(t) for t in titles]
        answer = self._api(lambda: self.http.values_batch_get(
            self.key, ranges, params={"valueRenderOption": "FORMATTED_VALUE", "majorDimension": "ROWS"}),
            "reading the sheet")
        grids = {}
        for title, value_range in zip(titles, answer.get("valueRanges", [])):
            rows = value_range.get("values", [])
            check_rows(chosen[title], f"sheet tab {title!r}", len(rows))
            grid = [[_cell_text(c) for c in row] for row in rows]
            grids[title] = grid
            self._last_rows[title] = len(grid)  # the API trims trailing blank rows
        return tables_from_grids(grids, only, named)

    # --- writing -----------------------------------------------------------------------------------------

    def add_missing_tabs(self) -> list[str]:
        """Make a blank sheet ready: every contract tab it lacks, with Tandem's header row (no example rows:
        they would load as real people). Tabs already there are not touched. Returns the tabs added."""
        present = {spec.name for spec in map(tab_for, self.layout(refresh=True).tabs) if spec is not None}
        added = [spec.name for spec in TABS.values() if spec.name not in present]
        for name in added:
            self._add_tab(name, TABS[name].column_names)
        return added

    def commit(self, edits: list[TabEdit]) -> None:
        for edit in edits:  # rows to delete are checked before anything is written
            if edit.deleted_rows:
                grid = self._api(lambda: self._key_cells(edit), f"reading the tab {edit.title!r}")
                check_deletions(edit, lambda row: grid[row - 1] if row <= len(grid) else None)
        for edit in edits:
            if edit.title not in self.layout().tabs:
                self._add_tab(edit.title, edit.new_header or [])
            cells = [(edit.header_row, index, text) for index, text in edit.header_cells.items()]
            cells += edit.cells
            if cells:
                self._ensure_columns(edit.title, max(index for _, index, _ in cells) + 1)
                self._write_cells(edit.title, cells)
            if edit.deleted_rows:
                self._delete_rows(edit)
            if edit.rows:
                self._ensure_columns(edit.title, max(len(r) for r in edit.rows))
                self._append(edit)

    def _add_tab(self, title: str, header: list[str]) -> None:
        """The tab and its header row in one atomic request, so a second session creating the same tab at the
        same moment is refused by Google ('already exists') instead of racing us to row 1."""
        sheet_id = _new_sheet_id({t["id"] for t in self.layout().tabs.values()})
        columns = max(NEW_TAB_COLUMNS, len(header))
        requests_ = [{"addSheet": {"properties": {"sheetId": sheet_id, "title": title, "gridProperties": {
            "rowCount": NEW_TAB_ROWS, "columnCount": columns}}}}]
        if header:
            requests_.append({"updateCells": {"start": {"sheetId": sheet_id, "rowIndex": 0, "columnIndex": 0},
                                              "rows": [{"values": [{"userEnteredValue": {"stringValue": h}}
                                                                   for h in header]}],
                                              "fields": "userEnteredValue"}})
        try:
            call(lambda: self.http.batch_update(self.key, {"requests": requests_}), self.policy,
                 what=f"adding the tab {title!r}", applied=lambda: title in self.layout(refresh=True).tabs)
        except APIError as exc:
            if exc.code != 400 or "already exists" not in str(exc.error.get("message", "")):
                raise explain(exc, self.key, self.service_email) from None
            self.layout(refresh=True)  # someone else just made it, header included
            return
        self.layout().tabs.setdefault(title, {"id": sheet_id, "rows": NEW_TAB_ROWS, "columns": columns})
        self._last_rows[title] = 1 if header else 0

    def _ensure_columns(self, title: str, needed: int) -> None:
        """Writing past the grid fails in Sheets: widen the tab first (an edit adding a column at the end)."""
        tab = self.layout().tabs[title]
        if needed <= tab["columns"]:
            return
        body = {"requests": [{"appendDimension": {"sheetId": tab["id"], "dimension": "COLUMNS",
                                                  "length": needed - tab["columns"]}}]}
        self._api(lambda: self.http.batch_update(self.key, body), f"widening the tab {title!r}",
                  applied=lambda: self.layout(refresh=True).tabs[title]["columns"] >= needed)
        tab["columns"] = max(tab["columns"], needed)

    def _write_cells(self, title: str, cells: list[tuple[int, int, str]]) -> None:
        """Only the named cells, in one request; writing the same values twice is harmless, so it retries."""
        data = [{"range": absolute_range_name(title, rowcol_to_a1(row, index + 1)), "values": [[plain_value(text)]]}
                for row, index, text in cells]
        body = {"valueInputOption": "RAW", "data": data}
        self._api(lambda: self.http.values_batch_update(self.key, body), f"saving to the tab {title!r}")

    def _key_cells(self, edit: TabEdit) -> list[str]:
        """The key column of a tab as stored now, one entry per spreadsheet row ('' for a blank or short row)."""
        if edit.title not in self.layout().tabs or edit.key_index is None:
            return []
        answer = self.http.values_get(self.key, absolute_range_name(edit.title))
        return [_cell_text(row[edit.key_index]) if edit.key_index < len(row) else ""
                for row in answer.get("values", [])]

    def _delete_rows(self, edit: TabEdit) -> None:
        """One batchUpdate of deleteDimension requests, highest row first so the row numbers as read still hold.
        Deleting is not idempotent: after a lost answer it is repeated only if the rows' keys are still there."""
        sheet_id = self.layout().tabs[edit.title]["id"]
        requests_ = [{"deleteDimension": {"range": {"sheetId": sheet_id, "dimension": "ROWS",
                                                    "startIndex": row - 1, "endIndex": row}}}
                     for row in sorted(edit.deleted_rows, reverse=True)]
        keys = {k.strip().lower() for k in edit.deleted_rows.values()}
        self._api(lambda: self.http.batch_update(self.key, {"requests": requests_}),
                  f"removing rows from the tab {edit.title!r}",
                  applied=lambda: not keys & {k.strip().lower() for k in self._key_cells(edit)})
        if edit.title in self._last_rows:
            self._last_rows[edit.title] -= len(requests_)
        self.layout().tabs[edit.title]["rows"] -= len(requests_)

    def _append(self, edit: TabEdit) -> None:
        last = max(self._last_rows.get(edit.title, 1), 1)
        width = max(len(r) for r in edit.rows)
        anchor = absolute_range_name(edit.title, f"A{last}:{rowcol_to_a1(last, width)}")
        params = {"valueInputOption": "RAW", "insertDataOption": "INSERT_ROWS"}
        rows = [[plain_value(text) for text in r] for r in edit.rows]
        self._api(lambda: self.http.values_append(self.key, anchor, params, {"values": rows}),
                  f"adding rows to the tab {edit.title!r}", applied=lambda: self._rows_present(edit))
        self._last_rows[edit.title] = last + len(rows)

    def _rows_present(self, edit: TabEdit) -> bool:
        """After a lost answer: are the rows already in the sheet? Looked up by their key (id or email)."""
        if edit.key_index is None:
            return False
        wanted = {r[edit.key_index].strip().lower() for r in edit.rows if edit.key_index < len(r)}
        answer = self.http.values_get(self.key, absolute_range_name(edit.title))
        present = {row[edit.key_index].strip().lower() for row in answer.get("values", [])
                   if edit.key_index < len(row)}
        return bool(wanted) and wanted <= present


def _new_sheet_id(taken: set[int]) -> int:
    while (candidate := random.randint(1, 2**31 - 1)) in taken:
        pass
    return candidate


def _cell_text(value: object) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)
