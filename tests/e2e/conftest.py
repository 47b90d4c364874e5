"""Real-browser tests: one `streamlit run app.py` server for the session, Debian's Chromium through Playwright.

Every test gets a fresh browser context, and a new context is a new Streamlit session, so state never leaks
between tests. Nothing here writes inside the repository: test files live in pytest's tmp_path.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
TIMEOUT_MS = 30_000
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def pytest_collection_modifyitems(config, items):
    """Mark every test in this folder `e2e` (this hook sees the whole session, so filter by path)."""
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.e2e)


# --- the server -----------------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="session")
def sheets_api():
    """One local Sheets API for the browser session; the dashboard's server talks to it through
    GOOGLE_SHEETS_API_URL. Each test adds its own spreadsheet (see `sample_sheet`)."""
    from tests.fake_sheets import FakeSheets

    fake = FakeSheets()
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture
def sample_sheet(sheets_api):
    """A fresh copy of the sample as a Google Sheet: (fake, key, URL as a lead pastes it)."""
    from tests.conftest import SAMPLE

    key = sheets_api.add_from_csv_folder(SAMPLE, "Northwind mentoring", locale="en_GB")
    yield sheets_api, key, f"https://docs.google.com/spreadsheets/d/{key}/edit#gid=0"
    assert not sheets_api.internal_errors, sheets_api.internal_errors


@contextlib.contextmanager
def serve_dashboard(secrets_text: str, folder: Path, env: dict[str, str] | None = None):
    """`streamlit run app.py` on a free loopback port with its own secrets file; yields the base URL."""
    port = _free_port()
    log = tempfile.TemporaryFile(mode="w+b")
    secrets = folder / "secrets.toml"
    secrets.write_text(secrets_text, encoding="utf-8")
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
               "--secrets.files", str(secrets)]
    process = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
                               env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})

    def output() -> str:
        log.seek(0)
        return log.read().decode(errors="replace")[-5000:]

    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while not _healthy(f"{base}/_stcore/health"):
            if process.poll() is not None:
                pytest.fail(f"streamlit exited with code {process.returncode}:\n{output()}", pytrace=False)
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit was not healthy after 60 s:\n{output()}", pytrace=False)
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def server_url(tmp_path_factory, sheets_api):
    # An empty secrets file of our own, so a developer's .streamlit/secrets.toml (data_source = their real
    # data) never replaces the sample data the tests expect.
    with serve_dashboard("# e2e: no data_source, the app starts on the sample data\n",
                         tmp_path_factory.mktemp("streamlit"), {"GOOGLE_SHEETS_API_URL": sheets_api.base_url}) as url:
        yield url


# --- the browser ----------------------------------------------------------------------------------------------

def _chromium_path() -> str | None:
    wanted = os.environ.get("CHROMIUM")
    if wanted:
        return shutil.which(wanted) or (wanted if Path(wanted).is_file() else None)
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    executable = _chromium_path()
    if executable is None:
        message = ("No Chromium found for the browser tests: install Debian's chromium (`apt-get install chromium`, "
                   "or `make browser`) or set CHROMIUM=/path/to/chromium.")
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser, server_url):
    """A fresh context (so a fresh Streamlit session) and page; its URLs are relative to the server."""
    context = browser.new_context(base_url=server_url, accept_downloads=True,
                                  viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


# --- helpers (exposed as fixtures so test modules need no imports from here) ----------------------------------

_IDLE_JS = """() => {
    const main = document.querySelector('[data-testid="stMainBlockContainer"]');
    if (!main || !main.querySelector('[data-testid="stElementContainer"]')) return false;
    if (document.querySelector('[data-stale="true"]')) return false;
    const status = document.querySelector('[data-testid="stStatusWidget"]');
    return !status || status.getClientRects().length === 0 || getComputedStyle(status).visibility === 'hidden';
}"""


def wait_rendered(page, timeout: float = TIMEOUT_MS) -> None:
    """Wait until the app shows content and is idle (no script running), then require no exception on screen."""
    page.locator('[data-testid="stAppViewContainer"]').wait_for(state="attached", timeout=timeout)
    for _ in range(3):  # idle three times 150 ms apart: a rerun can start just after an idle moment
        page.wait_for_function(_IDLE_JS, timeout=timeout, polling=100)
        page.wait_for_timeout(150)
    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, f"the app shows an exception:\n{exceptions.first.inner_text()}"


class Tandem:
    """What a person does and reads in the dashboard, on top of a Playwright page."""

    def __init__(self, page):
        self.page = page
        self.sidebar = page.locator('[data-testid="stSidebar"]')

    def open(self, path: str = "/") -> None:
        self.page.goto(path)
        self.wait_rendered()

    def wait_rendered(self) -> None:
        wait_rendered(self.page)

    def go_to(self, title: str) -> None:
        """Click a page in the sidebar navigation, as a person would."""
        link = self.page.locator('[data-testid="stSidebarNav"] a').filter(has_text=title)
        link.click()
        link.and_(self.page.locator('[aria-current="page"]')).wait_for()
        self.wait_rendered()

    def connect_sheet(self, url: str) -> None:
        """Choose Google Sheet in the sidebar, paste the URL and connect, as a lead would."""
        self.choose_source("Google Sheet")
        self.sidebar.get_by_label("Google Sheets URL or key").fill(url)
        self.sidebar.get_by_role("button", name="Connect").click()
        self.wait_rendered()

    def choose_source(self, option: str) -> None:
        self.sidebar.locator('[data-testid="stRadioOption"]').filter(has_text=option).click()
        self.wait_rendered()

    def metric(self, label: str) -> str:
        """The value shown under a metric's label."""
        exact = re.compile(rf"^\s*{re.escape(label)}\s*$")  # "Mentees" must not match "Unmatched mentees"
        metric = self.page.locator('[data-testid="stMetric"]').filter(
            has=self.page.locator('[data-testid="stMetricLabel"]', has_text=exact))
        return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


@pytest.fixture
def app(page) -> Tandem:
    return Tandem(page)
