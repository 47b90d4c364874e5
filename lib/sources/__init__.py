"""Data sources: each reads every tab into RawTables and commits a TabEdit set back to its storage."""

from .base import Source, TabEdit
from .csv_files import CsvSource
from .xlsx_file import XlsxSource
from .opening import UnavailableSource, open_source, sample_source, upload_source

__all__ = ["Source", "TabEdit", "CsvSource", "XlsxSource", "UnavailableSource", "open_source", "sample_source", "upload_source"]
