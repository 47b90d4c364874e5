"""Decoding and splitting CSV text: encodings and delimiters are detected, a quote never closed or a cell past the
csv module's limit refuses the file naming its row, and long cells under the limit load."""

from __future__ import annotations

import pytest

from lib.reading.loader import load
from lib.sources import upload_source
from tests.conftest import value_problems
from tests.unit.hostile import folder, outcome, outcome_of_bytes

pytestmark = pytest.mark.timeout(60)  # a hang guard, not a performance figure (those are in bench/)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_encodings_and_delimiters(encoding, delimiter):
    rows = [["Email", "Name", "Team"], ["zoe@x.org", "Zoë Ünal", "Données"], ["", "", ""], ["al@x.org", "Al", "Web"]]
    text = "\r\n".join(delimiter.join(r) for r in rows) + "\r\n"
    mentees = "email,name\nm@x.org,M\n".encode("utf-8")
    data = load(upload_source([("Mentors.csv", text.encode(encoding)), ("mentees.csv", mentees)]))
    assert value_problems(data.problems) == []
    assert [(m.name, m.team, m.row) for m in data.mentors] == [("Zoë Ünal", "Données", 2), ("Al", "Web", 4)]


def test_a_very_long_row_is_refused_naming_its_row(tmp_path):
    long_skills = "; ".join(["Python"] * 1_000_000)  # 8 MB in one cell
    data, message = outcome(folder(tmp_path, f"email,name,skills\nana.ruiz@example.org,Ana,ok\nbo@example.org,Bo,"
                                             f"{long_skills}\n"))
    assert data is None and "mentors.csv row 3: a value is longer than 131,072 characters" in message, message


def test_long_cells_under_the_limit_load(tmp_path):
    data, message = outcome(folder(tmp_path, f"email,name,skills\nana.ruiz@example.org,{'A' * 100_000},"
                                             f"{'; '.join(f'skill {i}' for i in range(5_000))}\n"))
    assert message is None and len(data.mentors[0].name) == 100_000 and len(data.mentors[0].skills) == 5_000


QUOTES = {  # the rows under the header -> the row a never-closed quote opens on (None: every quote is closed)
    '1,"x\n2,y\n': 2, '1,"x': 2, '1,15" screen\n"Bob,x\ny,z\n': 3, '"ab"c,"x\n': 2, '"a\nb","c\n': 2,
    ',",",\n': None, '"a\nb",c\n': None, '1,"x""y"\n': None, '1,x"\n': None, '"a\nb"': None, '""""\n': None,
}


@pytest.mark.parametrize("rows", sorted(QUOTES))
def test_a_quote_never_closed_is_found_and_closed_ones_pass(rows):
    data, message = outcome_of_bytes(("email,name\n" + rows).encode())
    if QUOTES[rows] is None:
        assert message is None, message
    else:
        assert data is None and message.startswith(f"mentors.csv row {QUOTES[rows]}: a quote (\") opens a value")
