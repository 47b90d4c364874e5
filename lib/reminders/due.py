"""Which reminders are due on a day, as data (nothing is sent here: lib/reminders/send.py does that, once).

- `due`: to a pair, from the working day before the next meeting of its series (lib/meetings/plan.py) until that
  meeting starts, when nothing was logged since the previous meeting (or since the start, before the first one);
  the series goes along as a calendar file. A Monday meeting is reminded from the Friday before, so a run missed on
  Friday still sends it (once: the key holds the meeting's date). A pair set to start after the day gets the
  reminder of its first meeting too, though the health model does not count it as active yet.
- `nudge`: to a pair the health model flags Watch or At risk, with the message the Health page suggests; once per
  cadence period of the pair (a biweekly pair started on 1 Jun: 1-14 Jun, 15-28 Jun ...).
- `digest`: to the program contact, once per ISO week, with the pairs at risk and to watch.

A reminder's `key` (kind, pairing, period) is what makes it once. A person whose `reminders` roster cell says no
receives nothing: a pair's message goes to the other person only, and a message left with nobody is not made.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

import numpy as np
import pandas as pd

from lib.contract.dates import format_date
from lib.contract.models import Pairing
from lib.health.model import records
from lib.meetings.plan import contact_address, may_meet_on, plan_all
from lib.meetings.zones import zone_of
from lib.paused_gc import collection_paused
from lib.reading.dataset import Dataset
from lib.vocabulary import (
    ACTIVE,
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
    """The working day before a meeting (meetings fall on weekdays: a Monday's is the Friday before): from this day
    until the meeting starts its reminder is due, so a run missed on the Friday still sends it on the Monday."""
    day = meeting - timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _next_weekday(day: date) -> date:
    following = day + timedelta(days=1)
    while following.weekday() >= 5:
        following += timedelta(days=1)
    return following


def plan_reminders(data: Dataset, health: pd.DataFrame, as_of: date, now: datetime | None = None) -> Planned:
    """Every reminder due on `as_of`: the digest first, then meetings (tomorrow's cannot wait), then nudges, most
    urgent first (the health frame's order). `now` is the run's moment (default: the clock); on a meeting's own
    day its reminder is due only until the meeting starts, at `now`'s time of day on `as_of`."""
    with collection_paused():  # thousands of reminders and series, none in a reference cycle (lib/paused_gc.py)
        return _plan_reminders(data, health, as_of, now)


def _plan_reminders(data: Dataset, health: pd.DataFrame, as_of: date, now: datetime | None) -> Planned:
    planned = Planned()
    _digest(data, health, as_of, planned)
    pairings = {p.id: p for p in data.pairings if p.id}
    starting = starting_after(data, as_of, _next_weekday(as_of))
    rows = health[_known(health, pairings)]
    ahead = starting[_known(starting, pairings)]
    if without := len(health) + len(starting) - len(rows) - len(ahead):
        planned.notes.append(f"{without} active pairing{'s have' if without != 1 else ' has'} no id in the pairings "
                             "tab: no reminder goes to them, since an id is what makes each reminder go once.")
    people = (data.mentor_by_email, data.mentee_by_email)
    meeting_rows = rows[MEETING_COLUMNS] if ahead.empty else pd.concat([rows[MEETING_COLUMNS], ahead],
                                                                       ignore_index=True)
    _meetings(data, people, meeting_rows, pairings, as_of, _run_moment(as_of, now), planned)
    _nudges(data, people, rows, pairings, as_of, planned)
    return planned


MEETING_COLUMNS = ["pairing_id", "mentor_email", "mentor", "mentee_email", "mentee", "type", "cadence", "started_on",
                   "last_checkin"]


def _known(frame: pd.DataFrame, pairings: dict[str, Pairing]) -> np.ndarray:
    """The rows whose pairing id is in `pairings` (pandas' isin on arrow strings took 75 ms for 10,000 ids)."""
    return np.fromiter(map(pairings.__contains__, frame["pairing_id"].tolist()), bool, len(frame))


def starting_after(data: Dataset, as_of: date, by: date) -> pd.DataFrame:
    """The pairings set to start after `as_of` and by `by` (status active), in MEETING_COLUMNS, nothing logged yet:
    a series' first meeting is usually on its start, so its reminder falls before the pair counts as active (the
    health model holds only the pairs active on the day, and stays so)."""
    names = data.names
    default = data.settings.default_cadence or DEFAULT_CADENCE
    rows = [(p.id, p.mentor_email, names.get(p.mentor_email, p.mentor_email), p.mentee_email,
             names.get(p.mentee_email, p.mentee_email), p.type, p.cadence or default, p.started_on, None)
            for p in data.pairings if p.status == ACTIVE and p.started_on is not None and as_of < p.started_on <= by
            and (p.ended_on is None or p.ended_on > p.started_on)]
    return pd.DataFrame(rows, columns=MEETING_COLUMNS)


def _run_moment(as_of: date, now: datetime | None) -> datetime:
    """The run's moment as on `as_of`: the clock's time of day (a set as_of date keeps the time a run happens at)."""
    local = (now or datetime.now(timezone.utc)).astimezone()
    return datetime.combine(as_of, local.timetz())


def _meeting_start(series, meeting: date) -> datetime:
    minute = series.slot.minute
    return datetime.combine(meeting, time(minute // 60, minute % 60), tzinfo=zone_of(series.first[2]))


def _meetings(data: Dataset, people: tuple[dict, dict], rows: pd.DataFrame, pairings: dict[str, Pairing],
              as_of: date, moment: datetime, planned: Planned) -> None:
    # Planning a series (its slot search) is the costly part, so a pair that logged a check-in after its previous
    # meeting could have been is not planned: the meeting reminded of is today or the next weekday, at most 3 days
    # away (a Friday's reminder of a Monday), and meetings are at least a cadence apart (a monthly one 28 days).
    gap = rows["cadence"].map(CADENCE_DAYS).fillna(CADENCE_DAYS[DEFAULT_CADENCE]).clip(upper=28).astype(int)
    last = pd.to_datetime(rows["last_checkin"])
    recent = last.notna() & (last >= pd.Timestamp(as_of) + pd.to_timedelta(3 - gap, unit="D"))
    sign_off = _sign_off(data)
    # the meetings a reminder can be due for today: today's (until it starts) and the next weekday's
    meeting_days = ([as_of] if as_of.weekday() < 5 else []) + [_next_weekday(as_of)]
    candidates = rows[~recent]
    candidates = candidates.loc[np.array([any(may_meet_on(data, pairings[i], day) for day in meeting_days)
                                          for i in candidates["pairing_id"]], dtype=bool)]
    series = plan_all(data, [pairings[i] for i in candidates["pairing_id"]])
    for row, planned_series in zip(records(candidates), series):
        dates = planned_series.slot.dates
        at = bisect.bisect_left(dates, as_of)
        if at < len(dates) and dates[at] == as_of and _meeting_start(planned_series, as_of) <= moment:
            at += 1  # today's meeting has started: too late to remind of it
        if at >= len(dates) or reminder_day(dates[at]) > as_of:
            continue
        since = dates[at - 1] if at else row.started_on
        if pd.notna(row.last_checkin) and row.last_checkin >= since:
            continue
        meeting = dates[at]
        to, left_out = _pair_addresses(people, row, FEEDBACK_ROLES)
        if not to:
            planned.notes.append(f"{row.mentor} and {row.mentee} opted out of reminders: no meeting reminder.")
            continue
        which = "your first meeting" if at == 0 else "your next mentoring meeting"
        when = "today" if meeting == as_of else "tomorrow" if meeting == as_of + timedelta(days=1) else None
        words = planned_series.slot_words()
        paragraphs = [f"Hi {_greeting(to)},",
                      f"A reminder of {which}, {when + ', ' if when else 'on '}{meeting:%A} {format_date(meeting)}: "
                      f"{words}.",
                      "The whole series is attached as a calendar file: open it to add or update it in your "
                      "calendar (opening it again changes the same meetings, it never adds a second series).",
                      sign_off]
        planned.reminders.append(Reminder(
            DUE, row.pairing_id, meeting.isoformat(), to,
            f"Mentoring {when or f'on {meeting:%A}'}: {row.mentor} & {row.mentee}",
            tuple(paragraphs), pairings[row.pairing_id], left_out))


NUDGE_COLUMNS = ("pairing_id", "mentor_email", "mentor", "mentee_email", "mentee", "type", "cadence", "started_on",
                 "status", "next_step", "next_step_to")


def _nudges(data: Dataset, people: tuple[dict, dict], rows: pd.DataFrame, pairings: dict[str, Pairing],
            as_of: date, planned: Planned) -> None:
    flagged = rows[rows["status"].isin((WATCH, AT_RISK)) & (rows["next_step"] != "")]
    sign_off = _sign_off(data)
    for row in records(flagged, NUDGE_COLUMNS):  # only what a nudge reads: converting every column cost more
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
            paragraphs.append(f"{title}:\n" + "\n".join(f"- {r.mentor} & {r.mentee}: {'; '.join(r.reasons)}"
                                                         for r in records(frame, ("mentor", "mentee", "reasons"))))
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
