"""Saving column and tab maps (lib/reading/maps.py) as rows of the settings tab, through the writer: checked
first (refused with one sentence, nothing written), then only the rows that change (lib/writing/settings_rows).
The Data set-up page and `python -m lib map` both save through `save_maps`."""

from __future__ import annotations

from lib.contract.raw_table import RawTable
from lib.contract.tabs import map_key, title_key
from lib.errors import MapRefused
from lib.reading.maps import MAPPED_TABS, column_key, fields_of, tab_key
from lib.writing.settings_rows import save_settings
from lib.writing.writer import Writer


def check_maps(tab: str, fields: dict[str, str], headers: list[str], titles: list[str] | None = None,
               sheet: str | None = None, held: dict[str, str] | None = None) -> None:
    """Refuse a map that cannot hold: an unknown tab or field, a header `headers` does not have, one header for two
    fields, a sheet `titles` does not have or that `held` ({title: tab}) says holds another tab. Fields map to ""
    to take a map back."""
    if tab not in MAPPED_TABS:
        raise MapRefused(f"{tab!r} is not a tab Tandem maps: use one of {', '.join(MAPPED_TABS)}.")
    unknown = [f for f in fields if f not in fields_of(tab)]
    if unknown:
        raise MapRefused(f"{unknown[0]!r} is not a field of {tab}: use one of {', '.join(fields_of(tab))}.")
    if sheet is not None and titles is not None and title_key(sheet) not in map(title_key, titles):
        raise MapRefused(f"There is no tab {sheet!r}: the tabs are {', '.join(repr(t) for t in titles)}.")
    other = next((t for title, t in (held or {}).items() if title_key(title) == title_key(sheet or "") and t != tab),
                 None)
    if sheet is not None and other:
        raise MapRefused(f"The tab {sheet!r} holds the {other}: choose the one that holds the {tab}.")
    present = {map_key(h): h for h in headers if map_key(h)}
    chosen: dict[str, str] = {}
    for name, header in fields.items():
        if not header.strip():
            continue
        if map_key(header) not in present:
            raise MapRefused(f"The tab {tab} has no column {header!r}: its headers are "
                             f"{', '.join(repr(h) for h in headers if h) or 'none'}.")
        if map_key(header) in chosen:
            raise MapRefused(f"The column {header!r} is mapped to both {chosen[map_key(header)]} and "
                             f"{name}: a column holds one field.")
        chosen[map_key(header)] = name


def save_maps(writer: Writer, tables: dict[str, RawTable], tab: str, fields: dict[str, str], headers: list[str],
              titles: list[str] | None = None, sheet: str | None = None) -> dict[str, str]:
    """Write `column.<tab>.<field>` = header for each of `fields` (and `tab.<tab>` = `sheet`) to the settings tab:
    the row that holds a map now (the first of its key, as reading takes it) is updated in place, a new one
    appended; a map already so is left alone. A field mapped to "" takes its map back. `tables` are the tabs as
    read (the settings tab says which maps exist). Returns {settings key: value} of what was written."""
    held = {table.title: name for name, table in tables.items() if name in MAPPED_TABS}
    check_maps(tab, fields, headers, titles, sheet, held)
    wanted = {column_key(tab, name): header.strip() for name, header in fields.items()}
    if sheet is not None:
        wanted[tab_key(tab)] = sheet.strip()
    return save_settings(writer, tables, wanted)
