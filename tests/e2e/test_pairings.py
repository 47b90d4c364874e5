"""The Pairings page in Chromium, as a lead uses it on the sample data: suggest, lock one pair and forbid another,
rerun, accept, activate and end pairs, rematch the mentee whose pairing ended, then download the pairing sheet
and read it with openpyxl.

The suggestion grid is a canvas; its accessible rows ([role=row]) carry the text, and checkboxes are clicked
where they are drawn (first and second column of a row).
"""

from __future__ import annotations

import io
import re
import time
from datetime import datetime

from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.actions import button, choose, download, success_text, tab

ROW_HEIGHT, HEADER_HEIGHT = 35, 36


def grid_rows(app, showing: str | None = None, timeout_s: float = 30) -> list[str]:
    """The data rows' text once the grid shows the same rows twice, 250 ms apart (and a row `showing`, if given).

    A rerun mounts a new grid (its key follows the suggestion) that draws its accessible rows some frames later,
    and on a busy machine a click's rerun can start after the app looked idle: waiting for what the click must
    bring (`showing`) is what makes the read certain.
    """
    rows = app.page.locator('[data-testid="stDataFrame"]').first.locator('[role="row"]')
    if showing:
        expect(rows.filter(has_text=showing).first).to_be_attached(timeout=timeout_s * 1000)
    seen, deadline = None, time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        current = rows.all_text_contents()[1:]  # the first is the header
        if current and current == seen:
            return current
        seen = current
        app.page.wait_for_timeout(250)
    return seen or []


def click_checkbox(app, row: int, column: int) -> None:
    """Toggle the checkbox in data row `row` (0-based) of column `column` (0 = Lock, 1 = Forbid)."""
    box = app.page.locator('[data-testid="stDataFrame"]').first.bounding_box()
    first_column_centre, second_column_centre = 37, 114
    x = box["x"] + (first_column_centre if column == 0 else second_column_centre)
    app.page.mouse.click(x, box["y"] + HEADER_HEIGHT + ROW_HEIGHT * row + ROW_HEIGHT // 2)
    app.page.wait_for_timeout(200)


def test_suggest_lock_forbid_rerun_accept_activate_end_and_download_the_sheet(app, tmp_path):
    app.open()
    app.go_to("Pairings")
    button(app, "Suggest pairs").click()
    app.wait_rendered()
    assert app.metric("Placed") == "5"
    rows = grid_rows(app)
    assert len(rows) == 5 and all("overlap" in r for r in rows)
    kept, dropped = rows[0], rows[1]
    kept_names = re.match(r"falsefalse(.+?)\d", kept).group(1)  # mentor and mentee names, as drawn
    dropped_names = re.match(r"falsefalse(.+?)\d", dropped).group(1)

    click_checkbox(app, 0, 0)  # lock the first pair
    click_checkbox(app, 1, 1)  # forbid the second
    button(app, "Rerun with locks and forbids").click()
    app.wait_rendered()
    rows = grid_rows(app, showing="locked by the lead")
    assert any(r.startswith("truefalse" + kept_names) and "locked by the lead" in r for r in rows), rows
    assert not any(dropped_names in r for r in rows), rows
    expect(app.page.get_by_text("1 locked pair, 1 forbidden pair")).to_be_visible()

    app.go_to("Overview")  # locks, forbids and the suggestion survive a page switch in the session
    app.go_to("Pairings")
    assert grid_rows(app) == rows
    expect(app.page.get_by_text("1 locked pair, 1 forbidden pair")).to_be_visible()

    placed = int(app.metric("Placed"))
    button(app, f"Accept {placed} pairs" if placed > 1 else "Accept 1 pair").click()
    app.wait_rendered()
    success_text(app, f"Saved {placed} pairing")

    tab(app, "Current pairs").click()
    choose(app, "Pairing", "P-016")
    button(app, "Activate").click()
    app.wait_rendered()
    success_text(app, "Pairing P-016 is active from 24 Jul 2026")

    tab(app, "Current pairs").click()
    choose(app, "Pairing", "P-001")
    app.page.get_by_label("Reason").fill("internship finished")
    button(app, "End pairing").click()
    app.wait_rendered()
    success_text(app, "Pairing P-001 ended on 24 Jul 2026")

    tab(app, "Current pairs").click()  # Mei Chen's pairing ended: rematch her
    app.page.get_by_text("Rematch", exact=True).scroll_into_view_if_needed()  # the tab has settled
    choose(app, "Mentee whose pairing ended", "Mei Chen")
    button(app, "Suggest a new mentor").click()
    app.wait_rendered()
    suggestion = app.page.get_by_text(re.compile(r"^Suggested: .+ \(score \d+\)"))
    expect(suggestion).to_contain_text("Why: ")
    rematched_mentor = re.match(r"Suggested: (.+) \(score", suggestion.inner_text()).group(1)
    button(app, "Accept as proposed").click()
    app.wait_rendered()
    success_text(app, "Saved the new pairing as proposed (P-0")

    tab(app, "Hand-off").click()
    name, payload = download(app, "Pairing sheet (XLSX)", tmp_path)
    assert name == "tandem-pairing-sheet-2026-07-24.xlsx"
    sheet = load_workbook(io.BytesIO(payload)).active
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    header = [c.value for c in sheet[1]]
    records = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
    by_id = {r["Pairing id"]: r for r in records}
    assert by_id["P-016"]["Status"] == "active" and by_id["P-016"]["Starts"] == datetime(2026, 7, 24)  # a date cell
    assert "P-001" not in by_id  # ended pairs are not handed off
    new = [r for r in records if r["Status"] == "proposed" and r["Pairing id"] not in ("P-017",)]
    assert len(new) == placed + 1 and all(r["Why this pair"] and "@" in r["Mentee email"] for r in new)
    assert any(r["Mentee"] == "Mei Chen" and r["Mentor"] == rematched_mentor for r in new)
    assert kept_names.startswith(new[0]["Mentor"]) or any(kept_names.startswith(r["Mentor"]) for r in new)

    choose(app, "Pair", "Olena Kovalenko + Yusuf")
    introduction = app.page.locator('[data-testid="stCode"]').first.inner_text()
    assert introduction.startswith("Subject: Introduction: Olena Kovalenko and Yusuf")
    assert "Hi Olena and Yusuf," in introduction and "by 7 Aug 2026" in introduction
    mail = app.page.get_by_role("link", name=re.compile("Write it as an email")).get_attribute("href")
    assert mail.startswith("mailto:olena.kovalenko@northwind.example,yusuf.demir@northwind.example?subject=")

    # The sample is kept in memory: the sidebar offers the changed data as a download, nothing on disk changed.
    expect(app.sidebar.get_by_role("button", name="Download the data with your changes")).to_be_visible()


def test_the_seniority_gap_is_set_on_the_page_and_a_reversed_one_is_refused(app):
    app.open()
    app.go_to("Pairings")
    app.page.get_by_role("spinbutton", name="Seniority gap, at least").fill("3")
    app.page.get_by_role("spinbutton", name="at most (years)").fill("8")
    app.page.get_by_role("spinbutton", name="at most (years)").press("Tab")
    button(app, "Suggest pairs").click()
    app.wait_rendered()
    expect(app.page.get_by_text("Every mentor is 3 to 8 years more senior than their mentee").first).to_be_visible()
    assert len(grid_rows(app)) == int(app.metric("Placed"))

    app.page.get_by_role("spinbutton", name="Seniority gap, at least").fill("9")
    app.page.get_by_role("spinbutton", name="Seniority gap, at least").press("Tab")
    button(app, "Suggest pairs").click()
    app.wait_rendered()
    expect(app.page.get_by_text("The seniority gap's minimum (9) is above its maximum (8).")).to_be_visible()
