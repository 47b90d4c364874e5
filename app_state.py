"""The one adapter between Streamlit and lib/: session state, caching and the current data source."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import streamlit as st

from lib.dataset import Dataset
from lib.errors import TandemError
from lib.sources import Source, UnavailableSource, open_source, sample_source, upload_source
from lib.writer import Writer

SOURCE, DATA, VERSION = "tandem_source", "tandem_data", "tandem_version"


def _signature(source: Source) -> tuple:
    """What changes when the files behind a source change on disk (so edits made elsewhere show up)."""
    paths = [getattr(source, "path", None)] + (sorted(source.folder.glob("*")) if getattr(source, "folder", None)
                                               else [])
    return tuple((str(p), p.stat().st_mtime_ns) for p in paths if p is not None and Path(p).exists())


@st.cache_data(ttl=300, show_spinner=False, max_entries=8)
def _load_location(location: str, signature: tuple) -> Dataset:
    return open_source(location).load()


def configured_location() -> str | None:
    """`data_source` from .streamlit/secrets.toml: the lead's own data to open at start instead of the sample."""
    try:
        return st.secrets.get("data_source") or None
    except FileNotFoundError:  # no secrets file at all
        return None


def current_source() -> Source:
    if SOURCE not in st.session_state:
        location = configured_location()
        if location:
            try:
                source = open_source(location)
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
        use_source(open_source(location), origin=location)
    except TandemError as exc:
        return str(exc)
    return None


def open_uploads(files: list[tuple[str, bytes]], origin: str) -> str | None:
    try:
        use_source(upload_source(files), origin=origin)
    except TandemError as exc:
        return str(exc)
    return None


def current_data(force: bool = False) -> tuple[Dataset | None, str | None]:
    """The validated data of the current source, or the reason it cannot be read."""
    source = current_source()
    key = (id(source), st.session_state.get(VERSION, 0), _signature(source))
    cached = st.session_state.get(DATA)
    if cached and cached["key"] == key and not force:
        return cached["data"], cached["error"]
    data, error = None, None
    try:
        location = getattr(source, "origin", None)
        if source.in_place and location:
            if force:
                _load_location.clear()
            data = _load_location(location, key[2])
        else:
            data = source.load()
    except TandemError as exc:
        error = str(exc)
    st.session_state[DATA] = {"key": key, "data": data, "error": error, "loaded_at": datetime.now()}
    return data, error


def loaded_at() -> datetime | None:
    cached = st.session_state.get(DATA)
    return cached["loaded_at"] if cached else None


def after_write() -> None:
    """Writes change the data: drop what was cached so the next read is fresh."""
    st.session_state[VERSION] = st.session_state.get(VERSION, 0) + 1
    _load_location.clear()


def require_data() -> Dataset:
    """For pages: the data, or a clear message and a stop (never a traceback, never the sample instead)."""
    data, error = current_data()
    if data is None:
        st.error(f"The data could not be read: {error}", icon=":material/error:")
        st.info("Fix the file or choose another data source in the sidebar.", icon=":material/info:")
        st.stop()
    return data


def writer(data: Dataset) -> Writer:
    """A writer on the current source that checks rows against what this page showed (`data.tables`)."""
    return Writer(current_source(), data.tables)


def session_value(key: str, default):
    """A value kept across reruns and page switches for this browser session."""
    return st.session_state.setdefault(key, default)


def forget_value(*keys: str) -> None:
    for key in keys:
        st.session_state.pop(key, None)


def data_version() -> int:
    """Changes after every write: results computed from older data are stale."""
    return st.session_state.get(VERSION, 0)
