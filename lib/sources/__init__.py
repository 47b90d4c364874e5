"""Data sources: each reads every tab into RawTables and commits a TabEdit set back to its storage."""

from lib.sources.base import Source, TabEdit
from lib.sources.csv_files import CsvSource
from lib.sources.opening import (
    UnavailableSource,
    open_source,
    sample_source,
    upload_source,
)

__all__ = ["Source", "TabEdit", "CsvSource", "XlsxSource", "UnavailableSource", "open_source", "sample_source",
           "upload_source"]


def __getattr__(name: str):
    """XlsxSource on first use: openpyxl takes a noticeable part of a command's start-up."""
    if name == "XlsxSource":
        from lib.sources.xlsx_file import XlsxSource

        return XlsxSource
    raise AttributeError(name)
