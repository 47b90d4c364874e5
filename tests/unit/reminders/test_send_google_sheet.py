"""Reminders recorded in a Google Sheet, through the real gspread client against the local Sheets API: the tab is
made on the first run, each message costs a bounded number of requests, a second run sends nothing, and a lost
answer to an append never records a message twice."""

from __future__ import annotations

from datetime import date

from lib.guides.library import load_guides
from lib.reading.loader import load
from lib.reminders.run import deliver, due_on
from lib.reminders.smtp import smtp_settings
from lib.sources.google_calls import RetryPolicy
from lib.sources.google_sheet import GoogleSheetSource
from lib.writing.writer import Writer
from tests.local_smtp import LocalSmtp

QUICK = RetryPolicy(base=0.01, cap=0.05, budget=2.0)
FRIDAY = date(2026, 7, 24)


def run(key, server):
    source = GoogleSheetSource(key, policy=QUICK)
    data = load(source)
    return deliver(data, due_on(data, FRIDAY), Writer(source, data.tables), smtp_settings(None, server.env()),
                   load_guides())


def recorded(fake, key) -> list[list[str]]:
    return fake.values(key, "reminders")[1:]


def test_each_message_is_recorded_once_in_the_sheet_with_few_requests(sheets):
    fake, url = sheets
    key = url.split("/d/")[1].split("/")[0]
    with LocalSmtp() as server:
        fake.clear_log()
        first = run(key, server)
        requests = len(fake.requests)
        second = run(key, server)
    assert len(first.sent) == 9 == len(server.received) and second.sent == [] and second.already == 9
    rows = recorded(fake, key)
    header = fake.values(key, "reminders")[0]
    assert header == ["id", "sent_at", "kind", "pairing_id", "period", "recipients", "subject", "status"]
    assert len(rows) == 9 and {r[header.index("status")] for r in rows} == {"sent"}
    assert requests <= 8 + 9 * 8  # the run's reads, then a read and a write to record and to mark each message


def test_a_lost_answer_to_an_append_records_the_message_once(sheets):
    fake, url = sheets
    key = url.split("/d/")[1].split("/")[0]
    with LocalSmtp() as server:
        run(key, server)  # the tab exists from here on
        fake.set_cell(key, "settings", "B2", "Northwind Labs")  # unchanged: the next run reads the same program
        server.received.clear()
        source = GoogleSheetSource(key, policy=QUICK)
        data = load(source)
        fake.drop_connection("append", applied=True)
        planned = due_on(data, date(2026, 7, 27))  # Monday: a new week's digest and new nudges
        report = deliver(data, planned, Writer(source, data.tables), smtp_settings(None, server.env()), load_guides())
    periods = [(r[2], r[3], r[4]) for r in recorded(fake, key)]
    assert len(periods) == len(set(periods))
    assert len(report.sent) == len(server.received) and ("digest", "", "2026-W31") in periods
