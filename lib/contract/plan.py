"""The program plan: steps due relative to each pair's start or the program's dates, each done by some evidence.

Stored in the settings tab as rows `plan.<n>` = `<step> | <due> | <done when>`, e.g.
`plan.2` = `Goals agreed | start+14d | has_goal`. `<due>` is `start+Nd`, `program_start+Nd`, `program_end-Nd`,
`midpoint` (half-way between program_start and program_end) or `after_first_meeting+Nd`; `<done when>` is one of
PLAN_EVIDENCE. Without plan rows the default plan holds (`default_plan`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lib.vocabulary import (
    DUE_AFTER_FIRST_MEETING,
    DUE_AT_MIDPOINT,
    DUE_BEFORE_PROGRAM_END,
    DUE_FROM_PROGRAM_START,
    DUE_FROM_START,
    FEEDBACK_BOTH_SIDES,
    FIRST_CHECKIN,
    FIT_AFTER_MEETING_DAYS,
    FIT_ANSWER,
    GOALS_AGREED_DAYS,
    GOALS_FINAL_AND_OUTCOME,
    HAS_GOAL,
    PLAN_EVIDENCE,
)

PLAN_KEY = re.compile(r"^plan\s*[._\-# ]?\s*(\d+)$", re.IGNORECASE)  # plan.1, Plan 2, plan_3, plan4
LOOKS_LIKE_PLAN = re.compile(r"^plan(?![a-z])", re.IGNORECASE)  # a key meant as a plan row, even if misspelt
MAX_DAYS = 3650  # ten years: anything longer is a typo
_DUE = re.compile(rf"^(?P<base>{DUE_FROM_START}|{DUE_FROM_PROGRAM_START}|{DUE_AFTER_FIRST_MEETING})\s*\+\s*"
                  rf"(?P<days>\d+)\s*d$|^(?P<end>{DUE_BEFORE_PROGRAM_END})\s*-\s*(?P<before>\d+)\s*d$"
                  rf"|^(?P<mid>{DUE_AT_MIDPOINT})$", re.IGNORECASE)
DUE_FORMS = (f"{DUE_FROM_START}+Nd, {DUE_FROM_PROGRAM_START}+Nd, {DUE_BEFORE_PROGRAM_END}-Nd, {DUE_AT_MIDPOINT} or "
             f"{DUE_AFTER_FIRST_MEETING}+Nd")


@dataclass(frozen=True)
class PlanStep:
    number: int  # n of plan.<n>: the checklist's order
    step: str  # in the lead's words: "Goals agreed"
    due: str  # one of the DUE_* words of lib.vocabulary
    days: int  # after the start / program start / first meeting, or before the program's end (0 for midpoint)
    done_when: str  # one of PLAN_EVIDENCE

    @property
    def due_words(self) -> str:
        if self.due == DUE_AT_MIDPOINT:
            return "half-way through the program"
        if self.due == DUE_BEFORE_PROGRAM_END:
            return f"{self.days} days before the program ends" if self.days else "by the program's end"
        base = {DUE_FROM_START: "the start", DUE_FROM_PROGRAM_START: "the program's start",
                DUE_AFTER_FIRST_MEETING: "the first meeting"}[self.due]
        return f"{self.days} days after {base}"


def parse_step(number: int, text: str) -> PlanStep:
    """One plan row's value, or ValueError saying what is wrong and what is expected."""
    parts = [p.strip() for p in str(text).split("|")]
    if len(parts) != 3 or not all(parts):
        raise ValueError("a plan step is '<step> | <due> | <done when>', e.g. 'Goals agreed | start+14d | has_goal'")
    step, due, done_when = parts
    match = _DUE.match(due.replace(" ", ""))
    if not match:
        raise ValueError(f"due {due!r} is not one of {DUE_FORMS}")
    evidence = done_when.lower().replace(" ", "_").replace("-", "_")
    if evidence not in PLAN_EVIDENCE:
        raise ValueError(f"done when {done_when!r} is not one of {', '.join(PLAN_EVIDENCE)}")
    if match["mid"]:
        return PlanStep(number, step, DUE_AT_MIDPOINT, 0, evidence)
    days = int(match["before"] or match["days"])
    if days > MAX_DAYS:
        raise ValueError(f"due {due!r}: {days} days is more than {MAX_DAYS} (ten years)")
    if match["end"]:
        return PlanStep(number, step, DUE_BEFORE_PROGRAM_END, days, evidence)
    return PlanStep(number, step, match["base"].lower(), days, evidence)


def default_plan(first_meeting_days: int) -> list[PlanStep]:
    """The plan without plan rows: kickoff, goals, fit, mid-point review and final assessment."""
    return [PlanStep(1, "Kickoff meeting", DUE_FROM_START, first_meeting_days, FIRST_CHECKIN),
            PlanStep(2, "Goals agreed", DUE_FROM_START, GOALS_AGREED_DAYS, HAS_GOAL),
            PlanStep(3, "Pairing fit", DUE_AFTER_FIRST_MEETING, FIT_AFTER_MEETING_DAYS, FIT_ANSWER),
            PlanStep(4, "Mid-point review", DUE_AT_MIDPOINT, 0, FEEDBACK_BOTH_SIDES),
            PlanStep(5, "Final assessment", DUE_BEFORE_PROGRAM_END, 0, GOALS_FINAL_AND_OUTCOME)]
