"""Saving column and tab maps (lib/reading/maps.py) as rows of the settings tab, through the writer: checked
first against the maps already saved and the tab's own headers, by the rules the reader applies (refused with one
sentence, nothing written), then only the rows that change (lib/writing/settings_rows). The Data set-up page and
`python -m lib map` both save through `save_maps`."""

from __future__ import annotations

from lib.contract.raw_table import RawTable
from lib.contract.tabs import SETTINGS, title_key
from lib.errors import MapRefused
from lib.reading.maps import (
    MAPPED_TABS,
    column_key,
    column_map_faults,
    missing_tab_advice,
    read_maps,
    tab_key,
    tab_map_fault,
    tabs_found,
    unknown_tab,
)
from lib.writing.settings_rows import save_settings
from lib.writing.writer import Writer


def _sentence(reason: str) -> str:
    return reason[0].upper() + reason[1:] + "."


def check_maps(tab: str, fields: dict[str, str], headers: list[str] | None, titles: list[str] | None = None,
               sheet: str | None = None, held: dict[str, str] | None = None, saved: dict[str, str] | None = None,
               title: str = "") -> None:
    """Refuse a map that cannot hold, as reading would refuse it: an unknown tab or field, a header the tab
    (`headers`, None when there is no such tab) does not have, one header for two fields with the maps `saved`
    ({field: header}) counted, a header read as another field, a field the tab has a column of its own for; a sheet
    `titles` does not have or that `held` ({title: tab}) says holds another tab. Fields map to "" to take a map
    back."""
    if (why := unknown_tab(tab)) is not None:
        raise MapRefused(_sentence(why))
    if sheet is not None:
        if titles is not None and title_key(sheet) not in map(title_key, titles):
            raise MapRefused(f"There is no tab {sheet!r}: the tabs are {', '.join(repr(t) for t in titles)}.")
        if (why := tab_map_fault(tab, sheet, {t: title for title, t in (held or {}).items()})) is not None:
            raise MapRefused(_sentence(f"{why}: choose the one that holds the {tab}"))
    given = {name: header for name, header in fields.items() if header.strip()}
    if given and headers is None:
        raise MapRefused(f"There is no {tab} tab to map columns in (the tabs found are {tabs_found(titles or [])}): "
                         f"{missing_tab_advice(tab, titles or [], held)}.")
    merged = {**(saved or {}), **fields}  # a saved map keeps its row (and place); a new one comes after
    faults = column_map_faults(tab, {name: header.strip() for name, header in merged.items()}, headers, title)
    refused = next((faults[name] for name in given if name in faults), None)
    if refused is not None:
        raise MapRefused(_sentence(refused))


def save_maps(writer: Writer, tables: dict[str, RawTable], tab: str, fields: dict[str, str],
              headers: list[str] | None, titles: list[str] | None = None, sheet: str | None = None) -> dict[str, str]:
    """Write `column.<tab>.<field>` = header for each of `fields` (and `tab.<tab>` = `sheet`) to the settings tab:
    the row that holds a map now (the first of its key, as reading takes it) is updated in place, a new one
    appended; a map already so is left alone. A field mapped to "" takes its map back. `tables` are the tabs as
    read (the settings tab says which maps exist); `headers` those of the tab the columns are in (None: no such
    tab). Returns {settings key: value} of what was written."""
    held = {table.title: name for name, table in tables.items() if name in MAPPED_TABS}
    saved, _ = read_maps(tables.get(SETTINGS.name))
    title = sheet or (tables[tab].title if tab in tables else tab)
    check_maps(tab, fields, headers, titles, sheet, held, saved.columns.get(tab, {}), title)
    wanted = {column_key(tab, name): header.strip() for name, header in fields.items()}
    if sheet is not None:
        wanted[tab_key(tab)] = sheet.strip()
    return save_settings(writer, tables, wanted)
