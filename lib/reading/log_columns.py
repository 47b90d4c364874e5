"""Check-ins and feedback validated column by column: the same rows and problems as the row-by-row path, fast.

A log repeats itself: 200,000 check-ins hold a few thousand distinct emails, a few hundred distinct dates and a
handful of durations. So each column is factorised and every distinct cell text is validated once, by the model's
own validator for that field (dates by `parse_date` with the column's day/month order, as the row path does); free
text (the model's `Text` fields) is only trimmed, as `Text` does. A row whose every cell validated is loaded from
those values directly. Any other row (a bad email, an odd date, a missing rating...) goes through
`lib.reading.rows.parse_rows`, so its problems are word for word the ones the row-by-row path gives, in the same order.
This is sound because the log models validate each field on its own (no validators across fields; a test holds
them to that).
"""

from __future__ import annotations

import typing
from functools import cache
from typing import Annotated

import numpy as np
import pandas as pd
from pydantic import TypeAdapter

from lib.contract.dates import parse_date
from lib.contract.models import Text
from lib.contract.problems import Problem
from lib.contract.raw_table import RawTable
from lib.contract.tabs import TABS, Column, column_letter
from lib.reading.log_frames import EMAILS, LOG_MODELS, empty_log, log_frame
from lib.reading.rows import date_orders, header_problems, parse_row

_TEXT = list(typing.get_args(Text)[1:])


@cache
def _field_adapter(model, name: str) -> TypeAdapter:
    """The model's own validation of one field (its type, BeforeValidators and bounds), for one value at a time."""
    info = model.model_fields[name]
    return TypeAdapter(Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation)


class _Cells:
    """One contract column of a log: each row's value as `distinct[codes[row]]` (free text: `text[row]`), and
    whether it is certain without the row path."""

    def __init__(self, table: RawTable, model, column: Column, order: str | None):
        info = model.model_fields[column.name]
        self.text = self.codes = None
        if info.annotation is str and list(info.metadata) == _TEXT:  # str(v).strip(); blank: the default ""
            self.text = np.full(table.size, "", dtype=object)
            if column.name in table.columns.index:  # an absent column is all defaults
                codes, texts = table.codes(column.name)
                stripped = np.empty(len(texts), dtype=object)
                stripped[:] = [text.strip() for text in texts]
                self.text = stripped[codes]
            self.certain = np.ones(table.size, dtype=bool)
            return
        self.codes, distinct = table.codes(column.name)
        self.codes = self.codes.copy()  # set() changes it
        self.distinct, certain = [], []
        for text in distinct.tolist():
            if not text.strip():  # a blank cell is left out of the row: the default, or "required, but blank"
                self.distinct.append(None if info.is_required() else info.default)
                certain.append(not info.is_required())
                continue
            try:
                self.distinct.append(parse_date(text, order) if column.kind == "date" else
                                     _field_adapter(model, column.name).validate_python(text))
                certain.append(True)
            except Exception:  # any doubt: the row path decides, and words the problem
                self.distinct.append(None)
                certain.append(False)
        self.certain = np.asarray(certain, dtype=bool)[self.codes]

    def set(self, k: int, value) -> None:
        """Row k's value as the row path built it."""
        if self.text is not None:
            self.text[k] = value
        else:
            self.distinct.append(value)
            self.codes[k] = len(self.distinct) - 1

    def values(self, name: str, keep: np.ndarray):
        """The values of the kept rows, typed for logs.log_frame."""
        if self.text is not None:
            return self.text[keep]
        codes = self.codes[keep]
        if name == "date":
            return np.asarray(self.distinct, dtype="datetime64[D]")[codes]
        if name == "minutes":
            return pd.array(self.distinct, dtype="Int64").take(codes)
        if name == "rating":
            return np.asarray([0 if v is None else v for v in self.distinct], dtype=np.int64)[codes]
        distinct = np.empty(len(self.distinct), dtype=object)
        distinct[:] = self.distinct
        return distinct[codes]


def _people(mentor: _Cells, mentee: _Cells, keep: np.ndarray) -> tuple[pd.Categorical, pd.Categorical]:
    """The two email columns as categoricals over the log's people, without looking up each entry's text."""
    people = pd.Index(sorted({v for c in (mentor, mentee) for v in c.distinct if v is not None}), dtype=object)
    kind = pd.CategoricalDtype(people)
    return tuple(pd.Categorical.from_codes(people.get_indexer(pd.Index(c.distinct, dtype=object))[c.codes[keep]],
                                           dtype=kind) for c in (mentor, mentee))


def _extras(table: RawTable, extras: list[tuple[str, int]]) -> np.ndarray:
    """The user's own cells of every row as {header: text} (None when the row has none), as the row path keeps them."""
    out = np.full(table.size, None, dtype=object)
    if extras:
        names = [name for name, _ in extras]
        out[:] = [{n: text for n, text in zip(names, cells) if text.strip()} or None
                  for cells in zip(*(table.cells_at(i) for _, i in extras))]
    return out


def parse_log(table: RawTable, date_order: str | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Validate a check-ins or feedback tab: the rows lib.reading.rows.parse_rows would load, as a log frame
    (logs.LOG_COLUMNS), and the same problems in the same order."""
    spec, model = TABS[table.tab], LOG_MODELS[table.tab]
    problems, usable = header_problems(table, spec)
    if not usable:
        return empty_log(table.tab), problems
    orders = date_orders(table, spec, date_order)
    extras = [(table.header[i] or column_letter(i), i) for i in table.columns.extras]
    cells = {column.name: _Cells(table, model, column, orders.get(column.name)) for column in spec.columns}
    rows, extra = table.numbers, _extras(table, extras)
    certain = np.logical_and.reduce([c.certain for c in cells.values()])
    loaded = certain.copy()
    for k in np.flatnonzero(~certain).tolist():
        built, found = parse_row(table, spec, model, table.row_at(k), orders, extras)
        problems.extend(found)
        if built is not None:
            loaded[k] = True
            for name, column in cells.items():
                column.set(k, getattr(built, name))
            extra[k] = built.extra or None
    keep = np.flatnonzero(loaded)
    values = {name: column.values(name, keep) for name, column in cells.items() if name not in EMAILS}
    values["mentor_email"], values["mentee_email"] = _people(cells["mentor_email"], cells["mentee_email"], keep)
    return log_frame(table.tab, {**values, "row": rows[keep], "extra": extra[keep]}), problems

