"""How complete each person's profile is: the share of the fields the pairing criteria read that the person has
filled in, and which are missing. A profile with gaps pairs on less than the lead may think."""

from __future__ import annotations

import pandas as pd

from lib.reading.dataset import Dataset

PROFILE_FIELDS = {  # per roster tab: what the criteria read about one person (a mentee's wish for a mentor is optional)
    "mentors": ("skills", "capacity", "timezone", "seniority", "languages", "interests"),
    "mentees": ("goals", "timezone", "seniority", "languages", "interests"),
}
COLUMNS = ["email", "complete", "missing"]


def _filled(person, field: str) -> bool:
    if field not in person.model_fields_set:  # a blank cell (capacity then defaults to 1 without being given)
        return False
    value = getattr(person, field)
    return value not in (None, "", [])


def profile_gaps(data: Dataset, tab: str) -> pd.DataFrame:
    """One row per person of a roster tab: email, complete (0..1) and the missing fields joined by '; '."""
    fields = PROFILE_FIELDS[tab]
    rows = []
    for person in getattr(data, tab):
        missing = [f for f in fields if not _filled(person, f)]
        rows.append((person.email, 1 - len(missing) / len(fields), "; ".join(missing)))
    return pd.DataFrame(rows, columns=COLUMNS)


def incomplete_profiles(data: Dataset) -> int:
    """Active people whose profile misses a field the criteria read."""
    return sum(any(not _filled(p, f) for f in PROFILE_FIELDS[tab])
               for tab in PROFILE_FIELDS for p in getattr(data, tab) if p.active)
