"""Every error Tandem reports to a person, in one hierarchy: callers catch `TandemError` and show its message.

    TandemError
    ├── SourceError            a source cannot be read or written
    │   ├── TooManyRows        a tab past its row cap
    │   ├── SheetsUnavailable  Google kept failing or could not be reached
    │   └── SourceBusy         another session kept a local file locked for writing: nothing was saved
    ├── ContractError          the data does not follow the spreadsheet contract
    │   └── EditRefused        an edited value breaks it; nothing was written
    ├── DateProblem            a date cell Tandem cannot read (also a ValueError, so the models reject it)
    ├── WriteConflict, RowMoved, ReadOnlySource, StaleData   writes refused before anything changed
    ├── LifecycleError, LogError, MapRefused, NothingToForget   a write that does not apply
    ├── RuleBroken             a locked pair that a hard rule forbids
    ├── GuideError             a guide file that does not follow the guide format
    ├── AccessConfigError      the [access] settings cannot be used as written
    └── MailError              the mail server cannot be used (set-up, unreachable, refused login): nothing sent
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lib.contract.problems import Problem


class TandemError(Exception):
    """Base for every error Tandem reports to a person in plain words."""


# --- reading -----------------------------------------------------------------------------------------------------

class SourceError(TandemError):
    """A data source cannot be read or written (missing file, unreadable workbook, bad URL)."""


class TooManyRows(SourceError):
    """A tab holds more rows than its cap; nothing of the source was loaded. `setting` names the environment
    variable that raises the cap."""

    def __init__(self, tab: str | None, title: str, rows: int, cap: int, at_least: bool = False, setting: str = ""):
        self.tab, self.title, self.rows, self.cap = tab, title, rows, cap
        counted = f"more than {cap:,}" if at_least else f"{rows:,}"
        if tab is None:
            super().__init__(f"{title} has {counted} rows; Tandem reads at most {cap:,} rows in a file, so nothing "
                             "was loaded. Move it out of the folder.")
            return
        super().__init__(
            f"The tab {tab!r} ({title}) has {counted} rows; Tandem reads at most {cap:,} rows there, so nothing was "
            f"loaded. Move old rows to an archive tab or file, or raise the cap with {setting}.")


class SheetsUnavailable(SourceError):
    """Google kept answering 429 or 5xx, or could not be reached: worth trying again later."""


class SourceBusy(SourceError):
    """Another Tandem session held a local file's write lock for longer than a save waits; nothing was written."""


class ContractError(TandemError):
    """The data does not follow the spreadsheet contract badly enough to load at all."""


class DateProblem(TandemError, ValueError):
    """A date as typed that Tandem cannot read (or whose day and month could be swapped)."""


# --- writing -----------------------------------------------------------------------------------------------------

class EditRefused(ContractError):
    """An edited value breaks the contract; nothing was written. `problems` name the tab, row, column and value."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("Nothing was saved: " + "; ".join(str(p) for p in self.problems))


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


class LifecycleError(TandemError):
    """A lifecycle step that does not apply to this pairing (e.g. ending one that already ended)."""


class LogError(TandemError):
    """An entry that would not load back cleanly: nothing was written."""


class MapRefused(TandemError):
    """A column or tab map that cannot hold (an unknown tab or field, a header or tab the source lacks, two headers
    for one field); nothing was written."""


class NothingToForget(TandemError):
    """The email appears nowhere in the data: nothing was written."""


# --- the engines, the guides and access --------------------------------------------------------------------------

class RuleBroken(TandemError):
    """A locked pair that a hard rule forbids: locks are kept, so the run stops and says which rule."""


class GuideError(TandemError):
    """A guide file does not follow the guide format; the message names the file and the line."""


class AccessConfigError(TandemError):
    """The [access] settings cannot be used as written."""


class MailError(TandemError):
    """The mail server cannot be used as set up: not reachable, no TLS, a refused login. Raised before anything
    is sent or recorded."""
