"""One path for the command line and the Health page: what is due on a day, and sending it through the writer."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Callable

import pandas as pd

from lib.errors import GuideError
from lib.guides.library import Guide, load_guides
from lib.meetings.plan import contact_address
from lib.reading.dataset import Dataset
from lib.reminders.due import Planned, Reminder, plan_reminders
from lib.reminders.send import RunReport, send_reminders
from lib.reminders.smtp import Mailer, SmtpSettings
from lib.sources.base import Source
from lib.writing.writer import Writer


def cannot_record(source: Source) -> str | None:
    """Why reminders cannot be sent from this source, or None: what was sent must be recorded where the next run
    reads it, so the sample and in-memory copies (an upload) are refused before anything is sent."""
    if source.writable and source.in_place:
        return None
    return (f"{source.label} cannot keep a record of what was sent, so no reminder is sent from it (the next run "
            "would send them again): open your own Google Sheet, CSV folder or workbook by its location.")


def due_on(data: Dataset, as_of: date | None = None, health: pd.DataFrame | None = None,
           now: datetime | None = None) -> Planned:
    """Every reminder due on the day (the data's today by default), with notes on what was left out; `now` is the
    run's moment (default: the clock), which decides whether a meeting that day has started."""
    from lib.health.model import assess

    on = data.today(as_of)
    return plan_reminders(data, assess(data, on) if health is None else health, on, now)


def calendar_maker(data: Dataset, guides: list[Guide]) -> Callable[[Reminder], tuple[str, bytes] | None]:
    """The calendar file a reminder carries (a meeting reminder: the pair's series), built when it is sent."""

    def calendar_for(reminder: Reminder) -> tuple[str, bytes] | None:
        if reminder.kind != "due" or reminder.pairing is None:
            return None
        from lib.meetings.calendar_file import calendar_bytes

        who = re.sub(r"[^a-z0-9.]+", "-", reminder.pairing.mentee_email.split("@")[0].lower()).strip("-.")
        return f"mentoring-{who or 'meetings'}.ics", calendar_bytes(data, [reminder.pairing], guides)[0]

    return calendar_for


def guides_for_sending(load: Callable[[], list[Guide]] = load_guides) -> tuple[list[Guide], str]:
    """The guides a meeting reminder's calendar takes the first agenda from, and a note: one broken guide file does
    not stop the send, the calendars then go without the agenda (the command line and the page say so)."""
    try:
        return load(), ""
    except GuideError as exc:
        return [], (f"A guide file cannot be read ({exc}): meeting reminders go with their calendar but without the "
                    "first meeting's agenda. The Guides page shows what to fix.")


def deliver(data: Dataset, planned: Planned, writer: Writer, settings: SmtpSettings, guides: list[Guide],
            mailer: Mailer | None = None) -> RunReport:
    """Send what `planned` holds that was not sent yet (at most the program's max_reminders_per_run)."""
    return send_reminders(planned.reminders, writer, mailer or Mailer(settings), data.settings.max_reminders_per_run,
                          contact_address(data.settings.contact), calendar_maker(data, guides))
