"""Raw tabs -> validated models plus a precise problem list. Valid rows always load."""

from __future__ import annotations

from pydantic import BaseModel, ValidationError

from lib.contract.dates import DATE_KINDS, infer_order, parse_date, parse_datetime
from lib.contract.models import CheckIn, Feedback, Goal, Mentee, Mentor, Outcome, Pairing
from lib.contract.problems import ERROR, WARNING, Problem
from lib.contract.raw_table import RawRow, RawTable
from lib.contract.tabs import TABS, TabSpec, column_letter
from lib.errors import DateProblem
from lib.reading.coverage import map_advice

MODEL_FOR = {"mentors": Mentor, "mentees": Mentee, "pairings": Pairing, "checkins": CheckIn, "feedback": Feedback,
             "goals": Goal, "outcomes": Outcome}
FALLBACK = {"capacity": 0}  # an unreadable capacity must not silently become the default of 1
SKIPPED, IGNORED, ZEROED = "row skipped", "value ignored", "treated as 0 until fixed"
LOAD_NOTES = (SKIPPED, IGNORED, ZEROED)  # what loading did about a problem, appended to its message


def error_message(err: dict, raw: str) -> str:
    """A pydantic error on a cell, in the words every problem uses."""
    kind, ctx = err["type"], err.get("ctx", {})
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = f"at least {ctx['ge']}" if "ge" in ctx else f"at most {ctx['le']}"
        return f"{raw.strip()!r} is out of range ({bound})"
    if kind == "literal_error":
        return f"{raw.strip()!r} is not one of {ctx.get('expected', '')}"
    if kind in ("missing", "string_too_short", "too_short"):
        return "required, but blank"
    if kind in ("int_parsing", "int_from_float", "int_type"):
        return f"{raw.strip()!r} is not a whole number"
    if kind in ("float_parsing", "float_type"):
        return f"{raw.strip()!r} is not a number"
    if kind in ("bool_parsing", "bool_type"):
        return f"{raw.strip()!r} is not yes or no"
    return err["msg"]


def header_problems(table: RawTable, spec: TabSpec) -> tuple[list[Problem], bool]:
    problems, usable = [], True
    cmap = table.columns
    if not table.header:  # one message for an empty tab, not one per required column
        needed = ", ".join(repr(c.name) for c in spec.columns if c.required)
        return [Problem(table.tab, 0, "", "", f"{table.title!r} is empty: it needs a header row with {needed}, then "
                                              "one row per entry; no rows loaded")], False
    for col in spec.columns:
        has_name_parts = col.name == "name" and cmap.first_name is not None
        if col.required and col.name not in cmap.index and not has_name_parts:
            found = ", ".join(repr(h) for h in table.header if h) or "no headers"
            advice = map_advice(table) if usable else ""  # said once, on the first column missing
            problems.append(Problem(table.tab, table.header_row, col.name, "",
                                    f"required column {col.name!r} is missing (found {found}); no rows loaded"
                                    + (f". {advice}" if advice else "")))
            usable = False
    for i in cmap.extras:
        if not table.header[i] and table.has_values(i):
            problems.append(Problem(table.tab, table.header_row, column_letter(i), "",
                                    f"column {column_letter(i)} has values but no header; they are kept as "
                                    f"column {column_letter(i)!r} until it is given a name", WARNING))
    past = [column_letter(i) for i in range(len(table.header), table.width) if table.has_values(i)]
    if past:
        which = f"column {past[0]} has" if len(past) == 1 else f"columns {', '.join(past)} have"
        problems.append(Problem(table.tab, table.header_row, past[0], "",
                                f"{which} values but no header (past the last one), so they are not read; "
                                "give the header row a name there", WARNING))
    for canonical, i in cmap.duplicates:
        problems.append(Problem(table.tab, table.header_row, table.header[i], table.header[i],
                                f"a second column for {canonical!r}; only column "
                                f"{column_letter(cmap.index[canonical])} is read", WARNING))
    return problems, usable


def date_evidence(table: RawTable) -> set[str]:
    """The distinct date (and date-time) cells of a tab, as evidence for the day/month order of the whole source:
    the order is decided by which values occur, never by how often."""
    spec = TABS[table.tab]
    return {text for c in spec.columns if c.kind in DATE_KINDS and c.name in table.columns.index
            for text in table.distinct(c.name)}


def date_orders(table: RawTable, spec: TabSpec, fallback: str | None) -> dict[str, str | None]:
    """A column's own evidence decides; else the whole source's (one export uses one locale); else the locale."""
    return {c.name: infer_order(table.distinct(c.name), fallback)
            for c in spec.columns if c.kind in DATE_KINDS and c.name in table.columns.index}


def parse_rows(table: RawTable, date_order: str | None = None) -> tuple[list[BaseModel], list[Problem]]:
    """Validate every row of a roster or log tab; bad optional values are dropped, bad rows skipped."""
    spec, model = TABS[table.tab], MODEL_FOR[table.tab]
    problems, usable = header_problems(table, spec)
    if not usable:
        return [], problems
    orders = date_orders(table, spec, date_order)
    extras = [(table.header[i] or column_letter(i), i) for i in table.columns.extras]
    rows = []
    for row in table.rows:
        built, row_problems = parse_row(table, spec, model, row, orders, extras)
        problems.extend(row_problems)
        if built is not None:
            rows.append(built)
    return rows, problems


def parse_row(table, spec, model, row: RawRow, orders, extras):
    """One row through its model: (the model or None when the row is skipped, its problems in order)."""
    found: list[tuple[str, Problem]] = []  # (contract column, problem)
    raw = {c.name: table.cell(row, c.name) for c in spec.columns}
    data: dict[str, object] = {k: v for k, v in raw.items() if v.strip()}
    data["row"] = row.number
    data["extra"] = {name: row.cells[i] for name, i in extras if i < len(row.cells) and row.cells[i].strip()}
    bad: set[str] = set()
    for name, order in orders.items():
        if name in data:
            try:
                text = str(data[name])
                data[name] = (parse_datetime if spec.columns_by_name[name].kind == "datetime" else parse_date)(
                    text, order)
            except DateProblem as exc:
                bad.add(name)
                found.append((name, _problem(table, spec, row, name, raw[name], str(exc))))
    while True:
        attempt = {k: v for k, v in data.items() if k not in bad}
        attempt.update({k: FALLBACK[k] for k in bad if k in FALLBACK})
        if any(spec.columns_by_name[k].required for k in bad):
            return None, [_noted(p, ERROR, SKIPPED) for _, p in found]
        try:
            built = model(**attempt)
        except ValidationError as exc:
            new_bad, fatal = set(), False
            for err in exc.errors():
                name = str(err["loc"][0]) if err["loc"] else ""
                column = spec.columns_by_name.get(name)
                fatal |= column is None or column.required or column.decides_row
                if name not in bad and name not in new_bad:  # a union reports one error per branch
                    new_bad.add(name)
                    found.append((name, _problem(table, spec, row, name, raw.get(name, ""),
                                                 error_message(err, raw.get(name, "")))))
            if fatal or not new_bad:
                return None, [_noted(p, ERROR, SKIPPED) for _, p in found]
            bad |= new_bad
            continue
        return built, [_noted(p, WARNING, ZEROED if name in FALLBACK else IGNORED)
                       for name, p in found]


def _problem(table, spec, row, name, value, message) -> Problem:
    header = table.columns.header_of(table.header, name) if name in spec.columns_by_name else ""
    return Problem(table.tab, row.number, header, value, message, ERROR)


def _noted(p: Problem, severity: str, note: str) -> Problem:
    return Problem(p.tab, p.row, p.column, p.value, f"{p.message}; {note}", severity)
