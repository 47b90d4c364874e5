"""Forgetting a person (the right to erasure): which cells and rows of which tabs change, as edits for the writer.

Worked out from a fresh read of every tab (Writer.forget commits them):
- the person's roster rows (mentors and/or mentees) are deleted;
- their rows in pairings, check-ins and feedback stay, so counts and history stay right, with their email replaced
  by one pseudonym (a pairing still links its check-ins) and the free text of those rows blanked;
- any other cell that names them is cleaned of them: a manager_email is blanked, a preferred-mentor or avoid list
  loses the address, other text has the address (and their full name) replaced by a placeholder;
- change-log entries about them lose their old and new values and name the pseudonym instead of the email.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

from lib.contract.pseudonyms import pseudonym
from lib.contract.raw_table import RawRow, RawTable
from lib.contract.tabs import ALL_TABS, CHANGES, ROSTER_TABS
from lib.contract.values import normalise_email
from lib.errors import NothingToForget
from lib.reading.maps import read_mapped, shadowed_tables
from lib.sources.base import Source, TabEdit
from lib.text import plural

LOG_TABS = ("pairings", "checkins", "feedback", "outcomes")  # rows about the person, kept with a pseudonym
FREE_TEXT = {"pairings": ("goals", "end_reason"), "checkins": ("notes",), "feedback": ("comment",),
             "outcomes": ("next_step", "notes")}
PERSON_COLUMNS = ("mentor_email", "mentee_email")
PLACEHOLDER = "[forgotten]"
MIN_NAME = 4  # a shorter name would match inside too many other words to be cleaned from free text


@dataclass
class ForgetReport:
    """What a forget did (or would do), in counts only: it never holds the email or the name."""

    pseudonym: str = ""
    rows_removed: dict[str, int] = field(default_factory=dict)  # roster tab -> rows deleted
    log_rows: dict[str, int] = field(default_factory=dict)  # log tab -> rows pseudonymised
    texts_blanked: int = 0  # notes, comments, goals and end reasons of those rows
    references_cleaned: int = 0  # other cells that named the person
    changes_cleaned: int = 0  # change-log entries about the person
    backups_removed: int = 0  # file backups that still held the person
    tabs: list[str] = field(default_factory=list)  # every tab changed, in contract order

    @property
    def removed(self) -> int:
        return sum(self.rows_removed.values())

    @property
    def pseudonymised(self) -> int:
        return sum(self.log_rows.values())

    def sentence(self) -> str:
        """One line for the change log and the dashboard: counts and the pseudonym, nothing about the person."""
        return (f"removed {plural(self.removed, 'roster row')}, pseudonymised {plural(self.pseudonymised, 'log row')}"
                f" as {self.pseudonym}, blanked {plural(self.texts_blanked, 'text')}, cleaned "
                f"{plural(self.references_cleaned, 'other reference')} and "
                f"{plural(self.changes_cleaned, 'change-log entry', 'change-log entries')}")

    def merge(self, other: "ForgetReport") -> None:
        """Add another plan's counts (the same person in a tab a map replaced)."""
        for counts, more in ((self.rows_removed, other.rows_removed), (self.log_rows, other.log_rows)):
            for tab, n in more.items():
                counts[tab] = counts.get(tab, 0) + n
        self.texts_blanked += other.texts_blanked
        self.references_cleaned += other.references_cleaned
        self.changes_cleaned += other.changes_cleaned
        self.tabs = [tab for tab in ALL_TABS if tab in {*self.tabs, *other.tabs}]

    def lines(self) -> list[str]:
        """The command line's report, one count a line."""
        def by_tab(counts: dict[str, int]) -> str:
            shown = ", ".join(f"{tab} {n}" for tab, n in counts.items() if n)
            return f" ({shown})" if shown else ""
        return [f"roster rows removed: {self.removed}{by_tab(self.rows_removed)}",
                f"log rows pseudonymised: {self.pseudonymised}{by_tab(self.log_rows)}"
                + (f" as {self.pseudonym}" if self.pseudonymised else ""),
                f"texts blanked: {self.texts_blanked}",
                f"other references cleaned: {self.references_cleaned}",
                f"change-log entries cleaned: {self.changes_cleaned}",
                f"backups removed: {self.backups_removed}"]


@dataclass
class ForgetPlan:
    edits: list[TabEdit]  # the data tabs (logs first, the roster deletions last)
    change_cells: list[tuple[int, int, str]]  # cells of the changes tab, cleaned
    report: ForgetReport
    mentions: list[str]  # the email and names: what no kept file may hold afterwards


class _Person:
    """The email and names to find, and how a cell that names the person is cleaned of them."""

    def __init__(self, email: str, names: set[str]):
        self.email = normalise_email(email)
        self.names = sorted({n.strip() for n in names if len(n.strip()) >= MIN_NAME}, key=len, reverse=True)
        alternatives = "|".join(re.escape(n) for n in self.names)
        self._names = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if self.names else None
        self._email = re.compile(re.escape(self.email), re.IGNORECASE)

    def is_them(self, text: str) -> bool:
        return bool(text.strip()) and normalise_email(text) == self.email

    def mentioned(self, text: str, names: bool = True) -> bool:
        return self.email in text.lower() or bool(names and self._names and self._names.search(text))

    def cleaned(self, text: str, names: bool = True) -> str:
        """A cell that names them: blank when it is only them, the list without them, else the text without them."""
        if self.is_them(text) or (names and self._names and self._names.fullmatch(text.strip())):
            return ""
        items = re.split(r"[;,\n]", text)
        if len(items) > 1 and any(self.is_them(item) for item in items):
            separator = ";" if ";" in text else ","
            return f"{separator} ".join(i.strip() for i in items if i.strip() and not self.is_them(i))
        text = self._email.sub(PLACEHOLDER, text)
        return self._names.sub(PLACEHOLDER, text) if names and self._names else text


def plan_forget(tables: dict[str, RawTable], email: str, salt: bytes | None = None) -> ForgetPlan:
    """Every change forgetting `email` makes to `tables` (as just read). Raises NothingToForget."""
    person = _Person(email, _names_of(tables, email))
    alias = _pseudonym(tables, person.email, salt)
    report = ForgetReport(pseudonym=alias)
    log_ids: set[tuple[str, str]] = set()  # (tab, id) of the person's log rows: their change entries are cleaned
    edits = [_log_edit(tables[tab], person, alias, report, log_ids) for tab in LOG_TABS if tab in tables]
    if "goals" in tables:  # what their pairings worked on is about them too (the goals copy the pairing's)
        edits.append(_goals_edit(tables["goals"], person, report, log_ids))
    edits += [_other_edit(table, person, report) for tab, table in tables.items()
              if tab not in (*ROSTER_TABS, *LOG_TABS, "goals", CHANGES.name)]
    edits += [_roster_edit(tables[tab], person, report) for tab in ROSTER_TABS if tab in tables]
    edits = [e for e in edits if e.cells or e.deleted_rows]
    change_cells = _change_cells(tables.get(CHANGES.name), person, alias, log_ids, report)
    if not edits and not change_cells:
        raise NothingToForget("That email is not in the data: nothing was changed.")
    touched = {tables_tab(tables, e.title) for e in edits} | ({CHANGES.name} if change_cells else set())
    report.tabs = [tab for tab in ALL_TABS if tab in touched]
    return ForgetPlan(edits, change_cells, report, [person.email, *person.names])


def plan_forget_everywhere(tables: dict[str, RawTable], shadowed: dict[str, RawTable], email: str,
                           salt: bytes | None = None) -> tuple[ForgetPlan, list[tuple[dict, TabEdit]]]:
    """plan_forget over the tabs as read, and over the tabs of their own name that a tab map replaced (the person
    may be in both): one pseudonym, one report. Returns the plan and, for each edit, the tables it belongs to."""
    salt = salt if salt is not None else secrets.token_bytes(16)  # the same pseudonym in both
    try:
        plan = plan_forget(tables, email, salt)
    except NothingToForget:
        if not shadowed:
            raise
        plan = ForgetPlan([], [], ForgetReport(pseudonym=pseudonym(email, salt)), [normalise_email(email)])
    owners = [(tables, e) for e in plan.edits]
    if shadowed:
        try:
            more = plan_forget(shadowed, email, salt)
        except NothingToForget:
            more = None
        if more is not None:
            plan.edits += more.edits
            owners += [(shadowed, e) for e in more.edits]
            plan.report.merge(more.report)
            plan.mentions = sorted(set(plan.mentions) | set(more.mentions))
    if not plan.edits and not plan.change_cells:
        raise NothingToForget("That email is not in the data: nothing was changed.")
    return plan, owners


def preview(source: Source, email: str) -> ForgetReport:
    """What forgetting `email` would change now (for a confirmation); writes nothing."""
    tables, maps, _ = read_mapped(source)
    return plan_forget_everywhere(tables, shadowed_tables(source, tables, maps), email)[0].report


def tables_tab(tables: dict[str, RawTable], title: str) -> str:
    return next(tab for tab, table in tables.items() if table.title == title)


def _names_of(tables: dict[str, RawTable], email: str) -> set[str]:
    wanted = normalise_email(email)
    names = set()
    for tab in ROSTER_TABS:
        table = tables.get(tab)
        if table is not None and "email" in table.columns.index:
            names |= {table.cell(r, "name") for r in table.rows if normalise_email(table.cell(r, "email")) == wanted}
    return {n for n in names if n.strip()}


def _pseudonym(tables: dict[str, RawTable], email: str, salt: bytes | None) -> str:
    """A fresh salt each time (never stored); drawn again in the unlikely case the pseudonym is already taken."""
    while True:
        alias = pseudonym(email, salt if salt is not None else secrets.token_bytes(16))
        if salt is not None or not any(alias in cell.lower() for t in tables.values() for r in t.rows
                                       for cell in r.cells):
            return alias


def _edit_for(table: RawTable, key: str | None) -> TabEdit:
    return TabEdit(title=table.title, header_row=table.header_row, key_index=table.columns.index.get(key))


def _clean_cells(edit: TabEdit, row: RawRow, person: _Person, report: ForgetReport, skip=(), keep_names=()) -> None:
    """Clean every cell of a kept row that names the person (names are not looked for in `keep_names` columns)."""
    for index, text in enumerate(row.cells):
        if index in skip or not text or not person.mentioned(text, names=index not in keep_names):
            continue
        cleaned = person.cleaned(text, names=index not in keep_names)
        if cleaned != text:
            edit.cells.append((row.number, index, cleaned))
            report.references_cleaned += 1


def _roster_edit(table: RawTable, person: _Person, report: ForgetReport) -> TabEdit:
    edit = _edit_for(table, "email")
    columns = table.columns
    own_names = {i for i in (columns.index.get("name"), columns.first_name, columns.last_name) if i is not None}
    for row in table.rows:
        key = row.cells[edit.key_index] if edit.key_index is not None and edit.key_index < len(row.cells) else ""
        if person.is_them(key):
            edit.deleted_rows[row.number] = key
        else:  # another person: a namesake keeps their name
            _clean_cells(edit, row, person, report, keep_names=own_names)
    if edit.deleted_rows:
        report.rows_removed[table.tab] = len(edit.deleted_rows)
    return edit


def _log_edit(table: RawTable, person: _Person, alias: str, report: ForgetReport,
              log_ids: set[tuple[str, str]]) -> TabEdit:
    edit = _edit_for(table, "id")
    index = table.columns.index
    emails = [index[c] for c in PERSON_COLUMNS if c in index]
    texts = [index[c] for c in FREE_TEXT[table.tab] if c in index]
    for row in table.rows:
        theirs = [i for i in emails if i < len(row.cells) and person.is_them(row.cells[i])]
        if theirs:
            report.log_rows[table.tab] = report.log_rows.get(table.tab, 0) + 1
            if (row_id := table.cell(row, "id").strip()):
                log_ids.add((table.tab, row_id.lower()))
            edit.cells += [(row.number, i, alias) for i in theirs]
            blanked = [i for i in texts if i < len(row.cells) and row.cells[i].strip()]
            edit.cells += [(row.number, i, "") for i in blanked]
            report.texts_blanked += len(blanked)
        _clean_cells(edit, row, person, report, skip=set(theirs) | set(texts if theirs else ()))
    return edit


def _goals_edit(table: RawTable, person: _Person, report: ForgetReport, log_ids: set[tuple[str, str]]) -> TabEdit:
    """The goals of the person's pairings: the goal becomes the placeholder (a goal is never blank) and the measure
    is blanked; their change entries are cleaned like a log row's. Other goals lose mentions of them."""
    edit = _edit_for(table, "id")
    theirs = {key for tab, key in log_ids if tab == "pairings"}
    index = table.columns.index
    texts = {index[c]: (PLACEHOLDER if c == "goal" else "") for c in ("goal", "measure") if c in index}
    for row in table.rows:
        if table.cell(row, "pairing_id").strip().lower() not in theirs:
            _clean_cells(edit, row, person, report)
            continue
        if (row_id := table.cell(row, "id").strip()):
            log_ids.add(("goals", row_id.lower()))
        for i, new in texts.items():
            if i < len(row.cells) and row.cells[i].strip() and row.cells[i] != new:
                edit.cells.append((row.number, i, new))
                report.texts_blanked += 1
        _clean_cells(edit, row, person, report, skip=set(texts))
    return edit


def _other_edit(table: RawTable, person: _Person, report: ForgetReport) -> TabEdit:
    edit = _edit_for(table, ALL_TABS[table.tab].key)
    for row in table.rows:
        _clean_cells(edit, row, person, report)
    return edit


def _change_cells(table: RawTable | None, person: _Person, alias: str, log_ids: set[tuple[str, str]],
                  report: ForgetReport) -> list[tuple[int, int, str]]:
    """Entries about the person (naming them, or about one of their log rows): old and new values blanked, the key
    made the pseudonym."""
    if table is None:
        return []
    index = table.columns.index
    values = {index[c] for c in ("old_value", "new_value") if c in index}
    cells = []
    for row in table.rows:
        about = (table.cell(row, "tab").strip().lower(), table.cell(row, "key").strip().lower()) in log_ids
        if not about and not any(person.mentioned(text) for text in row.cells):
            continue
        report.changes_cleaned += 1
        for i, text in enumerate(row.cells):
            if i in values:
                new = ""
            elif i == index.get("key") and person.is_them(text):
                new = alias
            else:
                new = person.cleaned(text) if person.mentioned(text) else text
            if new != text:
                cells.append((row.number, i, new))
    return cells
