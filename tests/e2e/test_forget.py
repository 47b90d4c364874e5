"""Forgetting a mentee from the Roster page in Chromium, on a temporary copy of the sample folder: refused until
their email is typed, then their row is gone from mentees.csv, their log rows keep a pseudonym, and nothing of
them is left in any file or backup."""

from __future__ import annotations

import csv
import re

from playwright.sync_api import expect

from tests.e2e.actions import choose, open_folder, success_text, tab

MEI = "mei.chen@northwind.example"


def rows(path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def confirm(app, text: str) -> None:
    field = app.page.get_by_label(re.compile("^To confirm, type their email")).filter(visible=True)
    field.fill(text)
    field.press("Enter")
    app.wait_rendered()
    app.page.get_by_role("button", name="Forget this person", exact=True).filter(visible=True).click()
    app.wait_rendered()


def test_forget_a_mentee_from_the_roster(app, sample_copy):
    folder = sample_copy
    before = {name: rows(folder / f"{name}.csv") for name in ("mentees", "pairings", "checkins", "feedback")}
    open_folder(app, folder)
    app.go_to("Roster")
    tab(app, "Mentees").click()
    app.page.get_by_text("Edit a mentee").click()
    choose(app, "Mentee", "Mei Chen")
    app.page.get_by_role("button", name="Forget Mei Chen…").click()  # a separate action, behind its own button
    expect(app.page.get_by_text("This cannot be undone.").filter(visible=True)).to_be_visible()

    confirm(app, "mei.chen@")
    expect(app.page.get_by_text("Nothing was changed: type the person's email exactly")).to_be_visible()
    assert rows(folder / "mentees.csv") == before["mentees"]

    confirm(app, MEI)
    message = success_text(app, "Forgot one person")
    assert re.search(r"Forgot one person: removed 1 roster row, pseudonymised 18 log rows as "
                    r"forgotten-[0-9a-f]{8}@forgotten\.invalid, blanked 16 texts", message), message
    alias = re.search(r"forgotten-[0-9a-f]{8}@forgotten\.invalid", message).group(0)
    expect(tab(app, "Mentees (22)")).to_be_visible()

    mentees = rows(folder / "mentees.csv")
    assert mentees == [r for r in before["mentees"] if r[0] != MEI]
    for name in ("pairings", "checkins", "feedback"):  # counts kept, Mei replaced by one pseudonym
        after = rows(folder / f"{name}.csv")
        assert len(after) == len(before[name])
        assert sum(alias in r for r in after) == sum(MEI in r for r in before[name]) > 0
    log = rows(folder / "changes.csv")
    assert log[-1][2:6] == ["mentees", alias, "forget", "mentees; pairings; checkins; feedback; goals; outcomes"]
    kept = [p for p in (*folder.iterdir(), *(folder / ".tandem-backups").iterdir()) if p.is_file()]
    assert all("mei" not in p.read_text(encoding="utf-8-sig").lower() for p in kept)
