"""A set of CSV files, one per tab: a folder on disk, or uploaded files held in memory."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..safe_save import save_atomically
from ..table import RawTable
from .base import Grid, Source, TabEdit, apply_to_grid, tables_from_grids

CSV_SUFFIXES = (".csv", ".tsv", ".txt")


@dataclass
class CsvFormat:
    encoding: str = "utf-8"
    delimiter: str = ","
    newline: str = "\r\n"


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Text and encoding of a CSV file: UTF-8 with or without BOM, UTF-16 with BOM, else Excel's cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"
    else:
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
    text = data.decode(encoding, errors="replace")
    if "\x00" in text:
        raise SourceError(f"{name} is not a text file (it contains binary data); save it as CSV and try again.")
    return text, encoding


def sniff_delimiter(text: str) -> str:
    """`,` `;` or tab: the one that splits the header line most consistently."""
    lines = [ln for ln in text.splitlines()[:20] if ln.strip()]
    if not lines:
        return ","
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters=",;\t").delimiter
    except csv.Error:
        counts = {d: lines[0].count(d) for d in (",", ";", "\t")}
        return max(counts, key=counts.get) if max(counts.values()) else ","


def parse_csv(data: bytes, name: str) -> tuple[Grid, CsvFormat]:
    text, encoding = decode(data, name)
    newline = "\r\n" if "\r\n" in text[:10000] else "\n"
    delimiter = sniff_delimiter(text)
    try:
        grid = [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise SourceError(f"{name} could not be read as CSV: {exc}") from None
    return grid, CsvFormat(encoding, delimiter, newline)


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

    def read_tables(self, only: set[str] | None = None) -> dict[str, RawTable]:
        return tables_from_grids(self._grids(), only)

    def commit(self, edits: list[TabEdit]) -> None:
        grids = self._grids()
        for edit in edits:
            name = edit.title if edit.title in grids else f"{edit.title}.csv"
            fmt = self._formats.get(name, CsvFormat(encoding="utf-8-sig"))
            data = render_csv(apply_to_grid(grids.get(name, []), edit), fmt)
            if self.files is not None:
                self.files[name] = data
                self.changed = True
            else:
                save_atomically(self.folder / name, data)

    def download(self) -> tuple[str, bytes, str] | None:
        if self.files is None:
            return None
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in sorted(self.files.items()):
                archive.writestr(name, data)
        return "tandem-data.zip", buffer.getvalue(), "application/zip"
