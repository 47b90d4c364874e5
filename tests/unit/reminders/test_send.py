"""Sending through a real SMTP server on loopback (aiosmtpd): messages, recipients and the calendar attached;
exactly once across runs and across a run killed half way; opt-out; refused recipients; the run's limit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from email.utils import parsedate_to_datetime

import icalendar
import recurring_ical_events

from lib.guides.library import load_guides
from lib.meetings.plan import meeting_uid
from lib.reminders.run import deliver, due_on
from lib.reminders.smtp import Mailer, smtp_settings
from lib.writing.writer import Writer
from tests.conftest import ROOT
from tests.local_smtp import LocalSmtp
from tests.unit.reminders.conftest import add_row, read_rows, set_cells

FRIDAY = date(2026, 7, 24)
DUE_ON_FRIDAY = 9  # the sample's: the digest, two meeting reminders, six nudges


def run_once(folder, opened, server, **env):
    source, data = opened(folder)
    return deliver(data, due_on(data, FRIDAY), Writer(source, data.tables), smtp_settings(None, server.env(**env)),
                   load_guides())


def test_each_message_goes_once_with_its_recipients_and_a_meeting_reminder_carries_the_series(sample_copy,
                                                                                               opened):
    with LocalSmtp() as server:
        report = run_once(sample_copy, opened, server)
        assert len(report.sent) == DUE_ON_FRIDAY == len(server.received)
        assert all(parsedate_to_datetime(r.message["Date"]).tzinfo is not None for r in server.received)
        assert len({r.message["Message-ID"] for r in server.received}) == DUE_ON_FRIDAY  # one of its own each
        due = next(r for r in server.received if r.message["Subject"].startswith("Mentoring on Monday: José"))
        assert sorted(due.recipients) == ["jose.martinez@northwind.example", "noah.fischer@northwind.example"]
        assert due.message["Reply-To"] == "Priya Raman <priya.raman@northwind.example>"
        assert "Hi José and Noah," in due.message.get_body(("plain",)).get_content()
        attached = [p for p in due.message.iter_attachments() if p.get_content_type() == "text/calendar"]
        assert [p.get_filename() for p in attached] == ["mentoring-noah.fischer.ics"]
        calendar = icalendar.Calendar.from_ical(attached[0].get_content())
        _, data = opened(sample_copy)
        pairing = next(p for p in data.pairings if p.id == "P-005")
        assert str(calendar.walk("VEVENT")[0]["UID"]) == meeting_uid(pairing)
        meetings = recurring_ical_events.of(calendar).between(date(2026, 7, 25), date(2026, 7, 28))
        assert [m["DTSTART"].dt.date() for m in meetings] == [date(2026, 7, 27)]  # the meeting reminded of

        again = run_once(sample_copy, opened, server)
        assert again.sent == [] and again.already == DUE_ON_FRIDAY and len(server.received) == DUE_ON_FRIDAY
    rows = read_rows(sample_copy, "reminders")
    assert len(rows) == DUE_ON_FRIDAY and {r["status"] for r in rows} == {"sent"}
    assert {(r["kind"], r["pairing_id"], r["period"]) for r in rows} >= {("digest", "", "2026-W30"),
                                                                       ("due", "P-005", "2026-07-27")}


def test_only_the_reminders_and_changes_files_change(sample_copy, opened):
    before = {p.name: p.read_bytes() for p in sample_copy.glob("*.csv")}
    with LocalSmtp() as server:
        run_once(sample_copy, opened, server)
    after = {p.name: p.read_bytes() for p in sample_copy.glob("*.csv")}
    assert {n for n in after if before.get(n) != after[n]} == {"reminders.csv", "changes.csv"}


def test_a_person_who_opted_out_is_not_among_the_recipients(sample_copy, opened):
    set_cells(sample_copy, "mentors", "jose.martinez@northwind.example", reminders="no")
    with LocalSmtp() as server:
        run_once(sample_copy, opened, server)
    everyone = {address for r in server.received for address in r.recipients}
    assert "jose.martinez@northwind.example" not in everyone and "noah.fischer@northwind.example" in everyone


def test_a_refused_recipient_is_reported_and_the_rest_still_go(sample_copy, opened):
    with LocalSmtp(refuse={"noah.fischer@northwind.example", "priya.raman@northwind.example"}) as server:
        report = run_once(sample_copy, opened, server)
    # the digest's only recipient refused: not sent, recorded `refused`, so a later run may try it again
    assert len(report.sent) == DUE_ON_FRIDAY - 1 == len(server.received)
    said = " ".join(report.sentences(50))
    assert "refused priya.raman@northwind.example (550 5.1.1 No such user here); not sent" in said
    assert "refused noah.fischer@northwind.example (550 5.1.1 No such user here); sent to the others" in said
    rows = {(r["kind"], r["pairing_id"]): r for r in read_rows(sample_copy, "reminders")}
    assert rows[("digest", "")]["status"] == "refused"
    assert rows[("due", "P-005")]["status"] == "sent"
    assert rows[("due", "P-005")]["recipients"] == "jose.martinez@northwind.example"
    with LocalSmtp() as server:  # the next run: only the digest goes
        again = run_once(sample_copy, opened, server)
    assert [r.kind for r in again.sent] == ["digest"]


def test_at_most_the_settings_limit_goes_per_run_and_the_next_run_sends_the_rest(sample_copy, opened):
    add_row(sample_copy, "settings", key="max_reminders_per_run", value="4")
    with LocalSmtp() as server:
        first = run_once(sample_copy, opened, server)
        assert len(first.sent) == 4 and first.held_back == DUE_ON_FRIDAY - 4
        assert "past this run's limit of 4" in " ".join(first.sentences(4))
        second = run_once(sample_copy, opened, server)
        third = run_once(sample_copy, opened, server)
    assert (len(second.sent), len(third.sent)) == (4, 1)
    assert len({r.message["Subject"] + ",".join(r.recipients) for r in server.received}) == DUE_ON_FRIDAY


def test_a_reminder_another_run_recorded_in_between_is_not_sent_again(sample_copy, opened):
    """Two runs at once: the other run records the next message between this run's start and its append."""
    source, data = opened(sample_copy)
    planned = due_on(data, FRIDAY)
    with LocalSmtp() as server:
        settings = smtp_settings(None, server.env())

        class RacingMailer(Mailer):
            def send(self, message):
                if len(server.received) == 0:  # while the first goes, the other run records the second
                    other_source, other = opened(sample_copy)
                    second = planned.reminders[1]
                    Writer(other_source, other.tables).append("reminders", [{
                        "id": "R-other", "kind": second.kind, "pairing_id": second.pairing_id,
                        "period": second.period, "recipients": second.recipients, "status": "sending"}])
                return super().send(message)

        report = deliver(data, planned, Writer(source, data.tables), settings, load_guides(), RacingMailer(settings))
    assert len(report.sent) == DUE_ON_FRIDAY - 1 and report.already == 1
    assert planned.reminders[1].subject not in {r.message["Subject"] for r in server.received}


def test_a_run_killed_half_way_never_resends_and_reports_the_message_left_sending(sample_copy):
    with LocalSmtp(hold_at=3) as server:
        env = {**os.environ, **server.env(), "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-m", "lib", "remind", str(sample_copy), "--as-of", "2026-07-24", "--send"]
        run = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            assert server.holding.wait(60), "the run never reached the third message"
            run.send_signal(signal.SIGKILL)  # cut off while the server holds the third message
            run.wait(10)
        finally:
            if run.poll() is None:
                run.kill()
        rows = read_rows(sample_copy, "reminders")
        assert [r["status"] for r in rows] == ["sent", "sent", "sending"]
        assert len(server.received) == 2

        server.hold_at = 0
        again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert "Sent 6 reminders." in again.stdout and "3 already sent in this period" in again.stdout
    assert f"Reminder {rows[2]['id']} " in again.stdout and "is still recorded as sending" in again.stdout
    assert len(server.received) == 2 + 6  # the held one never arrived and was not sent again
    subjects = [r.message["Subject"] + ",".join(r.recipients) for r in server.received]
    assert len(set(subjects)) == len(subjects)
    assert [r["status"] for r in read_rows(sample_copy, "reminders")].count("sending") == 1


def test_a_meeting_reminder_sent_on_friday_does_not_go_again_on_monday_morning(sample_copy, opened):
    """Due from Friday until the meeting starts, and still once: Monday's run finds Friday's row for that meeting."""
    from datetime import datetime, timezone

    monday, morning = date(2026, 7, 27), datetime(2026, 7, 27, 8, 0, tzinfo=timezone.utc)
    with LocalSmtp() as server:
        run_once(sample_copy, opened, server)
        source, data = opened(sample_copy)
        planned = due_on(data, monday, now=morning)
        assert ("due", "P-005", "2026-07-27") in {r.key for r in planned.reminders}  # still due, had Friday missed
        report = deliver(data, planned, Writer(source, data.tables), smtp_settings(None, server.env()), [])
    assert ("due", "P-005", "2026-07-27") not in {r.key for r in report.sent}
    subjects = [r.message["Subject"] for r in server.received]
    assert subjects.count("Mentoring on Monday: José Martínez & Noah Fischer") == 1
    assert "Mentoring today: José Martínez & Noah Fischer" not in subjects
