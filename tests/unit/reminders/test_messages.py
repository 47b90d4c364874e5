"""The email of a reminder: names and notes are user data, escaped in the HTML part and kept as typed in the plain
one; the preview shows the first lines."""

from __future__ import annotations

from email import message_from_bytes, policy

from lib.reminders.due import Reminder
from lib.reminders.messages import compose, html_body, preview

HOSTILE = "<img src=x onerror=alert(1)> & Co"


def reminder(**more) -> Reminder:
    fields = dict(kind="nudge", pairing_id="P-001", period="2026-07-20",
                  to=((HOSTILE, "eve@example.org"), ("Mei Chen", "mei@example.org")),
                  subject=f"How is the mentoring going? {HOSTILE} & Mei Chen",
                  paragraphs=(f"Hi {HOSTILE} and Mei,", "At risk:\n- Ana & <b>Bo</b>: silent", "Best wishes,\nPriya"))
    return Reminder(**{**fields, **more})


def test_the_html_part_escapes_user_data_and_the_plain_part_keeps_it():
    message = compose(reminder(), "Mentoring <m@example.org>", ("Priya Raman", "priya@example.org"), "R-1")
    read = message_from_bytes(message.as_bytes(), policy=policy.default)
    html = read.get_body(("html",)).get_content()
    assert "<img" not in html and "<b>Bo" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; Co" in html
    assert "<li>Ana &amp; &lt;b&gt;Bo&lt;/b&gt;: silent</li>" in html
    assert f"Hi {HOSTILE} and Mei," in read.get_body(("plain",)).get_content()
    assert read["Subject"].strip() == f"How is the mentoring going? {HOSTILE} & Mei Chen"
    assert read["Reply-To"] == "Priya Raman <priya@example.org>" and "R-1" in read["Message-ID"]
    assert [a.addr_spec for a in read["To"].addresses] == ["eve@example.org", "mei@example.org"]


def test_a_calendar_goes_as_a_text_calendar_attachment():
    message = compose(reminder(kind="due"), "m@example.org", None, "R-2", ("mentoring-mei.ics", b"BEGIN:VCALENDAR"))
    (part,) = list(message.iter_attachments())
    assert part.get_content_type() == "text/calendar" and part.get_filename() == "mentoring-mei.ics"
    assert part.get_content().strip() == "BEGIN:VCALENDAR" and message["Reply-To"] is None


def test_the_preview_shows_the_first_lines():
    assert preview(reminder()) == f"Hi {HOSTILE} and Mei,\nAt risk:\n- Ana & <b>Bo</b>: silent\n…"
    assert "<p>" in html_body(reminder())


def test_each_message_has_a_date_and_a_message_id_of_its_own():
    """RFC 5322: a Date (the moment it was written, with its offset) and a Message-ID, unique per message."""
    from datetime import datetime, timedelta, timezone
    from email.utils import parsedate_to_datetime

    written = datetime(2026, 7, 24, 8, 0, tzinfo=timezone(timedelta(hours=2)))
    first = compose(reminder(), "m@example.org", None, "R-1", written=written)
    again = compose(reminder(), "m@example.org", None, "R-1", written=written)
    read = message_from_bytes(first.as_bytes(), policy=policy.default)
    assert read["Date"] == "Fri, 24 Jul 2026 08:00:00 +0200"
    assert parsedate_to_datetime(read["Date"]) == written
    assert read["Message-ID"].startswith("<") and read["Message-ID"].endswith("@example.org>")
    assert first["Message-ID"] != again["Message-ID"]
    undated = compose(reminder(), "m@example.org", None, "R-2")
    assert parsedate_to_datetime(undated["Date"]).tzinfo is not None
    assert abs(parsedate_to_datetime(undated["Date"]) - datetime.now(timezone.utc)) < timedelta(minutes=1)
