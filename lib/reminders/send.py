"""Sending reminders exactly once, through the one writer on the same source.

Each message is recorded in the `reminders` tab as `sending` before it is handed to the mail server, and marked
`sent` after. What was recorded `sending` or `sent` for a reminder's key (kind, pairing, period) is never sent
again: a run cut off half way leaves at most one row `sending`, which the next run reports for the lead to check
instead of sending it a second time. The tab is read fresh at the start, and each row is appended only if no run
recorded the same key in between (the writer's `unless`, on the read it makes anyway). A message every recipient
refused (`refused`) or the server refused (`failed`) was not delivered, so a later run may try it again.

The mail server is connected and logged in before the first row is written: one that cannot be used raises
MailError and nothing is recorded. With nothing to send it is connected and logged in all the same (then left), so
a broken set-up is found on a quiet day.
"""

from __future__ import annotations

import email.errors
import smtplib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable

from lib.contract.dates import format_date, parse_date
from lib.contract.raw_table import RawTable
from lib.errors import DateProblem, TandemError
from lib.reminders.due import Reminder
from lib.reminders.messages import compose
from lib.reminders.smtp import Mailer
from lib.vocabulary import FAILED, REFUSED, SENDING, SENT, SKIPPED

RETRIED = (REFUSED, FAILED)  # not delivered: a later run may try again; every other status counts as recorded
from lib.writing.writer import Writer

TAB = "reminders"


@dataclass
class RunReport:
    sent: list[Reminder] = field(default_factory=list)
    already: int = 0  # recorded by an earlier run: not sent again
    held_back: int = 0  # over the run's limit: the next run sends them
    refused: list[str] = field(default_factory=list)  # sentences: recipients refused, messages refused
    stuck: list[str] = field(default_factory=list)  # rows left `sending` by a run that was cut off
    stopped: str = ""  # why the run stopped early (the connection broke)
    checked: str = ""  # nothing to send: what the check of the mail server found
    accepted: dict[tuple, list[str]] = field(default_factory=dict)  # per sent reminder's key: who the server took
    refused_to: dict[tuple, dict[str, str]] = field(default_factory=dict)  # ... and who it refused, with its answer

    def sentences(self, limit: int) -> list[str]:
        said = [f"Sent {len(self.sent)} reminder{'s' if len(self.sent) != 1 else ''}."]
        if self.checked:
            said.append(self.checked)
        if self.already:
            said.append(f"{self.already} already sent in this period: not sent again.")
        if self.held_back:
            said.append(f"{self.held_back} more due, past this run's limit of {limit} (max_reminders_per_run): "
                        "the next run sends them.")
        return said + self.refused + ([self.stopped] if self.stopped else []) + self.stuck

    def sent_lines(self) -> list[str]:
        """One line per message sent: to whom the server accepted it, and whom it refused (not the planned list)."""
        lines = []
        for reminder in self.sent:
            refused = self.refused_to.get(reminder.key, {})
            line = f"sent [{reminder.kind}] {reminder.subject!r} to {', '.join(self.accepted[reminder.key])}"
            lines.append(line + (f"; refused: {_refusals(refused)}" if refused else ""))
        return lines


def recorded_keys(table: RawTable | None) -> set[tuple[str, str, str]]:
    """The keys of every reminder recorded in the tab, except those recorded `refused` or `failed` (not delivered,
    so a later run may try again). Any other status counts, also one a lead typed by hand ("Sent ✓", "checked",
    blank): sending again is worse than not. Kinds are read without case, periods as dates in any form a
    spreadsheet writes them (27/07/2026)."""
    if table is None:
        return set()
    return {_key(table, r) for r in table.rows if table.cell(r, "status").strip().lower() not in RETRIED}


def _key(table: RawTable, row) -> tuple[str, str, str]:
    period = table.cell(row, "period").strip()
    if period and "W" not in period.upper():
        try:
            period = parse_date(period).isoformat()
        except (DateProblem, ValueError):
            pass
    return table.cell(row, "kind").strip().lower(), table.cell(row, "pairing_id").strip(), period


def stuck_rows(table: RawTable | None) -> list[str]:
    """Sentences on each row still `sending`: a run stopped between recording it and hearing from the server."""
    if table is None:
        return []
    return [f"Reminder {table.cell(r, 'id')} ({table.cell(r, 'kind')}, {table.cell(r, 'subject')!r} to "
            f"{table.cell(r, 'recipients')}) is still recorded as sending: a run stopped before the mail server "
            f"answered. Ask the recipients whether it arrived, then set its status to {SENT} (it is not sent again) "
            f"or {FAILED} (the next run sends it)."
            for r in table.rows if table.cell(r, "status").strip().lower() == SENDING]


def to_send(reminders: list[Reminder], table: RawTable | None, limit: int) -> tuple[list[Reminder], int, int]:
    """The reminders not recorded yet, up to `limit`; and how many were recorded already, and held back."""
    done = recorded_keys(table)
    fresh = [r for r in reminders if r.key not in done]
    return fresh[:limit], len(reminders) - len(fresh), max(len(fresh) - limit, 0)


def send_reminders(reminders: list[Reminder], writer: Writer, mailer: Mailer, limit: int,
                   reply_to: tuple[str, str] | None, calendar_for: Callable[[Reminder], tuple[str, bytes] | None],
                   clock: Callable[[], datetime] = datetime.now) -> RunReport:
    """Send what is due and not recorded yet, at most `limit`, each recorded before and after. Raises MailError
    (nothing recorded) when the server cannot be used, and the writer's errors when the tab cannot be read at the
    start; a write that fails later stops the run with what was done reported."""
    table = writer.current(TAB)
    todo, already, held_back = to_send(reminders, table, limit)
    report = RunReport(already=already, held_back=held_back, stuck=stuck_rows(table))
    if not todo:  # still connect (and log in): a broken set-up is found on a quiet day, not on the next busy one
        with mailer:
            pass
        login = f" and took the login for {mailer.settings.username}" if mailer.settings.username else ""
        report.checked = f"Nothing was due to send; the mail server {mailer.settings.where} answered{login}."
        return report
    with mailer:
        for reminder in todo:
            if not mailer.connected:
                report.stopped = (f"The mail server closed the connection: {_what(reminder)} and the rest were not "
                                  "sent. Run again later to send them.")
                break
            try:
                if not _send_one(reminder, writer, mailer, reply_to, calendar_for, clock, report):
                    break
            except TandemError as exc:  # the tab could not be written: what went is said, the rest waits
                report.stopped = (f"Writing the reminders tab failed at {_what(reminder)} ({exc}); the run stopped. "
                                  "Reload the data and run again: what was recorded is not sent again.")
                break
    return report


def _send_one(reminder: Reminder, writer: Writer, mailer: Mailer, reply_to: tuple[str, str] | None,
              calendar_for: Callable, clock: Callable[[], datetime], report: RunReport) -> bool:
    """Record, send and mark one reminder; False when the run must stop (the connection broke)."""
    record_id = writer.random_id(TAB)
    try:  # the message is made before anything is recorded: one that cannot be made is never left `sending`
        message = compose(reminder, mailer.settings.sender, reply_to, record_id, calendar_for(reminder), clock())
        message.as_bytes()
    except (ValueError, TypeError, UnicodeError, email.errors.MessageError) as exc:
        report.refused.append(f"{_what(reminder)} cannot be written as an email ({exc}): check the names and "
                              "addresses in the roster; not sent.")
        return True
    keys = writer.append(TAB, [{"id": record_id, "sent_at": _now(clock), "kind": reminder.kind,
                                "pairing_id": reminder.pairing_id, "period": reminder.period,
                                "recipients": reminder.recipients, "subject": reminder.subject,
                                "status": SENDING}],
                         unless=lambda now: reminder.key in recorded_keys(now))
    if not keys or not _first_for(writer.current(TAB), reminder.key, record_id):
        if keys:  # another run appended the same reminder at the same moment, and before this one
            writer.update(TAB, record_id, {"status": SKIPPED})
        report.already += 1
        return True
    try:
        refused = mailer.send(message)
    except smtplib.SMTPRecipientsRefused as exc:
        writer.update(TAB, record_id, {"status": REFUSED, "sent_at": _now(clock)})
        report.refused.append(f"{_what(reminder)}: the mail server refused "
                              f"{_refusals({a: _code(v) for a, v in exc.recipients.items()})}; not sent.")
        return _still_connected(mailer, report)
    except (smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as exc:
        writer.update(TAB, record_id, {"status": FAILED, "sent_at": _now(clock)})
        report.refused.append(f"{_what(reminder)}: the mail server refused the message "
                              f"({exc.smtp_code} {_text(exc.smtp_error)}); not sent.")
        return _still_connected(mailer, report)
    except (smtplib.SMTPException, OSError) as exc:
        report.stopped = (f"The connection to the mail server broke while sending {_what(reminder)} "
                          f"({exc.__class__.__name__}): it stays recorded as sending, and the run stopped. "
                          "Run again to send the rest.")
        return False
    report.sent.append(reminder)
    report.accepted[reminder.key] = [e for e in reminder.recipients if e not in refused]
    report.refused_to[reminder.key] = refused
    writer.update(TAB, record_id, {"status": SENT, "sent_at": _now(clock),
                                   "recipients": report.accepted[reminder.key]})
    if refused:
        report.refused.append(f"{_what(reminder)}: the mail server refused {_refusals(refused)}; sent to "
                              "the others.")
    return True


def _still_connected(mailer: Mailer, report: RunReport) -> bool:
    """After a refusal: a server that answered 421 has closed the connection, so the run stops there."""
    if not mailer.connected:
        report.stopped = ("The mail server closed the connection (it asked to slow down): the rest were not sent. "
                          "Run again later to send them.")
    return mailer.connected


def _first_for(table: RawTable | None, key: tuple[str, str, str], record_id: str) -> bool:
    """Whether this run's row is the first recorded for the reminder (two runs that append at the same moment
    both pass `unless`; the later row gives way)."""
    if table is None:
        return False
    for row in table.rows:
        if table.cell(row, "status").strip().lower() not in RETRIED and _key(table, row) == key:
            return table.cell(row, "id").strip() == record_id
    return False


def _what(reminder: Reminder) -> str:
    period = reminder.period
    when = format_date(datetime.fromisoformat(period).date()) if period[:4].isdigit() and "W" not in period else period
    return f"the {reminder.kind} reminder {reminder.subject!r} ({when})"


def _refusals(refused: dict[str, str]) -> str:
    return ", ".join(f"{address} ({answer})" for address, answer in refused.items())


def _code(answer) -> str:
    code, text = answer
    return f"{code} {_text(text)}".strip()


def _text(text) -> str:
    return text.decode(errors="replace") if isinstance(text, bytes) else str(text)


def _now(clock: Callable[[], datetime]) -> str:
    return clock().isoformat(timespec="seconds")
