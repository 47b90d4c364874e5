"""Managers by name: an HR export's "Reports To: Ana Costa" (or "Costa, Ana") becomes the email of the one roster
person with that name, so the own-manager rule holds for it. Names are compared without case, accents or extra
spaces. A name that matches nobody, or several people, is a warning naming it, and the manager is left blank; the
names that did match are one note per tab, not a warning (a fully resolved export is clean). A name with its email
("Ana Costa (ana.costa@x.org)") is read as that email when the row is read (lib/contract/values.normalise_email)."""

from __future__ import annotations

import unicodedata

from lib.contract.problems import NOTE, WARNING, Problem
from lib.contract.tabs import ROSTER_TABS
from lib.text import plural

_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae",
                          "œ": "oe", "þ": "th"})  # letters that carry their accent inside: no mark to take off


def name_key(name: str) -> str:
    """A name as compared: 'Eva Novák', 'eva  novak' and 'EVA NOVAK' are one key; letters of other scripts stay."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_LETTERS)
    return " ".join(plain.split())


def name_keys(name: str) -> list[str]:
    """The keys a manager's name may match: as written, and "Last, First" turned round to "First Last"."""
    keys = [name_key(name)]
    last, comma, first = name.partition(",")
    if comma and last.strip() and first.strip() and "," not in first:
        keys.append(name_key(f"{first} {last}"))
    return keys


def resolve_managers(mentors: list, mentees: list, header_of) -> tuple[list, list, list[Problem], list[Problem]]:
    """The rosters with every manager given by name replaced by that person's email (see the module's text), the
    warnings, and the notes (severity NOTE) of what matched. `header_of(tab)` is the user's header of the manager
    column, for messages."""
    if all("@" in p.manager_email or not p.manager_email for p in [*mentors, *mentees]):
        return mentors, mentees, [], []  # every manager is an email (or none): nothing to resolve
    emails_by_name: dict[str, set[str]] = {}
    for person in [*mentors, *mentees]:
        emails_by_name.setdefault(name_key(person.name), set()).add(person.email)
    problems, resolved = [], []

    def resolve(tab: str, people: list) -> list:
        out = []
        for person in people:
            named = person.manager_email
            if not named or "@" in named:
                out.append(person)
                continue
            found = next((sorted(emails_by_name[key]) for key in name_keys(named) if key in emails_by_name), [])
            if len(found) == 1:
                resolved.append((tab, named, found[0]))
                out.append(person.model_copy(update={"manager_email": found[0]}))
                continue
            why = ("matches " + " and ".join(found) + "; write the manager's email instead" if found else
                   "is nobody on the mentors or mentees tab, so the own-manager rule cannot hold for it; write the "
                   "manager's email instead")
            problems.append(Problem(tab, person.row, header_of(tab), named, f"the manager {named!r} {why}", WARNING))
            out.append(person.model_copy(update={"manager_email": ""}))
        return out

    mentors, mentees = resolve("mentors", mentors), resolve("mentees", mentees)
    notes = []
    for tab in ROSTER_TABS:  # one note per tab, so a lead can check the matching once
        matched = [(named, email) for where, named, email in resolved if where == tab]
        if matched:
            named, email = matched[0]
            notes.append(Problem(tab, 0, header_of(tab), "", f"{plural(len(matched), 'manager')} given by name "
                                 f"matched to the roster's emails (for example {named!r} → {email})", NOTE))
    return mentors, mentees, problems, notes
