"""The one writer: appends and row updates in the user's own columns, with ids, conflict checks and a change log."""

from __future__ import annotations

import json
import random
import uuid
from datetime import datetime
from typing import Callable

from lib.contract.raw_table import RawTable, build_table
from lib.contract.tabs import ALL_TABS, CHANGES, ID_PREFIX
from lib.errors import SourceError, WriteConflict
from lib.reading.maps import read_mapped, shadowed_tables
from lib.sources.base import Source, TabEdit, apply_to_grid
from lib.writing.forget import ForgetReport, plan_forget_everywhere, tables_tab
from lib.writing.ids import next_ids

SETTLE_ROUNDS = 3  # checks of new ids after an append (each one read of the tab)
RENUMBER_SPREAD = 12  # a clashing row takes one of the free numbers 2..12 after the highest


def _pick(choices: list[str]) -> str:
    return random.SystemRandom().choice(choices)


def _same_apart_from(cells: list[str], written: list[str], skip: int | None) -> bool:
    """Whether a stored row holds what was appended, apart from its id (which a renumbering changes)."""
    return all(k == skip or (cells[k].strip() if k < len(cells) else "") == text.strip()
               for k, text in enumerate(written))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


class Writer:
    """Writes through a source. `snapshot` is what the dashboard read; updates are refused if the row moved on."""

    def __init__(self, source: Source, snapshot: dict[str, RawTable],
                 clock: Callable[[], datetime] = datetime.now, new_id: Callable[[], str] | None = None):
        self.source, self.snapshot, self.clock = source, dict(snapshot), clock
        self.new_id = new_id or (lambda: uuid.uuid4().hex[:8])

    def append(self, tab: str, records: list[dict[str, object]],
               unless: Callable[[RawTable | None], bool] | None = None) -> list[str]:
        """Add rows to a tab (created with the contract header when missing); returns their keys, or nothing when
        `unless` holds for the tab as stored right before writing (a row another run already wrote).

        New ids follow the tab's own pattern (lib.writing.ids). The tab is read just before writing, and read again
        after: when another session appended the same new id in between, the row written later is renumbered, so
        ids stay unique; the renumbering is an update like any other, in the change log. Ids the records bring are
        theirs to keep unique (random ones, as the reminders log uses), so they are not checked again. A local
        file is locked from that read to the save (Source.write_lock), so no other session can append in between."""
        with self.source.write_lock():
            appended = self._append(tab, records, unless)
        if appended is None:
            return []
        keys, written, numbered = appended
        return self._settle_ids(tab, keys, written) if numbered else keys

    def _append(self, tab: str, records: list[dict[str, object]],
                unless: Callable[[RawTable | None], bool] | None) -> tuple[list[str], list[list[str]], bool] | None:
        """The append itself, from the fresh read to the commit: (keys, rows as written, whether ids were made),
        or None when `unless` held."""
        spec = ALL_TABS[tab]
        current = self._read(only={tab, CHANGES.name})
        table = current.get(tab)
        if unless is not None and unless(table):
            if table is not None:
                self.snapshot[tab] = table
            return None
        edit, layout = self._layout(tab, table, {f for r in records for f in r})
        existing = [table.cell(r, "id") for r in table.rows] if table else []
        numbered = "id" in spec.columns_by_name and any(not r.get("id") for r in records)
        fresh = iter(next_ids(existing, ID_PREFIX.get(tab, "R"), sum(not r.get("id") for r in records))
                     if numbered else [])
        keys, change_rows, written = [], [], []
        for record in records:
            values = {k: _text(v) for k, v in record.items()}
            if numbered and not values.get("id"):
                values["id"] = next(fresh)
            cells = self._cells(layout, values)
            edit.rows.append(cells)
            written.append(cells)
            key = values.get(spec.key, "")
            keys.append(key)
            change_rows.append(self._change(tab, key, "append", "", "", json.dumps(values, ensure_ascii=False)))
        self._commit(tab, edit, current, change_rows)
        return keys, written, numbered

    def _settle_ids(self, tab: str, keys: list[str], written: list[list[str]]) -> list[str]:
        """Renumber each appended row whose id an earlier row of the tab now also holds (another session's append
        of the same moment); returns the ids as they finally are.

        A renumbered row takes a random one of the few free numbers after the next (the next is what a concurrent
        append takes), and the check repeats, so two sessions renumbering at once do not meet again."""
        settled = list(keys)
        for _ in range(SETTLE_ROUNDS):
            table = self._read(only={tab, CHANGES.name}).get(tab)
            if table is None:
                return settled
            id_at = table.columns.index.get("id")
            holders: dict[str, list] = {}
            for row in table.rows:
                holders.setdefault(table.cell(row, "id").strip().lower(), []).append(row)
            clashes = []
            for k, cells in enumerate(written):
                rows = holders.get(settled[k].lower(), [])
                mine = [r for r in rows if _same_apart_from(r.cells, cells, id_at)]
                if len(rows) > 1 and mine and mine[-1] is not rows[0]:
                    clashes.append((k, mine[-1]))
            if not clashes:
                return settled
            self.snapshot[tab] = table
            taken = [table.cell(r, "id") for r in table.rows] + settled
            for k, row in clashes:
                fresh = next_ids(taken, ID_PREFIX.get(tab, "R"), RENUMBER_SPREAD)[1:]
                new = _pick(fresh)
                self.update(tab, settled[k], {"id": new}, number=row.number)
                settled[k] = new
                taken.append(new)
        return settled

    def update(self, tab: str, key: str, changes: dict[str, object],
               number: int | None = None) -> dict[str, tuple[str, str]]:
        """Change cells of the row whose key is `key` (the one of spreadsheet row `number`, when a key is on several
        rows); returns {field: (old, new)} of what really changed."""
        return self.update_rows(tab, [(key, changes, number)])[0]

    def update_rows(self, tab: str, updates: list[tuple[str, dict[str, object], int | None]]
                    ) -> list[dict[str, tuple[str, str]]]:
        """Several rows' changes ((key, changes, row number or None) each) in one commit: every row is checked
        against the table as it was read before anything is written, so a conflict on one saves none of them.
        Returns each row's {field: (old, new)}."""
        if not updates:
            return []
        with self.source.write_lock():  # the rows checked are the rows written: no save of another session between
            return self._update_rows(tab, updates)

    def _update_rows(self, tab: str, updates: list[tuple[str, dict[str, object], int | None]]
                     ) -> list[dict[str, tuple[str, str]]]:
        spec = ALL_TABS[tab]
        seen_table = self.snapshot.get(tab)
        current = self._read(only={tab, CHANGES.name})  # the rows as stored now, not as cached
        table = current.get(tab)
        rows = []
        for key, _, number in updates:
            seen_row = seen_table.find(spec.key, key, number) if seen_table else None
            if seen_row is None:
                raise SourceError(f"There is no row with {spec.key} {key!r} in tab {tab!r}.")
            row = table.find(spec.key, key, number) if table else None
            if row is None or table.record(row) != seen_table.record(seen_row):
                raise WriteConflict(tab, key, seen_table.record(seen_row), table.record(row) if row else None)
            rows.append(row)
        edit, layout = self._layout(tab, table, {field for _, changes, _ in updates for field in changes})
        results, change_rows = [], []
        for (key, changes, _), row in zip(updates, rows):
            done = {}
            for field, value in changes.items():
                old, new = table.cell(row, field), _text(value)
                if old == new:
                    continue
                for index, text in self._placed(layout, field, new):
                    edit.cells.append((row.number, index, text))
                done[field] = (old, new)
                change_rows.append(self._change(tab, key, "update", field, old, new))
            results.append(done)
        if change_rows:
            self._commit(tab, edit, current, change_rows)
        return results

    def forget(self, email: str, salt: bytes | None = None) -> ForgetReport:
        """Erase a person (lib/writing/forget.py says what changes), worked out from a fresh read of every tab
        taken right before writing, and recorded as one `forget` change that names neither them nor their email.
        File backups that still hold them are deleted. Raises NothingToForget when the email is nowhere in the data."""
        with self.source.write_lock():
            return self._forget(email, salt)

    def _forget(self, email: str, salt: bytes | None) -> ForgetReport:
        current, maps, _ = read_mapped(self.source)
        plan, owners = plan_forget_everywhere(current, shadowed_tables(self.source, current, maps), email, salt)
        report = plan.report
        record = self._change("; ".join(report.rows_removed), report.pseudonym, "forget", "; ".join(report.tabs),
                              "", report.sentence())
        log = self._change_log(current, [record])
        log.cells.extend(plan.change_cells)
        self.source.commit([*plan.edits, log])
        for tables, edit in owners:
            if tables is current:  # the snapshot is of the tabs as read; a replaced tab is not among them
                tab = tables_tab(current, edit.title)
                self.snapshot[tab] = _after(tab, current[tab], edit)
        report.backups_removed = self.source.drop_backups(plan.mentions)
        return report

    def current(self, tab: str) -> RawTable | None:
        """The tab as stored now (None when the source has none), which later updates are checked against."""
        table = self._read(only={tab}).get(tab)
        if table is not None:
            self.snapshot[tab] = table
        return table

    def _read(self, only: set[str] | None = None) -> dict[str, RawTable]:
        """The tabs as stored now, read as the source's maps say (a mapped column is written where it is)."""
        return read_mapped(self.source, only)[0]

    # --- layout: where each field goes in the user's own columns -------------------------------------

    def _layout(self, tab: str, table: RawTable | None, fields: set[str]) -> tuple[TabEdit, dict]:
        spec = ALL_TABS[tab]
        if table is None:
            header = spec.column_names
            edit = TabEdit(title=tab, new_header=list(header),
                           key_index=header.index(spec.key) if spec.key in header else None)
            return edit, {"index": {n: i for i, n in enumerate(header)}, "width": len(header), "split": None}
        edit = TabEdit(title=table.title, header_row=table.header_row)
        index = dict(table.columns.index)
        split = None
        if "name" not in index and table.columns.first_name is not None:
            split = (table.columns.first_name, table.columns.last_name)
        width = len(table.header)
        for field in sorted(fields - set(index), key=lambda f: spec.column_names.index(f)
                            if f in spec.column_names else 99):
            if field == "name" and split:
                continue
            edit.header_cells[width] = field  # a column the user does not have yet is added at the end
            index[field] = width
            width += 1
        edit.key_index = index.get(spec.key)
        return edit, {"index": index, "width": width, "split": split}

    @staticmethod
    def _placed(layout: dict, field: str, text: str) -> list[tuple[int, str]]:
        if field == "name" and layout["split"]:
            first, last = layout["split"]
            given, _, family = text.partition(" ")
            return [(first, given)] + ([(last, family)] if last is not None else [])
        return [(layout["index"][field], text)]

    def _cells(self, layout: dict, values: dict[str, str]) -> list[str]:
        cells = [""] * layout["width"]
        for field, text in values.items():
            for index, part in self._placed(layout, field, text):
                cells[index] = part
        return cells

    # --- ids and the change log ----------------------------------------------------------------------

    def random_id(self, tab: str) -> str:
        """A random id for a log row that two runs may write at the same moment (reminders, changes)."""
        return f"{ID_PREFIX.get(tab, 'R')}-{self.new_id()}"

    def _unique_id(self, tab: str, taken: set[str]) -> str:
        """A change log id: random, since two sessions may log at the same moment and nobody reads them."""
        while True:
            candidate = self.random_id(tab)
            if candidate.lower() not in taken:
                return candidate

    def _change(self, tab, key, action, field, old, new) -> dict[str, str]:
        return {"changed_at": self.clock().isoformat(timespec="seconds"), "tab": tab, "key": key,
                "action": action, "field": field, "old_value": old, "new_value": new}

    def _change_log(self, current: dict[str, RawTable], change_rows: list[dict]) -> TabEdit:
        """The edit of the changes tab that appends `change_rows`, each with a new unique id."""
        if tab_changes := current.get(CHANGES.name):
            taken = {tab_changes.cell(r, "id").lower() for r in tab_changes.rows}
        else:
            taken = set()
        log, layout = self._layout(CHANGES.name, current.get(CHANGES.name), set(CHANGES.column_names))
        for row in change_rows:
            row["id"] = self._unique_id(CHANGES.name, taken)
            taken.add(row["id"].lower())
            log.rows.append(self._cells(layout, row))
        return log

    def _commit(self, tab: str, edit: TabEdit, current: dict[str, RawTable], change_rows: list[dict]) -> None:
        self.source.commit([edit, self._change_log(current, change_rows)])
        # Later updates compare against what is stored now: the fresh read plus this edit, without reading again.
        self.snapshot[tab] = _after(tab, current.get(tab), edit)



def _after(tab: str, table: RawTable | None, edit: TabEdit) -> RawTable:
    """The tab as it is once `edit` is applied to `table` (as read just before writing)."""
    grid: list[list[str]] = []
    if table is not None:
        grid = [[] for _ in range(max([table.header_row, *(r.number for r in table.rows)]))]
        grid[table.header_row - 1] = list(table.header)
        for row in table.rows:
            grid[row.number - 1] = list(row.cells)
    return build_table(ALL_TABS[tab], table.title if table else edit.title, apply_to_grid(grid, edit))
