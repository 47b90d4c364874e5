"""`python -m lib remind`: a dry run prints each message and sends nothing; --send sends through [smtp] or
TANDEM_SMTP_*, once; the password is never printed; exit codes 0 when it ran, 2 when it could not."""

from __future__ import annotations

import pytest

from tests.local_smtp import LocalSmtp
from tests.unit.reminders.conftest import read_rows
from tests.unit.cli.test_guides import run

SECRET = "app-password-never-printed"


@pytest.fixture(autouse=True)
def no_mail_server_from_the_developer(monkeypatch):
    for name in ("HOST", "PORT", "USERNAME", "PASSWORD", "FROM", "SECURITY"):
        monkeypatch.delenv(f"TANDEM_SMTP_{name}", raising=False)


def test_a_dry_run_prints_each_message_and_records_nothing(sample_copy, tmp_path):
    result = run("remind", str(sample_copy), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "9 reminders due on 24 Jul 2026; nothing was sent (add --send to send)." in result.stdout
    assert ("[due] to José Martínez <jose.martinez@northwind.example>, Noah Fischer <noah.fischer@northwind.example>"
            in result.stdout)
    assert "  Subject: Mentoring on Monday: José Martínez & Noah Fischer" in result.stdout
    assert "  Attached: the pair's meeting series (.ics)" in result.stdout
    assert not (sample_copy / "reminders.csv").exists()
    thursday = run("remind", str(sample_copy), "--as-of", "2026-07-23", cwd=tmp_path)
    assert "due on 23 Jul 2026" in thursday.stdout and "[due]" not in thursday.stdout


def test_send_through_the_smtp_secrets_once_and_never_print_the_password(sample_copy, tmp_path):
    with LocalSmtp(login=("lead@northwind.example", SECRET)) as server:
        (tmp_path / ".streamlit").mkdir()
        (tmp_path / ".streamlit" / "secrets.toml").write_text(
            f'[smtp]\nhost = "127.0.0.1"\nport = {server.port}\nsecurity = "none"\n'
            f'username = "lead@northwind.example"\npassword = "{SECRET}"\n', encoding="utf-8")
        first = run("remind", str(sample_copy), "--send", cwd=tmp_path)
        second = run("remind", str(sample_copy), "--send", cwd=tmp_path)
    assert first.returncode == 0 == second.returncode, first.stderr + second.stderr
    assert f"Sending through 127.0.0.1:{server.port} (none, logging in as lead@northwind.example)" in first.stdout
    assert "Sent 9 reminders." in first.stdout
    assert "Sent 0 reminders." in second.stdout and "9 already sent in this period" in second.stdout
    assert len(server.received) == 9
    assert all(r.message["From"] == "lead@northwind.example" for r in server.received)
    assert SECRET not in first.stdout + first.stderr + second.stdout + second.stderr
    assert len(read_rows(sample_copy, "reminders")) == 9


def test_a_refused_login_exits_2_with_one_sentence_and_nothing_recorded(sample_copy, tmp_path, monkeypatch):
    with LocalSmtp(login=("lead", "right")) as server:
        for name, value in server.env(TANDEM_SMTP_USERNAME="lead", TANDEM_SMTP_PASSWORD=SECRET).items():
            monkeypatch.setenv(name, value)
        result = run("remind", str(sample_copy), "--send", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: The mail server 127.0.0.1:{server.port} refused the login for lead: check the username and password "
        "(for Google Workspace, an app password). Nothing was sent or recorded."]
    assert SECRET not in result.stdout + result.stderr and not (sample_copy / "reminders.csv").exists()


@pytest.mark.parametrize("args, said", [
    (["remind", "{folder}", "--send"], "No mail server is set"),
    (["remind", "sample", "--send"], "cannot keep a record of what was sent"),
    (["remind", "{folder}", "--as-of", "24/07/2026"], "is not a date like 2026-07-24"),
    (["remind", "{tmp}/nowhere"], "nowhere"),
])
def test_what_cannot_run_exits_2(sample_copy, tmp_path, monkeypatch, args, said):
    if "sample" in args:
        monkeypatch.setenv("TANDEM_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("TANDEM_SMTP_FROM", "m@northwind.example")
    result = run(*[a.format(folder=sample_copy, tmp=tmp_path) for a in args], cwd=tmp_path)
    assert result.returncode == 2 and said in result.stderr


def test_with_nothing_due_send_still_checks_the_mail_server_and_a_refused_login_exits_2(sample_copy, tmp_path,
                                                                                      monkeypatch):
    """A password changed after the day's run: the next --send has nothing to send, and still finds the login
    refused (exit 2), instead of saying 'Sent 0 reminders' without asking the server."""
    with LocalSmtp(login=("lead", "right")) as server:
        for name, value in server.env(TANDEM_SMTP_USERNAME="lead", TANDEM_SMTP_PASSWORD="right").items():
            monkeypatch.setenv(name, value)
        assert run("remind", str(sample_copy), "--send", cwd=tmp_path).returncode == 0
        quiet = run("remind", str(sample_copy), "--send", cwd=tmp_path)
        assert quiet.returncode == 0, quiet.stderr
        assert (f"Nothing was due to send; the mail server 127.0.0.1:{server.port} answered and took the login for "
                "lead.") in quiet.stdout
        monkeypatch.setenv("TANDEM_SMTP_PASSWORD", SECRET)
        refused = run("remind", str(sample_copy), "--send", cwd=tmp_path)
    assert refused.returncode == 2 and "Sent 0" not in refused.stdout
    assert refused.stderr.strip().splitlines() == [
        f"error: The mail server 127.0.0.1:{server.port} refused the login for lead: check the username and password "
        "(for Google Workspace, an app password). Nothing was sent or recorded."]
    assert SECRET not in refused.stdout + refused.stderr
    assert len(server.received) == 9 and len(read_rows(sample_copy, "reminders")) == 9


def test_the_send_report_names_the_recipients_the_server_took_and_the_refused_as_refused(sample_copy, tmp_path,
                                                                                       monkeypatch):
    with LocalSmtp(refuse={"noah.fischer@northwind.example"}) as server:
        for name, value in server.env().items():
            monkeypatch.setenv(name, value)
        result = run("remind", str(sample_copy), "--send", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    line = next(li for li in result.stdout.splitlines() if "[due] 'Mentoring on Monday: José" in li)
    assert line == ("  sent [due] 'Mentoring on Monday: José Martínez & Noah Fischer' to "
                    "jose.martinez@northwind.example; refused: noah.fischer@northwind.example (550 5.1.1 No such user "
                    "here)")
    assert not any("noah.fischer" in li.partition("; refused")[0] for li in result.stdout.splitlines()
                   if li.startswith("  sent "))


def test_a_broken_guide_file_does_not_stop_the_send_and_the_command_says_so(sample_copy, tmp_path, monkeypatch,
                                                                          capsys):
    """In-process, to point the guides folder at a copy with one file that is not text."""
    import argparse
    import shutil

    from lib.cli.reminders import cmd_remind
    from lib.guides import library

    guides = tmp_path / "guides"
    shutil.copytree(library.GUIDES_DIR, guides)
    (guides / "broken.md").write_bytes(b"\x80\x81 not text")
    monkeypatch.setattr(library, "GUIDES_DIR", guides)
    monkeypatch.chdir(tmp_path)
    with LocalSmtp() as server:
        for name, value in server.env().items():
            monkeypatch.setenv(name, value)
        code = cmd_remind(argparse.Namespace(source=str(sample_copy), as_of=None, send=True))
    out = capsys.readouterr().out
    assert code == 0 and "Sent 9 reminders." in out and len(server.received) == 9
    assert ("A guide file cannot be read (broken.md: not UTF-8 text; save it as UTF-8): meeting reminders go with "
            "their calendar but without the first meeting's agenda.") in out
