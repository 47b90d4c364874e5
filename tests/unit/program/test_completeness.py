"""Profile completeness: the share of the fields the pairing reads that each person filled in, and what is missing,
on a Google Form's responses before and after their columns are mapped."""

from __future__ import annotations

from lib.program.completeness import incomplete_profiles, profile_gaps
from lib.reading.loader import load
from lib.sources import CsvSource, sample_source, upload_source
from tests.conftest import CORPUS

FORM = CORPUS / "forms" / "google_form"


def test_an_unmapped_form_misses_every_criterion_and_says_which():
    data = load(CsvSource(folder=FORM))
    gaps = profile_gaps(data, "mentees")
    assert gaps["complete"].tolist() == [0.0] * 4
    assert set(gaps["missing"]) == {"goals; timezone; seniority; languages; interests"}
    assert incomplete_profiles(data) == 8


def test_a_blank_capacity_counts_as_missing_though_it_reads_as_1():
    mentors = b"email,name,skills,capacity,timezone,seniority,languages,interests\n" \
              b"a@x.org,A,Python,,UTC,5,en,go\nb@x.org,B,SQL,2,UTC,5,en,go\nc@x.org,C,SQL,,UTC,5,en,go\n"
    data = load(upload_source([("mentors.csv", mentors), ("mentees.csv", b"email,name\nm@x.org,M\n")]))
    assert [m.capacity for m in data.mentors] == [1, 2, 1]
    gaps = profile_gaps(data, "mentors")
    assert gaps["missing"].tolist() == ["capacity", "", "capacity"]
    assert [round(v, 3) for v in gaps["complete"]] == [0.833, 1.0, 0.833]


def test_the_sample_is_complete_and_only_active_people_count():
    assert incomplete_profiles(load(sample_source())) == 0
    data = load(upload_source([("mentors.csv", b"email,name,active\na@x.org,A,no\n"),
                               ("mentees.csv", b"email,name,active\nm@x.org,M,yes\n")]))
    assert incomplete_profiles(data) == 1
