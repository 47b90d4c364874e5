"""Names and notes are user data: in Chromium, markup in them shows as the text it is. Two people of the sample get
names that would inject an element, run a script or render Markdown; every page is visited and used, and the
page must hold no injected element, run nothing, and show the names literally."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.actions import button, choose, open_folder, tab

IMAGE = "<img src=x onerror=window.__pwned=1>Priya"
SCRIPT = "<script>window.__pwned=2</script>**Diego** [home](javascript:window.__pwned=3) <b>bold</b>"
RENAMED = {"Priya Raman": IMAGE, "Diego Hernández": SCRIPT}


def rename_with_markup(folder) -> None:
    for path in folder.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        for name, markup in RENAMED.items():  # no commas or quotes: the CSV stays as it was, names aside
            text = text.replace(name, markup)
        path.write_text(text, encoding="utf-8")


def assert_nothing_injected(app, dialogs: list[str]) -> None:
    page = app.page
    assert page.evaluate("() => window.__pwned === undefined"), "a script from a name ran"
    assert dialogs == []
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert not page.evaluate("() => [...document.scripts].some(s => s.textContent.includes('__pwned'))")
    assert page.locator("strong, b", has_text="Diego").count() == 0  # Markdown and HTML stay text
    assert page.locator("b", has_text="bold").count() == 0


def search(app, words: str) -> None:
    box = app.page.get_by_label("Search names, emails, skills").filter(visible=True)
    box.fill(words)
    box.press("Enter")
    app.wait_rendered()


def shown_in_a_table(app, text: str) -> None:
    """`text` is in a row of a table on screen (tables are drawn on a canvas; their rows carry the text)."""
    rows = app.page.locator('[data-testid="stDataFrame"] [role="row"]')
    expect(rows.filter(has_text=text).first).to_be_attached()


def test_names_with_markup_show_as_text_on_every_page(app, sample_copy):
    dialogs: list[str] = []
    app.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    rename_with_markup(sample_copy)
    open_folder(app, sample_copy)
    assert_nothing_injected(app, dialogs)

    app.go_to("Health")  # the silent pair is Priya and Diego: their names are in the at-risk list
    expect(app.page.get_by_text(f"At risk: {IMAGE} + {SCRIPT} (score 25)", exact=True)).to_be_visible()
    tab(app, "One pair").click()
    choose(app, "Pair", f"{IMAGE} + <script>")
    expect(app.page.get_by_text(SCRIPT).first).to_be_attached()
    assert_nothing_injected(app, dialogs)

    app.go_to("Roster")
    search(app, "priya")  # Priya mentors, Diego is a mentee
    shown_in_a_table(app, IMAGE)
    tab(app, "Mentees").click()
    search(app, "diego")
    shown_in_a_table(app, SCRIPT)
    assert_nothing_injected(app, dialogs)

    app.go_to("Pairings")
    button(app, "Suggest pairs").click()
    app.wait_rendered()
    tab(app, "Current pairs").click()
    shown_in_a_table(app, IMAGE)
    assert_nothing_injected(app, dialogs)

    app.go_to("Guides")
    tab(app, "Kickoff sheets").click()
    choose(app, "One pair", f"{IMAGE} + <script>")
    chosen = app.page.locator('[data-testid="stSelectbox"]').filter(has_text="One pair")
    expect(chosen.locator("input")).to_have_value(re.compile("^" + re.escape(f"{IMAGE} + {SCRIPT}")))
    assert_nothing_injected(app, dialogs)

    app.go_to("Overview")
    assert_nothing_injected(app, dialogs)
