"""Tandem's small exception hierarchy: callers catch `TandemError` and show its message."""


class TandemError(Exception):
    """Base for every error Tandem reports to a person in plain words."""


class SourceError(TandemError):
    """A data source cannot be read or written (missing file, unreadable workbook, bad URL)."""


class ContractError(TandemError):
    """The data does not follow the spreadsheet contract badly enough to load at all."""


class WriteConflict(TandemError):
    """A row changed since it was read; nothing was written."""

    def __init__(self, tab: str, key: str, seen: dict[str, str], current: dict[str, str] | None):
        self.tab, self.key, self.seen, self.current = tab, key, seen, current
        what = "was removed" if current is None else "was changed by someone else"
        super().__init__(
            f"Nothing was saved: the row for {key!r} in tab {tab!r} {what} since the dashboard read it. "
            "Reload the data and try again."
        )


class RowMoved(TandemError):
    """A row to delete no longer holds the key it was read with: the tab changed since, so nothing was written."""

    def __init__(self, tab: str, row: int):
        self.tab, self.row = tab, row
        super().__init__(f"Nothing was saved: row {row} of the tab {tab!r} changed since it was read (someone added, "
                         "removed or edited rows). Read the data again and retry.")


class ReadOnlySource(TandemError):
    """The source cannot be written in place (e.g. sample data)."""


class StaleData(TandemError):
    """The source cannot be read now; the dashboard shows what it read last and refuses to write."""
