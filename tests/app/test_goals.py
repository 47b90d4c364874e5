"""A pair's goals on the Health page's One pair view, through AppTest on a folder copy: the goals shown with their
progress, a goal added through the form, and an edit made in the table saved as exactly that cell."""

from __future__ import annotations

import csv

import pytest

from tests.app.test_health_page import select_pair
from tests.app.test_pages import assert_no_exception, open_location

HEADER = "id,pairing_id,goal,measure,target_date,status,progress,updated_on\n"


def goal_rows(folder) -> list[dict[str, str]]:
    with open(folder / "goals.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def page(app, sample_copy):
    (sample_copy / "goals.csv").write_text(HEADER + "G-001,P-001,SQL,a query merged,2026-07-14,in progress,40,\n"
                                                    "G-002,P-001,Docker,,2026-08-30,open,,\n", encoding="utf-8")
    open_location(app, sample_copy)
    app.switch_page("pages/health.py").run()
    select_pair(app, "story_pair", "P-001", sample_copy)
    app.run()
    assert_no_exception(app)
    return app


def editor(at):
    [table] = [e for e in at.dataframe if "goal" in e.value.columns]
    return table


def test_the_goals_show_with_progress_and_what_is_past_its_target(page):
    shown = editor(page).value
    assert shown["goal"].tolist() == ["SQL", "Docker"] and shown["bar"].tolist() == [40, 0]
    assert shown["late"].tolist() == ["yes", ""]


def test_a_goal_added_in_the_form_is_appended_to_the_goals_tab(page, sample_copy):
    page.text_input(key="new_goal_text").input("Ship the first pull request")
    page.text_input(key="new_goal_measure").input("merged into main")
    page.button(key="FormSubmitter:add_goal_P-001-Add goal").click().run()
    assert_no_exception(page)
    rows = goal_rows(sample_copy)
    assert rows[-1]["pairing_id"] == "P-001" and rows[-1]["goal"] == "Ship the first pull request"
    assert rows[-1]["measure"] == "merged into main" and rows[-1]["status"] == "open"
    assert editor(page).value["goal"].tolist()[-1] == "Ship the first pull request"


def test_an_edit_in_the_table_saves_exactly_that_goals_cells(page, sample_copy):
    before = goal_rows(sample_copy)
    key = next(k for k in page.session_state if str(k).startswith("goals_P-001_"))
    page.session_state[key] = {"edited_rows": {1: {"progress": 70, "status": "in progress"}}, "added_rows": [],
                               "deleted_rows": []}
    page.run()
    page.button(key="save_goals").click().run()
    assert_no_exception(page)
    after = goal_rows(sample_copy)
    assert after[0] == before[0]
    changed = {k: (before[1][k], after[1][k]) for k in after[1] if after[1][k] != before[1][k]}
    assert changed == {"status": ("open", "in progress"), "progress": ("", "70"), "updated_on": ("", "2026-07-24")}
