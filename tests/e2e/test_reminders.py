"""Reminders in Chromium, on a dashboard set up as a lead would (data_source and [smtp] in its secrets) with a
real SMTP server on loopback: the lead downloads a pair's meetings, previews the reminders due and sends them;
the meeting reminder carries the same series, and nothing goes twice."""

from __future__ import annotations

import json

import icalendar
import pytest
from playwright.sync_api import expect

from tests.e2e.actions import button, choose, download, success_text, tab
from tests.e2e.conftest import TIMEOUT_MS, Tandem, serve_dashboard
from tests.local_smtp import LocalSmtp


@pytest.fixture
def mail_app(browser, tmp_path, sample_copy):
    with LocalSmtp() as server:
        secrets = (f"data_source = {json.dumps(str(sample_copy))}\n\n[smtp]\nhost = \"127.0.0.1\"\n"
                   f"port = {server.port}\nsecurity = \"none\"\nfrom = \"Mentoring <mentoring@northwind.example>\"\n")
        folder = tmp_path / "streamlit"
        folder.mkdir()
        with serve_dashboard(secrets, folder) as url:
            context = browser.new_context(base_url=url, accept_downloads=True, viewport={"width": 1400, "height": 1000})
            context.set_default_timeout(TIMEOUT_MS)
            try:
                yield Tandem(context.new_page()), server
            finally:
                context.close()


def test_download_a_pairs_meetings_then_preview_and_send_the_reminders_once(mail_app, tmp_path):
    app, server = mail_app
    app.open()
    app.go_to("Health")
    tab(app, "One pair").click()
    choose(app, "Pair", "José Martínez + Noah Fischer")
    _, payload = download(app, "Meetings for this pair (.ics)", tmp_path)
    downloaded = icalendar.Calendar.from_ical(payload).walk("VEVENT")[0]

    tab(app, "Reminders").click()
    expect(app.page.get_by_text("9 reminders due on 24 Jul 2026.")).to_be_visible()
    expect(app.page.get_by_text("Sends through 127.0.0.1:")).to_be_visible()
    choose(app, "Preview a message", "Meeting reminder: Mentoring on Monday: José")
    preview = app.page.locator('[data-testid="stCode"]').filter(has_text="Subject: Mentoring on Monday: José")
    expect(preview).to_contain_text("To: José Martínez <jose.martinez@northwind.example>, Noah Fischer")
    expect(preview).to_contain_text("Attached: the pair's meeting series (.ics)")
    assert server.received == []  # a preview sends nothing

    button(app, "Send 9 reminders").click()
    app.wait_rendered()
    success_text(app, "Sent 9 reminders.")
    assert len(server.received) == 9
    due = next(r for r in server.received
               if r.message["Subject"] == "Mentoring on Monday: José Martínez & Noah Fischer")
    [attached] = [p for p in due.message.iter_attachments() if p.get_content_type() == "text/calendar"]
    sent = icalendar.Calendar.from_ical(attached.get_content()).walk("VEVENT")[0]
    assert str(sent["UID"]) == str(downloaded["UID"]) and sent["RRULE"] == downloaded["RRULE"]

    tab(app, "Reminders").click()
    expect(app.page.get_by_text("9 already sent in this period: they do not go again.")).to_be_visible()
    expect(button(app, "Send 0 reminders")).to_be_disabled()
    assert len(server.received) == 9
