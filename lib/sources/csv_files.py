"""A set of CSV files, one per tab: a folder on disk, or uploaded files held in memory."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from lib.contract.raw_table import Coded, RawTable, build_table, table_from_columns
from lib.contract.tabs import ALL_TABS, TabSpec, tab_for
from lib.errors import SourceError
from lib.sources.base import Grid, Source, TabEdit, apply_to_grid, choose_titles
from lib.sources.csv_text import (
    CsvFormat,
    count_rows,
    decode,
    encoding_note,
    has_marks,
    inert,
    reader_grid,
    text_format,
    unmarked,
)
from lib.sources.file_lock import exclusive
from lib.sources.limits import check_rows, row_cap
from lib.sources.safe_save import BACKUP_DIR, drop_backups_mentioning, save_atomically

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
LOCK_FILE = ".tandem.lock"  # in the folder: see Source.write_lock
COLUMNAR_FROM = 256 * 1024  # bytes: larger plain files are split by pandas' C reader instead of the csv module


def _check_cap(data: bytes, text: str, fmt: CsvFormat, tab: str | None, name: str) -> None:
    """Refuse a file past its row cap before it is split into cells. Free when the file has fewer line breaks
    than the cap; else a plain file's lines are counted, and any other file's rows are counted by the csv module
    without keeping them (0.6 s, no memory, for 500,000 quoted rows)."""
    cap = row_cap(tab)
    breaks = data.count(b"\n") + data.count(b"\r")  # at least the rows - 1 (old Macs end lines with \r alone)
    if breaks < cap:
        return
    if _plain(data, text, fmt) is not None:  # every \n ends a row: count them exactly
        check_rows(tab, name, data.count(b"\n") + (not data.endswith(b"\n")))
        return
    check_rows(tab, name, count_rows(text, fmt.delimiter, cap + 1), at_least=True)


def parse_csv(data: bytes, name: str) -> tuple[Grid, CsvFormat]:
    text, encoding = decode(data, name)
    fmt = text_format(text, encoding)
    return reader_grid(text, fmt.delimiter, name), fmt


def _plain(data: bytes, text: str, fmt: CsvFormat) -> bytes | None:
    """The UTF-8 bytes of a file that any CSV reader splits the same way: no quotes, no line ending but \\n or
    \\r\\n, no line longer than the csv module's field limit (which would make it refuse the file). Else None."""
    if fmt.encoding not in ("utf-8", "utf-8-sig") or '"' in text:
        return None
    raw = data[3:] if fmt.encoding == "utf-8-sig" else data
    codes = np.frombuffer(raw, dtype=np.uint8)
    if b"\r" in raw:
        returns = np.flatnonzero(codes == 13)
        if returns[-1] + 1 == len(codes) or (codes[returns + 1] != 10).any():
            return None
    ends = np.flatnonzero(codes == 10)
    longest = int(np.diff(ends, prepend=-1, append=len(raw)).max()) if len(raw) else 0
    return raw if longest < csv.field_size_limit() else None


def _arrow_table(spec: TabSpec, name: str, raw: bytes, delimiter: str) -> RawTable | None:
    """A large plain file whose rows all have as many cells as its first line, split by Arrow's CSV reader and
    kept as codes into each column's distinct texts (no Python string per cell). None when a row is shorter or
    longer: pandas' reader then decides."""
    import pyarrow as pa
    from pyarrow import csv as arrow_csv

    width = raw.split(b"\n", 1)[0].count(delimiter.encode()) + 1
    names = [f"c{i}" for i in range(width)]
    try:
        read = arrow_csv.read_csv(
            io.BytesIO(raw), read_options=arrow_csv.ReadOptions(column_names=names),
            parse_options=arrow_csv.ParseOptions(delimiter=delimiter, quote_char=False, ignore_empty_lines=False),
            convert_options=arrow_csv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()),
                                                     strings_can_be_null=False, null_values=[]))
    except (pa.ArrowInvalid, ValueError):
        return None
    columns = []
    for column in read.columns:
        coded = column.combine_chunks().dictionary_encode()
        columns.append(Coded(coded.indices.to_numpy(zero_copy_only=False).astype(np.intp),
                             np.asarray(coded.dictionary.to_pylist(), dtype=object)))
    return table_from_columns(spec, name, columns)


def _columnar_table(spec: TabSpec, name: str, raw: bytes, delimiter: str) -> RawTable | None:
    """A large plain file split by pandas' C reader, kept column-wise; None to let the csv module decide."""
    try:
        frame = pd.read_csv(io.BytesIO(raw), sep=delimiter, header=None, dtype=object, na_filter=False,
                            skip_blank_lines=False, quoting=csv.QUOTE_NONE, engine="c", encoding="utf-8",
                            low_memory=False)
    except (ValueError, pd.errors.ParserError, pd.errors.EmptyDataError):
        return None  # e.g. a row with more cells than the first line
    return table_from_columns(spec, name, [frame[c].to_numpy(dtype=object) for c in frame.columns])


def read_csv_table(spec: TabSpec, name: str, data: bytes,
                   columnar_from: int = COLUMNAR_FROM) -> tuple[RawTable, CsvFormat]:
    """One CSV file as a tab. The same RawTable whichever reader splits it: the csv module row by row, or for
    large plain files Arrow's reader (rows all as wide as the first line) or else pandas' C reader, column-wise
    (ten to twenty times faster at 200,000 rows)."""
    text, encoding = decode(data, name)
    fmt = text_format(text, encoding)
    _check_cap(data, text, fmt, spec.name, name)
    table = None
    raw = _plain(data, text, fmt) if len(data) >= columnar_from else None
    if raw is not None:
        table = _arrow_table(spec, name, raw, fmt.delimiter) or _columnar_table(spec, name, raw, fmt.delimiter)
    if table is None:
        table = build_table(spec, name, reader_grid(text, fmt.delimiter, name))
    if has_marks(text):
        _unmark(table)
    table.notes.extend(encoding_note(name, text, encoding))
    return table, fmt


def _unmark(table: RawTable) -> None:
    """Take the apostrophe off the cells Tandem marked as text when it wrote them (see csv_text.inert)."""
    for column in table.block.columns if table.block is not None else []:
        if isinstance(column, Coded):
            column.texts[:] = [unmarked(text) for text in column.texts]
            continue
        for k in [k for k, text in enumerate(column) if text[:1] == "'"]:
            column[k] = unmarked(column[k])


def _inert_edit(edit: TabEdit) -> TabEdit:
    """The edit as a CSV file gets it: every text a spreadsheet would run as a formula marked as text."""
    return replace(edit, header_cells={i: inert(t) for i, t in edit.header_cells.items()},
                   cells=[(row, i, inert(t)) for row, i, t in edit.cells],
                   rows=[[inert(t) for t in row] for row in edit.rows])


def _check_readable(data: bytes, name: str, tab: str | None) -> CsvFormat:
    """What parse_csv would report about a file that is not read into a tab (an unreadable file is still an error)."""
    text, encoding = decode(data, name)
    fmt = text_format(text, encoding)
    _check_cap(data, text, fmt, tab, name)
    if _plain(data, text, fmt) is None:
        reader_grid(text, fmt.delimiter, name, tab=tab is not None)
    return fmt


def render_csv(grid: Grid, fmt: CsvFormat) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=fmt.delimiter, lineterminator=fmt.newline).writerows(grid)
    text = out.getvalue()
    try:
        return text.encode(fmt.encoding)
    except UnicodeEncodeError:  # a new name cp1252 cannot hold: UTF-8 with BOM still opens in Excel
        return text.encode("utf-8-sig")


class CsvSource(Source):
    """CSV files named after the tabs (mentors.csv, mentees.csv ...). `folder` on disk, or `files` in memory."""

    kind = "csv"

    def __init__(self, folder: Path | str | None = None, files: dict[str, bytes] | None = None,
                 label: str | None = None):
        if (folder is None) == (files is None):
            raise ValueError("give a folder or in-memory files")
        self.folder = Path(folder) if folder is not None else None
        self.files = dict(files) if files is not None else None
        self.in_place = self.folder is not None
        self.label = label or (f"CSV folder {self.folder}" if self.folder else "Uploaded CSV files")
        self._formats: dict[str, CsvFormat] = {}

    def stored_files(self) -> list[Path]:
        if not (self.folder and self.folder.is_dir()):
            return []
        # Not the lock file or another session's half-written save (gone by the time its time is asked for).
        return sorted(p for p in self.folder.glob("*") if p.is_file() and p.name != LOCK_FILE
                      and not (p.name.startswith(".") and p.suffix == ".tmp"))

    def write_lock(self):
        if self.folder is None:
            return super().write_lock()
        if not self.folder.is_dir():
            raise SourceError(f"The folder {self.folder} does not exist.")
        return exclusive(self.folder / LOCK_FILE, f"the folder {self.folder}")

    def _raw_files(self) -> dict[str, bytes]:
        if self.files is not None:
            return self.files
        if not self.folder.is_dir():
            raise SourceError(f"The folder {self.folder} does not exist.")
        return {p.name: p.read_bytes() for p in sorted(self.folder.iterdir())
                if p.is_file() and p.suffix.lower() in CSV_SUFFIXES}

    def _grids(self) -> dict[str, Grid]:
        grids = {}
        for name, data in self._raw_files().items():
            grids[name], self._formats[name] = parse_csv(data, name)
        return grids

    def read_tables(self, only: set[str] | None = None, titles: dict[str, str] | None = None) -> dict[str, RawTable]:
        """Every file is read (an unreadable one is an error, as ever); the first file of each tab is the tab,
        unless `titles` names another file's stem for it."""
        files = self._raw_files()
        chosen = choose_titles(list(files), only, titles)
        tables: dict[str, RawTable] = {}
        for name, data in files.items():
            if name in chosen:
                tables[chosen[name]], self._formats[name] = read_csv_table(ALL_TABS[chosen[name]], name, data)
            else:
                spec = tab_for(name)
                self._formats[name] = _check_readable(data, name, spec.name if spec else None)
        return tables

    def titles(self) -> list[str]:
        return list(self._raw_files())

    def commit(self, edits: list[TabEdit]) -> None:
        with self.write_lock():
            self._commit(edits)

    def _commit(self, edits: list[TabEdit]) -> None:
        grids, changed = self._grids(), {}
        for edit in edits:  # every edit is applied (and may be refused) before any file is written
            name = edit.title if edit.title in grids else f"{edit.title}.csv"
            grids[name] = changed[name] = apply_to_grid(grids.get(name, []), _inert_edit(edit))
        for name, grid in changed.items():
            data = render_csv(grid, self._formats.get(name, CsvFormat(encoding="utf-8-sig")))
            if self.files is not None:
                self.files[name] = data
                self.changed = True
            else:
                save_atomically(self.folder / name, data)

    def drop_backups(self, mentions: list[str]) -> int:
        if self.folder is None:
            return 0
        kept = self.folder / BACKUP_DIR
        backups = [p for p in kept.iterdir() if p.suffix.lower() in CSV_SUFFIXES] if kept.is_dir() else []
        return drop_backups_mentioning(backups, mentions)

    def download(self) -> tuple[str, bytes, str] | None:
        if self.files is None:
            return None
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in sorted(self.files.items()):
                archive.writestr(name, data)
        return "tandem-data.zip", buffer.getvalue(), "application/zip"
