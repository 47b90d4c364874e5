"""What a roster gives the pairing criteria: the columns Tandem does not read, and the criteria that have no data.

Nothing is ignored in silence. A column Tandem does not recognise is named, with the field it looks like (a guess
from its header and values, lib/reading/column_guess.py) and how to map it; a criterion whose column is missing or
empty is named with what follows for the pairing. Both are warnings: the rows load as they are.
"""

from __future__ import annotations

from lib.contract.problems import UNREAD, WARNING, Problem
from lib.contract.raw_table import RawTable
from lib.contract.tabs import ROSTER_TABS, TABS, column_letter
from lib.reading.column_guess import SAMPLED, guess_field
from lib.reading.maps import MAPPED_TABS
from lib.text import is_plural

# The columns the pairing criteria read, per roster tab: the criterion that has no data without one, or (for
# capacity and wishes) what happens instead.
CRITERION_COLUMNS: dict[str, dict[str, str]] = {
    "mentees": {"goals": "goal coverage", "timezone": "working-hours overlap", "seniority": "the seniority gap",
                "languages": "a shared language", "interests": "shared interests",
                "preferred_mentors": "!no mentee's wish for a mentor is known, so none is granted"},
    "mentors": {"skills": "goal coverage", "capacity": "!every mentor is taken to have room for 1 mentee",
                "timezone": "working-hours overlap", "seniority": "the seniority gap",
                "languages": "a shared language", "interests": "shared interests"},
}
NAMED_COLUMNS = 20  # columns named one by one per tab; a wider export gets one more warning for the rest
HOW_TO_MAP = "map it on the Data set-up page (or with python -m lib map)"


def _usable(table: RawTable) -> bool:
    read = read_fields(table)
    return bool(table.header) and all(c.name in read for c in TABS[table.tab].columns if c.required)


def read_fields(table: RawTable) -> set[str]:
    """The contract fields a tab's columns are read as."""
    fields = set(table.columns.index)
    return fields | {"name"} if table.columns.first_name is not None else fields


def unread_columns(table: RawTable) -> list[tuple[int, str, str | None]]:
    """(index, header, guessed field or None) of every named column with values that Tandem does not read."""
    spec, taken = TABS[table.tab], read_fields(table)
    found = []
    for index in table.columns.extras:
        header = table.header[index] if index < len(table.header) else ""
        if not header or not table.has_values(index):
            continue  # values under no header are a problem of their own (rows.header_problems)
        cells = [c for c in table.cells_at(index)[: SAMPLED * 4].tolist() if c.strip()]
        guess = guess_field(spec, header, cells, taken)
        found.append((index, header, guess))
        if guess:
            taken.add(guess)  # two columns are never both offered as the same field
    return found


def map_advice(table: RawTable) -> str:
    """For a tab missing a required column: each column Tandem does not recognise, with the field it looks like,
    and how to map them ("" when there is none, or the tab cannot be mapped)."""
    if table.tab not in MAPPED_TABS:
        return ""
    unread = unread_columns(table)
    if not unread:
        return ""
    named = [f"{header!r} ({'looks like ' + guess if guess else 'no field fits'})"
             for _, header, guess in unread[:NAMED_COLUMNS]]
    more = f" and {len(unread) - NAMED_COLUMNS} more" if len(unread) > NAMED_COLUMNS else ""
    pairs = " ".join(f"{guess}={header!r}" for _, header, guess in unread if guess)
    how = (f"map them with python -m lib map SOURCE --tab {table.tab} {pairs}, or on the Data set-up page" if pairs
           else f"map the one that holds it with python -m lib map SOURCE --tab {table.tab} FIELD='HEADER', or on the "
                "Data set-up page")
    return f"Tandem does not recognise {_words(named)}{more}: {how}"


def coverage_problems(tables: dict[str, RawTable]) -> list[Problem]:
    """Warnings for every roster column not read and every criterion without data (see the module's text)."""
    problems = []
    for tab in ROSTER_TABS:
        table = tables.get(tab)
        if table is None or not _usable(table):
            continue  # an empty tab, or one missing a required column, loads nothing: its own problem says so
        unread = unread_columns(table)
        for index, header, guess in unread[:NAMED_COLUMNS]:
            advice = (f"it looks like {guess}: {HOW_TO_MAP} to use it" if guess else
                      f"its values are kept as they are, but no criterion uses them; {HOW_TO_MAP} if it is one")
            problems.append(Problem(tab, table.header_row, header, "",
                                    f"column {column_letter(index)} is not one Tandem reads; {advice}", WARNING,
                                    UNREAD))
        if len(unread) > NAMED_COLUMNS:
            rest = unread[NAMED_COLUMNS:]
            problems.append(Problem(tab, table.header_row, rest[0][1], "",
                                    f"{len(rest)} more columns are not read either (from column "
                                    f"{column_letter(rest[0][0])} on); their values are kept as they are", WARNING,
                                    UNREAD))
        if table.size:  # a tab with nobody on it yet has nothing to pair on, and nothing to warn about
            problems.extend(_missing_criteria(table))
    return problems


def _missing_criteria(table: RawTable) -> list[Problem]:
    read = read_fields(table)
    missing, empty = [], []
    for field in CRITERION_COLUMNS[table.tab]:
        if field not in read:
            missing.append(field)
        elif not table.has_values(table.columns.index[field]):
            empty.append(field)
    problems = []
    for fields, what in ((missing, "no {} column"), (empty, "an empty {} column")):
        if not fields:
            continue
        criteria = [CRITERION_COLUMNS[table.tab][f] for f in fields]
        same = [c for c in criteria if not c.startswith("!")]
        many = is_plural(same)
        follows = [f"{_words(same)} {'give' if many else 'gives'} every pair the same points, so "
                   f"{'they decide' if many else 'it decides'} nothing"] if same else []
        follows += [c[1:] for c in criteria if c.startswith("!")]
        what = what.format(_words(fields, "or")) + ("s" if len(fields) > 1 and what.startswith("no") else "")
        problems.append(Problem(table.tab, table.header_row, "", "", f"{table.tab} have {what}: {'; '.join(follows)}",
                                WARNING, UNREAD))
    return problems


def _words(items: list[str], last: str = "and") -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"
