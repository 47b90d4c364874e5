"""`python -m lib calendar`: the .ics it writes for every active pair (and every ended one, cancelled) or one
mentee's, read back by icalendar and expanded by recurring-ical-events; what it had to assume, printed; and its exit
codes."""

from __future__ import annotations

from datetime import date, timedelta

import icalendar
import recurring_ical_events

from lib.meetings.plan import meeting_uid
from lib.reading.loader import load
from lib.sources import CsvSource
from lib.writing import lifecycle
from lib.writing.writer import Writer
from tests.unit.cli.test_guides import run


def test_calendar_writes_one_series_per_active_pair_and_prints_what_it_assumed(tmp_path, sample_copy):
    out = tmp_path / "meetings.ics"
    result = run("calendar", str(sample_copy), "--out", str(out))
    assert result.returncode == 0, result.stderr
    data = load(CsvSource(folder=sample_copy))
    active = [p for p in data.pairings if p.status in ("active", "ended")]  # P-015 ended: its series cancelled
    assert f"wrote {len(active)} meeting series to {out} (1 of them cancelled: its pairing ended)" in result.stdout
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


def set_as_of(folder, day: str) -> None:
    settings = folder / "settings.csv"
    settings.write_text(settings.read_text().replace("as_of,2026-07-24", f"as_of,{day}"))


def test_at_kickoff_every_active_pair_gets_its_series_from_its_own_start(tmp_path, sample_copy):
    set_as_of(sample_copy, "2026-05-25")  # before every pair's start
    out = tmp_path / "meetings.ics"
    result = run("calendar", str(sample_copy), "--out", str(out))
    assert result.returncode == 0, result.stderr
    data = load(CsvSource(folder=sample_copy))
    active = {meeting_uid(p): p for p in data.pairings if p.status == "active"}
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(active) <= set(events) and len(active) == 14
    for uid, pairing in active.items():  # P-005 starts on 6 Jul: its series too, from then
        first = events[uid]["DTSTART"].dt.date()
        assert pairing.started_on <= first < pairing.started_on + timedelta(days=7), pairing.id
    meetings = recurring_ical_events.of(calendar).between(date(2026, 6, 1), date(2026, 8, 22))
    assert {str(m["UID"]) for m in meetings} >= set(active)


def test_the_all_pairs_file_cancels_an_ended_pairs_series_with_a_higher_sequence(tmp_path, sample_copy):
    source = CsvSource(folder=sample_copy)
    data = load(source)
    before, after = tmp_path / "before.ics", tmp_path / "after.ics"
    assert run("calendar", str(sample_copy), "--out", str(before)).returncode == 0
    p001 = next(p for p in data.pairings if p.id == "P-001")
    lifecycle.end(Writer(source, data.tables), p001, data.today(), "moved team")
    assert run("calendar", str(sample_copy), "--out", str(after)).returncode == 0
    old = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(before.read_bytes()).walk("VEVENT")}
    calendar = icalendar.Calendar.from_ical(after.read_bytes())
    new = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    uid = meeting_uid(p001)
    assert str(calendar["METHOD"]) == "PUBLISH"  # one method per file: meetings and cancellations together
    assert str(old[uid]["STATUS"]) == "CONFIRMED" and str(new[uid]["STATUS"]) == "CANCELLED"
    assert new[uid]["SEQUENCE"] > old[uid]["SEQUENCE"] and str(new[uid]["SUMMARY"]).startswith("Cancelled: ")
    p015 = meeting_uid(next(p for p in data.pairings if p.id == "P-015"))  # ended by hand: nothing logged
    assert str(new[p015]["STATUS"]) == "CANCELLED" and new[p015]["SEQUENCE"] == 1
    live = [k for k, e in new.items() if str(e["STATUS"]) == "CONFIRMED"]
    assert len(live) == 13 and uid not in live


def test_no_pairs_to_write_says_so_writes_nothing_and_exits_0(tmp_path, sample_copy):
    pairings = sample_copy / "pairings.csv"
    lines = pairings.read_text().splitlines()
    pairings.write_text("\n".join([lines[0]] + [line for line in lines[1:] if ",proposed," in line]) + "\n")
    out = tmp_path / "m.ics"
    proposed_only = run("calendar", str(sample_copy), "--out", str(out))
    assert proposed_only.returncode == 0, proposed_only.stderr
    assert proposed_only.stdout.strip() == (f"No meeting series to write, so {out} was not written: activate the 2 "
                                            "proposed pairs first (Pairings page, Current pairs).")
    pairings.write_text(lines[0] + "\n")
    nobody = run("calendar", str(sample_copy), "--out", str(out))
    assert nobody.returncode == 0 and "accept pairs first" in nobody.stdout and not out.exists()
