"""Nothing ignored in silence: every roster column Tandem does not read is named with the field it looks like, and
every pairing criterion without data is named with what follows; both are warnings. Run on a Google Form's
responses and an HR export made the way those tools write them (tests/corpus/forms)."""

from __future__ import annotations

from lib.contract.problems import UNREAD, WARNING
from lib.matching import PairingOptions, suggest
from lib.reading.loader import load
from lib.sources import CsvSource, sample_source, upload_source
from tests.conftest import CORPUS
from tests.unit.cli.test_main import run

FORM, HR = CORPUS / "forms" / "google_form", CORPUS / "forms" / "hr_export"


def unread(data) -> list[tuple[str, str, str]]:
    return [(p.tab, p.column, p.message) for p in data.problems if p.kind == UNREAD]


def test_a_google_forms_unknown_questions_are_named_with_the_field_each_looks_like():
    data = load(CsvSource(folder=FORM))
    found = unread(data)
    named = {(tab, column): message for tab, column, message in found if column}
    assert {k: v.split("; ")[1] for k, v in named.items()} == {
        ("mentors", "What can you teach? (pick all that apply)"): "it looks like skills: map it on the Data set-up "
                                                                   "page (or with python -m lib map) to use it",
        ("mentors", "How many interns can you take?"): "it looks like capacity: map it on the Data set-up page (or "
                                                        "with python -m lib map) to use it",
        ("mentors", "Your time zone"): "it looks like timezone: map it on the Data set-up page (or with python -m "
                                       "lib map) to use it",
        ("mentors", "Who is your manager? (email)"): "it looks like manager_email: map it on the Data set-up page "
                                                      "(or with python -m lib map) to use it",
        ("mentors", "Anything else we should know?"): "its values are kept as they are, but no criterion uses them",
        ("mentees", "What do you most want to learn this summer?"): "it looks like goals: map it on the Data "
                                                                     "set-up page (or with python -m lib map) to "
                                                                     "use it",
        ("mentees", "Your time zone"): "it looks like timezone: map it on the Data set-up page (or with python -m "
                                       "lib map) to use it",
        ("mentees", "Anyone you would like as a mentor? (email)"): "it looks like preferred_mentors: map it on the "
                                                                    "Data set-up page (or with python -m lib map) "
                                                                    "to use it",
        ("mentees", "Who is your manager? (email)"): "it looks like manager_email: map it on the Data set-up page "
                                                      "(or with python -m lib map) to use it",
    }
    assert named[("mentors", "How many interns can you take?")].startswith("column E is not one Tandem reads")
    assert data.mentors[0].signed_up_on.isoformat() == "2026-05-18T10:02:11"  # a Form's Timestamp needs no map
    criteria = [message for tab, column, message in found if not column]
    assert criteria == [
        "mentors have no skills, capacity, timezone, seniority, languages or interests columns: goal coverage, "
        "working-hours overlap, the seniority gap, a shared language and shared interests give every pair the same "
        "points, so they decide nothing; every mentor is taken to have room for 1 mentee",
        "mentees have no goals, timezone, seniority, languages, interests or preferred_mentors columns: goal "
        "coverage, working-hours overlap, the seniority gap, a shared language and shared interests give every pair "
        "the same points, so they decide nothing; no mentee's wish for a mentor is known, so none is granted"]
    assert all(p.severity == WARNING and p.row == 1 for p in data.problems if p.kind == UNREAD)


def test_an_hr_export_never_passes_as_clean_and_validate_says_so_exit_0_or_1_with_strict():
    data = load(CsvSource(folder=HR))
    assert {column for _, column, _ in unread(data)} == {"Job Title", "Location", "Hire Date", ""}
    plain = run("validate", str(HR))
    assert plain.returncode == 0 and "column 'Job Title': column E is not one Tandem reads" in plain.stdout
    assert run("validate", str(HR), "--strict").returncode == 1


def test_an_empty_criterion_column_is_named_like_a_missing_one():
    mentors = b"email,name,skills,capacity,timezone,seniority,languages,interests\na@x.org,A,Python,2,UTC,5,en,go\n"
    mentees = b"email,name,goals,timezone,seniority,languages,interests,preferred_mentors\nm@x.org,M,,UTC,0,en,go,\n"
    data = load(upload_source([("mentors.csv", mentors), ("mentees.csv", mentees)]))
    assert [m for _, _, m in unread(data)] == [
        "mentees have an empty goals or preferred_mentors column: goal coverage gives every pair the same points, "
        "so it decides nothing; no mentee's wish for a mentor is known, so none is granted"]


def test_a_complete_roster_has_nothing_unread():
    assert unread(load(sample_source())) == []


def test_an_export_wider_than_twenty_unknown_columns_names_twenty_and_counts_the_rest():
    header = "email,name," + ",".join(f"question {k}" for k in range(30))
    row = "a@x.org,A," + ",".join("x" for _ in range(30))
    data = load(upload_source([("mentors.csv", f"{header}\n{row}\n".encode()),
                               ("mentees.csv", b"email,name\nm@x.org,M\n")]))
    columns = [c for tab, c, _ in unread(data) if tab == "mentors" and c]
    assert columns == [f"question {k}" for k in range(21)]
    assert unread(data)[20][2].startswith("10 more columns are not read either (from column W on)")


def test_without_goals_the_reason_says_the_points_are_the_same_for_every_mentor():
    """The explanation never contradicts the bars: no goals given earns every mentor the same neutral points, and
    the reason says so instead of 'covers none of the goals'."""
    data = load(CsvSource(folder=FORM))
    result = suggest(data, PairingOptions())
    assert result.pairs
    for pair in result.pairs:
        assert "no goals given: the same points for every mentor" in pair.reason
        assert "covers none" not in pair.reason
    assert len({p.contributions["goals"] for p in result.pairs}) == 1  # the same points whoever the mentor is


def test_a_400_digit_number_in_a_column_not_read_or_in_capacity_loads_with_a_warning():
    big = "9" * 400
    data = load(upload_source([("mentors.csv", f"email,name,capacity,Badge\na@x.org,A,{big},{big}\n".encode()),
                               ("mentees.csv", b"email,name\nm@x.org,M\n")]))
    assert data.mentors[0].capacity == 0
    assert any("too large a number" in p.message for p in data.problems)


def test_one_criterion_without_data_takes_the_verb_its_own_subject_takes():
    """'shared interests' is a plural subject, 'a shared language' a singular one."""
    mentors = b"email,name,skills,capacity,timezone,seniority,languages,interests\na@x.org,A,Python,2,UTC,5,en,go\n"
    for missing, said in (("interests", "shared interests give every pair the same points, so they decide nothing"),
                          ("languages", "a shared language gives every pair the same points, so it decides nothing")):
        columns = [c for c in ("goals", "timezone", "seniority", "languages", "interests", "preferred_mentors")
                   if c != missing]
        mentees = ("email,name," + ",".join(columns) + "\nm@x.org,M," + ",".join(
            "ana@x.org" if c == "preferred_mentors" else "1" if c == "seniority" else "UTC" if c == "timezone"
            else "go" for c in columns) + "\n").encode()
        data = load(upload_source([("mentors.csv", mentors), ("mentees.csv", mentees)]))
        assert [m for _, _, m in unread(data)] == [f"mentees have no {missing} column: {said}"]
