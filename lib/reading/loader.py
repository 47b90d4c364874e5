"""Build a Dataset from raw tabs: validation of each tab, then the rules across tabs.

`load(source)` is the one way from a source (storage: raw tabs) to a validated Dataset; sources know nothing of it."""

from __future__ import annotations

from pydantic import ValidationError

from lib.contract.dates import infer_order, locale_order, parse_date
from lib.contract.plan import LOOKS_LIKE_PLAN, PLAN_KEY, parse_step
from lib.contract.problems import WARNING, Problem
from lib.contract.raw_table import RawTable
from lib.contract.settings import SETTING_KEYS, Settings
from lib.contract.tabs import SETTINGS, TABS
from lib.errors import ContractError, DateProblem
from lib.paused_gc import collection_paused
from lib.reading import cross_tab
from lib.reading.coverage import coverage_problems
from lib.reading.dataset import Dataset
from lib.reading.log_columns import parse_log
from lib.reading.log_frames import empty_log
from lib.reading.managers import resolve_managers
from lib.reading.maps import missing_tab_advice, read_mapped, tabs_found
from lib.reading.rows import date_evidence, error_message, parse_rows

LOGS = ("checkins", "feedback")


def load(source) -> Dataset:
    """Read every tab of a source (lib.sources) as its column and tab maps say, and validate it into a Dataset."""
    tables, _, map_problems = read_mapped(source)
    try:
        return build_dataset(tables, source.locale, source.label, titles=source.titles(), problems=map_problems)
    except ContractError as exc:  # no mentors or mentees tab: a tab map that missed is part of the reason
        if not map_problems:
            raise
        raise ContractError(f"{exc} {' '.join(p.message[0].upper() + p.message[1:] + '.' for p in map_problems)}"
                            ) from None


def build_dataset(tables: dict[str, RawTable], locale: str | None = None, label: str = "",
                  titles: list[str] | None = None, problems: list[Problem] | None = None) -> Dataset:
    """Validate every tab: rosters and pairings row by row, check-ins and feedback column-wise into log frames
    (log_columns), then the rules across tabs. `problems` found while reading (a map that cannot hold) join them."""
    with collection_paused():
        return _build(tables, locale, label, titles, list(problems or []))


def date_order(tables: dict[str, RawTable], locale: str | None, said: str | None = None) -> str | None:
    """The day/month order of the whole source's numeric dates: the `date_order` setting when the lead gives one,
    else what the dates prove (one export uses one locale), else the locale's."""
    if said:
        return said
    evidence = set().union(*(date_evidence(t) for t in tables.values() if t.tab in TABS and t.tab != "settings"))
    return infer_order(evidence, locale_order(locale))


def _build(tables: dict[str, RawTable], locale: str | None, label: str, titles: list[str] | None,
           read_problems: list[Problem]) -> Dataset:
    missing = [name for name, spec in TABS.items() if spec.required and name not in tables]
    if missing:
        titles = titles if titles is not None else [t.title for t in tables.values()]
        held = {t.title: t.tab for t in tables.values()}
        advice = missing_tab_advice("mentees" if "mentees" in missing else missing[0], titles, held)
        raise ContractError(f"{label or 'The data'} has no {' or '.join(repr(m) for m in missing)} tab "
                            f"(tabs found: {tabs_found(titles)}). Tandem needs at least 'mentors' and 'mentees': "
                            f"to read another sheet or file as one, {advice}.")
    settings, problems = read_settings(tables.get("settings"))
    problems += read_problems
    problems.extend(Problem(t.tab, 0, "", "", note, WARNING) for t in tables.values() for note in t.notes)
    problems.extend(coverage_problems(tables))
    order = date_order(tables, locale, settings.date_order)
    parsed = {}
    for tab in ("mentors", "mentees", "pairings", "goals", "outcomes", *LOGS):
        if tab not in tables:
            rows, found = (empty_log(tab) if tab in LOGS else []), []
        elif tab in LOGS:
            rows, found = parse_log(tables[tab], order)
        else:
            rows, found = parse_rows(tables[tab], order)
        parsed[tab] = rows
        problems.extend(found)
    mentors, found = cross_tab.unique_people("mentors", parsed["mentors"], tables)
    problems.extend(found)
    mentees, found = cross_tab.unique_people("mentees", parsed["mentees"], tables)
    problems.extend(found)
    mentors, mentees, found, notes = resolve_managers(
        mentors, mentees, lambda tab: cross_tab.header(tables, tab, "manager_email"))
    problems.extend(found)
    problems.extend(cross_tab.check_people(mentors, mentees, tables))
    pairings, found = cross_tab.unique_ids("pairings", parsed["pairings"], tables)
    problems.extend(found)
    # every id the pairings tab holds, also of rows left out (unreadable, or of a forgotten person): their goals are
    # not "for no pairing"
    raw = tables.get("pairings")
    pairing_ids = {raw.cell(r, "id").strip() for r in raw.rows} - {""} if raw is not None else set()
    pairings, found = cross_tab.check_pairings(pairings, mentors, mentees, tables, settings.today())
    problems.extend(found)
    logs = {}
    for tab in LOGS:
        rows, found = cross_tab.unique_log_ids(tab, parsed[tab], tables)
        problems.extend(found)
        logs[tab], found = cross_tab.check_log_frame(tab, rows, mentors, mentees, pairings, tables, settings.today())
        problems.extend(found)
    logs["feedback"], found = cross_tab.check_fit_answers(logs["feedback"], tables)
    problems.extend(found)
    goals, found = cross_tab.unique_ids("goals", parsed["goals"], tables)
    problems.extend(found)
    goals, found = cross_tab.check_goals(goals, pairings, tables, pairing_ids)
    problems.extend(found)
    outcomes, found = cross_tab.unique_ids("outcomes", parsed["outcomes"], tables)
    problems.extend(found)
    outcomes, found = cross_tab.check_outcomes(outcomes, mentees, tables)
    problems.extend(found)
    tab_order = list(TABS)
    problems.sort(key=lambda p: (tab_order.index(p.tab) if p.tab in tab_order else 99, p.row))
    return Dataset(mentors, mentees, pairings, logs["checkins"], logs["feedback"], settings, problems,
                   tables, label, goals, outcomes, notes)


def read_settings(table: RawTable | None) -> tuple[Settings, list[Problem]]:
    if table is None:
        return Settings(), []
    known, extra, problems, plan = {}, {}, [], None
    value_header = table.columns.header_of(table.header, "value")
    for row in table.rows:
        key = table.cell(row, "key").strip()
        value = table.cell(row, "value").strip()
        name = key.lower().replace(" ", "_").replace("-", "_")
        if LOOKS_LIKE_PLAN.match(key) and value and name not in SETTING_KEYS:
            plan = [] if plan is None else plan
            step = PLAN_KEY.match(key)
            try:
                if not step:
                    raise ValueError("a plan row's key is plan.<n>, e.g. plan.2")
                if any(s.number == int(step[1]) for s in plan):
                    raise ValueError(f"another row is plan.{int(step[1])} already")
                plan.append(parse_step(int(step[1]), value))
            except ValueError as exc:
                problems.append(Problem(SETTINGS.name, row.number, value_header, value,
                                        f"plan step {key!r}: {exc}; step left out", WARNING))
        elif name in SETTING_KEYS and value:
            try:
                if name in ("program_start", "program_end", "as_of"):
                    value = parse_date(value)
                known[name] = Settings.model_validate({**known, name: value}).__getattribute__(name)
            except (DateProblem, ValueError) as exc:
                problems.append(Problem(SETTINGS.name, row.number, value_header, str(table.cell(row, "value")),
                                        f"setting {key!r}: {_first_line(exc)}; default used", WARNING))
        elif key:
            extra[key] = value
    if plan == []:  # plan rows, none readable: the default plan, and say so
        problems.append(Problem(SETTINGS.name, 0, "", "", "no plan row could be read: the default plan holds",
                                WARNING))
        plan = None
    return Settings(**known, plan=tuple(plan) if plan is not None else None, extra=extra), problems


def _first_line(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        err = exc.errors()[0]
        return error_message(err, str(err.get("input", "")))  # the words every cell's problem uses
    return str(exc)
