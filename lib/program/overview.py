"""The program at a glance: people, pairs, capacity, unmatched mentees, activity and data problems."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from lib.contract.dates import month_start
from lib.contract.models import busy_mentees, mentor_places_used
from lib.contract.problems import ERROR
from lib.program.completeness import incomplete_profiles
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
        proposed_pairs=sum(p.status == "proposed" for p in data.pairings),
        capacity_total=int(active_load["capacity"].sum()),
        capacity_left=int(active_load["left"].sum()),
        unmatched_mentees=len(waiting),
        checkins_this_month=data.checkins_between(month_start(today), today),
        checkins_last_month=data.checkins_between(month_start(today, 1), month_start(today) - timedelta(days=1)),
        problems=len(data.problems),
        problem_errors=sum(p.severity == ERROR for p in data.problems),
        incomplete_profiles=incomplete_profiles(data),
        waiting_too_long=int(waiting["too_long"].sum()),
    )
