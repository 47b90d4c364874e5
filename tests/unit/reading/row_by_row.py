"""The reference that the column-wise log reading is tested against: check-ins and feedback taken row by row through
their pydantic models (lib.reading.rows, as the rosters are), then the list-based rules across tabs below (the
implementation the column-wise `check_log_frame` replaced). Kept here as the oracle, not in lib: nothing ships it."""

from __future__ import annotations

from lib.contract.problems import WARNING, Problem
from lib.contract.pseudonyms import is_forgotten
from lib.reading import cross_tab
from lib.reading.dataset import Dataset
from lib.reading.loader import build_dataset, date_order
from lib.reading.rows import parse_rows

LOGS = ("checkins", "feedback")


def check_log(tab: str, rows: list, mentors, mentees, pairings, tables, today) -> tuple[list, list[Problem]]:
    """Check-ins and feedback must name known people; a missing pairing or a future date is only a warning."""
    mentee_emails = {m.email for m in mentees}
    people = mentee_emails | {m.email for m in mentors}
    paired = {(p.mentor_email, p.mentee_email) for p in pairings}
    kept, problems = [], []
    for item in rows:
        if is_forgotten(item.mentor_email) or is_forgotten(item.mentee_email):
            continue
        if item.mentor_email not in people:
            problems.append(cross_tab._at(tables, tab, item.row, "mentor_email", item.mentor_email,
                                          "unknown person: not on the mentors or mentees tab; row skipped"))
            continue
        if item.mentee_email not in mentee_emails:
            problems.append(cross_tab._at(tables, tab, item.row, "mentee_email", item.mentee_email,
                                          "unknown person: not on the mentees tab; row skipped"))
            continue
        kept.append(item)
        if (item.mentor_email, item.mentee_email) not in paired:
            problems.append(cross_tab._at(tables, tab, item.row, "mentee_email", item.mentee_email,
                                          "no pairing of these two people on the pairings tab", WARNING))
        if item.date > today:
            problems.append(cross_tab._at(tables, tab, item.row, "date", item.date.isoformat(),
                                          f"date is after today ({today.isoformat()})", WARNING))
    return kept, problems


def reference_dataset(tables: dict, locale: str | None = None) -> Dataset:
    """The Dataset the row-by-row path gives: rosters, pairings and settings as loading reads them (row by row in
    both paths), the logs re-read row by row, and the problems in loading's order (by tab, then row, stably)."""
    data = build_dataset(tables, locale)
    order, today = date_order(tables, locale), data.settings.today()
    problems = [p for p in data.problems if p.tab not in LOGS]
    for tab in LOGS:
        table = tables.get(tab)
        found = [Problem(table.tab, 0, "", "", note, WARNING) for note in table.notes] if table else []
        rows, parsed = parse_rows(table, order) if table else ([], [])
        rows, unique = cross_tab.unique_ids(tab, rows, tables)
        rows, checked = check_log(tab, rows, data.mentors, data.mentees, data.pairings, tables, today)
        setattr(data, tab, rows)
        problems += found + parsed + unique + checked
    tab_order = ["mentors", "mentees", "pairings", *LOGS, "settings"]
    data.problems = sorted(problems, key=lambda p: (tab_order.index(p.tab) if p.tab in tab_order else 99, p.row))
    return data
