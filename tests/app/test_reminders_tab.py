"""The Health page's Reminders tab through AppTest: what is due previewed, sent once through a real loopback SMTP
server, and refused in words on the sample or without a mail server."""

from __future__ import annotations

import csv
import shutil

import pytest

from tests.app.test_pages import assert_no_exception, open_location
from tests.app.test_pairings_page import plain
from tests.local_smtp import LocalSmtp


@pytest.fixture(autouse=True)
def no_mail_server_from_the_developer(monkeypatch):
    for name in ("HOST", "PORT", "USERNAME", "PASSWORD", "FROM", "SECURITY"):
        monkeypatch.delenv(f"TANDEM_SMTP_{name}", raising=False)


def health_page(app, folder=None):
    if folder is not None:
        open_location(app, folder)
    app.switch_page("pages/health.py").run()
    assert_no_exception(app)
    return app


def texts(app) -> str:
    return " ".join(plain(e.value) for kind in ("markdown", "caption", "info", "success", "error")
                    for e in getattr(app, kind))


def test_preview_then_send_once_through_the_mail_server(app, sample_copy, monkeypatch):
    with LocalSmtp() as server:
        for name, value in server.env().items():
            monkeypatch.setenv(name, value)
        page = health_page(app, sample_copy)
        assert "9 reminders due on 24 Jul 2026." in texts(page)
        preview = page.selectbox(key="reminder_preview")
        preview.set_value("due|P-005|2026-07-27").run()
        shown = page.code[-1].value
        assert shown.startswith("To: José Martínez <jose.martinez@northwind.example>, Noah Fischer")
        assert "Attached: the pair's meeting series (.ics)" in shown
        page.button(key="send_reminders").click().run()
        assert_no_exception(page)
        assert "Sent 9 reminders." in texts(page) and len(server.received) == 9
        assert "0 reminders due on 24 Jul 2026. 9 already sent in this period" in texts(page)
        assert page.button(key="send_reminders").disabled
    with open(sample_copy / "reminders.csv", encoding="utf-8-sig", newline="") as handle:
        assert [r["status"] for r in csv.DictReader(handle)] == ["sent"] * 9


def test_the_sample_previews_and_says_why_it_cannot_send(app, monkeypatch):
    monkeypatch.setenv("TANDEM_SMTP_HOST", "127.0.0.1")
    page = health_page(app)
    assert "9 reminders due on 24 Jul 2026." in texts(page)
    assert "cannot keep a record of what was sent" in texts(page)
    assert not [b for b in page.button if b.key == "send_reminders"]


def test_without_a_mail_server_the_tab_previews_and_says_how_to_set_one(app, sample_copy):
    page = health_page(app, sample_copy)
    assert "No mail server is set, so reminders can only be previewed" in texts(page)
    assert not [b for b in page.button if b.key == "send_reminders"]


def test_a_broken_guide_file_does_not_stop_the_send_and_the_page_says_so(app, sample_copy, monkeypatch, tmp_path):
    from lib.guides import library

    guides = tmp_path / "guides"
    shutil.copytree(library.GUIDES_DIR, guides)
    (guides / "broken.md").write_bytes(b"\x80\x81 not text")
    monkeypatch.setattr(library, "GUIDES_DIR", guides)
    with LocalSmtp() as server:
        for name, value in server.env().items():
            monkeypatch.setenv(name, value)
        page = health_page(app, sample_copy)
        said = "A guide file cannot be read (broken.md: not UTF-8 text; save it as UTF-8)"
        assert said in texts(page)
        page.button(key="send_reminders").click().run()
        assert_no_exception(page)
        assert "Sent 9 reminders." in texts(page) and said in texts(page) and len(server.received) == 9
