"""A pair's goals through the writer: started when a pair is accepted (one open goal per shared goal), added by the
lead, and edited (status, progress, measure, target), each checked by the Goal model that reads them, so what is
written loads back clean. `updated_on` is set to the day of every change."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError

from lib.contract.models import Goal
from lib.contract.problems import Problem
from lib.contract.tabs import GOALS
from lib.errors import EditRefused, SourceError
from lib.reading.dataset import Dataset
from lib.reading.rows import error_message
from lib.vocabulary import DONE_GOAL, NEW_GOAL
from lib.writing.writer import Writer

EDITED = ("goal", "measure", "target_date", "status", "progress")  # what the lead changes; the rest is Tandem's


NO_GOALS_TAB = ("No goals were started: the spreadsheet has no goals tab. Add one (Data set-up has its header) to "
                "track what each pair works on.")


def keeps_goals(data: Dataset) -> bool:
    """Whether the program keeps goals: its source has a goals tab (empty or not)."""
    return data.holds(GOALS.name)


def start_goals(writer: Writer, pairings: list[tuple[str, list[str]]], today: date) -> list[str]:
    """One open goal per shared goal of each newly saved pairing ((pairing id, goals)), so nobody types them
    twice. Returns the new goal ids."""
    records = [{"pairing_id": pairing_id, "goal": goal, "status": NEW_GOAL, "progress": 0, "updated_on": today}
               for pairing_id, goals in pairings for goal in goals if pairing_id and goal.strip()]
    return writer.append(GOALS.name, records) if records else []


def add_goal(writer: Writer, data: Dataset, pairing_id: str, goal: str, measure: str = "",
             target_date: date | None = None, today: date | None = None) -> str:
    """Append a goal to a pairing; returns its id. Refused (EditRefused, naming the field) when it would not load
    back: an empty goal, or a pairing that is not in the pairings tab."""
    if not any(p.id == pairing_id for p in data.pairings if p.id):
        raise SourceError(f"There is no pairing with id {pairing_id!r} in the pairings tab.")
    fields = {"pairing_id": pairing_id, "goal": goal, "measure": measure, "target_date": target_date,
              "status": NEW_GOAL, "progress": 0, "updated_on": data.today(today)}
    _checked(fields, 0)
    return writer.append(GOALS.name, [fields])[0]


def update_goal(writer: Writer, data: Dataset, goal: Goal, changes: dict[str, object],
                today: date | None = None) -> dict[str, tuple[str, str]]:
    """Change a goal's cells (any of EDITED); a status of done sets progress to 100. Only the cells that change are
    written, refused if the row changed since it was read. Returns {field: (old, new)}."""
    return update_goals(writer, data, [(goal, changes)], today)[0]


def update_goals(writer: Writer, data: Dataset, edits: list[tuple[Goal, dict[str, object]]],
                 today: date | None = None) -> list[dict[str, tuple[str, str]]]:
    """Several goals' changes in one write: each is checked (EditRefused naming the field) and compared with the row
    as read before any cell is written, so either all are saved or none is. Returns each goal's {field: (old, new)}."""
    updates = []
    for goal, changes in edits:
        unknown = set(changes) - set(EDITED)
        if unknown:
            raise SourceError(f"These goal fields are not edited here: {', '.join(sorted(unknown))}.")
        if not goal.id:
            raise SourceError(f"The goal {goal.goal!r} (goals row {goal.row}) has no id, so it cannot be changed "
                              "safely: give it one in the spreadsheet (e.g. G-100) and refresh.")
        checked = checked_goal(goal, changes)
        before = goal.model_dump(exclude={"row", "extra"})
        written = {name: getattr(checked, name) for name in EDITED if getattr(checked, name) != before[name]}
        updates.append((goal.id, {**written, "updated_on": data.today(today)} if written else {}, goal.row or None))
    results = writer.update_rows(GOALS.name, [u for u in updates if u[1]])
    found = iter(results)
    return [next(found) if changes else {} for _, changes, _ in updates]


def checked_goal(goal: Goal, changes: dict[str, object]) -> Goal:
    """The goal as `changes` leave it, checked by the model (EditRefused naming each bad field); writes nothing.
    Marking a goal done sets its progress to 100; taking it back from done keeps the 100 % the lead saw."""
    merged = {**goal.model_dump(exclude={"row", "extra"}), **changes}
    status_changed = changes.get("status") not in (None, goal.status)
    if status_changed and changes["status"] == DONE_GOAL:
        merged["progress"] = 100
    elif status_changed and goal.status == DONE_GOAL and "progress" not in changes:
        merged["progress"] = goal.percent
    return _checked(merged, goal.row)


def _checked(fields: dict[str, object], row: int) -> Goal:
    try:
        return Goal.model_validate(fields)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else ""
            raw = "" if fields.get(name) is None else str(fields.get(name))
            problems.append(Problem(GOALS.name, row, name, raw, error_message(error, raw)))
        raise EditRefused(problems) from None
