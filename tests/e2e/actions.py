"""What a person does in the dashboard, shared by the browser tests: click a button, pick an option, open a tab,
download a file, open a local folder, read a success message."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect


def button(app, name: str):
    return app.page.get_by_role("button", name=name, exact=True)


def choose(app, label: str, option_start: str) -> None:
    """Open a selectbox by its label, type the start of the option to narrow a long list (only the options in view
    are drawn), and pick the option that starts with `option_start`."""
    exact = app.page.get_by_text(re.compile("^" + re.escape(label) + "$"), exact=True)
    select = app.page.locator('[data-testid="stSelectbox"]').filter(has=exact).filter(visible=True)
    starts = "^" + re.escape(option_start).replace("/", r"\/")  # Playwright's selector reads / as the end
    option = app.page.get_by_role("option", name=re.compile(starts))
    box = select.get_by_role("combobox")
    for _ in range(3):  # keys typed while the list is still opening can be lost: then type them again
        select.click()
        expect(box).to_be_focused()
        box.press_sequentially(option_start, delay=20)
        try:
            option.first.wait_for(timeout=3000)
            break
        except PlaywrightTimeout:
            app.page.keyboard.press("Escape")
            box.fill("")
    option.first.click()
    app.wait_rendered()


def tab(app, label_start: str):
    return app.page.locator('[data-testid="stTab"]').filter(has_text=label_start)


def download(app, button_text: str, tmp_path: Path):
    """Click a download button and return (suggested name, bytes)."""
    button = app.page.locator('[data-testid="stDownloadButton"] button').filter(has_text=button_text)
    with app.page.expect_download() as info:
        button.click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    return info.value.suggested_filename, saved.read_bytes()


def open_folder(app, folder: Path) -> None:
    """Open the dashboard on a CSV folder (or .xlsx) on this computer, as a lead would."""
    app.open()
    app.choose_source("Folder or .xlsx on this computer")
    open_location(app, str(folder))


def open_location(app, location: str) -> None:
    app.sidebar.get_by_label("Path to a CSV folder or an .xlsx workbook").fill(location)
    app.sidebar.locator('[data-testid="stFormSubmitButton"] button').filter(has_text="Open").click()
    app.wait_rendered()


def success_text(app, containing: str) -> str:
    """The success message that contains `containing`, once it shows: an earlier message can stay on screen
    while the click's rerun is on its way, so reading "the first success message" could read the old one."""
    message = app.page.locator('[data-testid="stAlertContentSuccess"]').filter(has_text=containing).first
    expect(message).to_be_visible()
    return message.inner_text()
