"""Widgets the pages share: table column settings, the keyed picker, and the downloads (dated, descriptive names)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Callable, TypeVar

import pandas as pd
import streamlit as st

from lib.contract.problems import UNREAD
from lib.documents.exports import csv_bytes, dated_name, xlsx_bytes
from lib.errors import GuideError
from lib.guides.library import Guide, Tailoring
from lib.reading.dataset import Dataset
from lib.text import markdown_text
from lib.vocabulary import CALENDAR_MIME, XLSX_MIME
from ui import state

if TYPE_CHECKING:
    from lib.documents.handoff import HandoffPair

T = TypeVar("T")
PDF = "application/pdf"


def people_columns() -> dict:
    return {
        "name": st.column_config.TextColumn("Name"),
        "email": st.column_config.LinkColumn("Email", display_text=r"mailto:(.*)"),
        "team": st.column_config.TextColumn("Team"),
        "goals": st.column_config.TextColumn("Goals"),
        "preferred_type": st.column_config.TextColumn("Prefers"),
        "row": st.column_config.NumberColumn("Row", help="Row in your spreadsheet", format="%d"),
        "manager_email": st.column_config.LinkColumn("Manager", display_text=r"mailto:(.*)"),
        "skills": st.column_config.TextColumn("Skills"),
        "interests": st.column_config.TextColumn("Interests"),
        "languages": st.column_config.TextColumn("Languages"),
        "cohort": st.column_config.TextColumn("Cohort"),
        "avoid": st.column_config.TextColumn("Avoid"),
        "seniority": st.column_config.NumberColumn("Years", format="%g"),
        "capacity": st.column_config.NumberColumn("Capacity"),
        "active": st.column_config.CheckboxColumn("Active"),
        "timezone": st.column_config.TextColumn("Time zone"),
        "mentorship_types": st.column_config.TextColumn("Offers"),
        "preferred_mentors": st.column_config.TextColumn("Preferred mentors"),
        "signed_up_on": st.column_config.DatetimeColumn("Signed up", format="D MMM YYYY, HH:mm"),
    }


def mail_links(frame: pd.DataFrame, columns=("email",)) -> pd.DataFrame:
    """Emails as mailto: links, shown as the address (pair with `people_columns`)."""
    out = frame.copy()
    for column in columns:
        if column in out:
            out[column] = out[column].map(lambda e: f"mailto:{e}" if e else e)
    return out


def unread_notice(data: Dataset, expanded: bool = False) -> None:
    """What Tandem does not read in the rosters (columns it does not know, criteria without data), said where the
    lead pairs and edits people, with the way to map a column; nothing when every column is read."""
    gaps = [p for p in data.problems if p.kind == UNREAD]
    if not gaps:
        return
    with st.expander(f"Tandem does not read everything in your roster ({len(gaps)})", icon=":material/visibility_off:",
                     expanded=expanded):
        st.markdown("\n".join(f"- {markdown_text(str(p))}" for p in gaps))
        st.page_link("pages/setup.py", label="Map the columns on Data set-up", icon=":material/arrow_forward:")


def pick(label: str, options: dict[str, T], describe: Callable[[T], str], key: str, where=st, **kwargs) -> T | None:
    """A selectbox over objects keyed by a stable text (e.g. a pairing's id and emails), never by position: after a
    write the list changes under the same widget, and the choice must stay on the same thing.

    The choice is set again before each draw: the browser keeps the label it last showed, so a label that changed
    (a pairing's status after Activate) would otherwise stay stale on screen."""
    if state.value(key) in options:
        state.set_value(key, state.value(key))
    chosen = where.selectbox(label, list(options), format_func=lambda k: describe(options[k]), key=key, **kwargs)
    return options.get(chosen) if chosen is not None else None


def chart(data: Dataset, name: str, build: Callable[[], object], *key: object) -> None:
    """An Altair chart, built and validated once per data read and `key` (its inputs), then drawn from its Vega-Lite
    spec: a rerun that changes nothing redraws it without rebuilding it (building one took 15-60 ms)."""
    spec = state.derived(f"chart {name}", data, lambda: build().to_dict(), *key)
    st.vega_lite_chart(spec=spec, width="stretch")


def csv_download(label: str, frame: pd.DataFrame, what: str, day: date, where=st, **kwargs) -> None:
    """A CSV of a table (formulas neutralised), built when the button is clicked, named tandem-<what>-<date>.csv."""
    where.download_button(label, lambda: csv_bytes(frame), dated_name(what, day, "csv"), mime="text/csv",
                          on_click="ignore", icon=":material/download:", **kwargs)


def xlsx_download(label: str, frame: pd.DataFrame, sheet: str, what: str, day: date, where=st, **kwargs) -> None:
    """A formatted workbook of a table, built when the button is clicked, named tandem-<what>-<date>.xlsx."""
    where.download_button(label, lambda: xlsx_bytes(frame, sheet), dated_name(what, day, "xlsx"), mime=XLSX_MIME,
                          on_click="ignore", icon=":material/download:", **kwargs)


def calendar_button(data: Dataset, pairings: list, label: str, key: str, what: str, where=st) -> None:
    """A meeting-series calendar file (.ics) for these pairings, built when the button is clicked; what had to be
    assumed (a missing time zone, no common working hours) is said beside it."""
    from lib.meetings.plan import plan_all

    # planned once for all of them: each pair is booked with the pairs it shares a person with
    planned = state.derived("meeting plans", data, lambda: plan_all(data, pairings),
                            tuple((p.id, p.mentor_email, p.mentee_email) for p in pairings))
    notes = list(dict.fromkeys(n for series in planned for n in series.notes))

    def build() -> bytes:
        from lib.meetings.calendar_file import calendar_bytes  # icalendar loads when a calendar is asked for
        try:
            agendas = state.guides()
        except GuideError:  # a broken guide file: the series still comes, without the first agenda
            agendas = []
        return calendar_bytes(data, pairings, agendas)[0]

    where.download_button(label, build, dated_name(what, data.today(), "ics"), mime=CALENDAR_MIME,
                          on_click="ignore", icon=":material/calendar_month:", key=key)
    for note in notes:
        where.caption(markdown_text(note))


def kickoff_scope(data: Dataset, pairs: list[HandoffPair], key: str, where=st) -> list[HandoffPair]:
    """New pairs (proposed, or started in the last two weeks) by default, every pair when the lead asks."""
    from lib.documents.handoff import NEW_WITHIN, new_pairs

    new = new_pairs(pairs, data.today())
    every = where.toggle(f"All pairs ({len(pairs)})", key=key,
                         help=f"Off: only the new pairs (proposed, or started in the last {NEW_WITHIN.days} days), "
                              "who have their first meeting ahead of them.")
    if not every and not new:
        where.caption(f"No new pairs: every pair started more than {NEW_WITHIN.days} days ago. Switch on *All pairs* "
                      "to print theirs.")
    return pairs if every else new


def kickoff_button(data: Dataset, pairs: list[HandoffPair], label: str, key: str, guides: list[Guide] | None = None,
                   tailoring: Tailoring | None = None, where=st) -> None:
    """A kickoff-sheet PDF (one page per pair) for these pairs, in `where` (a column, or the page); the agendas
    come from `guides`, else from the guides folder when the button is clicked."""
    from lib.documents.pdf.kickoff import (  # fpdf2 loads when a page offers a PDF
        kickoff_name,
        kickoff_pdf,
    )

    def build() -> bytes:
        try:
            agendas = state.guides() if guides is None else guides
        except GuideError:  # a broken guide file: the sheets still print, without the agendas
            agendas = []
        return kickoff_pdf(data, pairs, agendas, tailoring=tailoring)

    where.download_button(label, build, kickoff_name(pairs, data.today()), mime=PDF, on_click="ignore",
                          icon=":material/picture_as_pdf:", key=key)
