"""Secrets never reach the page or a message: a broken service-account key and a passphrase hash in secrets,
and nothing of either appears in any element the app shows."""

from __future__ import annotations

import streamlit as st

from tests.app.conftest import new_app

MARKER = "SECRETMARKER0123456789"
KEY = {"type": "service_account", "project_id": "p", "private_key_id": MARKER,
       "private_key": f"-----BEGIN PRIVATE KEY-----\n{MARKER}\n-----END PRIVATE KEY-----\n",
       "client_email": "tandem@p.iam.gserviceaccount.com", "token_uri": "https://oauth2.googleapis.com/token"}


def every_text(at) -> str:
    parts = []
    for kind in ("markdown", "caption", "error", "warning", "info", "success", "title", "text", "code", "toast"):
        parts += [str(getattr(e, "value", "")) for e in getattr(at, kind)]
    parts += [str(e.value) for e in at.exception]
    return "\n".join(parts)


def test_a_broken_key_is_explained_without_quoting_it(monkeypatch):
    monkeypatch.delenv("GOOGLE_SHEETS_API_URL", raising=False)
    st.cache_data.clear()
    at = new_app()
    at.secrets["data_source"] = "https://docs.google.com/spreadsheets/d/1aNvNhBanaHVP93PL4xmzA69TyNmTcfv7CUaCkGmwFMo/edit"
    at.secrets["gcp_service_account"] = KEY
    at.run()
    shown = every_text(at)
    assert not at.exception
    assert "credentials are not valid" in shown and "tandem@p.iam.gserviceaccount.com" in shown
    assert MARKER not in shown and "PRIVATE KEY" not in shown


def test_the_mail_password_appears_nowhere_on_the_reminders_tab_even_when_the_login_is_refused(sample_copy,
                                                                                               monkeypatch):
    from tests.app.test_pages import open_location
    from tests.local_smtp import LocalSmtp

    for name in ("HOST", "PORT", "USERNAME", "PASSWORD", "FROM", "SECURITY"):
        monkeypatch.delenv(f"TANDEM_SMTP_{name}", raising=False)
    with LocalSmtp(login=("lead@northwind.example", "the right one")) as server:
        at = new_app()
        at.secrets["smtp"] = {"host": "127.0.0.1", "port": server.port, "security": "none",
                              "username": "lead@northwind.example", "password": MARKER}
        at.run()
        open_location(at, sample_copy)
        at.switch_page("pages/health.py").run()
        assert "logging in as lead@northwind.example" in every_text(at).replace("\\", "")
        at.button(key="send_reminders").click().run()
        shown = every_text(at)
    assert not at.exception and "refused the login for lead@northwind.example" in shown.replace("\\", "")
    assert MARKER not in shown and server.received == []
