"""Build a Dataset from raw tabs: validation of each tab, then the rules across tabs."""

from __future__ import annotations

import gc
from contextlib import contextmanager

from . import consistency
from .contract import TABS
from .dataset import Dataset, read_settings
from .dates import infer_order, locale_order
from .errors import ContractError
from .log_validation import parse_log
from .logs import empty_log
from .problems import WARNING, Problem
from .table import RawTable
from .validation import date_evidence, parse_rows

LOGS = ("checkins", "feedback")


@contextmanager
def _collection_paused():
    """No cyclic garbage collection while a program is validated: building tens of thousands of models would
    otherwise trigger full collections that walk every cell already read (a tenth of the load time at 200,000
    rows). Reference counting still frees everything as usual; collection resumes afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_dataset(tables: dict[str, RawTable], locale: str | None = None, label: str = "",
                  titles: list[str] | None = None, columnar_logs: bool = True) -> Dataset:
    """Validate every tab: rosters row by row, check-ins and feedback column-wise into log frames (log_validation).
    `columnar_logs=False` takes the logs row by row too, with the list-based rules across tabs: the reference the
    column-wise path is tested against."""
    with _collection_paused():
        return _build(tables, locale, label, titles, columnar_logs)


def _build(tables: dict[str, RawTable], locale: str | None, label: str, titles: list[str] | None,
           columnar: bool) -> Dataset:
    missing = [name for name, spec in TABS.items() if spec.required and name not in tables]
    if missing:
        found = ", ".join(repr(t) for t in (titles if titles is not None else [t.title for t in tables.values()]))
        found = found or "none"
        raise ContractError(f"{label or 'The data'} has no {' or '.join(repr(m) for m in missing)} tab "
                            f"(tabs found: {found}). Tandem needs at least 'mentors' and 'mentees'.")
    settings, problems = read_settings(tables.get("settings"))
    problems.extend(Problem(t.tab, 0, "", "", note, WARNING) for t in tables.values() for note in t.notes)
    evidence = set().union(*(date_evidence(t) for t in tables.values() if t.tab in TABS and t.tab != "settings"))
    order = infer_order(evidence, locale_order(locale))
    parsed = {}
    for tab in ("mentors", "mentees", "pairings", *LOGS):
        if tab not in tables:
            rows, found = (empty_log(tab) if tab in LOGS and columnar else []), []
        elif tab in LOGS and columnar:
            rows, found = parse_log(tables[tab], order)
        else:
            rows, found = parse_rows(tables[tab], order)
        parsed[tab] = rows
        problems.extend(found)
    mentors, found = consistency.unique_people("mentors", parsed["mentors"], tables)
    problems.extend(found)
    mentees, found = consistency.unique_people("mentees", parsed["mentees"], tables)
    problems.extend(found)
    problems.extend(consistency.check_people(mentors, mentees, tables))
    pairings, found = consistency.unique_ids("pairings", parsed["pairings"], tables)
    problems.extend(found)
    pairings, found = consistency.check_pairings(pairings, mentors, mentees, tables)
    problems.extend(found)
    logs = {}
    for tab in LOGS:
        unique, check = ((consistency.unique_log_ids, consistency.check_log_frame) if columnar else
                         (consistency.unique_ids, consistency.check_log))
        rows, found = unique(tab, parsed[tab], tables)
        problems.extend(found)
        logs[tab], found = check(tab, rows, mentors, mentees, pairings, tables, settings.today())
        problems.extend(found)
    tab_order = list(TABS)
    problems.sort(key=lambda p: (tab_order.index(p.tab) if p.tab in tab_order else 99, p.row))
    return Dataset(mentors, mentees, pairings, logs["checkins"], logs["feedback"], settings, problems,
                   tables, label)
