"""Editing one person's row of a roster tab: checked by the same contract rules as loading, then written through
the writer (only the cells that change, refused if the row changed in the spreadsheet since it was read)."""

from __future__ import annotations

import copy

from lib.contract.problems import Problem
from lib.contract.raw_table import RawTable
from lib.contract.tabs import ROSTER_TABS, TABS
from lib.errors import EditRefused, SourceError
from lib.reading.dataset import Dataset
from lib.reading.rows import LOAD_NOTES, parse_rows
from lib.writing.writer import Writer


def editable_columns(tab: str) -> list[str]:
    """The contract columns of a roster tab the form edits (name as one field even when split). Not the email:
    it is the key that pairings, check-ins and feedback point at, so it is changed in the spreadsheet itself."""
    return [c for c in TABS[tab].column_names if c != "email"]


def current_values(data: Dataset, tab: str, email: str) -> dict[str, str]:
    """The person's cells exactly as the spreadsheet holds them (the form starts from these)."""
    table, row = _row(data, tab, email)
    return {column: table.cell(row, column) for column in editable_columns(tab)}


def check_edit(data: Dataset, tab: str, email: str, changes: dict[str, str]) -> list[Problem]:
    """What loading the edited row would report about the edited columns (the same messages as the Roster page)."""
    table, row = _row(data, tab, email)
    edited = copy.deepcopy(table)
    target = next(r for r in edited.rows if r.number == row.number)
    for column, text in changes.items():
        if column == "name" and "name" not in table.columns.index and table.columns.first_name is not None:
            given, _, family = text.partition(" ")  # as the writer splits it
            _put(target, table.columns.first_name, given)
            if table.columns.last_name is not None:
                _put(target, table.columns.last_name, family)
            continue
        index = edited.columns.index.get(column)
        if index is None:  # a column the user does not have yet: judged as if appended at the end
            index = len(edited.header)
            edited.header.append(column)
            edited.columns.index[column] = index
        _put(target, index, text)
    edited.rows = [target]
    _, problems = parse_rows(edited)
    headers = {edited.columns.header_of(edited.header, c) for c in changes}
    return [p for p in problems if p.column in headers]


def planned_edit(data: Dataset, tab: str, email: str, typed: dict[str, str]) -> dict[str, str]:
    """The cells of one person an edit changes ({column: new text}; empty when nothing changes), checked by the same
    rules as a load. Raises EditRefused (naming each bad value) or SourceError; writes nothing."""
    if tab not in ROSTER_TABS:
        raise SourceError(f"Only the mentors and mentees tabs are edited here, not {tab!r}.")
    before = current_values(data, tab, email)
    unknown = set(typed) - set(before)
    if unknown:
        raise SourceError(f"These columns are not edited here: {', '.join(sorted(unknown))}.")
    changes = {c: str(v).strip() for c, v in typed.items() if str(v).strip() != before[c].strip()}
    problems = check_edit(data, tab, email, changes) if changes else []
    if problems:
        raise EditRefused([Problem(p.tab, p.row, p.column, p.value, _without_load_note(p.message), p.severity)
                           for p in problems])
    return changes


def save_edit(writer: Writer, data: Dataset, tab: str, email: str, typed: dict[str, str]) -> dict[str, tuple]:
    """Write the changed cells of one person; returns {column: (old, new)}. Raises EditRefused or WriteConflict."""
    changes = planned_edit(data, tab, email, typed)
    person = getattr(data, f"{tab[:-1]}_by_email")[email]
    return writer.update(tab, email, changes, number=person.row) if changes else {}


def _row(data: Dataset, tab: str, email: str):
    table: RawTable | None = data.tables.get(tab)
    person = getattr(data, f"{tab[:-1]}_by_email").get(email) if tab in ROSTER_TABS else None
    row = table.find("email", email, person.row if person else None) if table else None
    if row is None:
        raise SourceError(f"There is no row with email {email!r} in tab {tab!r}.")
    return table, row


def _without_load_note(message: str) -> str:
    """'... is not a number; treated as 0 until fixed' -> '... is not a number': nothing is loaded from an edit."""
    for note in LOAD_NOTES:
        if message.endswith("; " + note):
            return message[: -len(note) - 2]
    return message


def _put(row, index: int, text: str) -> None:
    row.cells.extend([""] * (index + 1 - len(row.cells)))
    row.cells[index] = text
