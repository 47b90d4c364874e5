"""The Data set-up page's parts: the starter downloads, the spreadsheet contract tab by tab, and the maps from the
lead's own columns to Tandem's fields."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.contract.raw_table import RawTable
from lib.contract.tabs import ROSTER_TABS, SETTINGS, TABS
from lib.errors import TandemError
from lib.reading.coverage import unread_columns
from lib.reading.maps import MAPPED_TABS, fields_of, read_mapped, read_maps
from lib.text import markdown_text
from lib.vocabulary import XLSX_MIME
from lib.writing.maps import save_maps
from ui import notices, state


def starter_downloads() -> None:
    from lib.documents.starter import (  # openpyxl: this page only
        starter_csv_zip,
        starter_name,
        starter_workbook,
    )

    examples = st.radio("Starter", [False, True], key="starter_examples", horizontal=True,
                        format_func={False: "Blank: headers and drop-downs only",
                                     True: "With examples: one example person per tab"}.get,
                        label_visibility="collapsed") or False
    left, right = st.columns(2)
    left.download_button("Download the starter workbook (.xlsx)", lambda: starter_workbook(examples),
                         file_name=starter_name(examples, ".xlsx"), on_click="ignore", icon=":material/download:",
                         mime=XLSX_MIME, type="primary")
    right.download_button("Download the starter CSV set (.zip)", lambda: starter_csv_zip(examples),
                          file_name=starter_name(examples, "-csv.zip"), mime="application/zip", on_click="ignore",
                          icon=":material/download:")


def contract() -> None:
    """Each tab's columns: required or not, the other headers accepted, the allowed values and an example."""
    for spec in TABS.values():
        required = " (required)" if spec.required else ""
        with st.expander(f"**{spec.name}**{required}: {spec.purpose}"):
            st.dataframe(pd.DataFrame([{
                "column": c.name, "required": "yes" if c.required else "",
                "also accepted": ", ".join(c.aliases), "allowed values": ", ".join(c.choices), "example": c.example,
            } for c in spec.columns]), hide_index=True, width="stretch")


NOT_READ = "Not read"


def maps_section() -> None:
    """The lead's own tabs and columns, mapped once to Tandem's: which sheet tab or file holds each roster tab, and
    for each tab its columns Tandem does not read, each with a field to choose (the guess pre-filled), a preview of
    the first rows as mapped, and Save. Works while the data cannot load yet (a Form's responses tab not yet
    named as the mentees), from the tabs as read."""
    source = state.current_source()
    data, _ = state.current_data()
    try:
        tables = data.tables if data is not None else read_mapped(source)[0]
        titles = source.titles() or [table.title for table in tables.values()]
    except TandemError:
        return  # the source cannot be read at all: the sidebar says why
    st.subheader("Your tabs and columns")
    st.caption("Map your own headers (a Google Form's questions, an HR export's columns) to Tandem's fields once: "
               "the map is saved in your settings tab, so every session and the command line read it.")
    tab_maps(tables, titles)
    shown = [tab for tab in MAPPED_TABS if tab in tables and _headers(tables, tab)[0]]
    if not shown:
        st.caption("Every column of your data is read: there is nothing to map.")
    for tab in shown:
        column_map(tables, tab)


def tab_maps(tables: dict[str, RawTable], titles: list[str]) -> None:
    """Which of the source's tabs (or files) holds the mentors and the mentees."""
    cells = st.columns(len(ROSTER_TABS))
    for cell, tab in zip(cells, ROSTER_TABS):
        current = tables[tab].title if tab in tables else None
        options = ([] if current else [NOT_READ]) + titles
        choice = cell.selectbox(f"The {tab} are in", options, options.index(current) if current in options else 0,
                                key=f"tab_map_{tab}")
        if choice not in (current, NOT_READ) and cell.button(f"Read the {tab} from {choice!r}", key=f"save_tab_{tab}",
                                                           icon=":material/save:"):
            notices.save(lambda: save_maps(state.writer_for(tables), tables, tab, {}, [], titles, choice),
                         f"The {tab} are read from {choice!r} from now on.")


def _headers(tables: dict[str, RawTable], tab: str) -> tuple[list[str], dict[str, str], dict[str, str | None]]:
    """(headers to offer, {field: header} mapped now, {header not read: guess})."""
    table = tables[tab]
    maps, _ = read_maps(tables.get(SETTINGS.name))
    mapped = maps.columns.get(tab, {})
    if tab in ROSTER_TABS:
        unread = {header: guess for _, header, guess in unread_columns(table)}
    else:
        unread = {table.header[i]: None for i in table.columns.extras if i < len(table.header) and table.header[i]}
    return [*(h for h in mapped.values() if h not in unread), *unread], mapped, unread


def column_map(tables: dict[str, RawTable], tab: str) -> None:
    table = tables[tab]
    headers, mapped, unread = _headers(tables, tab)
    with st.expander(f"**{tab}** ({markdown_text(table.title)}): {len(unread)} not read, {len(mapped)} mapped",
                     expanded=bool(unread)):
        options = [NOT_READ, *fields_of(tab)]
        by_header = {h: f for f, h in mapped.items()}
        chosen = {}
        columns = st.columns(2)
        for k, header in enumerate(headers):
            default = by_header.get(header) or unread.get(header) or NOT_READ
            chosen[header] = columns[k % 2].selectbox(header, options, options.index(default),
                                                      key=f"map_{tab}_{header}",
                                                      help="The guess is pre-filled: check it against the preview")
        twice = {f: [h for h, g in chosen.items() if g == f] for f in set(chosen.values()) - {NOT_READ}}
        twice = {f: hs for f, hs in twice.items() if len(hs) > 1}
        fields = {f: h for h, f in chosen.items() if f != NOT_READ and f not in twice}
        fields.update({f: "" for f, h in mapped.items() if chosen.get(h) == NOT_READ and f not in fields})
        st.caption("The first rows as Tandem would read them:")
        st.dataframe(preview(table, {f: h for f, h in fields.items() if h}), hide_index=True)
        for field, both in twice.items():  # said before Save, and Save waits: the lead decides which column it is
            st.error(markdown_text(f"{' and '.join(repr(h) for h in both)} are both chosen as {field}: a field is "
                                   "read from one column. Choose another field (or Not read) for all but one."),
                     icon=":material/error:")
        if st.button(f"Save the {tab} map", key=f"save_map_{tab}", icon=":material/save:", type="primary",
                     disabled=bool(twice)):
            notices.save(lambda: save_maps(state.writer_for(tables), tables, tab, fields, table.header),
                         lambda written: f"Saved the {tab} map: " + (", ".join(
                             f"{key.rsplit('.', 1)[1]} = '{value}'" if value else f"{key} taken back"
                             for key, value in written.items()) or "it already said so") + ".")


def preview(table: RawTable, fields: dict[str, str], rows: int = 5) -> pd.DataFrame:
    """The first rows of a tab with each mapped header shown as its field, the others as they are."""
    renamed = {header: f"{field} ← {header}" for field, header in fields.items()}
    head = [table.row_at(k) for k in range(min(rows, table.size))]
    return pd.DataFrame([[r.cells[i] if i < len(r.cells) else "" for i in range(len(table.header))] for r in head],
                        columns=[renamed.get(h, h) or f"column {i + 1}" for i, h in enumerate(table.header)])
