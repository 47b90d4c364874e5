"""A pair's meeting series as an iCalendar file (RFC 5545), built with icalendar: a recurring event from the plan
(lib/meetings/plan.py) with the mentor's zone and its VTIMEZONE, both people as attendees, the program contact as
organiser and the first meeting's agenda from the type's guide; an ended pairing as a cancellation of the same
UID.

A file has one METHOD for all its events (RFC 5546), so a file of cancellations only is METHOD:CANCEL, which Outlook
applies to the series with that UID; a file that mixes meetings and cancellations (the all-pairs file) is
METHOD:PUBLISH with STATUS:CANCELLED and a higher SEQUENCE on each ended series, which Google Calendar takes as
deleting it, and the title says "Cancelled" for a calendar that keeps it crossed out."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone, tzinfo

from icalendar import Calendar, Timezone, TimezoneStandard

from lib.contract.models import Pairing
from lib.guides.format import plain
from lib.guides.library import Guide, guide_for_type, meetings
from lib.meetings.ical_text import content_line, local_time, parameter, text, tzid, utc_time
from lib.meetings.plan import Series, contact_address, plan_all
from lib.meetings.zones import is_fixed, zone_of
from lib.reading.dataset import Dataset
from lib.vocabulary import BIWEEKLY, DEFAULT_TYPE, MONTHLY

PRODID = "-//Tandem//Mentoring meetings//EN"


def calendar_bytes(data: Dataset, pairings: list[Pairing], guides: list[Guide]) -> tuple[bytes, list[str]]:
    """One .ics holding the series of `pairings` (an ended one as a cancellation), and every note."""
    planned = plan_all(data, pairings)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if planned and all(s.cancelled for s in planned) else "PUBLISH")
    calendar.add("x-wr-calname", data.settings.program_name or "Mentoring meetings")
    zones: dict[str, tzinfo] = {}
    for series in planned:
        for name in (series.first[2], series.other[2]):
            zone = zone_of(name)
            zones.setdefault(tzid(zone), zone)
    if planned:  # the zones' rules over the series' dates (and a year on, for a series a calendar keeps)
        first = min(s.slot.dates[0] for s in planned) - timedelta(days=1)
        last = max(s.until for s in planned) + timedelta(days=400)
        for name, zone in zones.items():
            calendar.add_component(fixed_vtimezone(zone) if is_fixed(zone)
                                   else Timezone.from_tzid(name, first_date=first, last_date=last))
    shared = _Shared(data, guides)
    events = b"".join(_event(series, shared) for series in planned)
    head = calendar.to_ical()
    end = head.rindex(b"END:VCALENDAR")
    notes = [note for s in planned for note in s.notes]
    return head[:end] + events + head[end:], list(dict.fromkeys(notes))


class _Shared:
    """What every event of one file shares, worked out once: the stamp, the organiser, each type's agenda."""

    def __init__(self, data: Dataset, guides: list[Guide]):
        self.stamp = content_line("DTSTAMP", utc_time(datetime.now(timezone.utc)))
        self.minutes = data.settings.meeting_minutes
        contact = contact_address(data.settings.contact)
        self.organiser = b""
        if contact:
            params = {"CN": parameter(contact[0])} if contact[0] else {}
            self.organiser = content_line("ORGANIZER", f"mailto:{contact[1]}", params)
        self.guides, self.agendas = guides, {}

    def agenda(self, kind: str) -> list[str]:
        if kind not in self.agendas:
            guide = guide_for_type(self.guides, kind)
            lines = []
            if guide is not None:
                first = meetings(guide)[0]
                lines = ["", f"First meeting: {first.title}", plain(first.purpose), "",
                         *(f"- {plain(item)}" for item in first.agenda), "",
                         f"The next meetings follow '{guide.title}'."]
            self.agendas[kind] = lines
        return self.agendas[kind]


def _event(series: Series, shared: _Shared) -> bytes:
    zone = zone_of(series.first[2])
    start = datetime.combine(series.slot.dates[0], time(series.slot.minute // 60, series.slot.minute % 60), zone)
    until = datetime.combine(series.until, time(23, 59, 59), zone)
    day = ("MO", "TU", "WE", "TH", "FR")[series.slot.weekday]
    if series.cadence == MONTHLY:
        position = (series.slot.dates[0].day - 1) // 7
        rule = f"FREQ=MONTHLY;UNTIL={utc_time(until)};BYDAY={-1 if position == 4 else position + 1}{day}"
    else:
        interval = ";INTERVAL=2" if series.cadence == BIWEEKLY else ""
        rule = f"FREQ=WEEKLY{interval};UNTIL={utc_time(until)};BYDAY={day}"
    attendees = b"".join(
        content_line("ATTENDEE", f"mailto:{email}", {"CN": parameter(name), "PARTSTAT": "NEEDS-ACTION",
                                                     "ROLE": "REQ-PARTICIPANT"})
        for name, email, _ in (series.first, series.other))
    return b"".join((
        b"BEGIN:VEVENT\r\n",
        content_line("SUMMARY", text(f"Cancelled: {series.title}" if series.cancelled else series.title)),
        content_line("DTSTART", local_time(start), {"TZID": parameter(tzid(zone))}),
        content_line("DURATION", f"PT{shared.minutes}M"),
        shared.stamp,
        content_line("UID", text(series.uid)),
        content_line("SEQUENCE", str(series.sequence)),
        content_line("RRULE", rule),
        attendees,
        content_line("DESCRIPTION", text(_description(series, shared))),
        shared.organiser,
        content_line("STATUS", "CANCELLED" if series.cancelled else "CONFIRMED"),
        b"END:VEVENT\r\n",
    ))


def _description(series: Series, shared: _Shared) -> str:
    kind = series.pairing.type or DEFAULT_TYPE
    lines = [f"{kind.capitalize()} mentoring, {series.cadence}: {series.slot_words()}."]
    if series.cancelled:
        lines.append("This pairing has ended: the series is cancelled.")
    else:
        lines += shared.agenda(kind)
    return "\n".join(lines)


def fixed_vtimezone(zone: timezone) -> Timezone:
    """A VTIMEZONE for a fixed offset: one STANDARD rule with the same offset before and after."""
    offset = zone.utcoffset(None)
    name = zone.tzname(None)
    component = Timezone()
    component.add("tzid", name)
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", offset)
    standard.add("tzoffsetto", offset)
    standard.add("tzname", name)
    component.add_component(standard)
    return component
