"""Goals in Chromium, as a lead keeps them: add a goal to a pair on the Health page's One pair view, set its
progress in the table, save, and find exactly that cell changed in the goals file."""

from __future__ import annotations

import csv

from playwright.sync_api import expect

from tests.e2e.actions import button, choose, open_folder, success_text, tab

HEADER_HEIGHT, ROW_HEIGHT = 36, 35


def goal_rows(folder) -> list[dict[str, str]]:
    with open(folder / "goals.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_add_a_goal_then_set_its_progress_in_the_table(app, sample_copy):
    open_folder(app, sample_copy)
    app.go_to("Health")
    tab(app, "One pair").click()
    choose(app, "Pair", "Priya Raman + Diego Hernández")
    expect(app.page.get_by_text("No goals for P-009 yet")).to_be_visible()

    app.page.get_by_label("Goal", exact=True).fill("Ship the first pull request")
    app.page.get_by_label("How we'll know it is done").fill("merged into main")
    app.page.get_by_label("How we'll know it is done").press("Tab")
    button(app, "Add goal").click()
    app.wait_rendered()
    success_text(app, "Added goal G-020 to P-009: Ship the first pull request")
    before = goal_rows(sample_copy)
    assert [(r["id"], r["pairing_id"], r["goal"], r["progress"]) for r in before][-1] == \
        ("G-020", "P-009", "Ship the first pull request", "0")

    grid = app.page.locator('[data-testid="stDataFrame"]').filter(has_text="Ship the first pull request")
    expect(grid).to_be_visible()
    grid.scroll_into_view_if_needed()  # the mouse clicks where the grid is drawn
    box = grid.bounding_box()
    app.page.mouse.click(box["x"] + 40, box["y"] + HEADER_HEIGHT + ROW_HEIGHT // 2)  # the goal's first cell
    app.page.keyboard.press("ArrowRight")
    app.page.keyboard.press("ArrowRight")  # its % cell (the progress bar beside it is not editable)
    app.page.keyboard.press("Enter")  # opens the cell's editor, an input over the grid
    editor = app.page.locator("#portal input.gdg-input")
    expect(editor).to_be_visible()
    editor.fill("60")
    editor.press("Enter")
    app.wait_rendered()
    # adding a goal now would redraw the table and lose the edit: it waits until the edit is saved
    expect(app.page.get_by_text("Save the table's changes first")).to_be_visible()
    expect(button(app, "Add goal")).to_be_disabled()
    button(app, "Save changes to 1 goal").click()
    app.wait_rendered()
    success_text(app, "Saved 1 goal: Ship the first pull request (progress)")
    after = goal_rows(sample_copy)
    assert after[:-1] == before[:-1]  # no other goal's row changed
    assert {k: (before[-1][k], v) for k, v in after[-1].items() if before[-1][k] != v} == {"progress": ("0", "60")}
    expect(button(app, "Add goal")).to_be_enabled()
