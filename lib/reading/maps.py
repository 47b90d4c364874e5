"""Column and tab maps: the lead's own headers and tabs, mapped once to Tandem's fields, kept in the source itself.

The maps are rows of the `settings` tab, so every session and the command line read the same ones:
- `column.<tab>.<field>` = the header as written, e.g. `column.mentees.goals` = `What do you most want to learn?`;
- `tab.<tab>` = the sheet tab or CSV file (its stem) that holds the tab, e.g. `tab.mentees` = `Form Responses 1`.
`read_mapped` is how anything reads a source's tabs (the loader, the writer's fresh reads), so a mapped column is read
and written back in place. A map that cannot hold (an unknown tab or field, a header or tab the source does not
have) is a problem naming the settings row; the rest of the data loads as it would without it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lib.contract.problems import ERROR, Problem
from lib.contract.raw_table import RawTable, map_columns
from lib.contract.tabs import ROSTER_TABS, SETTINGS, TABS, map_key, tab_for, title_key

COLUMN_KEY, TAB_KEY = "column.", "tab."
MAPPED_TABS = (*ROSTER_TABS, "pairings", "checkins", "feedback")  # settings itself holds the maps: never mapped


@dataclass
class Maps:
    """What the settings tab maps: {tab: {field: header}} and {tab: title}, with the settings row of each."""

    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    tabs: dict[str, str] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)  # settings key -> its row, for messages
    value_header: str = "value"  # the settings tab's value column as the user wrote it

    def key_row(self, key: str) -> int:
        return self.rows.get(key, 0)


def column_key(tab: str, field_name: str) -> str:
    return f"{COLUMN_KEY}{tab}.{field_name}"


def tab_key(tab: str) -> str:
    return f"{TAB_KEY}{tab}"


def fields_of(tab: str) -> list[str]:
    return TABS[tab].column_names


def read_maps(settings: RawTable | None) -> tuple[Maps, list[Problem]]:
    """The maps in the settings tab, and a problem for each row that cannot be a map."""
    maps, problems = Maps(), []
    if settings is None or "key" not in settings.columns.index:
        return maps, problems
    value_header = maps.value_header = settings.columns.header_of(settings.header, "value")
    for row in settings.rows:
        key = settings.cell(row, "key").strip()
        value = settings.cell(row, "value").strip()
        lowered = key.lower()
        if not lowered.startswith((COLUMN_KEY, TAB_KEY)) or not value:
            continue  # a blank value is no map (how a map is taken back)

        def refuse(message: str) -> None:
            problems.append(Problem(SETTINGS.name, row.number, value_header, value, f"setting {key!r}: {message}; "
                                    "the map is not used", ERROR))

        if lowered.startswith(TAB_KEY):
            tab = lowered[len(TAB_KEY):]
            if tab not in MAPPED_TABS:
                refuse(f"{tab!r} is not a tab Tandem maps (one of {', '.join(MAPPED_TABS)})")
            elif tab in maps.tabs:
                refuse(f"the tab {tab} is already mapped on row {maps.key_row(tab_key(tab))}")
            elif (other := next((t for t, title in maps.tabs.items() if title_key(title) == title_key(value)),
                                None)) or ((spec := tab_for(value)) is not None and spec.name != tab):
                refuse(f"{value!r} holds the {other or spec.name}, so it cannot hold the {tab} too")
            else:
                maps.tabs[tab], maps.rows[tab_key(tab)] = value, row.number
            continue
        tab, _, name = lowered[len(COLUMN_KEY):].partition(".")
        if tab not in MAPPED_TABS:
            refuse(f"{tab!r} is not a tab Tandem maps (one of {', '.join(MAPPED_TABS)})")
        elif name not in fields_of(tab):
            refuse(f"{name!r} is not a field of {tab} (one of {', '.join(fields_of(tab))})")
        elif name in maps.columns.get(tab, {}):
            refuse(f"{tab}.{name} is already mapped on row {maps.key_row(column_key(tab, name))}")
        else:
            taken = {map_key(h): f for f, h in maps.columns.get(tab, {}).items()}
            if map_key(value) in taken:
                refuse(f"the header {value!r} is already mapped to {taken[map_key(value)]}")
                continue
            maps.columns.setdefault(tab, {})[name] = value
            maps.rows[column_key(tab, name)] = row.number
    return maps, problems


def apply_column_maps(tables: dict[str, RawTable], maps: Maps) -> list[Problem]:
    """Re-map each table's header with its column map; a mapped header the tab does not have is a problem."""
    problems = []
    for tab, fields in maps.columns.items():
        table = tables.get(tab)
        if table is None:
            continue
        present = {map_key(h) for h in table.header if h}
        usable = {}
        for name, header in fields.items():
            if map_key(header) in present:
                usable[name] = header
                continue
            found = ", ".join(repr(h) for h in table.header if h) or "no headers"
            problems.append(Problem(SETTINGS.name, maps.key_row(column_key(tab, name)), maps.value_header, header,
                                    f"setting {column_key(tab, name)!r}: the tab {table.title!r} has no column "
                                    f"{header!r} (its headers: {found}); the map is not used", ERROR))
        if usable:
            table.columns = map_columns(TABS[tab], table.header, usable)
    return problems


def shadowed_tables(source, tables: dict[str, RawTable], maps: Maps) -> dict[str, RawTable]:
    """The tabs of their own name (mentees.csv) that a tab map replaced with another (Form Responses 1): not read
    as the program, but a forget must clean them too."""
    if not maps.tabs:
        return {}
    defaults = source.read_tables(only=set(maps.tabs))
    return {tab: table for tab, table in defaults.items()
            if tab in tables and title_key(table.title) != title_key(tables[tab].title)}


def read_mapped(source, only: set[str] | None = None) -> tuple[dict[str, RawTable], Maps, list[Problem]]:
    """A source's tabs (all, or those in `only`) as its maps say: the mapped tabs and columns read in place of the
    default ones. One read without maps; a second, for the mapped tabs only, when the settings name other tabs."""
    tables = source.read_tables(only=None if only is None else only | {SETTINGS.name})
    maps, problems = read_maps(tables.get(SETTINGS.name))
    wanted = {tab: title for tab, title in maps.tabs.items()
              if (only is None or tab in only) and (tab not in tables or tables[tab].title != title)}
    if wanted:
        mapped = source.read_tables(only=set(wanted), titles=wanted)
        for tab, title in wanted.items():
            table = mapped.get(tab)
            if table is not None and title_key(table.title) == title_key(title):
                tables[tab] = table
                continue
            existing = source.titles() or [t.title for t in tables.values()]
            problems.append(Problem(SETTINGS.name, maps.key_row(tab_key(tab)), maps.value_header, title,
                                    f"setting {tab_key(tab)!r}: there is no tab {title!r} (the tabs: "
                                    f"{', '.join(repr(t) for t in existing)}); the {tab} tab is read by its own "
                                    "name", ERROR))
    if only is not None and SETTINGS.name not in only:
        tables.pop(SETTINGS.name, None)
    problems += apply_column_maps(tables, maps)
    return tables, maps, problems
