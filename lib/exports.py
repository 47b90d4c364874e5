"""Files a lead downloads. Cells that a spreadsheet would run as formulas are neutralised."""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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


def dated_name(what: str, day, suffix: str) -> str:
    return f"tandem-{what}-{day.isoformat()}.{suffix}"
