"""A bounded load on one dashboard server: several Chromium sessions (4 in CI; TANDEM_LOAD_SESSIONS=20 for the
documented local run) on one Google Sheet served by the local Sheets API, each pressing Refresh data and logging
check-ins for TANDEM_LOAD_SECONDS (60). Afterwards the sheet holds exactly the rows written, no page showed an
error, and the Sheets API saw at most one batchGet per refresh beyond what the writes themselves read.
Prints the figures the README quotes (run with -s to see them)."""

from __future__ import annotations

import asyncio
import os
import statistics
import threading
import time
from dataclasses import dataclass, field

import pytest
from playwright.async_api import async_playwright

from tests.e2e.conftest import _IDLE_JS, CHROMIUM_ARGS, _chromium_path

SESSIONS = int(os.environ.get("TANDEM_LOAD_SESSIONS", "4"))
SECONDS = float(os.environ.get("TANDEM_LOAD_SECONDS", "60"))
PAIRS = ["Priya Raman + Diego Hernández", "Ana Ruiz + Mei Chen", "Aiko Tanaka + Chidi Okonkwo",
         "José Martínez + Noah Fischer"]


@dataclass
class Session:
    index: int
    notes: list[str] = field(default_factory=list)
    refreshes: int = 0
    seconds: list[float] = field(default_factory=list)  # per action, click to idle page
    errors: list[str] = field(default_factory=list)


async def idle(page) -> None:
    for _ in range(3):
        await page.wait_for_function(_IDLE_JS, polling=100, timeout=60_000)
        await page.wait_for_timeout(150)
    for selector in ('[data-testid="stException"]', '[data-testid="stAlertContentError"]'):
        if await page.locator(selector).count():
            raise AssertionError(await page.locator(selector).first.inner_text())


async def timed(session: Session, page, action) -> None:
    started = time.monotonic()
    await action()
    await idle(page)
    session.seconds.append(time.monotonic() - started)


async def run_session(browser, base: str, url: str, session: Session, ready: asyncio.Barrier) -> None:
    context = await browser.new_context(base_url=base, viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(60_000)
    page = await context.new_page()
    sidebar = page.locator('[data-testid="stSidebar"]')
    try:
        await page.goto("/")
        await idle(page)
        await sidebar.locator('[data-testid="stRadioOption"]').filter(has_text="Google Sheet").click()
        await idle(page)
        await sidebar.get_by_label("Google Sheets URL or key").fill(url)
        await sidebar.get_by_role("button", name="Connect").click()
        await idle(page)
        await page.locator('[data-testid="stSidebarNav"] a').filter(has_text="Health").click()
        await idle(page)
        await page.get_by_role("tab", name="Log").click()
        pair = PAIRS[session.index % len(PAIRS)]
        await page.locator('[data-testid="stSelectbox"]:visible').filter(has_text="Pair").first.click()
        await page.get_by_role("option", name=pair).click()
        await idle(page)
        await ready.wait()  # the minute starts when every session is on the page
        deadline = time.monotonic() + SECONDS
        while time.monotonic() < deadline:
            await timed(session, page, lambda: sidebar.get_by_role("button", name="Refresh data").click())
            session.refreshes += 1
            note = f"load {session.index}-{len(session.notes)}"
            await page.get_by_role("tab", name="Log").click()
            await page.get_by_label("Notes").fill(note)
            await timed(session, page, lambda: page.get_by_role("button", name="Log check-in").click())
            success = await page.locator('[data-testid="stAlertContentSuccess"]').first.inner_text()
            if f"Logged a check-in for {pair}" not in success:
                raise AssertionError(f"no confirmation after logging {note!r}: {success!r}")
            session.notes.append(note)
    except Exception as exc:  # noqa: BLE001 - every session's failure is reported together below
        ready.abort()  # never leave the others waiting for a session that failed to start
        session.errors.append(f"{type(exc).__name__} after {len(session.notes)} check-ins: {exc}"[:1500])
    finally:
        await context.close()


async def load(base: str, url: str) -> list[Session]:
    sessions = [Session(i) for i in range(SESSIONS)]
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=_chromium_path(), args=CHROMIUM_ARGS)
        try:
            ready = asyncio.Barrier(len(sessions))
            await asyncio.gather(*(run_session(browser, base, url, s, ready) for s in sessions))
        finally:
            await browser.close()
    return sessions


def in_own_thread(coroutine):
    """The sync Playwright of the other browser tests owns this thread's event loop: run ours beside it."""
    result: list = []
    worker = threading.Thread(target=lambda: result.append(asyncio.run(coroutine)))
    worker.start()
    worker.join()
    return result[0]


@pytest.mark.timeout(240 + SECONDS + 30 * SESSIONS)  # start-up grows with the number of browser sessions
def test_sessions_refreshing_and_logging_at_once_lose_nothing_and_read_once_per_refresh(server_url, sample_sheet,
                                                                                        browser):
    fake, key, url = sample_sheet
    before = fake.values(key, "checkins")
    fake.clear_log()
    started = time.monotonic()
    sessions = in_own_thread(load(server_url, url))
    elapsed = time.monotonic() - started
    errors = [f"session {s.index}: {e}" for s in sessions for e in s.errors]
    assert not errors, errors

    written = [n for s in sessions for n in s.notes]
    rows = fake.values(key, "checkins")
    assert rows[: len(before)] == before  # nothing that was there changed
    assert sorted(r[-1] for r in rows[len(before):]) == sorted(written)  # each written row exactly once
    ids = [r[0] for r in rows[1:]]
    assert len(ids) == len(set(ids))  # sequential ids (C-0068, ...) stay unique though sessions append at once
    header, *changes = fake.values(key, "changes")
    appends = [c for c in changes if c[header.index("action")] == "append"]
    renumbered = [c for c in changes if c[header.index("action")] != "append"]
    assert len(appends) == len(written)
    # a row that took an id another session's row holds first is renumbered: one update of its id cell each
    assert all(c[header.index("field")] == "id" for c in renumbered), renumbered

    refreshes = sum(s.refreshes for s in sessions)
    batch_gets, metadata = fake.count("batchGet"), fake.count("metadata")
    # Each write reads its tab once before appending and once after (its new id is checked), and the page after
    # it reads the sheet once (the write cleared the cache); each refresh is one batchGet; each session's first
    # read one more; a renumbering reads its row once more, and its tab once more to check again.
    assert batch_gets <= refreshes + 3 * len(written) + SESSIONS + 2 * len(renumbered), (batch_gets, refreshes,
                                                                                          len(written))
    assert metadata <= 2 * SESSIONS  # one per session's open, and one for a session that lost the race to
    # create the changes tab (it reads the tabs again instead of failing)
    actions = sorted(t for s in sessions for t in s.seconds)
    print(f"\nload: {SESSIONS} sessions for {SECONDS:.0f} s ({elapsed:.0f} s with start-up): "
          f"{refreshes} refreshes, {len(written)} check-ins logged ({len(renumbered)} renumbered), {batch_gets} "
          f"batchGets, {metadata} metadata "
          f"requests; action to idle page: median {statistics.median(actions):.2f} s, "
          f"95th percentile {actions[int(0.95 * (len(actions) - 1))]:.2f} s, slowest {actions[-1]:.2f} s")
    assert all(s.notes for s in sessions) and refreshes >= SESSIONS
