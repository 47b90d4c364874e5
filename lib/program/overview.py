"""The program at a glance: people, pairs, capacity, unmatched mentees, activity and data problems."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from lib.contract.dates import month_so_far, month_so_far_words
from lib.contract.models import busy_mentees, mentor_places_used
from lib.contract.problems import ERROR
from lib.program.completeness import incomplete_profiles
from lib.reading.dataset import Dataset
from lib.vocabulary import PROPOSED


@dataclass(frozen=True)
class ProgramSummary:
    as_of: date
    mentors: int  # active mentors
    mentees: int  # active mentees
    active_pairs: int
    proposed_pairs: int
    capacity_total: int
    capacity_left: int
    unmatched_mentees: int
    checkins_this_month: int  # from the 1st to today
    checkins_last_month: int  # the same days of last month: like with like
    periods: tuple[str, str]  # the days compared: ("1–24 Jul", "1–24 Jun")
    problems: int
    problem_errors: int
    incomplete_profiles: int  # active people missing a field the criteria read
    waiting_too_long: int  # active mentees unmatched for longer than the waiting_alert_days setting


def mentor_load(data: Dataset) -> pd.DataFrame:
    """Each mentor's capacity, the proposed and active pairings that use it, and what is left."""
    used = mentor_places_used(data.pairings)
    rows = [{"name": m.name, "email": m.email, "team": m.team, "active": m.active, "capacity": m.capacity,
             "used": used.get(m.email, 0), "left": max(m.capacity - used.get(m.email, 0), 0) if m.active else 0}
            for m in data.mentors]
    return pd.DataFrame(rows, columns=["name", "email", "team", "active", "capacity", "used", "left"])


def unmatched_mentees(data: Dataset, as_of: date | None = None) -> pd.DataFrame:
    """Active mentees with no proposed or active pairing (on either side of a peer pair), longest waiting first:
    `waiting_days` since they signed up (blank when the roster has no sign-up time) and `too_long` past the
    waiting_alert_days setting."""
    paired, today = busy_mentees(data.pairings), data.today(as_of)
    rows = [{"name": m.name, "email": m.email, "team": m.team, "goals": "; ".join(m.goals),
             "preferred_type": m.preferred_type or "",
             "waiting_days": (today - m.signed_up_on.date()).days if m.signed_up_on else None}
            for m in data.mentees if m.active and m.email not in paired]
    frame = pd.DataFrame(rows, columns=["name", "email", "team", "goals", "preferred_type", "waiting_days"])
    frame["waiting_days"] = frame["waiting_days"].astype("Int64")
    frame["too_long"] = (frame["waiting_days"] > data.settings.waiting_alert_days).fillna(False).astype(bool)
    return frame.sort_values("waiting_days", ascending=False, na_position="last", kind="stable").reset_index(
        drop=True)


def program_summary(data: Dataset, as_of: date | None = None) -> ProgramSummary:
    today = data.today(as_of)
    load, waiting = mentor_load(data), unmatched_mentees(data, as_of)
    active_load = load[load["active"].astype(bool)]  # an empty object column would select columns instead
    return ProgramSummary(
        as_of=today,
        mentors=sum(m.active for m in data.mentors),
        mentees=sum(m.active for m in data.mentees),
        active_pairs=sum(p.is_active_on(today) for p in data.pairings),
        proposed_pairs=sum(p.status == PROPOSED for p in data.pairings),
        capacity_total=int(active_load["capacity"].sum()),
        capacity_left=int(active_load["left"].sum()),
        unmatched_mentees=len(waiting),
        checkins_this_month=data.checkins_between(*month_so_far(today)),
        checkins_last_month=data.checkins_between(*month_so_far(today, 1)),
        periods=month_so_far_words(today),
        problems=len(data.problems),
        problem_errors=sum(p.severity == ERROR for p in data.problems),
        incomplete_profiles=incomplete_profiles(data),
        waiting_too_long=int(waiting["too_long"].sum()),
    )


@dataclass(frozen=True)
class NextStep:
    text: str  # what is to do, in words: "3 interns are waiting for a mentor: suggest pairs"
    page: str  # where it is done: "pairings", "health", "roster", "setup"
    action: str  # the link's words


def next_steps(summary: ProgramSummary, at_risk: int) -> list[NextStep]:
    """What the lead can do next, most pressing first; empty when nothing needs doing."""
    if summary.mentors + summary.mentees == 0:
        return [NextStep("No people yet: add your mentors and interns to the roster tabs (the starter workbook on "
                         "Data set-up has the headers), or map the columns of a form or HR export you already have.",
                         "setup", "Set up your data")]
    steps = []
    if summary.unmatched_mentees:
        steps.append(NextStep(f"{_count(summary.unmatched_mentees, 'intern is', 'interns are')} waiting for a mentor"
                              + (f", {summary.waiting_too_long} for too long" if summary.waiting_too_long else ""),
                              "pairings", "Suggest pairs"))
    if at_risk:
        steps.append(NextStep(f"{_count(at_risk, 'pair is', 'pairs are')} at risk", "health", "See why on Health"))
    if summary.problems:
        steps.append(NextStep(f"{_count(summary.problems, 'problem', 'problems')} found in the data"
                              + (f", {summary.problem_errors} keeping a row or value out" if summary.problem_errors
                                 else ""), "roster", "See the problems"))
    if summary.incomplete_profiles:
        steps.append(NextStep(f"{_count(summary.incomplete_profiles, 'profile misses', 'profiles miss')} what the "
                              "pairing reads", "roster", "Complete the profiles"))
    return steps


def _count(k: int, one: str, several: str) -> str:
    return f"{k} {one if k == 1 else several}"
