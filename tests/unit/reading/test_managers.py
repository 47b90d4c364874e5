"""Managers by name, as an HR export writes them ("Reports To: Ana Costa"): resolved to the one roster person of
that name (case, accents and spaces ignored), so the own-manager rule holds; ambiguous and unknown names are
warnings that name them."""

from __future__ import annotations

import pytest

from lib.contract.problems import NOTE, WARNING
from lib.matching import PairingOptions, suggest
from lib.reading.loader import load
from lib.reading.managers import name_key
from lib.sources import CsvSource, upload_source
from tests.conftest import CORPUS, value_problems
from tests.unit.cli.test_main import run

HR = CORPUS / "forms" / "hr_export"


def test_an_hr_exports_managers_by_name_become_emails_and_nobody_gets_their_own_manager():
    data = load(CsvSource(folder=HR))
    managers = {m.email: m.manager_email for m in [*data.mentors, *data.mentees]}
    assert managers == {"ana.costa@acme.example": "", "eva.novak@acme.example": "ana.costa@acme.example",
                        "raj.mehta@acme.example": "ana.costa@acme.example",
                        "kim.park@acme.example": "ana.costa@acme.example",
                        "tom.berg@acme.example": "eva.novak@acme.example",  # written 'Eva Novak', no accent
                        "ola.nowak@acme.example": "raj.mehta@acme.example"}
    found = [(p.tab, p.row, p.message) for p in value_problems(data.problems)]
    assert found == [
        ("mentors", 2, "the manager 'Marta Silva' is nobody on the mentors or mentees tab, so the own-manager "
                       "rule cannot hold for it; write the manager's email instead")]
    assert [(n.tab, n.column, n.severity, n.message) for n in data.notes] == [  # a note per tab, not a warning
        ("mentors", "Reports To", NOTE, "2 managers given by name matched to the roster's emails (for example "
                                        "'Ana Costa' → ana.costa@acme.example)"),
        ("mentees", "Reports To", NOTE, "3 managers given by name matched to the roster's emails (for example "
                                        "'Ana Costa' → ana.costa@acme.example)")]
    for kind in ("one-on-one", "group"):
        for pair in suggest(data, PairingOptions(type=kind)).pairs:
            assert pair.mentor_email != managers[pair.mentee_email], (kind, pair)


def test_a_name_shared_by_two_people_is_a_warning_naming_both_and_no_guess():
    mentors = b"email,name,manager\nana.costa@x.org,Ana Costa,\nana.c@x.org,ANA  costa,\n"
    mentees = b"email,name,reports to\nkim@x.org,Kim Park,Ana Costa\nbo@x.org,Bo,bo.boss@x.org\n"
    data = load(upload_source([("mentors.csv", mentors), ("mentees.csv", mentees)]))
    assert data.mentee_by_email["kim@x.org"].manager_email == ""
    assert data.mentee_by_email["bo@x.org"].manager_email == "bo.boss@x.org"  # an email stays as it is
    (problem,) = value_problems(data.problems)
    assert (problem.tab, problem.row, problem.column, problem.severity) == ("mentees", 2, "reports to", WARNING)
    assert problem.message == ("the manager 'Ana Costa' matches ana.c@x.org and ana.costa@x.org; write the "
                               "manager's email instead")


def test_a_malformed_email_is_still_refused_as_an_email():
    data = load(upload_source([("mentors.csv", b"email,name\nana@x.org,Ana\n"),
                               ("mentees.csv", b"email,name,manager\nkim@x.org,Kim,ana@\n")]))
    assert [p.message for p in value_problems(data.problems)] == ["'ana@' is not an email address; value ignored"]


@pytest.mark.parametrize("a, b", [("Eva Novák", "eva novak"), ("  José  Martínez", "JOSE MARTINEZ"),
                                  ("Łukasz Nowak", "lukasz nowak"), ("Søren Ørsted", "soren orsted"),
                                  ("Jürgen Groß", "jurgen gross"), ("李 伟", "李  伟")])
def test_names_compare_without_case_accents_or_spaces(a, b):
    assert name_key(a) == name_key(b)


def test_names_of_other_scripts_keep_their_letters():
    assert name_key("李伟") != name_key("王芳") and name_key("Олена Коваленко") == "олена коваленко"


def test_an_hr_export_pairs_exactly_as_the_same_people_under_tandems_headers(tmp_path):
    """Names split in two, work emails, managers by name: read as they come, the pairs are the ones the same people
    get when written in Tandem's own headers with managers as emails."""
    import csv

    own = tmp_path / "own"
    own.mkdir()
    data = load(CsvSource(folder=HR))
    email_of = {f"{m.name}": m.email for m in [*data.mentors, *data.mentees]}
    for tab in ("mentors", "mentees"):
        with open(HR / f"{tab}.csv", newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        with open(own / f"{tab}.csv", "w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            out.writerow(["email", "name", "team", "manager_email"])
            for r in rows:
                named = r["Reports To"]
                manager = {"Eva Novak": "eva.novak@acme.example"}.get(named, email_of.get(named, ""))
                out.writerow([r["Work Email"], f"{r['First Name']} {r['Last Name']}", r["Department"], manager])
    plain = load(CsvSource(folder=own))
    assert [(m.email, m.name, m.team, m.manager_email) for m in data.mentees] == \
        [(m.email, m.name, m.team, m.manager_email) for m in plain.mentees]
    for kind in ("one-on-one", "group", "peer"):
        a, b = suggest(data, PairingOptions(type=kind)), suggest(plain, PairingOptions(type=kind))
        assert [(p.mentor_email, p.mentee_email, p.score) for p in a.pairs] == \
            [(p.mentor_email, p.mentee_email, p.score) for p in b.pairs]


@pytest.mark.parametrize("placeholder", ["N/A", "-", "TBD", "none", "?"])
def test_a_placeholder_for_no_manager_is_no_manager_and_no_warning(placeholder):
    data = load(upload_source([("mentors.csv", b"email,name\nana@x.org,Ana\n"),
                               ("mentees.csv", f"email,name,manager\nkim@x.org,Kim,{placeholder}\n".encode())]))
    assert data.mentees[0].manager_email == "" and value_problems(data.problems) == []


def test_a_fully_resolved_hr_export_passes_strict_with_its_notes_said(tmp_path):
    """Managers as HR tools write them: 'Last, First' and a name with the email in brackets."""
    mentors = ("Work Email,First Name,Last Name,Department,Reports To,Skills,Max mentees,Time zone,Seniority,"
               "Languages,Interests\n"
               "ana.costa@acme.example,Ana,Costa,Platform,,Go,2,UTC,9,English,chess\n"
               "eva.novak@acme.example,Eva,Novák,Data,\"Costa, Ana\",SQL,2,UTC,7,English,chess\n")
    mentees = ("Work Email,First Name,Last Name,Department,Reports To,Skills,Goals,Interests,Seniority,Time zone,"
               "Languages,Preferred mentors\n"
               "kim.park@acme.example,Kim,Park,Platform,\"Novak, Eva\",Go,SQL,chess,0,UTC,English,"
               "ana.costa@acme.example\n"
               "tom.berg@acme.example,Tom,Berg,Data,Ana Costa (Ana.Costa@acme.example),SQL,Go,chess,0,UTC,English,\n")
    folder = tmp_path / "hr"
    folder.mkdir()
    (folder / "mentors.csv").write_text(mentors, encoding="utf-8")
    (folder / "mentees.csv").write_text(mentees, encoding="utf-8")
    data = load(CsvSource(folder=folder))
    managers = {p.email: p.manager_email for p in [*data.mentors, *data.mentees]}
    assert managers == {"ana.costa@acme.example": "", "eva.novak@acme.example": "ana.costa@acme.example",
                        "kim.park@acme.example": "eva.novak@acme.example",
                        "tom.berg@acme.example": "ana.costa@acme.example"}  # the email in brackets, taken as is
    assert [p for p in data.problems if "manager" in p.message] == []
    assert [(n.tab, n.message) for n in data.notes] == [
        ("mentors", "1 manager given by name matched to the roster's emails (for example 'Costa, Ana' → "
                    "ana.costa@acme.example)"),
        ("mentees", "1 manager given by name matched to the roster's emails (for example 'Novak, Eva' → "
                    "eva.novak@acme.example)")]
    strict = run("validate", str(folder), "--strict")
    assert strict.returncode == 0, strict.stdout  # notes are no problem: nothing left to fix
    assert strict.stdout.splitlines() == [
        "note: mentors, column 'Reports To': 1 manager given by name matched to the roster's emails (for example "
        "'Costa, Ana' → ana.costa@acme.example)",
        "note: mentees, column 'Reports To': 1 manager given by name matched to the roster's emails (for example "
        "'Novak, Eva' → eva.novak@acme.example)"]
    for pair in suggest(data, PairingOptions()).pairs:
        assert pair.mentor_email != managers[pair.mentee_email]
