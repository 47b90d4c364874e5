"""Build a Dataset from raw tabs: per-row validation, then the rules across tabs."""

from __future__ import annotations

from . import consistency
from .contract import TABS
from .dataset import Dataset, read_settings
from .dates import infer_order, locale_order
from .errors import ContractError
from .table import RawTable
from .validation import date_values, parse_rows


def build_dataset(tables: dict[str, RawTable], locale: str | None = None, label: str = "",
                  titles: list[str] | None = None) -> Dataset:
    missing = [name for name, spec in TABS.items() if spec.required and name not in tables]
    if missing:
        found = ", ".join(repr(t) for t in (titles if titles is not None else [t.title for t in tables.values()]))
        found = found or "none"
        raise ContractError(f"{label or 'The data'} has no {' or '.join(repr(m) for m in missing)} tab "
                            f"(tabs found: {found}). Tandem needs at least 'mentors' and 'mentees'.")
    settings, problems = read_settings(tables.get("settings"))
    evidence = [v for t in tables.values() if t.tab in TABS and t.tab != "settings" for v in date_values(t)]
    order = infer_order(evidence, locale_order(locale))
    parsed = {}
    for tab in ("mentors", "mentees", "pairings", "checkins", "feedback"):
        rows, found = parse_rows(tables[tab], order) if tab in tables else ([], [])
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
    for tab in ("checkins", "feedback"):
        rows, found = consistency.unique_ids(tab, parsed[tab], tables)
        problems.extend(found)
        logs[tab], found = consistency.check_log(tab, rows, mentors, mentees, pairings, tables, settings.today())
        problems.extend(found)
    tab_order = list(TABS)
    problems.sort(key=lambda p: (tab_order.index(p.tab) if p.tab in tab_order else 99, p.row))
    return Dataset(mentors, mentees, pairings, logs["checkins"], logs["feedback"], settings, problems,
                   tables, label)
