"""Settings rows (key, value) written through the writer: the row that holds a key now (the first of it, as
reading takes it) is updated in place, a new key appended, a value already so left alone. Column and tab maps
(lib/writing/maps.py) and the program's details from the Guides page both save through `save_settings`."""

from __future__ import annotations

from lib.contract.raw_table import RawTable
from lib.contract.tabs import SETTINGS
from lib.guides.library import Tailoring
from lib.writing.writer import Writer


def setting_key(key: str) -> str:
    """A settings key as reading compares it: 'Program name' and 'program_name' are one key."""
    return key.strip().lower().replace(" ", "_").replace("-", "_")


def save_settings(writer: Writer, tables: dict[str, RawTable], wanted: dict[str, str]) -> dict[str, str]:
    """Write each key = value of `wanted`; a blank value for a key that has no row is not added. Returns
    {key: value} of what was written."""
    settings = tables.get(SETTINGS.name)
    existing: dict[str, tuple[str, str, int]] = {}  # key -> (value, key as written, row) of its first row
    for row in settings.rows if settings is not None else []:
        written_key = settings.cell(row, "key").strip()
        existing.setdefault(setting_key(written_key), (settings.cell(row, "value").strip(), written_key,
                                                       row.number))
    written, new_rows = {}, []
    for key, value in wanted.items():
        found = existing.get(setting_key(key))
        if found and found[0] == value or (not found and not value):
            continue  # already so, or nothing to add
        if found:
            writer.update(SETTINGS.name, found[1], {"value": value}, number=found[2])
        else:
            new_rows.append({"key": key, "value": value})
        written[key] = value
    if new_rows:
        writer.append(SETTINGS.name, new_rows)
    return written


def save_program_details(writer: Writer, tables: dict[str, RawTable], details: Tailoring) -> dict[str, str]:
    """The Guides page's tailoring as the program's settings: organisation, name, dates, cadence and contact."""
    return save_settings(writer, tables, {
        "organisation": details.organisation.strip(), "program_name": details.program_name.strip(),
        "program_start": details.program_start.isoformat() if details.program_start else "",
        "program_end": details.program_end.isoformat() if details.program_end else "",
        "default_cadence": details.cadence, "contact": details.contact.strip()})
