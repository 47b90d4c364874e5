"""A CSV file's bytes as text and rows: its encoding, its delimiter, and the csv module's split, refusing the
files whose split would silently lose rows (a quote never closed, a cell past the csv module's limit)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from itertools import islice

from lib.contract.values import FORMULA_STARTS
from lib.errors import SourceError

Grid = list[list[str]]
WESTERN = "cp1252"  # what Excel on a Western-European Windows saves as "CSV": the reading of a file not in UTF
# Windows-1252 readings that real Western text hardly ever holds: bytes it does not define (U+FFFD), a few symbols
# that Asian encodings' lead bytes turn into, three or more of its symbols in a row ("—›—‹" is 李雷 in Shift-JIS),
# and a run of 3+ accented letters with no plain letter beside it ("Èâàí Ïåòðîâ" is Cyrillic, "ÕÅÎ" Chinese).
_SYMBOLS = "".join(c for c in bytes(range(0x80, 0xC0)).decode(WESTERN, errors="ignore")
                   if not c.isalpha() and c not in "\xa0\xad")
_GARBLED = re.compile("[\ufffd\u0192\u2020\u2021\u02c6\u02dc\u00a6\u00a4]"
                      f"|[{re.escape(_SYMBOLS)}]{{3,}}"
                      "|(?<![A-Za-z])[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]{3,}(?![A-Za-z])")


# A CSV cell has no way to say "text" but a leading apostrophe: Tandem writes one before what a spreadsheet would
# run as a formula (and before a leading apostrophe, so that one survives), and takes it off when reading. Excel
# and LibreOffice never save such an apostrophe into a CSV themselves.
_MARK_BEFORE = (*FORMULA_STARTS, "'")
_MARKED = re.compile("'[" + re.escape("".join(_MARK_BEFORE)) + "]")


def inert(text: str) -> str:
    """What Tandem writes into a CSV cell for `text`."""
    return "'" + text if text.startswith(_MARK_BEFORE) else text


def unmarked(text: str) -> str:
    """The text of a CSV cell as it was before `inert` marked it."""
    return text[1:] if text[:1] == "'" and text[1:2] in _MARK_BEFORE else text


def has_marks(text: str) -> bool:
    return _MARKED.search(text) is not None


@dataclass
class CsvFormat:
    encoding: str = "utf-8"
    delimiter: str = ","
    newline: str = "\r\n"


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Text and encoding of a CSV file: UTF-8 with or without BOM, UTF-16 with or without BOM, else Excel's
    Windows-1252."""
    text = None
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"
    else:
        encoding = utf16_without_bom(data)
        if encoding is None:
            try:
                text = data.decode("utf-8")  # valid UTF-8: the same text as decoding again with errors="replace"
                encoding = "utf-8"
            except UnicodeDecodeError:
                encoding = WESTERN
    if text is None:
        text = data.decode(encoding, errors="replace")
    if "\x00" in text:
        raise SourceError(f"{name} is not a text file (it contains binary data); save it as CSV and try again.")
    return text, encoding


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text saved without a byte-order mark, else None. ASCII leaves every
    other byte zero; a few characters such as 一 (U+4E00) put a zero on the other side too."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 4
    if odd > half and even * 20 < odd:
        return "utf-16-le"
    if even > half and odd * 20 < even:
        return "utf-16-be"
    return None


def encoding_note(name: str, text: str, encoding: str) -> list[str]:
    """A warning when a file read as Windows-1252 looks like another encoding (its names would be garbled)."""
    if encoding != WESTERN or not _GARBLED.search(text):
        return []
    return [f"{name} is not saved as UTF-8 and looks garbled when read as Windows-1252 (Western European); "
            "names may be wrong. Save it as \"CSV UTF-8\" and load it again."]


def sniff_delimiter(text: str) -> str:
    """`,` `;` or tab: the one that splits the header (the first non-blank line) into the most cells; on a tie,
    the one the csv module's sniffer finds most consistent over the first lines. Cells below the header may hold
    any of them (a note "a;b"), so the header decides."""
    lines = [ln for ln in _first_lines(text, 20) if ln.strip()]
    if not lines:
        return ","
    widths = {d: len(next(csv.reader([lines[0]], delimiter=d), [])) for d in (",", ";", "\t")}
    widest = max(widths.values())
    candidates = [d for d, width in widths.items() if width == widest]
    if len(candidates) == 1:
        return candidates[0]
    try:
        found = csv.Sniffer().sniff("\n".join(lines), delimiters="".join(candidates)).delimiter
        return found if found in candidates else candidates[0]
    except csv.Error:
        return candidates[0]


def _first_lines(text: str, count: int) -> list[str]:
    """`text.splitlines()[:count]` without splitting a large file into all its lines."""
    size = 1 << 16
    while size < len(text):
        lines = text[:size].splitlines()
        if len(lines) > count:  # the first `count` lines all end inside the prefix, so they are complete
            return lines[:count]
        size *= 4
    return text.splitlines()[:count]


def text_format(text: str, encoding: str) -> CsvFormat:
    return CsvFormat(encoding, sniff_delimiter(text), "\r\n" if "\r\n" in text[:10000] else "\n")


def count_rows(text: str, delimiter: str, at_most: int) -> int:
    """How many rows the csv module splits, counting no further than `at_most` (none is kept)."""
    try:
        return sum(1 for _ in islice(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), at_most))
    except csv.Error:
        return 0  # unreadable: reader_grid says why, with the row


def reader_grid(text: str, delimiter: str, name: str, tab: bool = True) -> Grid:
    """The rows the csv module splits. A tab's file is refused when a quote opens a cell that is never closed;
    other files are only checked to be readable."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        grid = list(reader)
    except csv.Error as exc:
        row = _records_before_error(text, delimiter) + 1
        if "field larger than field limit" in str(exc):
            raise SourceError(f"{name} row {row}: a value is longer than {csv.field_size_limit():,} characters "
                              "(often a quote that is never closed); fix that row and try again.") from None
        raise SourceError(f"{name} could not be read as CSV (row {row}): {exc}") from None
    if tab and grid and _ends_in_open_quote(text, grid[-1], delimiter):
        raise SourceError(f"{name} row {len(grid)}: a quote (\") opens a value there and is never closed, so the "
                          "rest of the file would be read as that one value. Close or remove that quote and try again.")
    return grid


def _records_before_error(text: str, delimiter: str) -> int:
    """How many rows split cleanly before the csv module gave up: the row it gave up on is the next one."""
    reader, count = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 0
    try:
        for _ in reader:
            count += 1
    except csv.Error:
        pass
    return count


def _ends_in_open_quote(text: str, last_row: list[str], delimiter: str) -> bool:
    """Whether the file ends inside a quoted cell. The forgiving csv module then puts everything from that quote
    to the end of the file into the last row's last cell; a cell that really was closed is followed by its quote
    (and at most a line ending) at the end of the text."""
    if '"' not in text or not last_row:
        return False
    tail = text.rstrip("\r\n")
    if any("\n" in cell or "\r" in cell for cell in last_row):  # the last row spans lines
        # an unquoted cell cannot span lines: a last cell that does, with no closing quote at the end of the
        # file, opened with a quote that never closed
        return ("\n" in last_row[-1] or "\r" in last_row[-1]) and not tail.endswith('"')
    last_line = tail[max(tail.rfind("\n"), tail.rfind("\r")) + 1:]  # the whole last row: parse it strictly
    try:
        list(csv.reader([last_line], delimiter=delimiter, strict=True))
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False
