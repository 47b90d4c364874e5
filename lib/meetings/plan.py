"""A pair's meeting series, planned: who meets, in which zones (a person without one takes the program's, else the
other person's), from the pair's start to the program's end, in which slot (lib/meetings/slots.py), and what had
to be assumed, in `notes`. The calendar file is written from this by lib/meetings/calendar_file.py.

The UID stays the same for a pairing, so downloading again updates the series in a calendar instead of adding a
second one; the sequence is the number of `changes` entries for that pairing's row, so it grows when the pairing
changes.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from lib.contract.models import Pairing
from lib.meetings.booking import book, booked_together, linked
from lib.meetings.slots import WEEKDAYS, Slot, clock, first_on_or_after, local_times, occurrences
from lib.meetings.zones import place_words, zone_of
from lib.paused_gc import collection_paused
from lib.reading.dataset import Dataset
from lib.vocabulary import ACTIVE, CADENCE_DAYS, DEFAULT_CADENCE, ENDED, MONTHLY, PEER

UNDATED_WEEKS = 12  # a program with no end date: the series runs this long
UID_SPACE = uuid.UUID("6f1c7a52-3d0e-4b8e-9a4f-2d7c1e5b9a10")  # Tandem's namespace for meeting UIDs
_ADDRESS = re.compile(r"^\s*(?P<name>.*?)\s*<\s*(?P<email>[^<>\s]+@[^<>\s]+)\s*>\s*$"  # Name <a@b.c>
                      r"|^\s*(?P<bare>[^<>\s]+@[^<>\s]+)\s*$")  # a@b.c


@dataclass(frozen=True)
class Series:
    pairing: Pairing
    first: tuple[str, str, str]  # name, email, time zone of the mentor (or first peer)
    other: tuple[str, str, str]  # the same for the mentee (or second peer)
    slot: Slot
    cadence: str
    until: date
    sequence: int
    notes: list[str] = field(default_factory=list)
    cancelled: bool = False  # the pairing has ended: its file cancels the series
    other_times: tuple = ()  # the other person's local start over the series, as runs (slots.local_times)

    @property
    def uid(self) -> str:
        return meeting_uid(self.pairing)

    @property
    def title(self) -> str:
        return f"Mentoring: {self.first[0]} & {self.other[0]}"

    def slot_words(self) -> str:
        """'Tue 15:30 for Ana (Berlin), 09:30 for Mei (New York)'."""
        return self.slot.words(f"{_given(self.first[0])} ({place_words(self.first[2])})",
                               f"{_given(self.other[0])} ({place_words(self.other[2])})")

    def shift_words(self) -> str:
        """When the two zones change clocks on different dates, the other person's time in the other weeks:
        '10:30 for Mei (New York) from 9 Mar to 23 Mar'; empty when it stays the same."""
        first_time = self.other_times[0][0] if self.other_times else None
        who = f"{_given(self.other[0])} ({place_words(self.other[2])})"
        shown = []
        for minute, since, until in self.other_times:
            if minute == first_time:
                continue
            weekday = minute // 1440
            day = f"{WEEKDAYS[weekday]} " if weekday != self.slot.weekday else ""
            span = (f"on {since.day} {since:%b}" if since == until
                    else f"from {since.day} {since:%b} to {until.day} {until:%b}")
            shown.append(f"{day}{clock(minute % 1440)} for {who} {span}")
        return "; ".join(shown)

    def sheet_words(self) -> str:
        """The slot in both local times, and when the other person's differs: for the hand-off sheet."""
        shift = self.shift_words()
        return f"{self.slot_words()}; {shift}" if shift else self.slot_words()


def meeting_uid(pairing: Pairing) -> str:
    """The same for a pairing on every download (its id and both people), so a calendar updates the series."""
    return f"{uuid.uuid5(UID_SPACE, '|'.join((pairing.id, pairing.mentor_email, pairing.mentee_email)))}@tandem"


def calendar_pairings(data: Dataset) -> list[Pairing]:
    """What the all-pairs calendar holds: every active pairing, whatever its start (a pair starting next month gets
    its series from its start now), and every ended one, as a cancellation of its series. Not the proposed ones:
    they may never start, and an invitation would already be in both calendars."""
    return [p for p in data.pairings if p.status in (ACTIVE, ENDED) and not p.withdrawn]  # withdrawn: no series


def is_cancelled(pairing: Pairing, today: date) -> bool:
    """Ended, or given an end date that has passed (a row whose status was not updated)."""
    return pairing.status == ENDED or (pairing.ended_on is not None and pairing.ended_on <= today)


def plan_all(data: Dataset, pairings: list[Pairing]) -> list[Series]:
    """The plan of each pairing's series; the roster and the change log are looked up once for all of them, and
    the slots booked together with every pairing that shares a person with them (lib/meetings/booking.py), so the
    same pairing gets the same slot whichever pairs are asked for."""
    with collection_paused():  # thousands of small plans, none in a reference cycle (lib/paused_gc.py)
        return _plan_all(data, pairings)


def _plan_all(data: Dataset, pairings: list[Pairing]) -> list[Series]:
    mentees = data.mentee_by_email
    people = {**mentees, **data.mentor_by_email}
    changes = Counter(_changed_pairings(data))
    settings = data.settings
    stored = {id(p) for p in data.pairings}
    # a pairing equal to a stored one (read again, copied) is that one: booked once, never around itself
    pairings = [p if id(p) in stored else next((q for q in data.pairings if q == p), p) for p in pairings]
    booked = linked(data.pairings, pairings)
    prepared = {id(pairing): (pairing, *_who(data, pairing, people, mentees), *series_window(data, pairing))
                for pairing in booked}
    slots = book(booked, [(zone_of(zones[0]), zone_of(zones[1]), cadence, start, until, settings.work_start,
                           settings.work_end, settings.meeting_minutes)
                          for _, _, zones, _, start, until, cadence in prepared.values()])
    slot_of = dict(zip(prepared, slots))
    # a pair's slot moves when a pair booked with it changes (activated earlier, ended...): the series' SEQUENCE
    # counts the changes of its whole group, so a calendar takes every moved version
    group_of = dict(zip((id(p) for p in booked), booked_together(booked)))
    group_changes = Counter()
    for pairing in booked:
        group_changes[group_of[id(pairing)]] += changes[pairing.id] if pairing.id else 0
    return [_series(data, *prepared[id(pairing)], slot_of[id(pairing)], group_changes[group_of[id(pairing)]])
            for pairing in pairings]


def plan_series(data: Dataset, pairing: Pairing) -> Series:
    """Who meets, in which zones, from when to when, in which slot; and the notes on what was assumed."""
    return plan_all(data, [pairing])[0]


def _who(data: Dataset, pairing: Pairing, people: dict, mentees: dict) -> tuple[list[str], list[str], list[str]]:
    """Both people's names and time zones (a missing zone taken from the program, else the other person), with
    notes on what was assumed."""
    settings = data.settings
    first_person, other_person = people.get(pairing.mentor_email), people.get(pairing.mentee_email)
    if pairing.type == PEER:
        first_person = mentees.get(pairing.mentor_email)
    names = [p.name if p else email for p, email in ((first_person, pairing.mentor_email),
                                                      (other_person, pairing.mentee_email))]
    notes = []
    zones = [p.timezone if p else "" for p in (first_person, other_person)]
    for k, name in enumerate(names):
        if zones[k]:
            continue
        other_zone = zones[1 - k]
        if settings.timezone:
            zones[k] = settings.timezone
            notes.append(f"{name} has no time zone: the program's ({settings.timezone}) is used.")
        elif other_zone:
            zones[k] = other_zone
            notes.append(f"{name} has no time zone: {names[1 - k]}'s ({other_zone}) is used.")
        else:
            zones[k] = "UTC"
            notes.append(f"{name} has no time zone, nor has {names[1 - k]} or the program: UTC is used.")
    return names, zones, notes


def _series(data: Dataset, pairing: Pairing, names: list[str], zones: list[str], notes: list[str], start: date,
            until: date, cadence: str, slot: Slot, sequence: int) -> Series:
    settings = data.settings
    cancelled = is_cancelled(pairing, data.today())
    notes = [] if cancelled else list(notes)  # what was assumed about meetings that will not happen is no news
    if not cancelled and not (settings.program_end and settings.program_end >= start):
        notes.append(f"The program has no end date{' after the start' if settings.program_end else ''}: the series "
                     f"runs {UNDATED_WEEKS} weeks, to {until:%d %b %Y}.")
    # a cancellation outranks every version before it, also when the row was ended by hand (no change logged)
    series = Series(pairing, (names[0], pairing.mentor_email, zones[0]), (names[1], pairing.mentee_email, zones[1]),
                    slot, cadence, until, sequence + cancelled, notes, cancelled,
                    local_times(slot, zone_of(zones[0]), zone_of(zones[1])))
    pair_words = f"{names[0]} ({place_words(zones[0])}) and {names[1]} ({place_words(zones[1])})"
    if not slot.fits and not cancelled:
        always = slot.outside >= len(slot.dates) * settings.meeting_minutes
        notes.append(f"{pair_words}: working hours do not overlap{'' if always else ' in every week'}; the nearest "
                     f"time is {series.slot_words()}.")
    shift = series.shift_words() if len(series.other_times) > 1 and not cancelled else ""
    if shift:
        notes.append(f"{pair_words}: the clocks do not change together, so {_given(names[1])}'s time moves: {shift}.")
    if not contact_address(settings.contact):
        notes.append("No program contact with an email in the settings: the series has no organiser.")
    return series


def series_window(data: Dataset, pairing: Pairing) -> tuple[date, date, str]:
    """From when to when a pairing's series runs, and its cadence: from the pair's start (not before the program's)
    to the program's end, or UNDATED_WEEKS when there is none after the start."""
    settings = data.settings
    start = max(pairing.started_on or data.today(), settings.program_start or date.min)
    until = (settings.program_end if settings.program_end and settings.program_end >= start
             else start + timedelta(weeks=UNDATED_WEEKS))
    return start, until, pairing.cadence or settings.default_cadence or DEFAULT_CADENCE


def may_meet_on(data: Dataset, pairing: Pairing, day: date) -> bool:
    """Whether `day` can be a date of the pairing's series, whichever weekday its slot takes (the slot's weekday is
    then `day`'s): a quick test that spares planning the series of a pair that cannot meet that day."""
    start, until, cadence = series_window(data, pairing)
    if day.weekday() >= 5 or not start <= day <= until:
        return False
    first = first_on_or_after(start, day.weekday())
    if cadence != MONTHLY:  # every week or two from `first`: arithmetic, no list of dates (reminders ask 10,000 pairs)
        return (day - first).days % CADENCE_DAYS.get(cadence, CADENCE_DAYS[DEFAULT_CADENCE]) == 0
    return day in occurrences(first, cadence, day)


def _changed_pairings(data: Dataset) -> list[str]:
    """The pairing id of each `changes` entry about the pairings tab (an append, each field updated)."""
    changes = data.tables.get("changes")
    if changes is None:
        return []
    return [changes.cell(row, "key").strip() for row in changes.rows if changes.cell(row, "tab").strip() == "pairings"]


def contact_address(contact: str) -> tuple[str, str] | None:
    """(name, email) of 'Priya Raman <priya@example.org>' or a bare address; None without an email."""
    found = _ADDRESS.match(contact or "")
    if not found:
        return None
    return (found["name"] or "", found["email"]) if found["email"] else ("", found["bare"])


def _given(name: str) -> str:
    return name.split()[0] if name.strip() else name
