"""Where a run can go wrong, and what it does then: nothing is ever left `sending` that was not handed to the
server, nothing recorded goes twice (also when a lead edited the tab by hand, or two runs record at once), and
what went is still said when the tab cannot be written halfway."""

from __future__ import annotations

from datetime import date

import pytest

from lib.errors import MailError
from lib.guides.library import load_guides
from lib.reminders.run import deliver, due_on
from lib.reminders.smtp import Mailer, smtp_settings
from lib.sources import CsvSource
from lib.writing.writer import Writer
from tests.local_smtp import LocalSmtp
from tests.unit.reminders.conftest import read_rows, set_cells

FRIDAY = date(2026, 7, 24)


def run_once(folder, opened, server, mailer=None, source=None):
    source_read, data = opened(folder)
    settings = smtp_settings(None, server.env())
    return deliver(data, due_on(data, FRIDAY), Writer(source or source_read, data.tables), settings, load_guides(),
                   mailer)


def test_a_name_with_a_line_break_goes_on_one_header_line(sample_copy, opened):
    set_cells(sample_copy, "mentees", "noah.fischer@northwind.example", name="Noah\nBcc: evil@example.org")
    with LocalSmtp() as server:
        report = run_once(sample_copy, opened, server)
    assert len(report.sent) == 9 and "evil@example.org" not in {a for r in server.received for a in r.recipients}
    noah = next(r.message for r in server.received if "noah.fischer@northwind.example" in r.recipients)
    assert "Noah Bcc: evil@example.org" in str(noah["To"]) and noah["Bcc"] is None


def test_a_message_that_cannot_be_made_is_reported_and_never_recorded(sample_copy, opened):
    set_cells(sample_copy, "mentees", "noah.fischer@northwind.example", email="nóah.fischer@northwind.example")
    set_cells(sample_copy, "pairings", "P-005", mentee_email="nóah.fischer@northwind.example")
    with LocalSmtp() as server:
        report = run_once(sample_copy, opened, server)
    said = " ".join(report.sentences(50))
    assert said.count("cannot be written as an email") == 2  # P-005's meeting reminder and nudge
    rows = read_rows(sample_copy, "reminders")
    assert {r["status"] for r in rows} == {"sent"} and len(rows) == len(report.sent) == 7 == len(server.received)


def test_a_server_that_hangs_up_with_421_stops_the_run_and_strands_nothing(sample_copy, opened):
    with LocalSmtp(close_at=2) as server:
        report = run_once(sample_copy, opened, server)
    assert len(report.sent) == 1 and "closed the connection" in report.stopped
    assert [r["status"] for r in read_rows(sample_copy, "reminders")] == ["sent", "failed"]
    with LocalSmtp() as server:  # the next run sends the rest, the refused one included
        again = run_once(sample_copy, opened, server)
    assert len(again.sent) == 8 and again.already == 1


def test_statuses_and_dates_a_lead_typed_by_hand_still_count_as_sent(sample_copy, opened):
    with LocalSmtp() as server:
        run_once(sample_copy, opened, server)
    rows = read_rows(sample_copy, "reminders")
    edits = {0: {"status": "Sent ✓"}, 1: {"status": "checked", "period": "27/07/2026"}, 2: {"status": ""},
             3: {"kind": "Nudge"}, 4: {"status": "failed"}}
    for k, change in edits.items():
        set_cells(sample_copy, "reminders", rows[k]["id"], **change)
    with LocalSmtp() as server:
        again = run_once(sample_copy, opened, server)
    assert len(again.sent) == 1 and again.sent[0].period == rows[4]["period"]  # only the one marked failed


def test_two_runs_that_record_the_same_reminder_at_once_send_it_once(sample_copy, opened):
    class RacingSource(CsvSource):
        """Another run appends the same reminder just before this run's first append lands."""
        raced = False

        def commit(self, edits):
            if not self.raced and any(e.title.startswith("reminders") for e in edits):
                self.raced = True
                other_source, other = opened(sample_copy)
                first = due_on(other, FRIDAY).reminders[0]
                Writer(other_source, other.tables).append("reminders", [{
                    "id": "R-other", "kind": first.kind, "pairing_id": first.pairing_id, "period": first.period,
                    "recipients": first.recipients, "status": "sending"}])
            super().commit(edits)

    with LocalSmtp() as server:
        report = run_once(sample_copy, opened, server, source=RacingSource(folder=sample_copy))
    rows = read_rows(sample_copy, "reminders")
    assert [r["status"] for r in rows[:2]] == ["sending", "skipped"] and rows[0]["id"] == "R-other"
    assert report.already == 1 and len(report.sent) == 8 == len(server.received)


def test_when_the_tab_cannot_be_written_halfway_what_went_is_still_said(sample_copy, opened):
    with LocalSmtp() as server:
        settings = smtp_settings(None, server.env())

        class EditingMailer(Mailer):
            """While the third message goes, someone edits its row in the sheet."""
            def send(self, message):
                answer = super().send(message)
                if len(server.received) == 3:
                    last = read_rows(sample_copy, "reminders")[-1]
                    set_cells(sample_copy, "reminders", last["id"], subject="edited by hand")
                return answer

        report = run_once(sample_copy, opened, server, EditingMailer(settings))
    assert len(report.sent) == 3 == len(server.received)
    assert "Writing the reminders tab failed" in report.stopped and "changed by someone else" in report.stopped


def test_a_password_outside_ascii_is_one_sentence(sample_copy, opened):
    with LocalSmtp(login=("lead", "right")) as server:
        settings = smtp_settings(None, server.env(TANDEM_SMTP_USERNAME="lead", TANDEM_SMTP_PASSWORD="pässwörd"))
        with pytest.raises(MailError, match="characters outside plain ASCII") as raised:
            with Mailer(settings):
                pass
    assert "pässwörd" not in str(raised.value)


def test_the_digest_respects_the_contacts_own_opt_out_and_pairs_without_an_id_are_said(sample_copy, opened):
    set_cells(sample_copy, "mentors", "priya.raman@northwind.example", reminders="no")
    set_cells(sample_copy, "pairings", "P-005", id="")
    _, data = opened(sample_copy)
    planned = due_on(data, FRIDAY)
    assert "digest" not in {r.kind for r in planned.reminders}
    assert "The program contact, Priya Raman, opted out of reminders: no weekly digest." in planned.notes
    assert "1 active pairing has no id in the pairings tab" in " ".join(planned.notes)
    assert "P-005" not in {r.pairing_id for r in planned.reminders} and "" not in {
        r.pairing_id for r in planned.reminders if r.kind != "digest"}


def test_the_words_warn_when_a_password_would_go_unencrypted():
    settings = smtp_settings({"host": "relay", "security": "none", "username": "lead@x.org", "password": "p"}, {})
    assert "the password goes unencrypted" in settings.words()
