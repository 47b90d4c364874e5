"""Rules across tabs: duplicate people, unknown people in the log, impossible pairings."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd

from lib.contract.dates import format_date
from lib.contract.models import Goal, Mentee, Mentor, Outcome, Pairing, mentor_places_used
from lib.contract.problems import ERROR, WARNING, Problem
from lib.contract.pseudonyms import forgotten_mask, is_forgotten
from lib.contract.raw_table import RawTable
from lib.reading.log_frames import positions
from lib.vocabulary import FIT_ANSWERS, FIT_QUESTION, PEER


def header(tables: dict[str, RawTable], tab: str, column: str) -> str:
    """A contract column's header as the user wrote it in that tab (the column's name when the tab lacks it)."""
    table = tables.get(tab)
    return table.columns.header_of(table.header, column) if table and column else column


def _at(tables: dict[str, RawTable], tab: str, row: int, column: str, value: str, message: str,
        severity: str = ERROR) -> Problem:
    return Problem(tab, row, header(tables, tab, column), value, message, severity)


def unique_people(tab: str, people: list, tables) -> tuple[list, list[Problem]]:
    """One person per email. In a tab with a sign-up time (a Google Form's Timestamp), a person who signed up again
    is one person: the latest sign-up wins, with one warning naming the rows. Otherwise the first row of each email
    is kept and later rows with the same email are errors."""
    table = tables.get(tab)
    if table is not None and "signed_up_on" in table.columns.index:
        return _latest_sign_ups(tab, people, tables)
    first: dict[str, int] = {}
    kept, problems = [], []
    for person in people:
        if person.email in first:
            problems.append(_at(tables, tab, person.row, "email", person.email,
                                f"duplicate email: already used on row {first[person.email]}; row skipped"))
        else:
            first[person.email] = person.row
            kept.append(person)
    return kept, problems


def _latest_sign_ups(tab: str, people: list, tables) -> tuple[list, list[Problem]]:
    by_email: dict[str, list] = {}
    for person in people:
        by_email.setdefault(person.email, []).append(person)
    kept, problems = [], []
    for email, rows in by_email.items():  # in the order each person first signed up
        latest = max(rows, key=lambda p: (p.signed_up_on or datetime.min, p.row))  # unreadable: the earliest
        kept.append(latest)
        if len(rows) > 1:
            numbers = sorted(p.row for p in rows)
            listed = ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"
            problems.append(_at(tables, tab, latest.row, "email", email,
                                f"signed up {len(rows)} times (rows {listed}): the latest sign-up, row {latest.row}, "
                                "is used", WARNING))
    return kept, problems


def unique_ids(tab: str, rows: list, tables) -> tuple[list, list[Problem]]:
    first: dict[str, int] = {}
    kept, problems = [], []
    for item in rows:
        if item.id and item.id.lower() in first:
            problems.append(_at(tables, tab, item.row, "id", item.id,
                                f"duplicate id: already used on row {first[item.id.lower()]}; row skipped"))
            continue
        if item.id:
            first[item.id.lower()] = item.row
        kept.append(item)
    return kept, problems


def check_people(mentors: list[Mentor], mentees: list[Mentee], tables) -> list[Problem]:
    problems = []
    mentor_emails = {m.email for m in mentors}
    for mentee in mentees:
        if mentee.email in mentor_emails:
            problems.append(_at(tables, "mentees", mentee.row, "email", mentee.email,
                                "this person is also on the mentors tab", WARNING))
        for email in mentee.preferred_mentors:
            if email == mentee.manager_email:
                problems.append(_at(tables, "mentees", mentee.row, "preferred_mentors", email,
                                    "preferred mentor is this mentee's own manager; they will never be paired",
                                    WARNING))
            elif email not in mentor_emails:
                problems.append(_at(tables, "mentees", mentee.row, "preferred_mentors", email,
                                    "preferred mentor is not on the mentors tab", WARNING))
        if mentee.email in mentee.avoid:
            problems.append(_at(tables, "mentees", mentee.row, "avoid", mentee.email,
                                "a mentee's avoid list names the mentee themselves", WARNING))
    for tab, people in (("mentors", mentors), ("mentees", mentees)):
        for person in people:
            if person.manager_email and person.manager_email == person.email:
                problems.append(_at(tables, tab, person.row, "manager_email", person.email,
                                    f"a {tab[:-1]} is listed as their own manager", WARNING))
    return problems + _manager_cycles(mentors, mentees, tables)


def _manager_cycles(mentors: list[Mentor], mentees: list[Mentee], tables) -> list[Problem]:
    """One warning per loop of managers (A reports to B, B to C, C to A), on the row of its first member: the
    manager rule still holds pair by pair, but the lead should know the reporting lines are wrong."""
    where: dict[str, tuple[str, Mentor | Mentee]] = {}  # the row whose manager is followed
    for tab, people in (("mentors", mentors), ("mentees", mentees)):  # someone on both tabs: the first named
        for person in people:
            if person.manager_email and person.manager_email != person.email:
                where.setdefault(person.email, (tab, person))
    manager = {email: person.manager_email for email, (_, person) in where.items()}
    problems, settled = [], set()
    for start in where:
        path, position = [], {}
        email = start
        while email in manager and email not in settled and email not in position:
            position[email] = len(path)
            path.append(email)
            email = manager[email]
        settled.update(path)
        if email in position:  # the walk came back to itself: the loop is the path from there
            loop = path[position[email]:]
            tab, first = min((where[e] for e in loop), key=lambda w: (w[0] != "mentors", w[1].row))
            chain = " → ".join(where[e][1].name or e for e in [*loop, loop[0]])
            problems.append(_at(tables, tab, first.row, "manager_email", first.manager_email,
                                f"managers form a loop: {chain} (each reports to the next); check who "
                                "reports to whom", WARNING))
    return problems


def check_pairings(pairings: list[Pairing], mentors: list[Mentor], mentees: list[Mentee],
                   tables, today: date | None = None) -> tuple[list[Pairing], list[Problem]]:
    """Pairings whose people are on the rosters, and what does not add up: an unknown person (row skipped), an
    inactive person, a mentee with their own manager, a mentor over capacity, an open status whose end has passed."""
    mentor_by, mentee_by = {m.email: m for m in mentors}, {m.email: m for m in mentees}
    kept, problems = [], []
    for p in pairings:
        if is_forgotten(p.mentor_email) or is_forgotten(p.mentee_email):
            continue  # a forgotten person's pairing: kept in the sheet for the counts, silently out of the program
        lead_roster = mentee_by if p.type == PEER else mentor_by
        lead_role = "mentee (peer pairs are two mentees)" if p.type == PEER else "mentor"
        if p.mentor_email not in lead_roster:
            problems.append(_at(tables, "pairings", p.row, "mentor_email", p.mentor_email,
                                f"not a known {lead_role}; row skipped"))
            continue
        if p.mentee_email not in mentee_by:
            problems.append(_at(tables, "pairings", p.row, "mentee_email", p.mentee_email,
                                "not a known mentee; row skipped"))
            continue
        kept.append(p)
        if not p.uses_capacity:
            continue
        if p.ended_on and today and p.ended_on <= today:
            problems.append(_at(tables, "pairings", p.row, "status", p.status,
                                f"ended_on {format_date(p.ended_on)} has passed but the status is {p.status}: Health "
                                "no longer counts it, yet it keeps its mentor's place and its mentee is not waiting; "
                                "set the status to ended", WARNING))
        people = [lead_roster[p.mentor_email], mentee_by[p.mentee_email]]
        for person, column in zip(people, ("mentor_email", "mentee_email")):
            if not person.active:
                problems.append(_at(tables, "pairings", p.row, column, person.email,
                                    f"{person.name} is marked inactive but this pairing is {p.status}", WARNING))
        mentee = mentee_by[p.mentee_email]
        if mentee.manager_email == p.mentor_email or people[0].manager_email == p.mentee_email:
            problems.append(_at(tables, "pairings", p.row, "mentor_email", p.mentor_email,
                                "pairs a mentee with their own manager", WARNING))
    problems.extend(_overbooked(kept, mentor_by, tables))
    return kept, problems


def _overbooked(pairings: list[Pairing], mentor_by: dict[str, Mentor], tables) -> list[Problem]:
    load = mentor_places_used(pairings)
    problems = []
    for email, used in sorted(load.items()):
        mentor = mentor_by.get(email)
        if mentor and used > mentor.capacity:
            problems.append(_at(tables, "mentors", mentor.row, "capacity", str(mentor.capacity),
                                f"{mentor.name} has {used} proposed or active pairings but capacity "
                                f"{mentor.capacity}", WARNING))
    return problems


def unique_log_ids(tab: str, log: pd.DataFrame, tables) -> tuple[pd.DataFrame, list[Problem]]:
    """unique_ids for a log frame: a later row with an id already used (case-insensitively) is skipped."""
    ids = log["id"].to_numpy()
    named = np.flatnonzero(ids != "")
    if not len(named):
        return log, []
    lowered = [text.lower() for text in ids[named]]
    if len(set(lowered)) == len(lowered):  # the usual case, decided by one set
        return log, []
    lower = pd.Series(lowered, dtype=object)
    repeated = lower.duplicated(keep="first").to_numpy()
    if not repeated.any():
        return log, []
    rows = log["row"].to_numpy()[named]
    first = dict(zip(lower[~repeated], rows[~repeated].tolist()))
    problems = [_at(tables, tab, row, "id", text, f"duplicate id: already used on row {first[low]}; row skipped")
                for row, text, low in zip(rows[repeated].tolist(), ids[named][repeated], lower[repeated])]
    keep = np.ones(len(log), dtype=bool)
    keep[named[repeated]] = False
    return log[keep].reset_index(drop=True), problems


def check_log_frame(tab: str, log: pd.DataFrame, mentors, mentees, pairings: list[Pairing], tables,
                    today) -> tuple[pd.DataFrame, list[Problem]]:
    """Check-ins and feedback must name known people (else the row is skipped); a missing pairing or a future date
    is only a warning. Membership is tested over whole columns, in log order."""
    mentee_emails = {m.email for m in mentees}
    people = pd.Index(sorted(mentee_emails | {m.email for m in mentors}), dtype=object)
    mentor_at, mentee_at = positions(log["mentor_email"], people), positions(log["mentee_email"], people)
    is_mentee = np.zeros(len(people) + 1, dtype=bool)  # indexed by position in `people`; the last is "unknown"
    is_mentee[people.get_indexer(sorted(mentee_emails))] = True
    # A forgotten person's rows stay in the sheet for the counts and are silently kept out of the program. Their
    # pseudonym is on no roster, so only the rows naming someone unknown (few) need looking at.
    forgotten = np.zeros(len(log), dtype=bool)
    suspects = np.flatnonzero((mentor_at < 0) | ~is_mentee[mentee_at])
    forgotten[suspects] = (forgotten_mask(log["mentor_email"].to_numpy()[suspects])
                           | forgotten_mask(log["mentee_email"].to_numpy()[suspects]))
    unknown_mentor = (mentor_at < 0) & ~forgotten
    unknown_mentee = ~forgotten & ~unknown_mentor & ~is_mentee[mentee_at]
    kept = ~(unknown_mentor | unknown_mentee | forgotten)
    lead = people.get_indexer(np.array([p.mentor_email for p in pairings], dtype=object)).astype(np.int64)
    other = people.get_indexer(np.array([p.mentee_email for p in pairings], dtype=object)).astype(np.int64)
    paired = (lead * len(people) + other)[(lead >= 0) & (other >= 0)]
    unpaired = kept & ~np.isin(mentor_at.astype(np.int64) * len(people) + mentee_at, paired)
    future = kept & (log["date"].to_numpy() > np.datetime64(today, "D"))
    rows, dates, problems = log["row"].to_numpy(), log["date"].to_numpy(), []
    for k in np.flatnonzero(~kept | unpaired | future).tolist():
        row = int(rows[k])
        if unknown_mentor[k]:
            problems.append(_at(tables, tab, row, "mentor_email", log["mentor_email"].iat[k],
                                "unknown person: not on the mentors or mentees tab; row skipped"))
            continue
        if unknown_mentee[k]:
            problems.append(_at(tables, tab, row, "mentee_email", log["mentee_email"].iat[k],
                                "unknown person: not on the mentees tab; row skipped"))
            continue
        if unpaired[k]:
            problems.append(_at(tables, tab, row, "mentee_email", log["mentee_email"].iat[k],
                                "no pairing of these two people on the pairings tab", WARNING))
        if future[k]:
            day = dates[k].astype("datetime64[D]").astype(object)
            problems.append(_at(tables, tab, row, "date", day.isoformat(),
                                f"date is after today ({today.isoformat()})", WARNING))
    return (log if kept.all() else log[kept].reset_index(drop=True)), problems


def check_fit_answers(log: pd.DataFrame, tables) -> tuple[pd.DataFrame, list[Problem]]:
    """A fit answer (question "fit") is 1-3, not a 1-5 rating: one outside is a problem, and the row is left out."""
    wrong = (log["question"].to_numpy() == FIT_QUESTION) & (log["rating"].to_numpy() > max(FIT_ANSWERS))
    answers = ", ".join(f"{k} {words}" for k, words in sorted(FIT_ANSWERS.items(), reverse=True))
    problems = [_at(tables, "feedback", int(row), "rating", str(rating),
                    f"a fit answer is {answers}; row skipped")
                for row, rating in zip(log["row"].to_numpy()[wrong].tolist(), log["rating"].to_numpy()[wrong].tolist())]
    return (log[~wrong].reset_index(drop=True) if wrong.any() else log), problems


def check_goals(goals: list[Goal], pairings: list[Pairing], tables,
                known_ids: set[str] | None = None) -> tuple[list[Goal], list[Problem]]:
    """A goal names a pairing by its id: one that names no pairing of the pairings tab is a problem, and is not
    loaded; one of a pairing left out of the program (a forgotten person's) is left out with it, in silence."""
    ids = {p.id.lower() for p in pairings if p.id}
    known = {i.lower() for i in known_ids} if known_ids is not None else ids
    kept, problems = [], []
    for goal in goals:
        if goal.pairing_id.lower() not in known:
            problems.append(_at(tables, "goals", goal.row, "pairing_id", goal.pairing_id,
                                "not the id of a pairing in the pairings tab; row skipped"))
        elif goal.pairing_id.lower() in ids:
            kept.append(goal)
    return kept, problems


def check_outcomes(outcomes: list[Outcome], mentees: list[Mentee], tables) -> tuple[list[Outcome], list[Problem]]:
    """An outcome is a mentee's: one naming nobody on the mentees tab is a problem and is not loaded (a forgotten
    person's stays out in silence)."""
    known = {m.email for m in mentees}
    kept, problems = [], []
    for outcome in outcomes:
        if outcome.mentee_email in known:
            kept.append(outcome)
        elif not is_forgotten(outcome.mentee_email):
            problems.append(_at(tables, "outcomes", outcome.row, "mentee_email", outcome.mentee_email,
                                "unknown person: not on the mentees tab; row skipped"))
    return kept, problems
