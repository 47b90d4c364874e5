"""Each active pair's program plan as a checklist: every step's due date and whether it is done, overdue or upcoming.

A step is judged only when the source can hold its evidence (`EVIDENCE_HOLDER`): goals need the goals tab, fit
answers the feedback tab's question column, the final assessment the outcomes tab. A program that does not keep
them sees those steps as "not tracked", never overdue, so its health statuses stay as they were. A step is overdue
the day after its due date; one whose date cannot be known yet (after the first meeting, before it was held; the
program's dates unset) is upcoming. Computed over whole columns for every pair at once.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from lib.contract.dates import format_date
from lib.contract.plan import PlanStep
from lib.health.pair_logs import Held, pair_codes
from lib.reading.dataset import Dataset
from lib.vocabulary import (
    DUE_AFTER_FIRST_MEETING,
    DUE_AT_MIDPOINT,
    DUE_BEFORE_PROGRAM_END,
    DUE_FROM_PROGRAM_START,
    DUE_FROM_START,
    FEEDBACK_BOTH_SIDES,
    FINISHED_GOALS,
    FIRST_CHECKIN,
    FIT_ANSWER,
    GOALS_FINAL_AND_OUTCOME,
    HAS_GOAL,
    STEP_DONE,
    STEP_NOT_TRACKED,
    STEP_OVERDUE,
    STEP_UPCOMING,
)

COLUMNS = ["pair", "pairing_id", "mentor_email", "mentee_email", "number", "step", "done_when", "due", "due_words",
           "status", "done_on"]  # pair: the pair's position in the frame given
EVIDENCE_HOLDER = {FIRST_CHECKIN: ("checkins", None), HAS_GOAL: ("goals", None),
                   FIT_ANSWER: ("feedback", "question"), FEEDBACK_BOTH_SIDES: ("feedback", None),
                   GOALS_FINAL_AND_OUTCOME: ("outcomes", None)}
NAT = np.datetime64("NaT", "D")


def tracked(data: Dataset, step: PlanStep) -> bool:
    """Whether the source can hold what makes this step done: the tab (and column) for it, empty or not. A new
    program's empty check-ins tab is exactly when a missed kickoff matters; a program without a goals tab, an outcomes
    tab or a question column is not judged on the steps they would prove."""
    return data.holds(*EVIDENCE_HOLDER[step.done_when])


def checklist(data: Dataset, pairs: pd.DataFrame, on: date) -> pd.DataFrame:
    """One row per pair of `pairs` (the health model's active pairings: pairing_id, mentor_email, mentee_email,
    started_on) and plan step, in plan order (COLUMNS; due and done_on are dates or None)."""
    steps = data.settings.plan_steps
    if pairs.empty or not steps:
        return pd.DataFrame(columns=COLUMNS)
    evidence = _Evidence(data, pairs, on)
    parts = []
    for step in steps:
        due = evidence.due(step, data.settings)
        if tracked(data, step):
            done_on = evidence.done_on(step, due)
            done = ~np.isnat(done_on)
            status = np.where(done, STEP_DONE, np.where(due < np.datetime64(on, "D"), STEP_OVERDUE, STEP_UPCOMING))
            # not this pair's: a step of the program's calendar due before the pair began, or a goals step for a
            # pairing without an id (a goal names its pairing by id)
            mine = ~(due < evidence.start) | (step.due in (DUE_FROM_START, DUE_AFTER_FIRST_MEETING))
            if step.done_when in (HAS_GOAL, GOALS_FINAL_AND_OUTCOME):
                mine &= evidence.pairing_ids != ""
            status = np.where(mine, status, STEP_NOT_TRACKED)
            done_on = np.where(mine, done_on, NAT)
        else:
            done_on, status = np.full(len(pairs), NAT), np.full(len(pairs), STEP_NOT_TRACKED)
        parts.append(pd.DataFrame({
            "pair": np.arange(len(pairs)), "pairing_id": pairs["pairing_id"].to_numpy(),
            "mentor_email": pairs["mentor_email"].to_numpy(), "mentee_email": pairs["mentee_email"].to_numpy(),
            "number": step.number, "step": step.step, "done_when": step.done_when, "due": _dates(due),
            "due_words": step.due_words, "status": status, "done_on": _dates(done_on)}))
    return pd.concat(parts, ignore_index=True)[COLUMNS]


def pair_plan(data: Dataset, pairing, on: date) -> list[tuple[str, str]]:
    """One pairing's tracked plan steps as (step, when) in words: the due date where it is known ("by 15 Jun
    2026"), else the rule ("14 days after the start", for a pairing not started yet)."""
    pairs = pd.DataFrame([{"pairing_id": pairing.id, "mentor_email": pairing.mentor_email,
                           "mentee_email": pairing.mentee_email, "started_on": pairing.started_on}])
    plan = checklist(data, pairs, on)
    plan = plan[plan["status"] != STEP_NOT_TRACKED]
    begins = pairing.started_on or on  # a pairing not started yet begins on or after today
    return [(step, f"by {format_date(due)}" if due else words)
            for step, due, words in zip(plan["step"], plan["due"], plan["due_words"]) if due is None or due >= begins]


def _dates(values: np.ndarray) -> list:
    return values.astype("datetime64[D]").astype(object).tolist()  # NaT becomes None


class _Evidence:
    """Per active pair: its start, first check-in, first fit answer, goals and the mentee's outcome."""

    def __init__(self, data: Dataset, pairs: pd.DataFrame, on: date):
        self.data, self.on = data, on
        self.start = pd.to_datetime(pairs["started_on"]).to_numpy().astype("datetime64[D]")
        people = pd.Index(pd.unique(pd.concat([pairs["mentor_email"], pairs["mentee_email"]]).to_numpy(
            dtype=object)), dtype=object)
        codes = pair_codes(pairs["mentor_email"], pairs["mentee_email"], people)
        _, group = np.unique(codes, return_inverse=True)
        held = (people, codes, group, self.start.astype("datetime64[s]"), on)
        self.met = Held(data.checkin_log, *held)
        self.fits = Held(data.fit_log, *held)
        self.rated = Held(data.rating_log, *held, "from_role")
        self.pairing_ids = pairs["pairing_id"].fillna("").astype(str).str.lower().to_numpy()
        self.mentees = pairs["mentee_email"].to_numpy()
        self._goal_days: dict[str, np.ndarray] | None = None

    def _first(self, held: Held, mask: np.ndarray | None = None) -> np.ndarray:
        """Per pair, the first date of the entries held for it (within `mask`), NaT when none. Per pairing, not per
        two people: a second pairing of the same two people has its own kickoff."""
        first = np.full(len(self.start), np.iinfo(np.int64).max)
        keep = slice(None) if mask is None else mask
        np.minimum.at(first, held.pairing[keep], held.dates[keep].astype("datetime64[D]").view(np.int64))
        out = first.view("datetime64[D]").copy()
        out[first == np.iinfo(np.int64).max] = NAT
        return out

    def due(self, step: PlanStep, settings) -> np.ndarray:
        days = np.timedelta64(step.days, "D")
        if step.due == DUE_AFTER_FIRST_MEETING:
            return self._first(self.met) + days
        if step.due in (DUE_FROM_PROGRAM_START, DUE_BEFORE_PROGRAM_END, DUE_AT_MIDPOINT):
            start, end = settings.program_start, settings.program_end
            if step.due == DUE_FROM_PROGRAM_START:
                when = start and np.datetime64(start, "D") + days
            elif step.due == DUE_BEFORE_PROGRAM_END:
                when = end and np.datetime64(end, "D") - days
            else:
                when = start and end and np.datetime64(start, "D") + np.timedelta64((end - start).days // 2, "D")
            return np.full(len(self.start), when if when else NAT, dtype="datetime64[D]")
        return self.start + days

    def done_on(self, step: PlanStep, due: np.ndarray) -> np.ndarray:
        """Per pair, the day the step's evidence was there (NaT: not done by the as-of date)."""
        if step.done_when == FIRST_CHECKIN:
            return self._first(self.met)
        if step.done_when == FIT_ANSWER:
            return self._first(self.fits)
        if step.done_when == FEEDBACK_BOTH_SIDES:
            after = self.rated.dates.astype("datetime64[D]") >= due[self.rated.pairing]
            sides = [self._first(self.rated, after & (self.rated.from_role == side)) for side in ("mentor", "mentee")]
            both = ~np.isnat(sides[0]) & ~np.isnat(sides[1])
            return np.where(both, np.maximum(sides[0], sides[1]), NAT)
        goals = self._goals()
        if step.done_when == HAS_GOAL:
            return goals["first"]
        outcomes = self._outcomes()  # GOALS_FINAL_AND_OUTCOME: every goal final (none: nothing to finish)
        recorded = ~np.isnat(outcomes)
        final = recorded & (np.isnat(goals["first"]) | goals["all_final"])
        later = np.where(np.isnat(goals["finished_on"]) | (outcomes > goals["finished_on"]), outcomes,
                         goals["finished_on"])
        return np.where(final, later, NAT)

    def _goals(self) -> dict[str, np.ndarray]:
        """Per pair: the day of its first goal (NaT: none), the day its last goal was finished, and whether every
        goal is final, from the goals updated on or before the as-of date (an undated goal counts as of that date).
        Worked out once, for the steps that ask."""
        if self._goal_days is None:
            on = np.datetime64(self.on, "D")
            goals = pd.DataFrame({"key": [g.pairing_id.lower() for g in self.data.goals],
                                  "day": np.array([g.updated_on or self.on for g in self.data.goals],
                                                  dtype="datetime64[D]"),
                                  "final": np.array([g.status in FINISHED_GOALS for g in self.data.goals],
                                                    dtype=bool)})
            goals = goals.loc[goals["day"].to_numpy() <= on]
            by = goals.groupby("key")
            keys = pd.Index(self.pairing_ids)
            finished = goals.loc[goals["final"].to_numpy()].groupby("key")["day"].max()
            self._goal_days = {
                "first": by["day"].min().reindex(keys).to_numpy().astype("datetime64[D]"),
                "finished_on": finished.reindex(keys).to_numpy().astype("datetime64[D]"),
                "all_final": by["final"].all().reindex(keys, fill_value=False).to_numpy(dtype=bool)}
        return self._goal_days

    def _outcomes(self) -> np.ndarray:
        """Per pair, the first day its mentee's outcome was recorded on or before the as-of date (NaT: none)."""
        days = pd.Series(np.array([o.date for o in self.data.outcomes], dtype="datetime64[D]"),
                         index=pd.Index([o.mentee_email for o in self.data.outcomes], dtype=object))
        first = days[days <= np.datetime64(self.on, "D")].groupby(level=0).min()
        return first.reindex(pd.Index(self.mentees, dtype=object)).to_numpy().astype("datetime64[D]")


def overdue_steps(plan: pd.DataFrame, pairs: int) -> list[list[tuple[str, str, date]]]:
    """Per pair (by position), its overdue steps (name, done_when, due date), in plan order."""
    late = plan[plan["status"] == STEP_OVERDUE]
    out: list[list[tuple[str, str, date]]] = [[] for _ in range(pairs)]
    for pair, step, done_when, due in zip(late["pair"], late["step"], late["done_when"], late["due"]):
        out[int(pair)].append((step, done_when, due))
    return out


def overdue_words(step: str, due: date) -> str:
    return f"plan step '{step}' overdue since {format_date(due)}"
