"""The Overview in Chromium at 1280 px, as a new lead first sees it: what Tandem is for, next steps that open the
page that acts, figures that agree with the pages behind them, and tables that show every column.

With TANDEM_UPDATE_DOCS=1 this test also writes the README's picture, docs/overview.png, so it shows the page as
it is."""

from __future__ import annotations

import os
import re
from pathlib import Path

from playwright.sync_api import expect

DOCS = Path(__file__).resolve().parents[2] / "docs"

# Every grid's scroller: the canvas grid scrolls sideways when a column does not fit.
OVERFLOWING_GRIDS_JS = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')].map(grid => {
    const scroller = grid.querySelector('.dvn-scroller');
    return scroller ? [scroller.scrollWidth, scroller.clientWidth] : null;
}).filter(size => size && size[0] > size[1] + 1)"""


def test_the_overview_orients_a_new_lead_and_its_steps_open_the_pages_that_act(app, tmp_path):
    app.page.set_viewport_size({"width": 1280, "height": 900})
    app.open()
    expect(app.page.get_by_text(re.compile("^Tandem pairs your interns with mentors"))).to_be_visible()
    waiting = app.page.get_by_text("5 interns are waiting for a mentor", exact=True)
    expect(waiting).to_be_visible()
    expect(app.page.get_by_text("3 pairs are at risk", exact=True)).to_be_visible()
    assert app.metric("Pairs at risk") == "3"
    assert app.metric("Pairs on plan") == "79%"  # 11 of 14 active pairs keep the program plan (Health's checklists)
    delta = app.page.locator('[data-testid="stMetric"]').filter(has_text="Check-ins this month").locator(
        '[data-testid="stMetricDelta"]')
    expect(delta).to_contain_text("against 1–24 Jun")  # like with like, and the card says which

    grids = app.page.locator('[data-testid="stDataFrame"]')
    expect(grids).to_have_count(2)
    app.page.wait_for_timeout(300)  # the canvas grids size their columns once drawn
    assert app.page.evaluate(OVERFLOWING_GRIDS_JS) == [], "a grid on the Overview hides columns at 1280 px"
    for grid, header in ((grids.nth(0), "Waiting (days)"), (grids.nth(1), "Left")):
        if header == "Waiting (days)":
            header = "Prefers"  # the sample has no sign-up times: the last column is the preferred type
        expect(grid.locator('[role="columnheader"]').filter(has_text=header)).to_have_count(1)
    toasts = app.page.locator('[data-testid="stToast"] button')  # the open-access notice: not in the picture
    for k in range(toasts.count()):
        toasts.nth(k).click()
    expect(app.page.locator('[data-testid="stToast"]')).to_have_count(0)
    shot = (DOCS if os.environ.get("TANDEM_UPDATE_DOCS") == "1" else tmp_path) / "overview.png"
    app.page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000

    app.page.locator('[data-testid="stPageLink"]').filter(has_text="Suggest pairs").click()
    app.wait_rendered()
    expect(app.page.locator("h1")).to_have_text("Pairings")
    app.go_to("Overview")
    app.page.locator('[data-testid="stPageLink"]').filter(has_text="See why on Health").click()
    app.wait_rendered()
    expect(app.page.locator("h1")).to_have_text("Relationship health")
    assert app.metric("At risk") == "3"  # the figure the Overview gave
