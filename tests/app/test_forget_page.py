"""Forgetting a person from the Roster page (AppTest), on a temporary copy of the sample folder: nothing happens
until the email is typed, then the person is gone and the message gives counts only."""

from __future__ import annotations

import re
import shutil

from tests.app.test_pages import assert_no_exception, open_location
from tests.conftest import SAMPLE

MEI = "mei.chen@northwind.example"


def forget_widgets(at):
    return at.text_input(key=f"forget_mentees_{MEI}"), at.button(key=f"forget_mentees_{MEI}_go")


def test_forget_a_mentee_from_the_roster_after_typing_their_email(app, tmp_path):
    folder = tmp_path / "program"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    open_location(app, folder)
    app.switch_page("pages/roster.py").run()
    assert_no_exception(app)
    app.selectbox(key="edit_mentees_who").set_value(MEI).run()
    before = {p.name: p.read_bytes() for p in folder.glob("*.csv")}

    typed, go = forget_widgets(app)
    typed.input("mei.chen@northwind")  # not the whole address: refused, nothing written
    go.click().run()
    assert_no_exception(app)
    assert any("type the person's email exactly" in e.value for e in app.error)
    assert {p.name: p.read_bytes() for p in folder.glob("*.csv")} == before

    typed, go = forget_widgets(app)
    typed.input(" Mei.Chen@northwind.example ")  # trimmed and case-insensitive, as emails are everywhere
    go.click().run()
    assert_no_exception(app)
    shown = [re.sub(r"\\(.)", r"\1", s.value) for s in app.success]  # as read: the app escapes it for Markdown
    message = next(m for m in shown if m.startswith("Forgot"))
    assert message.startswith("Forgot one person: removed 1 roster row, pseudonymised 18 log rows as forgotten")
    assert "blanked 16 texts" in message and "mei" not in message.lower()
    assert [t.label for t in app.tabs][:2] == ["Mentors (11)", "Mentees (22)"]
    assert app.selectbox(key="edit_mentees_who").value != MEI
    assert all("mei" not in p.read_text(encoding="utf-8-sig").lower() for p in folder.glob("*.csv"))
    assert "forget" in (folder / "changes.csv").read_text(encoding="utf-8-sig")


def test_a_refused_write_is_shown_and_nothing_changes(app, tmp_path, monkeypatch):
    from lib.errors import RowMoved
    from lib.sources.csv_files import CsvSource

    folder = tmp_path / "program"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    open_location(app, folder)
    app.switch_page("pages/roster.py").run()
    app.selectbox(key="edit_mentees_who").set_value(MEI).run()
    before = {p.name: p.read_bytes() for p in folder.glob("*.csv")}

    def someone_moved_the_row(self, edits):
        raise RowMoved("mentees.csv", 2)
    monkeypatch.setattr(CsvSource, "commit", someone_moved_the_row)
    typed, go = forget_widgets(app)
    typed.input(MEI)
    go.click().run()
    assert_no_exception(app)
    errors = [re.sub(r"\\(.)", r"\1", e.value) for e in app.error]
    assert any("Nothing was saved: row 2 of the tab 'mentees.csv' changed since it was read" in e for e in errors)
    assert not [s for s in app.success if "Forgot" in s.value]
    assert {p.name: p.read_bytes() for p in folder.glob("*.csv")} == before
    assert [t.label for t in app.tabs][1] == "Mentees (23)"
