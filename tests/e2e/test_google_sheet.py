"""The dashboard on a Google Sheet in Chromium, against the local Sheets API: connect by URL, read in one
batchGet, edit a roster cell and see exactly that cell change in the sheet, accept and activate pairs, log a
check-in, and keep showing the last data (with saving paused) when the sheet stops answering."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.actions import button, choose, success_text, tab
from tests.e2e.conftest import Tandem


def visible_panel(app):
    return app.page.locator('[data-testid="stTabPanel"]:visible')


def test_connect_edit_a_roster_cell_and_see_the_sheet_change(app, sample_sheet):
    fake, key, url = sample_sheet
    before = fake.values(key, "mentors")
    fake.clear_log()
    app.open()
    app.connect_sheet(url)
    expect(app.sidebar).to_contain_text("In use: Google Sheet 'Northwind mentoring'")
    expect(app.sidebar).to_contain_text("Last synced")
    assert app.metric("People") == "32"  # active people, as on the sample
    reads = [r.kind for r in fake.requests if r.path.startswith(f"/v4/spreadsheets/{key}")]
    assert reads == ["metadata", "batchGet"], reads

    app.go_to("Roster")
    tab(app, "Mentors").click()
    app.page.get_by_text("Edit a mentor").click()
    choose(app, "Time zone", "Europe/Madrid")  # a select of every zone: typed to narrow it, as a person does
    button(app, "Save changes").click()
    app.wait_rendered()
    success_text(app, "Saved 1 change for Ana Ruiz: time zone 'Europe/Lisbon' → 'Europe/Madrid'")
    after = fake.values(key, "mentors")
    changed = [(r, c) for r in range(len(before)) for c in range(len(before[r])) if before[r][c] != after[r][c]]
    assert changed == [(1, before[0].index("timezone"))] and after[1][7] == "Europe/Madrid"
    assert fake.values(key, "changes")[-1][2:8] == ["mentors", "ana.ruiz@northwind.example", "update", "timezone",
                                                     "Europe/Lisbon", "Europe/Madrid"]


def test_a_concurrent_edit_in_the_sheet_is_not_overwritten(app, sample_sheet):
    fake, key, url = sample_sheet
    app.open()
    app.connect_sheet(url)
    app.go_to("Roster")
    tab(app, "Mentors").click()
    app.page.get_by_text("Edit a mentor").click()
    fake.set_cell(key, "mentors", "I2", "5")  # someone edits Ana's capacity in the sheet meanwhile
    visible_panel(app).get_by_label("Cohort", exact=True).fill("Autumn 2026")
    button(app, "Save changes").click()
    app.wait_rendered()
    expect(app.page.locator('[data-testid="stAlertContentError"]').first).to_contain_text(
        "the row for 'ana.ruiz@northwind.example' in tab 'mentors' was changed by someone else")
    versions = visible_panel(app).locator('[data-testid="stDataFrame"]').last  # both versions of the row
    capacity_row = versions.locator('[role="row"]').filter(has_text="capacity")
    expect(capacity_row).to_have_text("capacity35")
    assert fake.values(key, "mentors")[1][8] == "5" and fake.values(key, "mentors")[1][12] == "Summer 2026"
    assert "changes" not in [s.title for s in fake.store.spreadsheets[key].sheets]


def test_accept_activate_and_log_a_check_in_write_through_to_the_sheet(app, sample_sheet):
    fake, key, url = sample_sheet
    pairings_before = len(fake.values(key, "pairings"))
    app.open()
    app.connect_sheet(url)
    app.go_to("Pairings")
    button(app, "Suggest pairs").click()
    app.wait_rendered()
    placed = int(app.metric("Placed"))
    button(app, f"Accept {placed} pairs").click()
    app.wait_rendered()
    success_text(app, f"Saved {placed} pairing")
    rows = fake.values(key, "pairings")
    assert len(rows) == pairings_before + placed
    assert all(r[rows[0].index("status")] == "proposed" and r[0].startswith("P-") for r in rows[-placed:])

    tab(app, "Current pairs").click()
    choose(app, "Pairing", "P-016")
    button(app, "Activate").click()
    app.wait_rendered()
    pairing = next(r for r in fake.values(key, "pairings") if r[0] == "P-016")
    assert pairing[rows[0].index("status")] == "active" and pairing[rows[0].index("started_on")] == "2026-07-24"

    app.go_to("Health")
    tab(app, "Log").click()
    choose(app, "Pair", "Priya Raman + Diego Hernández")
    app.page.get_by_label("Notes").fill("Logged from the browser")
    button(app, "Log check-in").click()
    app.wait_rendered()
    assert fake.values(key, "checkins")[-1][-1] == "Logged from the browser"
    assert [r[-1] for r in fake.values(key, "checkins")].count("Logged from the browser") == 1


def test_when_the_sheet_stops_answering_the_last_data_stays_and_saving_is_paused(app, sample_sheet):
    fake, key, url = sample_sheet
    app.open()
    app.connect_sheet(url)
    fake.share(key, False)  # access withdrawn mid-session
    app.sidebar.get_by_role("button", name="Refresh data").click()
    app.wait_rendered()
    expect(app.sidebar).to_contain_text("Stale: showing what was read at")
    expect(app.page.get_by_text("Saving is paused until it can be read again")).to_be_visible()
    assert app.metric("People") == "32"  # active people, as on the sample  # the lead's data, never the sample in its place
    app.go_to("Health")
    tab(app, "Log").click()
    choose(app, "Pair", "Priya Raman + Diego Hernández")
    button(app, "Log check-in").click()
    app.wait_rendered()
    expect(app.page.get_by_text("Nothing was saved: the data source cannot be read right now")).to_be_visible()
    fake.share(key, True)
    checkins = len(fake.values(key, "checkins"))
    app.sidebar.get_by_role("button", name="Refresh data").click()
    app.wait_rendered()
    expect(app.sidebar).not_to_contain_text("Stale")
    assert len(fake.values(key, "checkins")) == checkins


def test_a_blank_sheet_names_its_tabs_and_gets_tandems_tabs_on_request(app, sheets_api):
    key = sheets_api.add_spreadsheet("Blank program", {"Sheet1": []})
    app.open()
    app.connect_sheet(f"https://docs.google.com/spreadsheets/d/{key}/edit")
    expect(app.page.locator('[data-testid="stAlertContentError"]').first).to_contain_text(
        "has no 'mentors' or 'mentees' tab (tabs found: 'Sheet1')")
    app.page.get_by_role("button", name="Add Tandem's tabs to this sheet").click()
    app.wait_rendered()
    titles = [s.title for s in sheets_api.store.spreadsheets[key].sheets]
    assert titles == ["Sheet1", "mentors", "mentees", "pairings", "checkins", "feedback", "goals", "outcomes", "settings"]
    assert sheets_api.values(key, "mentors")[0][:3] == ["email", "name", "team"]
    assert app.metric("People") == "0"  # the Overview now opens on the empty program
    added = "Added the tabs mentors, mentees, pairings, checkins, feedback, goals, outcomes, settings"
    expect(app.page.get_by_text(added)).to_be_visible()


def test_two_sessions_editing_the_same_row_the_second_save_is_refused_with_both_versions(browser, server_url,
                                                                                         sample_sheet):
    fake, key, url = sample_sheet
    leads = []
    for _ in range(2):  # two people, two browsers, one sheet
        context = browser.new_context(base_url=server_url, viewport={"width": 1400, "height": 1000})
        context.set_default_timeout(30_000)
        lead = Tandem(context.new_page())
        lead.open()
        lead.connect_sheet(url)
        lead.go_to("Roster")
        tab(lead, "Mentors").click()
        lead.page.get_by_text("Edit a mentor").click()
        leads.append(lead)
    first, second = leads
    try:
        visible_panel(first).get_by_label("Capacity", exact=True).fill("4")
        button(first, "Save changes").click()
        first.wait_rendered()
        success_text(first, "Saved 1 change for Ana Ruiz")

        visible_panel(second).get_by_label("Capacity", exact=True).fill("1")
        button(second, "Save changes").click()
        second.wait_rendered()
        expect(second.page.locator('[data-testid="stAlertContentError"]').first).to_contain_text(
            "was changed by someone else since the dashboard read it")
        capacity_row = visible_panel(second).locator('[data-testid="stDataFrame"]').last.locator(
            '[role="row"]').filter(has_text="capacity")
        expect(capacity_row).to_have_text("capacity34")  # as the second lead saw it, and as it is now
        assert fake.values(key, "mentors")[1][8] == "4"  # the first save stands
        assert [r[5] for r in fake.values(key, "changes")[1:]] == ["capacity"]
    finally:
        for lead in leads:
            lead.page.context.close()
