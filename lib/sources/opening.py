"""Choosing a source from what the user gives: a folder, a workbook path, uploaded files, or the sample."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Mapping

from lib.errors import SourceError
from lib.sources.base import Source
from lib.sources.csv_files import CSV_SUFFIXES, CsvSource
from lib.sources.sheet_urls import looks_like_sheet

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "sample_data"
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def sample_source() -> CsvSource:
    """The bundled sample, copied into memory so that trying things out never edits tracked files."""
    files = {p.name: p.read_bytes() for p in sorted(SAMPLE_DIR.glob("*.csv"))}
    return CsvSource(files=files, label="Sample data (Northwind Labs)")


class UnavailableSource(Source):
    """A configured source that could not be opened: it keeps saying why instead of showing other data."""

    in_place = False  # nothing can be read from it or written to it

    def __init__(self, location: str, reason: str):
        self.origin, self.reason = location, reason
        self.label = f"{location} (unavailable)"

    def read_tables(self, only=None):
        raise SourceError(self.reason)


def open_source(location: str, google_credentials: Mapping[str, object] | None = None) -> Source:
    """A Google Sheet (URL or key), a CSV folder or an .xlsx path, as typed on the command line or in the sidebar.
    A sheet is opened lazily: its first read says whether it can be reached."""
    text = str(location).strip()
    if looks_like_sheet(text) and not Path(text).expanduser().exists():
        from lib.sources.google_sheet import (
            GoogleSheetSource,  # the Google client loads only when a sheet is opened
        )

        return GoogleSheetSource(text, google_credentials)
    if text.startswith(("http://", "https://")):
        raise SourceError(f"{text!r} is not a Google Sheets address: give the sheet's URL "
                          "(https://docs.google.com/spreadsheets/d/<key>/edit), a folder of CSV files or an .xlsx file.")
    path = Path(text).expanduser()
    if not path.exists():
        raise SourceError(f"{path} does not exist: give a folder of CSV files or an .xlsx workbook.")
    if path.is_dir():
        return CsvSource(folder=path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from lib.sources.xlsx_file import (
            XlsxSource,  # openpyxl loads only for a workbook
        )

        if not path.is_file():
            raise SourceError(f"The file {path} does not exist.")
        return XlsxSource(path=path)
    if path.suffix.lower() in CSV_SUFFIXES and path.is_file():
        raise SourceError(f"{path} is a single CSV file: give the folder that holds mentors.csv and mentees.csv.")
    raise SourceError(f"{text!r} is neither a folder of CSV files nor an .xlsx workbook.")


def upload_source(files: list[tuple[str, bytes]]) -> Source:
    """Uploaded files: one .xlsx workbook, or CSV files (loose or in a .zip), one per tab."""
    if not files:
        raise SourceError("No files were uploaded.")
    too_big = [name for name, data in files if len(data) > MAX_UPLOAD_BYTES]
    if too_big:
        raise SourceError(f"{too_big[0]} is larger than {MAX_UPLOAD_BYTES // 2**20} MB.")
    workbooks = [(n, d) for n, d in files if n.lower().endswith((".xlsx", ".xlsm"))]
    if workbooks:
        if len(files) > 1:
            raise SourceError("Upload either one .xlsx workbook or a set of CSV files, not both.")
        name, data = workbooks[0]
        from lib.sources.xlsx_file import XlsxSource

        return XlsxSource(data=data, name=name)
    csvs: dict[str, bytes] = {}
    for name, data in files:
        if name.lower().endswith(".zip"):
            csvs.update(_unzip(name, data))
        elif name.lower().endswith(CSV_SUFFIXES):
            csvs[Path(name).name] = data
        else:
            raise SourceError(f"{name} is not a .csv, .xlsx or .zip file.")
    names = ", ".join(sorted(csvs))
    return CsvSource(files=csvs, label=f"Uploaded CSV files ({names})")


def _unzip(name: str, data: bytes) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [m for m in archive.infolist()
                       if not m.is_dir() and m.filename.lower().endswith(CSV_SUFFIXES)
                       and not Path(m.filename).name.startswith(".")]
            if sum(m.file_size for m in members) > MAX_UPLOAD_BYTES:
                raise SourceError(f"{name} unpacks to more than {MAX_UPLOAD_BYTES // 2**20} MB.")
            return {Path(m.filename).name: archive.read(m) for m in members}
    except zipfile.BadZipFile:
        raise SourceError(f"{name} is not a readable .zip file.") from None
