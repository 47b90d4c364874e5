"""Building a tab from its header: the users' column names, aliases and a split first and last name map to the
contract."""

from __future__ import annotations

from lib.contract.raw_table import build_table
from lib.contract.tabs import MENTORS


def test_aliases_and_name_split_map_to_the_contract():
    table = build_table(MENTORS, "Mentors", [["E-Mail", "First Name", "Surname", "Max. mentees", "Manager"]])
    assert table.columns.index == {"email": 0, "capacity": 3, "manager_email": 4}
    assert (table.columns.first_name, table.columns.last_name) == (1, 2)
