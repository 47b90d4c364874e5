"""A reminder as an email: a plain text part and an HTML part (every name and note escaped: they are user data),
the program contact as Reply-To, and for a meeting reminder the pair's series as a calendar file."""

from __future__ import annotations

import html
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from lib.reminders.due import Reminder
from lib.vocabulary import HOUSE_COLOUR

PREVIEW_LINES = 3


def _one_line(text: str) -> str:
    """A name or subject as a header holds it: a line break typed into a cell becomes a space (a header cannot
    carry one, and must not start a new header)."""
    return " ".join(str(text).split())


def plain_body(reminder: Reminder) -> str:
    return "\n\n".join(reminder.paragraphs) + "\n"


def html_body(reminder: Reminder) -> str:
    parts = []
    for paragraph in reminder.paragraphs:
        lines = paragraph.split("\n")
        items = [line[2:] for line in lines if line.startswith("- ")]
        heading = [line for line in lines if not line.startswith("- ")]
        if heading:
            parts.append("<p>" + "<br>".join(html.escape(line) for line in heading) + "</p>")
        if items:
            parts.append("<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul>")
    return ('<!DOCTYPE html><html><body style="font-family: sans-serif; line-height: 1.4">'
            f'<div style="border-left: 4px solid {HOUSE_COLOUR}; padding-left: 12px">' + "".join(parts)
            + "</div></body></html>")


def preview(reminder: Reminder, lines: int = PREVIEW_LINES) -> str:
    """The first lines of the message, as a preview shows them."""
    text = [line for line in plain_body(reminder).splitlines() if line.strip()]
    return "\n".join(text[:lines]) + ("\n…" if len(text) > lines else "")


def compose(reminder: Reminder, sender: str, reply_to: tuple[str, str] | None, record_id: str,
            calendar: tuple[str, bytes] | None = None, written: datetime | None = None) -> EmailMessage:
    """The email of a reminder, dated `written` (default: now; RFC 5322 requires a Date); `record_id` (its row in
    the reminders tab) is in its Message-ID, so a mail server or client that sees the same message twice can tell."""
    message = EmailMessage()
    written = written or datetime.now()
    message["Date"] = format_datetime(written if written.tzinfo else written.astimezone())  # naive: the machine's
    message["From"] = sender
    message["To"] = ", ".join(formataddr((_one_line(name), email)) for name, email in reminder.to)
    if reply_to and reply_to[1].isascii():  # a contact address mail servers cannot take is left out
        message["Reply-To"] = formataddr((_one_line(reply_to[0]), reply_to[1]))
    message["Subject"] = _one_line(reminder.subject)
    domain = sender.rpartition("@")[2].strip("> ") or "tandem.invalid"
    message["Message-ID"] = make_msgid(idstring=record_id, domain=domain)
    message.set_content(plain_body(reminder))
    message.add_alternative(html_body(reminder), subtype="html")
    if calendar is not None:
        name, data = calendar
        message.add_attachment(data, maintype="text", subtype="calendar", filename=name, params={"method": "PUBLISH"})
    return message
