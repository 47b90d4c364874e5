"""The one adapter between Streamlit and lib/: session state, caching and the current data source. It draws nothing.

Every session-state key Tandem owns is named here or made by `session_value`; pages and parts go through these
functions, so what survives a rerun, a page switch or a write is decided in one place.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import Callable, TypeVar

import streamlit as st

from lib.errors import ContractError, StaleData, TandemError
from lib.guides import library
from lib.guides.library import Guide
from lib.reading.dataset import Dataset
from lib.reading.loader import load
from lib.sources import (
    Source,
    UnavailableSource,
    open_source,
    sample_source,
    upload_source,
)
from lib.writing.writer import Writer

SOURCE, DATA, VERSION, SHOWN = "tandem_source", "tandem_data", "tandem_version", "tandem_shown"
DERIVED = "tandem_derived"
SAMPLE_ORIGIN = "sample"
MAX_DERIVED = 64  # results kept per session (charts for each filter tried, the health table...)
# Health's "End pairing and rematch" opens the Pairings page's tab of current pairs, its rematch on that mentee
REMATCH_MENTEE = "rematch_mentee"
PAIRINGS_TAB, CURRENT_PAIRS_TAB = "pairings_tab", "Current pairs"
SHEET_TTL = 60  # seconds: a shared sheet is read again at most this often unless the lead presses Refresh
T = TypeVar("T")


def _signature(source: Source) -> tuple:
    """What changes when the data behind a source may have changed: file times on disk, or for a live sheet
    (where others edit at any moment) the current TTL period."""
    if source.live:
        return (int(time.time() // SHEET_TTL),)
    return tuple((str(p), p.stat().st_mtime_ns) for p in source.stored_files())


@st.cache_data(ttl=300, show_spinner=False, max_entries=8)
def _load_location(location: str, signature: tuple) -> Dataset:
    return load(open_source(location))


@st.cache_data(ttl=SHEET_TTL, show_spinner=False, max_entries=8)
def _load_sheet(key: str, signature: tuple, _source: Source) -> Dataset:
    """One batchGet per sheet and TTL period, shared by every session (the session's source does the reading,
    so the sheet's metadata is fetched once per session)."""
    return load(_source)


@st.cache_resource(show_spinner=False, max_entries=4)
def _parsed_guides(folder: str, stamp: tuple) -> list[Guide]:
    return library.load_guides(folder)


def guides() -> list[Guide]:
    """The guides folder (lib.guides), parsed once per version of its files: a lead may edit a guide while the
    dashboard runs, and the next rerun reads it again. A malformed guide raises GuideError, every time."""
    folder = Path(library.GUIDES_DIR)
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.md"))) if folder.is_dir() else ()
    return _parsed_guides(str(folder), stamp)


def secret(name: str):
    """A value of .streamlit/secrets.toml, or None (also when there is no secrets file at all)."""
    try:
        return st.secrets.get(name) or None
    except FileNotFoundError:
        return None


def configured_location() -> str | None:
    """`data_source` from .streamlit/secrets.toml: the lead's own data to open at start instead of the sample."""
    return secret("data_source")


def google_credentials() -> dict | None:
    """The service account from secrets ([gcp_service_account]); lib falls back to GOOGLE_APPLICATION_CREDENTIALS."""
    info = secret("gcp_service_account")
    return dict(info) if info else None


def service_account_email() -> str | None:
    """The address a lead shares the sheet with (from the configured service account), when there is one."""
    info = google_credentials()
    return str(info["client_email"]) if info and info.get("client_email") else None


# --- the current source and its data ----------------------------------------------------------------------------

def current_source() -> Source:
    if SOURCE not in st.session_state:
        location = configured_location()
        if location:
            try:
                source = open_source(location, google_credentials())
            except TandemError as exc:  # say so; never fall back to the sample in place of the lead's data
                source = UnavailableSource(location, str(exc))
            source.origin = location
        else:
            source = sample_source()
            source.origin = SAMPLE_ORIGIN
        st.session_state[SOURCE] = source
    return st.session_state[SOURCE]


def is_sample() -> bool:
    return current_source().origin == SAMPLE_ORIGIN


def use_source(source: Source, origin: str) -> None:
    """Switch the data source; the next `current_data` call loads it."""
    source.origin = origin
    st.session_state[SOURCE] = source
    st.session_state.pop(DATA, None)


def use_sample() -> None:
    use_source(sample_source(), SAMPLE_ORIGIN)


def open_location(location: str) -> str | None:
    """Open a sheet URL, a folder or a workbook path; returns an error message instead of raising."""
    try:
        use_source(open_source(location, google_credentials()), origin=location)
    except TandemError as exc:
        return str(exc)
    return None


def open_uploads(files: list[tuple[str, bytes]], origin: str) -> str | None:
    try:
        use_source(upload_source(files), origin=origin)
    except TandemError as exc:
        return str(exc)
    return None


def _read(source: Source, signature: tuple, force: bool) -> Dataset:
    if source.live:
        if force:
            _load_sheet.clear()
        return _load_sheet(source.key, signature, source)
    if source.in_place and source.origin:  # a file on disk, cached by its path and file times
        if force:
            _load_location.clear()
        return _load_location(source.origin, signature)
    return load(source)  # in-memory copies, and a source that could not be opened (it says why)


def current_data(force: bool = False) -> tuple[Dataset | None, str | None]:
    """The validated data of the current source, or the reason it cannot be read. When a source that was read
    before cannot be read now, its last data stays on screen, marked stale (`is_stale`), and writes are blocked."""
    source = current_source()
    key = (id(source), st.session_state.get(VERSION, 0), _signature(source))
    cached = st.session_state.get(DATA)
    if cached and cached["key"] == key and not force:
        return cached["data"], cached["error"]
    try:
        entry = {"data": _read(source, key[2], force), "error": None, "loaded_at": datetime.now(), "stale": False}
    except TandemError as exc:
        same_source = cached and cached["key"][0] == id(source) and cached["data"] is not None
        if same_source:  # keep what was read last, never another source's data
            entry = {**cached, "error": str(exc), "stale": True}
        else:
            entry = {"data": None, "error": str(exc), "loaded_at": None, "stale": False,
                     "lacks_tabs": isinstance(exc, ContractError)}
    st.session_state[DATA] = {**entry, "key": key}
    return entry["data"], entry["error"]


def loaded_at() -> datetime | None:
    cached = st.session_state.get(DATA)
    return cached["loaded_at"] if cached else None


def is_stale() -> bool:
    """The data on screen is the last that could be read; the source cannot be read now."""
    cached = st.session_state.get(DATA)
    return bool(cached and cached.get("stale"))


def lacks_tabs() -> bool:
    """The source was reached but has no mentors or mentees tab (a blank spreadsheet, say)."""
    cached = st.session_state.get(DATA)
    return bool(cached and cached.get("lacks_tabs"))


def data_version() -> int:
    """Changes after every write: results computed from older data are stale."""
    return st.session_state.get(VERSION, 0)


def after_write() -> None:
    """Writes change the data: drop what was cached so the next read is fresh."""
    st.session_state[VERSION] = data_version() + 1
    _load_location.clear()
    _load_sheet.clear()


def begin_run() -> None:
    """Called by app.py before any page runs. A click or a submitted form acts on what the previous run showed;
    if this run reads fresher data (the sheet's cache expired), writes must still be checked against what the
    person saw, or someone else's edit made in between would be overwritten without a word."""
    cached = st.session_state.get(DATA)
    shown = cached.get("data") if cached else None
    st.session_state[SHOWN] = (cached["key"][:2], shown.tables) if shown is not None else None


def writer(data: Dataset) -> Writer:
    """A writer on the current source that checks rows against what the person saw (the previous run's data
    when it was of this source and version, else this page's). Refused while the data is stale: a change
    decided on old data must not reach the sheet."""
    if is_stale():
        cached = st.session_state[DATA]
        raise StaleData(f"Nothing was saved: the data source cannot be read right now ({cached['error']}), so the "
                        "page shows the data read earlier. Press Refresh data once the source is back, then try again.")
    shown = st.session_state.get(SHOWN)
    current = (id(current_source()), data_version())
    return Writer(current_source(), shown[1] if shown and shown[0] == current else data.tables)


def writer_for(tables: dict) -> Writer:
    """A writer on the current source for a page that works on the tabs as read (the data may not load yet)."""
    data, _ = current_data()
    return writer(data) if data is not None else Writer(current_source(), tables)


# --- what is worked out from the data -----------------------------------------------------------------------------

def derived(name: str, data: Dataset, compute: Callable[[], T], *key: object) -> T:
    """`compute()` once per data read (and `key`, e.g. an as-of date): a rerun that changes nothing in the data
    (a click in a chart, a tab, a filter) reuses the result. Kept per session, for the current data only."""
    store = st.session_state.setdefault(DERIVED, {"data": None, "results": {}})
    if store["data"] is not data:  # new data: everything worked out from the old is dropped
        store["data"], store["results"] = data, {}
    results, entry = store["results"], (name, *key)
    if entry in results:
        results[entry] = results.pop(entry)  # the most recently used stays
    else:
        while len(results) >= MAX_DERIVED:  # a lead trying many filters: the oldest results go first
            results.pop(next(iter(results)))
        results[entry] = compute()
    return results[entry]


# --- values kept for this browser session -------------------------------------------------------------------------

def session_value(key: str, default):
    """A value kept across reruns and page switches for this browser session."""
    return st.session_state.setdefault(key, default)


def value(key: str, default=None):
    """A value kept for this browser session, or `default` (nothing is stored)."""
    return st.session_state.get(key, default)


def set_value(key: str, value) -> None:
    st.session_state[key] = value


def take_value(key: str, default=None):
    """A value kept for one rerun: read once, then gone."""
    return st.session_state.pop(key, default)


def forget_value(*keys: str) -> None:
    for key in keys:
        st.session_state.pop(key, None)
