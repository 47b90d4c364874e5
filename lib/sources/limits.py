"""How much a tab may hold. A tab past its row cap is refused with a message before the rest of it is parsed, so a
runaway export or a hostile file costs bounded time and memory. Caps are per tab, set by environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping

from lib.errors import SourceError, TooManyRows

ENV_PREFIX = "TANDEM_MAX_ROWS_"  # e.g. TANDEM_MAX_ROWS_CHECKINS=1000000
DEFAULT_ROW_CAPS = {  # rows of the tab as the spreadsheet numbers them (header and blank rows included)
    "mentors": 20_000,
    "mentees": 50_000,
    "pairings": 200_000,
    "checkins": 500_000,
    "feedback": 500_000,
    "goals": 500_000,
    "settings": 1_000,
    "changes": 1_000_000,
    "reminders": 500_000,
}
OTHER_FILE_CAP = max(DEFAULT_ROW_CAPS.values())  # a file that is no tab is still checked, never read unbounded
MAX_CELLS = 20_000_000  # per workbook sheet: 16,384 columns x 1,000 rows is a sheet nobody meant to give
MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # a workbook's XML, unzipped: 500,000 check-in rows take about 200 MB
MAX_PACKING, PACKED_PART_FROM = 100, 8 * 1024 * 1024  # how much a part larger than 8 MB may shrink when zipped


def row_cap(tab: str | None, environ: Mapping[str, str] | None = None) -> int:
    """The cap for a contract tab (or for a file that is no tab: the largest), after the environment's override."""
    if tab is None:
        return OTHER_FILE_CAP
    environ = os.environ if environ is None else environ
    name = ENV_PREFIX + tab.upper()
    given = environ.get(name, "").strip()
    if not given:
        return DEFAULT_ROW_CAPS.get(tab, OTHER_FILE_CAP)
    digits = "".join(c for c in given if c not in " _,.'")  # 1,000,000 / 1.000.000 / 1_000_000 / 1 000 000
    if not (digits.isascii() and digits.isdecimal() and int(digits) > 0):
        raise SourceError(f"{name}={given!r} is not a number of rows: give a whole number such as 100000, or unset "
                          "it to use the default.")
    return int(digits)


def check_rows(tab: str | None, title: str, rows: int, at_least: bool = False) -> None:
    """Refuse a tab of `rows` rows (or, with `at_least`, of more rows than that) when it is past its cap."""
    cap = row_cap(tab)
    if rows > cap:
        raise TooManyRows(tab, title, rows, cap, at_least, setting=ENV_PREFIX + (tab or "").upper())


def check_unpacked(name: str, parts: list[tuple[str, int, int]]) -> None:
    """Refuse a workbook whose parts, (name, unzipped size, zipped size), unzip to more than MAX_UNPACKED_BYTES,
    or one whose large part shrank more than MAX_PACKING times: spreadsheet XML packs 5 to 30 times, while a
    bomb (a few KB that unzip to millions of tiny strings) packs hundreds of times and costs minutes to parse."""
    unpacked = sum(size for _, size, _ in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        raise SourceError(f"{name} unpacks to {unpacked / 2**20:,.0f} MB of spreadsheet data; Tandem reads at most "
                          f"{MAX_UNPACKED_BYTES / 2**20:,.0f} MB. Delete unused sheets, rows and columns and save it "
                          "again.")
    for part, size, packed in parts:
        if size > PACKED_PART_FROM and size > MAX_PACKING * max(packed, 1):
            raise SourceError(f"{name} is not a workbook Tandem will read: its part {part} unzips to "
                              f"{size / max(packed, 1):,.0f} times its size. Save it again from Excel or LibreOffice.")


def check_cells(title: str, cells: int) -> None:
    if cells > MAX_CELLS:
        raise SourceError(f"The sheet {title!r} holds more than {MAX_CELLS:,} values (rows times columns); Tandem "
                          "refuses sheets that large. Delete the unused rows and columns (or the sheet) and try again.")
