"""Editing a person on the Roster page in Chromium, on a temporary copy of the sample folder: a bad value is
refused with its row and column, a good one changes exactly that cell of the CSV file."""

from __future__ import annotations

import csv
import re

from playwright.sync_api import expect

from tests.e2e.actions import button, open_folder, success_text, tab


def mentor_rows(folder):
    with (folder / "mentors.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_edit_a_mentor_capacity_refuses_a_bad_value_and_saves_a_good_one(app, sample_copy):
    folder = sample_copy
    before = mentor_rows(folder)
    open_folder(app, folder)
    app.go_to("Roster")
    tab(app, "Mentors").click()
    app.page.get_by_text("Edit a mentor").click()
    capacity = app.page.get_by_label("Capacity", exact=True)
    expect(capacity).to_have_value("3")  # Ana Ruiz, the first mentor

    capacity.fill("two")
    capacity.press("Tab")  # the field is blurred before the form's button, as a person leaves it
    button(app, "Save changes").click()
    app.wait_rendered()
    alerts = app.page.locator('[data-testid="stAlert"]')
    summary = alerts.filter(has_text=re.compile("Nothing was saved for Ana Ruiz: mentors row 2, column 'capacity': "
                                                "'two' is not a number"))
    expect(summary).to_be_visible()
    reason = alerts.filter(has_text=re.compile("^\\W*(error)?'two' is not a number$"))  # under the field itself
    expect(reason).to_be_visible()
    field_box, reason_box = capacity.bounding_box(), reason.bounding_box()
    assert 0 < reason_box["y"] - field_box["y"] < 120 and abs(reason_box["x"] - field_box["x"]) < 60
    save_box = button(app, "Save changes").bounding_box()
    assert abs(summary.bounding_box()["y"] - save_box["y"]) < 60  # the summary beside Save
    expect(app.page.get_by_role("button", name="Forget this person", exact=True)).to_have_count(0)  # apart
    assert mentor_rows(folder) == before

    app.page.get_by_label("Capacity", exact=True).fill("4")
    app.page.get_by_label("Capacity", exact=True).press("Tab")
    button(app, "Save changes").click()
    app.wait_rendered()
    success_text(app, "Saved 1 change for Ana Ruiz: capacity '3' → '4'")
    after = mentor_rows(folder)
    changed = [(r, c) for r in range(len(before)) for c in range(len(before[r])) if before[r][c] != after[r][c]]
    assert changed == [(1, before[0].index("capacity"))] and after[1][before[0].index("capacity")] == "4"
    log = list(csv.reader((folder / "changes.csv").open(encoding="utf-8-sig", newline="")))
    assert log[-1][2:8] == ["mentors", "ana.ruiz@northwind.example", "update", "capacity", "3", "4"]
