"""A deployment locked with a passphrase, in Chromium: nothing of the program shows before it is given, a wrong
one is refused, the right one opens every page for that browser session only."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from lib.access import hash_passphrase
from tests.e2e.conftest import TIMEOUT_MS, Tandem, serve_dashboard

PHRASE = "long walks with mentors"


@pytest.fixture(scope="module")
def locked_url(tmp_path_factory):
    secrets = f'[access]\npassphrase_hash = "{hash_passphrase(PHRASE, iterations=50_000)}"\n'
    with serve_dashboard(secrets, tmp_path_factory.mktemp("locked")) as url:
        yield url


def visit(browser, url: str) -> Tandem:
    context = browser.new_context(base_url=url, viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(TIMEOUT_MS)
    app = Tandem(context.new_page())
    app.open()
    return app


def test_the_passphrase_gate_hides_everything_until_unlocked(browser, locked_url):
    app = visit(browser, locked_url)
    try:
        expect(app.page.get_by_text("enter the team's passphrase to open it")).to_be_visible()
        body = app.page.locator("body").inner_text()
        assert "Northwind" not in body and "Ana Ruiz" not in body and "Data source" not in body
        assert app.page.locator('[data-testid="stSidebarNav"] a').count() == 0

        app.page.goto("/roster")  # a page asked for by its address is locked too
        app.wait_rendered()
        assert "Ana Ruiz" not in app.page.locator("body").inner_text()

        app.page.get_by_label("Passphrase").fill("not the right one")
        app.page.get_by_role("button", name="Unlock").click()
        app.wait_rendered()
        expect(app.page.get_by_text("That passphrase is not right.")).to_be_visible()

        app.page.get_by_label("Passphrase").fill(PHRASE)
        app.page.get_by_role("button", name="Unlock").click()
        app.wait_rendered()
        expect(app.page.get_by_text("Everyone in the program")).to_be_visible()  # the page asked for
        app.go_to("Overview")
        assert app.metric("People") == "32"
    finally:
        app.page.context.close()
    other = visit(browser, locked_url)  # another browser session starts locked
    try:
        expect(other.page.get_by_label("Passphrase")).to_be_visible()
    finally:
        other.page.context.close()
