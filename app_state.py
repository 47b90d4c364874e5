"""The one adapter between Streamlit and lib/: session state, caching and the current data source."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import streamlit as st

from lib.dataset import Dataset
from lib.text import markdown_text
from lib.access import OPEN, PASSPHRASE, AccessConfigError, AccessPolicy, AttemptLimiter, check_passphrase, \
    email_allowed
from lib.errors import ContractError, StaleData, TandemError
from lib.sources import Source, UnavailableSource, open_source, sample_source, upload_source
from lib.writer import Writer

SOURCE, DATA, VERSION, SHOWN = "tandem_source", "tandem_data", "tandem_version", "tandem_shown"
UNLOCKED, OPEN_NOTICE = "tandem_unlocked", "tandem_open_notice"
SHEET_TTL = 60  # seconds: a shared sheet is read again at most this often unless the lead presses Refresh


def _signature(source: Source) -> tuple:
    """What changes when the data behind a source may have changed: file times on disk, or for a Google Sheet
    (where others edit at any moment) the current TTL period."""
    if source.kind == "gsheet":
        return (int(time.time() // SHEET_TTL),)
    paths = [getattr(source, "path", None)] + (sorted(source.folder.glob("*")) if getattr(source, "folder", None)
                                               else [])
    return tuple((str(p), p.stat().st_mtime_ns) for p in paths if p is not None and Path(p).exists())


@st.cache_data(ttl=300, show_spinner=False, max_entries=8)
def _load_location(location: str, signature: tuple) -> Dataset:
    return open_source(location).load()


@st.cache_data(ttl=SHEET_TTL, show_spinner=False, max_entries=8)
def _load_sheet(key: str, signature: tuple, _source: Source) -> Dataset:
    """One batchGet per sheet and TTL period, shared by every session (the session's source does the reading,
    so the sheet's metadata is fetched once per session)."""
    return _source.load()


def _secret(name: str):
    try:
        return st.secrets.get(name) or None
    except FileNotFoundError:  # no secrets file at all
        return None


def configured_location() -> str | None:
    """`data_source` from .streamlit/secrets.toml: the lead's own data to open at start instead of the sample."""
    return _secret("data_source")


def google_credentials() -> dict | None:
    """The service account from secrets ([gcp_service_account]); lib falls back to GOOGLE_APPLICATION_CREDENTIALS."""
    info = _secret("gcp_service_account")
    return dict(info) if info else None


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
            source.origin = "sample"
        st.session_state[SOURCE] = source
    return st.session_state[SOURCE]


def use_source(source: Source, origin: str) -> None:
    """Switch the data source; the next `current_data` call loads it."""
    source.origin = origin
    st.session_state[SOURCE] = source
    st.session_state.pop(DATA, None)


def open_location(location: str) -> str | None:
    """Open a folder or workbook path; returns an error message instead of raising."""
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
    location = getattr(source, "origin", None)
    if source.kind == "gsheet":
        if force:
            _load_sheet.clear()
        return _load_sheet(source.key, signature, source)
    if source.kind in ("csv", "xlsx") and source.in_place and location:  # a file on disk, cached by its path
        if force:
            _load_location.clear()
        return _load_location(location, signature)
    return source.load()  # in-memory copies, and a source that could not be opened (it says why)


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


def after_write() -> None:
    """Writes change the data: drop what was cached so the next read is fresh."""
    st.session_state[VERSION] = st.session_state.get(VERSION, 0) + 1
    _load_location.clear()
    _load_sheet.clear()


def require_data() -> Dataset:
    """For pages: the data, or a clear message and a stop (never a traceback, never the sample instead)."""
    data, error = current_data()
    if data is None:
        st.error(f"The data could not be read: {error}", icon=":material/error:")
        source = current_source()
        if source.kind == "gsheet" and st.session_state[DATA].get("lacks_tabs"):
            st.info("Starting from a blank Google Sheet? Tandem can add its tabs (mentors, mentees, pairings, "
                    "checkins, feedback, settings) with their header rows; tabs already there are left alone.",
                    icon=":material/info:")
            if st.button("Add Tandem's tabs to this sheet", icon=":material/add_box:"):
                _prepare_sheet(source)
        else:
            st.info("Fix the file or choose another data source in the sidebar.", icon=":material/info:")
        st.stop()
    if is_stale():
        st.warning(f"Showing the data read at {loaded_at():%H:%M:%S}: the source cannot be read now ({error}). "
                   "Saving is paused until it can be read again.", icon=":material/cloud_off:")
    return data


def begin_run() -> None:
    """Called by app.py before any page runs. A click or a submitted form acts on what the previous run showed;
    if this run reads fresher data (the sheet's cache expired), writes must still be checked against what the
    person saw, or someone else's edit made in between would be overwritten without a word."""
    cached = st.session_state.get(DATA)
    shown = cached.get("data") if cached else None
    st.session_state[SHOWN] = (cached["key"][:2], shown.tables) if shown is not None else None


def _prepare_sheet(source) -> None:
    try:
        added = source.add_missing_tabs()
    except TandemError as exc:
        st.error(str(exc), icon=":material/error:")
        return
    after_write()
    st.toast(f"Added the tabs {', '.join(added)}: fill in mentors and mentees, then press Refresh data.")
    st.rerun()


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


def session_value(key: str, default):
    """A value kept across reruns and page switches for this browser session."""
    return st.session_state.setdefault(key, default)


def forget_value(*keys: str) -> None:
    for key in keys:
        st.session_state.pop(key, None)


def data_version() -> int:
    """Changes after every write: results computed from older data are stale."""
    return st.session_state.get(VERSION, 0)


def service_account_email() -> str | None:
    """The address a lead shares the sheet with (from the configured service account), when there is one."""
    info = google_credentials()
    return str(info["client_email"]) if info and info.get("client_email") else None


# --- who may see the dashboard ----------------------------------------------------------------------------------

def access_policy() -> AccessPolicy:
    return AccessPolicy.from_settings(_secret("access"), auth_configured=bool(_secret("auth")))


def may_enter() -> bool:
    """Whether this session may see the data now (no rendering: app.py uses it to hide the page menu)."""
    try:
        policy = access_policy()
    except AccessConfigError:
        return False
    if policy.mode == OPEN:
        return True
    if policy.mode == PASSPHRASE:
        return bool(st.session_state.get(UNLOCKED))
    return bool(st.user.is_logged_in) and email_allowed(st.user.get("email"), list(policy.allowed_emails))


@st.cache_resource
def _attempts() -> AttemptLimiter:
    return AttemptLimiter()  # one per server process: a new browser session does not reset it


def gate() -> None:
    """Before anything shows data: sign-in with an allow-list, or a passphrase, when secrets configure one;
    otherwise say once that the dashboard is open to anyone who can reach it. Stops the run until allowed."""
    try:
        policy = access_policy()
    except AccessConfigError as exc:
        st.error(str(exc), icon=":material/lock:")
        st.stop()
    if policy.mode == OPEN:
        if not st.session_state.get(OPEN_NOTICE):
            st.session_state[OPEN_NOTICE] = True
            st.toast("Tandem is open to anyone who can reach this address. To require a sign-in or a passphrase, "
                     "see Deploying in the README.", icon=":material/lock_open:")
        return
    if policy.mode == PASSPHRASE:
        _passphrase_gate(policy)
    else:
        _sign_in_gate(policy)


def _passphrase_gate(policy: AccessPolicy) -> None:
    if st.session_state.get(UNLOCKED):
        st.sidebar.button("Lock", icon=":material/lock:", on_click=st.session_state.pop, args=(UNLOCKED, None))
        return
    st.title("Tandem")
    st.caption("This dashboard holds people's names and feedback: enter the team's passphrase to open it.")
    with st.form("unlock"):
        typed = st.text_input("Passphrase", type="password")
        submitted = st.form_submit_button("Unlock", type="primary", icon=":material/lock_open:")
    if submitted:
        wait = _attempts().blocked_for()
        if wait:
            st.error(f"Too many wrong passphrases: try again in {wait:.0f} seconds.", icon=":material/timer:")
        elif check_passphrase(typed, policy.passphrase_hash):
            st.session_state[UNLOCKED] = True
            st.rerun()
        else:
            _attempts().failed()
            st.error("That passphrase is not right.", icon=":material/error:")
    st.stop()


def _sign_in_gate(policy: AccessPolicy) -> None:
    if not st.user.is_logged_in:
        st.title("Tandem")
        st.caption("This dashboard holds people's names and feedback: sign in to open it.")
        st.button("Sign in", type="primary", icon=":material/login:", on_click=st.login)
        st.stop()
    email = st.user.get("email")
    if not email_allowed(email, list(policy.allowed_emails)):
        st.error(f"{markdown_text(email or 'This account')} may not open this dashboard: ask the team lead to add "
                 "the address to the allow-list.", icon=":material/block:")
        st.button("Sign out", on_click=st.logout, icon=":material/logout:")
        st.stop()
    st.sidebar.caption(f"Signed in as {markdown_text(email)}")
    st.sidebar.button("Sign out", on_click=st.logout, icon=":material/logout:")
