"""What the lead hands to people once pairs are accepted: the pairing sheet and an introduction per pair."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import quote

import numpy as np
import pandas as pd

from lib.contract.dates import format_date
from lib.contract.models import Mentee, Mentor, Pairing
from lib.matching.criteria import offsets_on, overlap_hours
from lib.matching.explain import covered_goals, pair_reason, why_you_two, words
from lib.reading.dataset import Dataset
from lib.vocabulary import (
    CADENCE_WORDS,
    DEFAULT_CADENCE,
    OPEN_STATUSES,
    PEER,
    PROPOSED,
    TYPE_PAIR_WORDS,
    program_phrase,
)

SHEET_COLUMNS = ["Mentor", "Mentor email", "Mentee", "Mentee email", "Type", "Status", "Starts", "Cadence",
                 "Meeting slot", "Shared goals", "Why this pair", "Pairing id"]


@dataclass(frozen=True)
class HandoffPair:
    """A stored pairing with both people looked up (either may be missing from the roster)."""

    pairing: Pairing
    first: Mentor | Mentee | None  # the mentor, or the first peer
    mentee: Mentee | None

    @property
    def first_name(self) -> str:
        return self.first.name if self.first else self.pairing.mentor_email

    @property
    def mentee_name(self) -> str:
        return self.mentee.name if self.mentee else self.pairing.mentee_email


def handoff_pairs(data: Dataset, statuses: tuple[str, ...] = OPEN_STATUSES) -> list[HandoffPair]:
    people = {**{m.email: m for m in data.mentees}, **data.mentor_by_email}
    mentees = data.mentee_by_email
    return [HandoffPair(p, mentees.get(p.mentor_email) if p.type == PEER else people.get(p.mentor_email),
                        mentees.get(p.mentee_email))
            for p in data.pairings if p.status in statuses]


def shared_goals(pair: HandoffPair) -> list[str]:
    """The goals saved with the pairing, else the mentee's goals the other person's skills cover."""
    if pair.pairing.goals:
        return pair.pairing.goals
    if pair.first and pair.mentee:
        return covered_goals(pair.mentee, pair.first)
    return []


NEW_WITHIN = timedelta(days=14)  # a pair is new while proposed, or for its first two weeks


def new_pairs(pairs: list[HandoffPair], on: date) -> list[HandoffPair]:
    """The pairs a kickoff sheet is for by default: proposed, started within NEW_WITHIN of `on`, or starting later."""
    return [p for p in pairs if p.pairing.status == PROPOSED
            or (p.pairing.started_on is not None and on - NEW_WITHIN <= p.pairing.started_on)]  # or starts later


def reason(pair: HandoffPair, on: date, to_the_pair: bool = False) -> str:
    """Why this pair, for the lead's sheet; or, `to_the_pair`, in sentences addressed to the two people."""
    if not (pair.first and pair.mentee):
        return "one of the two is not on the roster any more"
    hours = overlap_hours(offsets_on([pair.mentee], on), offsets_on([pair.first], on))[0]
    words_for = why_you_two if to_the_pair else pair_reason
    return words_for(pair.mentee, pair.first, float(hours) if not np.isnan(hours) else np.nan,
                     pair.pairing.type == PEER)


def cadence(pair: HandoffPair, data: Dataset) -> str:
    return pair.pairing.cadence or data.settings.default_cadence or DEFAULT_CADENCE


def pairing_sheet(data: Dataset, pairs: list[HandoffPair] | None = None) -> pd.DataFrame:
    """One row per pair with names, emails, type, cadence, the meeting slot in both people's local times, shared
    goals and the reason, for printing or sending. The slots are booked together, so nobody is given two meetings at
    once, and say when the other person's time moves because the clocks change on different dates."""
    from lib.meetings.plan import plan_all

    pairs = handoff_pairs(data) if pairs is None else pairs
    on = data.today()
    planned = plan_all(data, [p.pairing for p in pairs])
    rows = [[p.first_name, p.pairing.mentor_email, p.mentee_name, p.pairing.mentee_email, p.pairing.type,
             p.pairing.status, p.pairing.started_on, cadence(p, data), series.sheet_words(),
             "; ".join(shared_goals(p)), reason(p, on), p.pairing.id] for p, series in zip(pairs, planned)]
    return pd.DataFrame(rows, columns=SHEET_COLUMNS)


def first_meeting_by(start: date, settings) -> date:
    """The day a pair is asked to have met by: the plan's kickoff step and Health's first-meeting flag use the same
    `first_meeting_days` (default 14), so what the pair is told is what the lead is warned about."""
    return start + timedelta(days=settings.first_meeting_days)


def introduction(pair: HandoffPair, data: Dataset) -> tuple[str, str]:
    """(subject, body) of the message that introduces the two people to each other."""
    settings = data.settings
    program = program_phrase(settings.program_name, settings.organisation, whose="our")
    first, second = pair.first_name, pair.mentee_name
    goals = shared_goals(pair)
    rhythm = cadence(pair, data)
    start = pair.pairing.started_on or data.today()
    role = TYPE_PAIR_WORDS.get(pair.pairing.type, "mentoring pair")
    lines = [f"Hi {_given(first)} and {_given(second)},", "",
             f"I'm pairing you as {role} in {program}.", ""]
    lines += [f"Why you two: {reason(pair, data.today(), to_the_pair=True)}."]
    if goals:
        lines += [f"Goals to start with: {words(goals)}."]
    lines += [f"Suggested rhythm: meet {CADENCE_WORDS.get(rhythm, rhythm)}, 30 to 45 minutes.",
              f"First meeting: please hold it by {format_date(first_meeting_by(start, settings))}; "
              f"{_given(second)}, you send the invitation.",
              "In the first meeting, agree what you both want from the next weeks and how you will keep in touch.",
              ""]
    if settings.contact:
        lines += [f"If anything gets in the way, write to {settings.contact}.", ""]
    lines += ["Thank you both!"]
    subject = f"Introduction: {first} and {second}" + (f" ({settings.program_name})" if settings.program_name else "")
    return subject, "\n".join(lines)


def mailto(pair: HandoffPair, subject: str, body: str) -> str:
    to = ",".join(e for e in (pair.pairing.mentor_email, pair.pairing.mentee_email) if e)
    return f"mailto:{to}?subject={quote(subject)}&body={quote(body)}"


def _given(name: str) -> str:
    return name.split()[0] if name.strip() else name
