"""The outcomes tab as leads keep it: offers written as people write them, skills as `SQL:2; Airflow:1`, and every bad
value a problem naming the tab, the row as the sheet numbers it, the column and the value, while the rest loads."""

from __future__ import annotations

from datetime import date

from lib.reading.loader import load
from lib.sources import CsvSource

HEADER = "Intern email,Date,Return offer,Next step,Skills before,Skills after,Notes\n"  # aliases, as a form would


def test_valid_outcomes_load_and_bad_values_are_named(sample_copy):
    (sample_copy / "outcomes.csv").write_text(HEADER + (
        "Mei.Chen@northwind.example,22/07/2026,Offered,Platform team,Kubernetes:1; code review:2,"
        "kubernetes = 3, code review: 4,\n"
        "nobody@example.org,2026-07-20,made,,,,\n"
        "tomas.silva@northwind.example,2026-07-20,maybe,,SQL=2,SQL:9,\n"
        "zoe.dubois@northwind.example,,declined,,,,\n"
        "amara.nwosu@northwind.example,2026-07-23,N/A,,Python,,\n"), encoding="utf-8")
    data = load(CsvSource(folder=sample_copy))
    by_mentee = {o.mentee_email: o for o in data.outcomes}
    mei = by_mentee["mei.chen@northwind.example"]
    assert (mei.date, mei.offer, mei.offered) == (date(2026, 7, 22), "made", True)
    assert mei.skills_before == {"Kubernetes": 1, "code review": 2} and mei.skills_after["kubernetes"] == 3
    tomas = by_mentee["tomas.silva@northwind.example"]
    assert tomas.offer is None and tomas.skills_before == {"SQL": 2} and tomas.skills_after == {}
    assert by_mentee["amara.nwosu@northwind.example"].offer == "not applicable"
    said = [str(p) for p in data.problems if p.tab == "outcomes"]
    assert ("outcomes row 3, column 'Intern email': unknown person: not on the mentees tab; row skipped (value "
            "'nobody@example.org')") in said
    assert any(s.startswith("outcomes row 4, column 'Return offer': 'maybe' is not an offer (accepted, declined, "
                            "made, none, not applicable); value ignored") for s in said)
    assert any(s.startswith("outcomes row 4, column 'Skills after': 'SQL:9' is not skill:1-5") for s in said)
    assert any("outcomes row 5, column 'Date'" in s and "required, but blank" in s for s in said)
    assert any(s.startswith("outcomes row 6, column 'Skills before': 'Python' is not skill:1-5") for s in said)
    assert set(by_mentee) == {"mei.chen@northwind.example", "tomas.silva@northwind.example",
                              "amara.nwosu@northwind.example"}
