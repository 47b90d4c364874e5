"""Which reminders are due on a day, as data (nothing is sent here: lib/reminders/send.py does that, once).

- `due`: to a pair, on the working day before the next meeting of its series (lib/meetings/plan.py), when nothing
  was logged since the previous meeting (or since the start, before the first one); the series goes along as a
  calendar file. A Monday meeting is reminded on the Friday before.
- `nudge`: to a pair the health model flags Watch or At risk, with the message the Health page suggests; once per
  cadence period of the pair (a biweekly pair started on 1 Jun: 1-14 Jun, 15-28 Jun ...).
- `digest`: to the program contact, once per ISO week, with the pairs at risk and to watch.

A reminder's `key` (kind, pairing, period) is what makes it once. A person whose `reminders` roster cell says no
receives nothing: a pair's message goes to the other person only, and a message left with nobody is not made.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd

from lib.contract.dates import format_date
from lib.contract.models import Pairing
from lib.health.model import records
from lib.meetings.plan import contact_address, may_meet_on, plan_all
from lib.reading.dataset import Dataset
from lib.vocabulary import (
    AT_RISK,
    CADENCE_DAYS,
    DEFAULT_CADENCE,
    DIGEST,
    DUE,
    FEEDBACK_ROLES,
    HEALTHY,
    NUDGE,
    PEER,
    WATCH,
    program_phrase,
)

Address = tuple[str, str]  # (name, email)


@dataclass(frozen=True)
class Reminder:
    kind: str
    pairing_id: str  # "" for the digest
    period: str  # the meeting's date, the nudge's cadence period, the digest's ISO week
    to: tuple[Address, ...]
    subject: str
    paragraphs: tuple[str, ...]  # plain text; a paragraph of lines starting "- " is a list
    pairing: Pairing | None = None  # a `due` reminder carries the pair's series as a calendar file
    left_out: tuple[str, ...] = ()  # names of the people who opted out of reminders

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind, self.pairing_id, self.period)

    @property
    def recipients(self) -> list[str]:
        return [email for _, email in self.to]


@dataclass
class Planned:
    reminders: list[Reminder] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was left out and why, in words


def reminder_day(meeting: date) -> date:
    """The working day before a meeting (meetings fall on weekdays: a Monday's is the Friday before)."""
    day = meeting - timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _next_weekday(day: date) -> date:
    following = day + timedelta(days=1)
    while following.weekday() >= 5:
        following += timedelta(days=1)
    return following


def plan_reminders(data: Dataset, health: pd.DataFrame, as_of: date) -> Planned:
    """Every reminder due on `as_of`: the digest first, then meetings (tomorrow's cannot wait), then nudges, most
    urgent first (the health frame's order)."""
    planned = Planned()
    _digest(data, health, as_of, planned)
    pairings = {p.id: p for p in data.pairings if p.id}
    rows = health[health["pairing_id"].isin(pairings)]
    if without := len(health) - len(rows):
        planned.notes.append(f"{without} active pairing{'s have' if without != 1 else ' has'} no id in the pairings "
                             "tab: no reminder goes to them, since an id is what makes each reminder go once.")
    people = (data.mentor_by_email, data.mentee_by_email)
    _meetings(data, people, rows, pairings, as_of, planned)
    _nudges(data, people, rows, pairings, as_of, planned)
    return planned


def _meetings(data: Dataset, people: tuple[dict, dict], rows: pd.DataFrame, pairings: dict[str, Pairing],
              as_of: date, planned: Planned) -> None:
    # Planning a series (its slot search) is the costly part, so a pair that logged a check-in after its previous
    # meeting could have been is not planned: the next meeting is at most 3 days away (a Friday's reminder of a
    # Monday), and meetings are at least a cadence apart (a monthly one 28 days).
    gap = rows["cadence"].map(CADENCE_DAYS).fillna(CADENCE_DAYS[DEFAULT_CADENCE]).clip(upper=28).astype(int)
    last = pd.to_datetime(rows["last_checkin"])
    recent = last.notna() & (last >= pd.Timestamp(as_of) + pd.to_timedelta(3 - gap, unit="D"))
    sign_off = _sign_off(data)
    meeting_day = _next_weekday(as_of)  # the only meeting reminded of today (none on a weekend)
    candidates = rows[~recent & (as_of.weekday() < 5)]
    candidates = candidates.loc[np.array([may_meet_on(data, pairings[i], meeting_day)
                                          for i in candidates["pairing_id"]], dtype=bool)]
    series = plan_all(data, [pairings[i] for i in candidates["pairing_id"]])
    for row, planned_series in zip(records(candidates), series):
        dates = planned_series.slot.dates
        at = bisect.bisect_right(dates, as_of)
        if at >= len(dates) or reminder_day(dates[at]) != as_of:
            continue
        since = dates[at - 1] if at else row.started_on
        if pd.notna(row.last_checkin) and row.last_checkin >= since:
            continue
        meeting = dates[at]
        to, left_out = _pair_addresses(people, row, FEEDBACK_ROLES)
        if not to:
            planned.notes.append(f"{row.mentor} and {row.mentee} opted out of reminders: no meeting reminder.")
            continue
        first = "your first meeting" if pd.isna(row.last_checkin) else "your next mentoring meeting"
        words = planned_series.slot_words()
        paragraphs = [f"Hi {_greeting(to)},",
                      f"A reminder of {first}, on {meeting:%A} {format_date(meeting)}: {words}.",
                      "The whole series is attached as a calendar file: open it to add or update it in your "
                      "calendar (opening it again changes the same meetings, it never adds a second series).",
                      sign_off]
        planned.reminders.append(Reminder(
            DUE, row.pairing_id, meeting.isoformat(), to, f"Mentoring tomorrow: {row.mentor} & {row.mentee}"
            if reminder_day(meeting) == meeting - timedelta(days=1)
            else f"Mentoring on {meeting:%A}: {row.mentor} & {row.mentee}",
            tuple(paragraphs), pairings[row.pairing_id], left_out))


def _nudges(data: Dataset, people: tuple[dict, dict], rows: pd.DataFrame, pairings: dict[str, Pairing],
            as_of: date, planned: Planned) -> None:
    flagged = rows[rows["status"].isin((WATCH, AT_RISK)) & (rows["next_step"] != "")]
    sign_off = _sign_off(data)
    for row in records(flagged):
        cadence_days = CADENCE_DAYS.get(row.cadence, CADENCE_DAYS[DEFAULT_CADENCE])
        periods = max((as_of - row.started_on).days, 0) // cadence_days
        period = row.started_on + timedelta(days=periods * cadence_days)
        to, left_out = _pair_addresses(people, row, row.next_step_to)
        if not to:
            planned.notes.append(f"{row.mentor} and {row.mentee} ({row.status}): the nudge goes to nobody, since "
                                 "its reader opted out of reminders.")
            continue
        planned.reminders.append(Reminder(
            NUDGE, row.pairing_id, period.isoformat(), to,
            f"How is the mentoring going? {row.mentor} & {row.mentee}" if len(row.next_step_to) > 1
            else f"Your mentoring with {row.mentor}", (row.next_step, sign_off), pairings[row.pairing_id],
            left_out))


def _digest(data: Dataset, health: pd.DataFrame, as_of: date, planned: Planned) -> None:
    contact = contact_address(data.settings.contact)
    if contact is None:
        planned.notes.append("No program contact with an email in the settings (contact): no weekly digest.")
        return
    person = data.mentor_by_email.get(contact[1].lower()) or data.mentee_by_email.get(contact[1].lower())
    if person is not None and not person.reminders:
        planned.notes.append(f"The program contact, {person.name}, opted out of reminders: no weekly digest.")
        return
    year, week, _ = as_of.isocalendar()
    counts = health["status"].value_counts()
    at_risk, watch = health[health["status"] == AT_RISK], health[health["status"] == WATCH]
    program = program_phrase(data.settings.program_name, data.settings.organisation, "the")
    paragraphs = [f"Hi {contact[0].split()[0] if contact[0] else 'there'},",
                  f"{program[0].upper()}{program[1:]} on {format_date(as_of)}: {len(health)} active "
                  f"pair{'s' if len(health) != 1 else ''}, {counts.get(HEALTHY, 0)} healthy, "
                  f"{counts.get(WATCH, 0)} to watch, {counts.get(AT_RISK, 0)} at risk."]
    for title, frame in (("At risk", at_risk), ("To watch", watch)):
        if len(frame):
            paragraphs.append(f"{title}:\n" + "\n".join(
                f"- {r.mentor} & {r.mentee}: {'; '.join(r.reasons)}" for r in records(frame)))
    if at_risk.empty and watch.empty:
        paragraphs.append("Every active pair is on track.")
    paragraphs.append("The Health page shows each pair's story and a message to send them.")
    subject = (f"Mentoring this week: {len(at_risk)} pair{'s' if len(at_risk) != 1 else ''} at risk"
               if len(at_risk) else "Mentoring this week: no pair at risk")
    planned.reminders.append(Reminder(DIGEST, "", f"{year}-W{week:02d}", (contact,), subject, tuple(paragraphs)))


def _pair_addresses(people: tuple[dict, dict], row, roles: tuple[str, ...]) -> tuple[tuple[Address, ...],
                                                                                      tuple[str, ...]]:
    """The pair's addresses for `roles`, without the people who opted out (their names in the second part);
    `people` is the roster by email (mentors, mentees), looked up once for every pair."""
    mentors, mentees = people
    to, left_out = [], []
    for role in roles:
        email, name = (row.mentor_email, row.mentor) if role == "mentor" else (row.mentee_email, row.mentee)
        person = (mentors.get(email) if role == "mentor" and row.type != PEER else None) or mentees.get(email)
        if person is not None and not person.reminders:
            left_out.append(name)
        else:
            to.append((name, email))
    return tuple(to), tuple(left_out)


def _greeting(to: tuple[Address, ...]) -> str:
    return " and ".join(name.split()[0] if name.strip() else email for name, email in to)


def _sign_off(data: Dataset) -> str:
    contact = contact_address(data.settings.contact)
    name = contact[0] if contact and contact[0] else ""
    program = program_phrase(data.settings.program_name, data.settings.organisation, "the")
    return f"Best wishes,\n{name + ', ' if name else ''}{program}"
