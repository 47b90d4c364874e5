"""Data sources: each reads every tab into RawTables and commits a TabEdit set back to its storage."""

from .base import Source, TabEdit
from .csv_files import CsvSource
from .opening import UnavailableSource, open_source, sample_source, upload_source

__all__ = ["Source", "TabEdit", "CsvSource", "XlsxSource", "UnavailableSource", "open_source", "sample_source",
           "upload_source"]


def __getattr__(name: str):
    """XlsxSource on first use: openpyxl takes a noticeable part of a command's start-up."""
    if name == "XlsxSource":
        from .xlsx_file import XlsxSource

        return XlsxSource
    raise AttributeError(name)
