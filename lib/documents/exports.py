"""Files a lead downloads. Cells that a spreadsheet would run as formulas are neutralised."""

from __future__ import annotations

import io
from datetime import date, datetime

import pandas as pd

from lib.contract.values import FORMULA_STARTS

MAX_WIDTH = 60  # characters; longer text wraps
DATE_FORMAT, DATETIME_FORMAT = "d mmm yyyy", "d mmm yyyy hh:mm"  # how a date cell shows: 24 Jul 2026


def neutralise(value: object) -> object:
    """Prefix text that a spreadsheet would read as a formula with an apostrophe; numbers pass through."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV with a BOM so Excel reads UTF-8 names correctly."""
    return neutralise_frame(frame).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """One sheet ready to print or filter: bold frozen header, filters, column widths fitted to the content
    (long text wraps). Text cells are neutralised, so they are stored as text, never as formulas. Dates (date
    or datetime values) are real date cells, shown as 24 Jul 2026, so they sort and filter as dates."""
    from openpyxl import (
        Workbook,  # loaded on demand: most commands never write a workbook
    )
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    table = book.active
    table.title = sheet
    clean = neutralise_frame(frame)
    table.append(list(clean.columns))
    for cell in table[1]:
        cell.font = Font(bold=True)
    for row in clean.itertuples(index=False):
        table.append([_cell_value(v) for v in row])
        for cell in table[table.max_row]:
            if isinstance(cell.value, datetime):
                cell.number_format = DATETIME_FORMAT if cell.value.time() != datetime.min.time() else DATE_FORMAT
    table.freeze_panes = "A2"
    if len(clean.columns):
        table.auto_filter.ref = table.dimensions
    for index, column in enumerate(clean.columns, start=1):
        longest = max([len(str(column)), *(len(_shown(v)) for v in clean[column].head(500) if not pd.isna(v))])
        letter = get_column_letter(index)
        table.column_dimensions[letter].width = min(longest + 2, MAX_WIDTH)
        if longest > MAX_WIDTH:
            for cell in table[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _shown(value: object) -> str:
    return f"{value.day} {value:%b %Y}" if isinstance(value, date) else str(value)


def _cell_value(value: object) -> object:
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)  # openpyxl stores both as a date serial
    return value.item() if hasattr(value, "item") else value


def dated_name(what: str, day, suffix: str) -> str:
    return f"tandem-{what}-{day.isoformat()}.{suffix}"
