"""The mail server's settings and connection: environment over [smtp], the password never shown, and a server
that cannot be used (unreachable, refused login, no AUTH) stops the run before anything is recorded."""

from __future__ import annotations

from datetime import date

import pytest

from lib.errors import MailError
from lib.guides.library import load_guides
from lib.reminders.run import deliver, due_on
from lib.reminders.smtp import Mailer, smtp_settings
from lib.writing.writer import Writer
from tests.local_smtp import LocalSmtp, free_port

SECRET = "s3cret-app-password"


def test_environment_variables_override_smtp_secrets_one_by_one():
    secrets = {"host": "smtp.gmail.com", "username": "lead@northwind.example", "password": SECRET}
    settings = smtp_settings(secrets, {"TANDEM_SMTP_HOST": "relay.northwind.example", "TANDEM_SMTP_SECURITY": "ssl"})
    assert (settings.host, settings.port, settings.security) == ("relay.northwind.example", 465, "ssl")
    assert settings.username == settings.sender == "lead@northwind.example" and settings.password == SECRET
    assert smtp_settings({"host": "smtp.gmail.com", "from": "a@b.example"}, {}).port == 587  # starttls by default
    assert smtp_settings(None, {}) is None and smtp_settings({"port": "25"}, {}) is None


def test_the_password_is_in_no_repr_or_words():
    settings = smtp_settings({"host": "smtp.gmail.com", "username": "lead@northwind.example",
                              "password": SECRET}, {})
    assert SECRET not in repr(settings) and SECRET not in settings.words()
    assert settings.words() == "smtp.gmail.com:587 (starttls, logging in as lead@northwind.example), from " \
                               "lead@northwind.example"


@pytest.mark.parametrize("given, said", [
    ({"security": "tls"}, "security 'tls' is not one of starttls, ssl, none"),
    ({"port": "smtp"}, "port 'smtp' is not a port number"),
    ({"from": "mentoring"}, "Set the address reminders come from"),
])
def test_settings_that_cannot_be_used_name_the_setting(given, said):
    with pytest.raises(MailError, match=said):
        smtp_settings({"host": "smtp.example.org", "from": "a@b.example", **given}, {})


def attempt(folder, opened, env):
    source, data = opened(folder)
    return deliver(data, due_on(data, date(2026, 7, 24)), Writer(source, data.tables), smtp_settings(None, env),
                   load_guides())


def test_a_refused_login_is_one_sentence_and_nothing_is_recorded(sample_copy, opened):
    with LocalSmtp(login=("lead", "right")) as server:
        with pytest.raises(MailError) as raised:
            attempt(sample_copy, opened, server.env(TANDEM_SMTP_USERNAME="lead", TANDEM_SMTP_PASSWORD=SECRET))
        assert server.received == []
        ok = Mailer(smtp_settings(None, server.env(TANDEM_SMTP_USERNAME="lead", TANDEM_SMTP_PASSWORD="right")))
        with ok:  # the right password logs in
            pass
    assert str(raised.value).startswith(f"The mail server 127.0.0.1:{server.port} refused the login for lead: check "
                                        "the username and password")
    assert SECRET not in str(raised.value)
    assert not (sample_copy / "reminders.csv").exists() and not (sample_copy / "changes.csv").exists()


def test_a_username_with_a_server_that_offers_no_login_counts_as_a_refused_login(sample_copy, opened):
    with LocalSmtp() as server, pytest.raises(MailError, match="refused the login for lead: it offers no login"):
        attempt(sample_copy, opened, server.env(TANDEM_SMTP_USERNAME="lead", TANDEM_SMTP_PASSWORD=SECRET))
    assert not (sample_copy / "reminders.csv").exists()


def test_an_unreachable_server_is_one_sentence_and_nothing_is_recorded(sample_copy, opened):
    port = free_port()
    env = {"TANDEM_SMTP_HOST": "127.0.0.1", "TANDEM_SMTP_PORT": str(port), "TANDEM_SMTP_SECURITY": "none",
           "TANDEM_SMTP_FROM": "mentoring@northwind.example"}
    with pytest.raises(MailError, match=f"127.0.0.1:{port} cannot be reached \\(the connection was refused\\)"):
        attempt(sample_copy, opened, env)
    assert not (sample_copy / "reminders.csv").exists()


def test_starttls_asked_of_a_server_without_it_says_which_setting_to_change(sample_copy, opened):
    with LocalSmtp() as server, pytest.raises(MailError, match="does not offer STARTTLS: set \\[smtp\\] security"):
        attempt(sample_copy, opened, server.env(TANDEM_SMTP_SECURITY="starttls"))
