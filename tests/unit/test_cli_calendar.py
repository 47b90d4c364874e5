"""`python -m lib calendar`: the .ics it writes for every active pair or one mentee's, read back by icalendar and
expanded by recurring-ical-events; what it had to assume, printed; and its exit codes."""

from __future__ import annotations

from datetime import date

import icalendar
import recurring_ical_events

from lib.reading.loader import load
from lib.sources import CsvSource
from lib.writing import lifecycle
from lib.writing.writer import Writer
from tests.unit.test_cli_guides import run


def test_calendar_writes_one_series_per_active_pair_and_prints_what_it_assumed(tmp_path, sample_copy):
    out = tmp_path / "meetings.ics"
    result = run("calendar", str(sample_copy), "--out", str(out))
    assert result.returncode == 0, result.stderr
    data = load(CsvSource(folder=sample_copy))
    active = [p for p in data.pairings if p.is_active_on(data.today())]
    assert f"wrote {len(active)} meeting series to {out}" in result.stdout
    # the sample's Kolkata and New York pair has no common working hours: said, and still written
    assert ("Priya Raman (Kolkata) and Diego Hernández (New York): working hours do not overlap; the nearest time is "
            in result.stdout)
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == len(active) and len({str(e["UID"]) for e in events}) == len(active)
    titles = {str(e["SUMMARY"]) for e in events}
    assert "Mentoring: Ana Ruiz & Mei Chen" in titles
    meetings = list(recurring_ical_events.of(calendar).between(date(2026, 6, 1), date(2026, 8, 22)))
    assert meetings and all(m["DTSTART"].dt.date() <= date(2026, 8, 21) for m in meetings)


def test_one_mentees_pairing_and_an_ended_one_written_as_a_cancellation(tmp_path, sample_copy):
    source = CsvSource(folder=sample_copy)
    data = load(source)
    p001 = next(p for p in data.pairings if p.id == "P-001")
    out = tmp_path / "mei.ics"
    assert run("calendar", str(sample_copy), "--pair", "mei.chen@northwind.example", "--out", str(out)).returncode == 0
    first = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")[0]
    lifecycle.end(Writer(source, data.tables), p001, data.today(), "moved team")
    assert run("calendar", str(sample_copy), "--pair", "MEI.CHEN@northwind.example", "--out", str(out)).returncode == 0
    cancelled = icalendar.Calendar.from_ical(out.read_bytes())
    event = cancelled.walk("VEVENT")[0]
    assert str(cancelled["METHOD"]) == "CANCEL" and str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == str(first["UID"]) and event["SEQUENCE"] > first["SEQUENCE"]


def test_calendar_exit_codes(tmp_path, sample_copy):
    wrong_name = run("calendar", str(sample_copy), "--out", str(tmp_path / "meetings.txt"))
    assert wrong_name.returncode == 2 and "must end in .ics" in wrong_name.stderr
    nobody = run("calendar", str(sample_copy), "--pair", "nobody@x.org", "--out", str(tmp_path / "m.ics"))
    assert nobody.returncode == 2 and "There is no pairing for the mentee nobody@x.org" in nobody.stderr
    missing = run("calendar", str(tmp_path / "nowhere"), "--out", str(tmp_path / "m.ics"))
    assert missing.returncode == 2 and not (tmp_path / "m.ics").exists()
