"""The program at a glance: people, pairs, capacity, unmatched mentees, activity and data problems."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from lib.contract.dates import month_start
from lib.contract.models import busy_mentees, mentor_places_used
from lib.contract.problems import ERROR
from lib.reading.dataset import Dataset


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
    checkins_this_month: int
    checkins_last_month: int
    problems: int
    problem_errors: int


def mentor_load(data: Dataset) -> pd.DataFrame:
    """Each mentor's capacity, the proposed and active pairings that use it, and what is left."""
    used = mentor_places_used(data.pairings)
    rows = [{"name": m.name, "email": m.email, "team": m.team, "active": m.active, "capacity": m.capacity,
             "used": used.get(m.email, 0), "left": max(m.capacity - used.get(m.email, 0), 0) if m.active else 0}
            for m in data.mentors]
    return pd.DataFrame(rows, columns=["name", "email", "team", "active", "capacity", "used", "left"])


def unmatched_mentees(data: Dataset) -> pd.DataFrame:
    """Active mentees with no proposed or active pairing (on either side of a peer pair)."""
    paired = busy_mentees(data.pairings)
    rows = [{"name": m.name, "email": m.email, "team": m.team, "goals": "; ".join(m.goals),
             "preferred_type": m.preferred_type or ""}
            for m in data.mentees if m.active and m.email not in paired]
    return pd.DataFrame(rows, columns=["name", "email", "team", "goals", "preferred_type"])


def program_summary(data: Dataset, as_of: date | None = None) -> ProgramSummary:
    today = data.today(as_of)
    load = mentor_load(data)
    active_load = load[load["active"].astype(bool)]  # an empty object column would select columns instead
    return ProgramSummary(
        as_of=today,
        mentors=sum(m.active for m in data.mentors),
        mentees=sum(m.active for m in data.mentees),
        active_pairs=sum(p.is_active_on(today) for p in data.pairings),
        proposed_pairs=sum(p.status == "proposed" for p in data.pairings),
        capacity_total=int(active_load["capacity"].sum()),
        capacity_left=int(active_load["left"].sum()),
        unmatched_mentees=len(unmatched_mentees(data)),
        checkins_this_month=data.checkins_between(month_start(today), today),
        checkins_last_month=data.checkins_between(month_start(today, 1), month_start(today) - timedelta(days=1)),
        problems=len(data.problems),
        problem_errors=sum(p.severity == ERROR for p in data.problems),
    )
