"""Column and tab maps: the lead's own headers and tabs, mapped once to Tandem's fields, kept in the source itself.

The maps are rows of the `settings` tab, so every session and the command line read the same ones:
- `column.<tab>.<field>` = the header as written, e.g. `column.mentees.goals` = `What do you most want to learn?`;
- `tab.<tab>` = the sheet tab or CSV file (its stem) that holds the tab, e.g. `tab.mentees` = `Form Responses 1`.
`read_mapped` is how anything reads a source's tabs (the loader, the writer's fresh reads), so a mapped column is read
and written back in place. A map that cannot hold (an unknown tab or field, a header or tab the source does not
have) is a problem naming the settings row; the rest of the data loads as it would without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lib.contract.problems import ERROR, Problem
from lib.contract.raw_table import RawTable, map_columns
from lib.contract.tabs import ROSTER_TABS, SETTINGS, TABS, header_lookup, map_key, normalise_header, tab_for, title_key

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


def unknown_tab(tab: str) -> str | None:
    """Why `tab` cannot be mapped, or None."""
    return None if tab in MAPPED_TABS else f"{tab!r} is not a tab Tandem maps: use one of {', '.join(MAPPED_TABS)}"


def tab_map_fault(tab: str, title: str, mapped: dict[str, str]) -> str | None:
    """Why `tab.<tab>` = `title` cannot hold beside the tab maps `mapped` ({tab: title}), or None: the rules the
    reader applies to a settings row and saving applies before anything is written."""
    if (why := unknown_tab(tab)) is not None:
        return why
    other = next((t for t, held in mapped.items() if t != tab and title_key(held) == title_key(title)), None)
    if other is None and (spec := tab_for(title)) is not None and spec.name != tab:
        other = spec.name
    return f"{title!r} holds the {other}, so it cannot hold the {tab} too" if other else None


def sheet_stem(title: str) -> str:
    """A tab or file title as a tab map is written: a CSV file by its stem ('Form Responses 1')."""
    return re.sub(r"\.(csv|tsv|txt)$", "", title.strip(), flags=re.I)


def missing_tab_advice(tab: str, titles: list[str], held: dict[str, str] | None = None,
                       source: str = "SOURCE") -> str:
    """How to say which sheet (or CSV file) holds `tab`, with one of `titles` no tab holds (`held`: {title: tab})
    as the example."""
    taken = {title_key(t) for t in held or {}}
    free = [t for t in titles if title_key(t) not in taken and tab_for(t) is None]
    example = repr(sheet_stem(free[0])) if free else "NAME"
    return (f"say which one holds the {tab} with python -m lib map {source} --tab {tab} --sheet {example} (or "
            f"'The {tab} are in' on the Data set-up page)")


def tabs_found(titles: list[str]) -> str:
    return ", ".join(repr(t) for t in titles) or "none"


def column_map_faults(tab: str, fields: dict[str, str], headers: list[str] | None = None,
                      title: str = "", saving: bool = True) -> dict[str, str]:
    """Why each of a tab's column maps cannot hold, {field: reason}: the rules the reader applies to the settings
    rows (a map refused is not used) and saving applies before anything is written, so the two cannot drift.
    `fields` are {field: header} in the order the settings rows stand (a blank header is no map). Without
    `headers` (the tab is not at hand) only the rules that need no header row are checked; `title` names the tab.

    A map cannot hold when its tab or field is unknown, its header is already mapped to another field, the tab has
    no such header, the header is read as another field by its own name ('skills'), or the tab has a column of the
    field's own name (mapping goals elsewhere would drop the 'goals' column) unless the header mapped is one too
    ('Work Email' beside 'Email Address': the map picks which is read). That last rule is only for `saving`: a map
    saved before it existed still reads as it did (the map wins; the own column's warning says it is not read)."""
    if (why := unknown_tab(tab)) is not None:
        return {name: why for name, header in fields.items() if header.strip()}
    title, lookup = title or tab, header_lookup(TABS[tab])
    present: dict[str, str] = {}
    own: dict[str, str] = {}  # field -> the header that holds it by its own name or an alias
    for header in headers or []:
        if map_key(header):
            present.setdefault(map_key(header), header)
        if (read_as := lookup.get(normalise_header(header))) is not None:
            own.setdefault(read_as, header)
    faults: dict[str, str] = {}
    taken: dict[str, str] = {}  # header key -> the field a map that holds gives it
    for name, header in fields.items():
        key = map_key(header)
        if not key:
            continue
        if name not in fields_of(tab):
            faults[name] = f"{name!r} is not a field of {tab}: use one of {', '.join(fields_of(tab))}"
        elif key in taken:
            faults[name] = f"the header {header!r} is already mapped to {taken[key]}, so it cannot hold {name} too"
        elif headers is None:
            pass
        elif key not in present:
            found = ", ".join(repr(h) for h in headers if h) or "none"
            faults[name] = f"the tab {title!r} has no column {header!r}: its headers are {found}"
        elif (read_as := lookup.get(normalise_header(present[key]))) not in (None, name):
            faults[name] = (f"the column {present[key]!r} is read as {read_as} by its own name, so it cannot hold "
                            f"{name} too: rename the column first")
        elif saving and name in own and map_key(own[name]) != key and read_as != name:  # two columns: it picks
            faults[name] = (f"the tab {title!r} has a {name} column of its own, {own[name]!r}, which the map would "
                            f"drop: delete or rename that column first, or leave {name} as it is")
        if name not in faults:
            taken[key] = name
    return faults


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
            if tab in maps.tabs:
                refuse(f"the tab {tab} is already mapped on row {maps.key_row(tab_key(tab))}")
            elif (why := tab_map_fault(tab, value, maps.tabs)) is not None:
                refuse(why)
            else:
                maps.tabs[tab], maps.rows[tab_key(tab)] = value, row.number
            continue
        tab, _, name = lowered[len(COLUMN_KEY):].partition(".")
        if name in maps.columns.get(tab, {}):
            refuse(f"{tab}.{name} is already mapped on row {maps.key_row(column_key(tab, name))}")
        elif (why := column_map_faults(tab, {**maps.columns.get(tab, {}), name: value}).get(name)) is not None:
            refuse(why)
        else:
            maps.columns.setdefault(tab, {})[name] = value
            maps.rows[column_key(tab, name)] = row.number
    return maps, problems


def apply_column_maps(tables: dict[str, RawTable], maps: Maps) -> list[Problem]:
    """Re-map each table's header with its column map; a map that cannot hold on the tab's headers
    (`column_map_faults`) is a problem naming its settings row, and is not used."""
    problems = []
    for tab, fields in maps.columns.items():
        table = tables.get(tab)
        if table is None:
            continue
        faults = column_map_faults(tab, fields, table.header, table.title, saving=False)
        for name, why in faults.items():
            problems.append(Problem(SETTINGS.name, maps.key_row(column_key(tab, name)), maps.value_header,
                                    fields[name], f"setting {column_key(tab, name)!r}: {why}; the map is not used",
                                    ERROR))
        usable = {name: header for name, header in fields.items() if name not in faults}
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
