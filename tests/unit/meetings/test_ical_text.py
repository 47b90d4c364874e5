"""The events' content lines, written directly: whatever a name or note holds (commas, semicolons, quotes, carets,
backslashes, line breaks, any script, emoji), icalendar reads back exactly what was meant, every line is at most
75 octets, and recurring-ical-events expands the series."""

from __future__ import annotations

from datetime import date

import icalendar
import recurring_ical_events
from hypothesis import given
from hypothesis import strategies as st

from lib.contract.models import Mentee, Mentor, Pairing
from lib.contract.settings import Settings
from lib.guides.library import load_guides
from lib.meetings.calendar_file import calendar_bytes
from lib.meetings.ical_text import fold, parameter, text
from lib.reading.dataset import Dataset

GUIDES = load_guides()
# No backslash: in a parameter (CN) it is no escape in RFC 5545, but icalendar's reader drops it, even from what
# icalendar itself wrote; test_a_backslash_stays_in_the_title_and_is_written_as_is_in_the_name covers it.
TRICKY = st.text(st.sampled_from(list(',;:"^\n\t <>&é漢字🙂Ωabc ')), min_size=1, max_size=60)


def program(mentor_name: str, mentee_name: str, zones=("Europe/Berlin", "UTC-5:30")) -> Dataset:
    mentor = Mentor(email="ana@x.org", name=mentor_name, timezone=zones[0])
    mentee = Mentee(email="mei@x.org", name=mentee_name, timezone=zones[1])
    pairing = Pairing(id="P-001", mentor_email="ana@x.org", mentee_email="mei@x.org", status="active",
                      started_on=date(2026, 3, 2), cadence="biweekly")
    settings = Settings(program_start=date(2026, 3, 2), program_end=date(2026, 5, 29), as_of=date(2026, 3, 2),
                        contact='Priya "P" Raman, Lead <priya@x.org>')
    return Dataset(mentors=[mentor], mentees=[mentee], pairings=[pairing], settings=settings)


@given(TRICKY.filter(str.strip), TRICKY.filter(str.strip))
def test_names_of_every_kind_come_back_as_written(mentor, mentee):
    data = program(mentor, mentee)
    payload, _ = calendar_bytes(data, data.pairings, GUIDES)
    assert all(len(line) <= 75 for line in payload.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(payload)
    [event] = calendar.walk("VEVENT")
    names = [data.mentors[0].name, data.mentees[0].name]  # as the roster keeps them (trimmed)
    assert str(event["SUMMARY"]) == f"Mentoring: {names[0]} & {names[1]}"
    assert [str(a.params["CN"]) for a in event["ATTENDEE"]] == names
    assert str(event["ORGANIZER"].params["CN"]) == 'Priya "P" Raman, Lead'
    assert str(event["DESCRIPTION"]).startswith("One-on-one mentoring, biweekly: ")
    meetings = list(recurring_ical_events.of(calendar).between(date(2026, 3, 1), date(2026, 6, 1)))
    assert len(meetings) == 7  # every other week from 2 Mar to 29 May


def test_a_long_line_folds_without_splitting_a_character_or_an_escape():
    line = "DESCRIPTION:" + text("é" * 30 + ", ; \\ " * 20 + "漢" * 40)
    folded = fold(line)
    parts = folded.split(b"\r\n ")
    assert all(len(p.rstrip(b"\r\n")) <= 75 for p in parts) and len(parts) > 3
    for part in parts:
        part.decode("utf-8")  # each line holds whole characters
        assert not part.rstrip(b"\r\n").endswith(b"\\") or part.rstrip(b"\r\n").endswith(b"\\\\")
    assert folded.replace(b"\r\n ", b"").rstrip(b"\r\n").decode() == line


def test_parameters_are_quoted_only_when_they_must_be():
    assert parameter("Europe/Berlin") == "Europe/Berlin" and parameter("UTC-5:30") == '"UTC-5:30"'
    assert parameter('Robert "Bob" Smith') == "\"Robert ^'Bob^' Smith\""


def test_a_backslash_stays_in_the_title_and_is_written_as_is_in_the_name():
    data = program("Ana \\ Ruiz", "Mei; Chen, Jr.")
    payload, _ = calendar_bytes(data, data.pairings, GUIDES)
    [event] = icalendar.Calendar.from_ical(payload).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Mentoring: Ana \\ Ruiz & Mei; Chen, Jr."
    assert b'ATTENDEE;CN="Ana \\ Ruiz";' in payload and b'ATTENDEE;CN="Mei; Chen, Jr.";' in payload
