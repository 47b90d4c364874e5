"""The pairing lifecycle in Chromium, as a lead means it: Accept never saves a pair ticked Forbid, a pairing ended
today is not active today on any page, a rematch never offers the mentor the pairing ended with, the Pairing box
shows a status as it is after Activate, and group mode builds groups."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.actions import button, choose, success_text, tab
from tests.e2e.test_pairings import click_checkbox, grid_rows


def names_in(row: str) -> str:
    """The mentor and mentee names at the start of a suggestion row, as the grid draws them."""
    return re.match(r"(?:true|false){2}(.+?)\d", row).group(1)


def test_accept_with_a_forbid_ticked_but_not_applied_never_saves_the_forbidden_pair(app):
    app.open()
    app.go_to("Pairings")
    button(app, "Suggest pairs").click()
    app.wait_rendered()
    rows = grid_rows(app)
    forbidden = names_in(rows[1])
    click_checkbox(app, 1, 1)  # Forbid, and straight to Accept: no rerun
    button(app, f"Accept {len(rows)} pairs").click()
    app.wait_rendered()
    expect(app.page.get_by_text(re.compile("ticks were applied first.*nothing was saved yet"))).to_be_visible()
    rows_now = grid_rows(app)
    assert rows_now and not any(names_in(r) == forbidden for r in rows_now), rows_now
    expect(app.page.get_by_text("0 locked pairs, 1 forbidden pair")).to_be_visible()

    button(app, f"Accept {len(rows_now)} pair" + ("s" if len(rows_now) > 1 else "")).click()
    app.wait_rendered()
    saved = success_text(app, "as proposed (P-018")
    assert re.search(r"\(P-018(, P-0\d\d)*\)", saved), saved  # every new id, in the sheet's own pattern
    tab(app, "Current pairs").click()
    table = app.page.locator('[data-testid="stDataFrame"]').first
    expect(table.locator('[role="row"]').filter(has_text="P-018")).to_have_count(1)
    stored = table.locator('[role="row"]').all_text_contents()
    assert not any(forbidden in row for row in stored), stored  # mentor then mentee, as both grids draw them


def test_after_activate_the_pairing_box_shows_the_new_status(app):
    app.open()
    app.go_to("Pairings")
    tab(app, "Current pairs").click()
    choose(app, "Pairing", "P-016")
    box = app.page.get_by_role("combobox", name="Pairing", exact=True)  # its value is the text shown
    expect(box).to_have_value(re.compile(r"^P-016 · .+ \(proposed\)$"))
    button(app, "Activate").click()
    app.wait_rendered()
    success_text(app, "Pairing P-016 is active from 24 Jul 2026")
    tab(app, "Current pairs").click()
    expect(box).to_have_value(re.compile(r"^P-016 · .+ \(active\)$"))
    expect(button(app, "Activate")).to_be_disabled()


def test_a_pairing_ended_today_leaves_the_counts_at_once_and_the_rematch_skips_its_mentor(app):
    app.open()
    assert app.metric("Active pairs") == "14"
    app.go_to("Pairings")
    tab(app, "Current pairs").click()
    choose(app, "Pairing", "P-001")
    app.page.get_by_label("Reason").fill("moved team")
    button(app, "End pairing").click()
    app.wait_rendered()
    success_text(app, "Pairing P-001 ended on 24 Jul 2026")
    tab(app, "Current pairs").click()
    expect(app.page.get_by_label("Reason")).to_have_value("")  # never carried over to end the next pairing shown

    app.go_to("Overview")
    assert app.metric("Active pairs") == "13"
    waiting = app.page.locator('[data-testid="stDataFrame"]').first
    expect(waiting.locator('[role="row"]').filter(has_text="Mei Chen")).to_have_count(1)
    app.go_to("Health")
    tab(app, "One pair").click()
    app.page.get_by_role("combobox", name="Pair", exact=True).click()
    scored = app.page.get_by_role("option").all_inner_texts()
    app.page.keyboard.press("Escape")
    assert len(scored) == 13 and not any("Mei Chen" in s for s in scored), scored  # the ended pair is not scored

    app.go_to("Pairings")
    tab(app, "Current pairs").click()
    app.page.get_by_text("Rematch", exact=True).scroll_into_view_if_needed()
    choose(app, "Mentee whose pairing ended", "Mei Chen")
    button(app, "Suggest a new mentor").click()
    app.wait_rendered()
    expect(app.page.get_by_text("Not Ana Ruiz: the pairing ended on 24 Jul 2026, moved team.")).to_be_visible()
    suggestion = app.page.get_by_text(re.compile(r"^Suggested: .+ \(score \d+\)"))
    assert not suggestion.inner_text().startswith("Suggested: Ana Ruiz")

    app.page.get_by_text("Allow the previous mentor again").click()
    button(app, "Suggest a new mentor").click()
    app.wait_rendered()
    expect(app.page.get_by_text(re.compile(r"^Suggested: Ana Ruiz \(score \d+\)"))).to_be_visible()


def test_group_mode_builds_groups_only_with_mentors_who_offer_them(app):
    app.open()
    app.go_to("Pairings")
    app.page.locator('[data-testid="stRadioOption"]').filter(has_text="Group").first.click()
    app.wait_rendered()
    button(app, "Suggest pairs").click()
    app.wait_rendered()
    groups = app.page.get_by_text("Groups", exact=True)
    expect(groups).to_be_visible()
    table = app.page.locator('[data-testid="stDataFrame"]').filter(
        has=app.page.locator('[role="columnheader"]', has_text="Members"))
    rows = table.locator('[role="row"]').all_text_contents()[1:]
    assert rows and all("," in r for r in rows), rows  # every group has two members or more
    assert any(r.startswith("Sara Lindberg") for r in rows), rows
