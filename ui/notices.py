"""What the dashboard says after a write: the message that waits for the next run, the refused write explained, and
`save`, the one way a page writes (write, refresh, say what happened)."""

from __future__ import annotations

from typing import Callable, TypeVar

import pandas as pd
import streamlit as st

from lib.errors import TandemError, WriteConflict
from lib.text import markdown_text
from ui import state

FLASH = "tandem_flash"
T = TypeVar("T")


def flash(message: str, kind: str = "success") -> None:
    """A message to show after the rerun that follows a write (`kind` "info" for one that changed nothing)."""
    state.set_value(FLASH, (message, kind))


def show_flash() -> None:
    """Always a container, message or not: the tabs below keep their place, so the browser keeps the open tab."""
    box = st.container()
    if shown := state.take_value(FLASH):
        message, kind = shown
        if kind == "info":
            box.info(markdown_text(message), icon=":material/info:")
        else:
            box.success(markdown_text(message), icon=":material/check_circle:")


def write_failed(exc: TandemError) -> None:
    """A refused write says why; a conflict shows both versions of the row so nothing is overwritten blindly."""
    st.error(markdown_text(str(exc)), icon=":material/error:")
    if isinstance(exc, WriteConflict):
        versions = pd.DataFrame({"as the dashboard read it": exc.seen,
                                 "in the spreadsheet now": exc.current or {}}).fillna("")
        st.dataframe(versions)
        st.button("Reload the data", on_click=state.after_write, icon=":material/refresh:")


def save(write: Callable[[], T], said: str | Callable[[T], str], then: Callable[[], None] | None = None,
         go_to: str | None = None) -> T | None:
    """Write, refresh, say what happened. A refused write shows why and changes nothing else (returns None). A done
    one drops the cached data, runs `then` (clearing what the page kept about the old data), keeps the message
    (`said`, or `said(result)`) for the next run, and reruns the page so it shows the data as written (or opens the
    page `go_to`, where the lead goes on)."""
    try:
        result = write()
    except TandemError as exc:
        write_failed(exc)
        return None
    state.after_write()
    if then is not None:
        then()
    flash(said(result) if callable(said) else said)
    if go_to:
        st.switch_page(go_to)
    st.rerun()
