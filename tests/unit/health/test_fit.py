"""Pairing fit: a feedback row whose question is "fit" answers 3 good fit, 2 still deciding, 1 not a good fit. It is
not a rating (it stays out of the averages and the low-rating flag); "not a good fit" makes the pair At risk and
calls for a rematch; "still deciding" asks again once the pair has met since; a bad fit row is a problem naming it."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from lib.errors import LogError
from lib.health.model import assess
from lib.reading.loader import load
from lib.sources import CsvSource
from lib.writing.log_entries import log_feedback, log_fit
from lib.writing.writer import Writer
from tests.unit.health.test_model import AS_OF, WEEKLY, program

ANA, MEI = "ana.ruiz@northwind.example", "mei.chen@northwind.example"


def with_fit_rows(folder, *rows: str) -> None:
    """The sample's feedback (its pairs answered 'good fit' in June) with the rows given."""
    path = folder / "feedback.csv"
    assert path.read_text(encoding="utf-8").startswith("id,date,mentor_email,mentee_email,from_role,rating,comment,"
                                                        "question\n")
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n".join(rows) + "\n")


def pair(health, pairing_id="P-001"):
    return health[health["pairing_id"] == pairing_id].iloc[0]


def test_fit_answers_are_not_ratings():
    """A 'still deciding' (2) would be a low rating at the default low_rating of 2: as a fit answer it is not."""
    plain = pair(assess(program(met=WEEKLY)), "P-1")
    data = program(met=WEEKLY, ratings=[("mentee", 1, 2), ("mentor", 1, 3)])  # after the last check-in
    data.feedback = [entry.model_copy(update={"question": "fit"}) for entry in data.feedback]
    answered = pair(assess(data), "P-1")
    assert answered["status"] == "Healthy" and answered["reasons"] == []
    assert answered["score"] == plain["score"]
    assert answered["mentee_rating"] != answered["mentee_rating"]  # NaN: no rating was given
    assert answered["fit"] == "mentor: good fit, 23 Jul 2026; mentee: still deciding, 23 Jul 2026"
    assert answered["not_a_fit_from"] == ()


def test_not_a_good_fit_from_either_side_makes_the_pair_at_risk(sample_copy):
    with_fit_rows(sample_copy, f"F-900,2026-07-20,{ANA},{MEI},mentor,3,,fit",
                  f"F-901,2026-07-21,{ANA},{MEI},mentee,1,We never find a topic,fit")
    ana = pair(assess(load(CsvSource(folder=sample_copy))))
    assert ana["status"] == "At risk" and ana["not_a_fit_from"] == ("mentee",)
    assert ana["reasons"][0] == "mentee answered 'not a good fit' on 21 Jul 2026: consider a rematch"
    assert ana["next_step_to"] == ("mentee",)
    assert ana["next_step"].startswith("Hi Mei, thank you for saying the pairing with Ana Ruiz is not a good fit.")
    assert ana["fit"] == "mentor: good fit, 20 Jul 2026; mentee: not a good fit, 21 Jul 2026"
    assert ana["mentee_rating"] == 5  # the latest rating stays the 1-5 one, not the fit answer


def test_a_later_good_fit_answer_clears_it_and_an_earlier_date_does_not_count(sample_copy):
    with_fit_rows(sample_copy, f"F-900,2026-07-01,{ANA},{MEI},mentee,1,,fit",
                  f"F-901,2026-07-15,{ANA},{MEI},mentee,3,Better now,Pairing fit")
    data = load(CsvSource(folder=sample_copy))
    assert pair(assess(data))["status"] == "Healthy"
    assert pair(assess(data, as_of=date(2026, 7, 10)))["status"] == "At risk"


def test_still_deciding_asks_again_once_the_pair_has_met_since(sample_copy):
    with_fit_rows(sample_copy, f"F-900,2026-07-20,{ANA},{MEI},mentor,2,,fit")
    data = load(CsvSource(folder=sample_copy))
    before = pair(assess(data, as_of=date(2026, 7, 22)))  # no check-in since the answer yet
    assert before["status"] == "Healthy" and before["reasons"] == []
    after = pair(assess(data))  # the pair met on 23 Jul
    assert after["status"] == "Watch"
    assert after["reasons"] == ["mentor was still deciding about the fit on 20 Jul 2026 and the pair has met since: "
                                "ask again"]
    assert after["next_step_to"] == ("mentor",) and "is the pairing a good fit?" in after["next_step"]


def test_a_fit_answer_outside_1_to_3_and_an_unknown_question_are_problems_naming_the_row(sample_copy):
    with_fit_rows(sample_copy, f"F-900,2026-07-20,{ANA},{MEI},mentee,5,,fit",
                  f"F-901,2026-07-20,{ANA},{MEI},mentee,2,,mood")
    data = load(CsvSource(folder=sample_copy))
    said = [str(p) for p in data.problems if p.tab == "feedback"]
    fit_row, odd_row = len(data.feedback) + 2, len(data.feedback) + 3  # header is row 1; both rows are left out
    assert any(f"row {odd_row}, column 'question'" in s and s.endswith("row skipped") for s in said)
    assert (f"feedback row {fit_row}, column 'rating': a fit answer is 3 good fit, 2 still deciding, 1 not a good "
            "fit; row skipped (value '5')") in said
    assert any(f"row {odd_row}, column 'question'" in s and "'mood' is not a question Tandem asks" in s
               for s in said)
    assert all(entry.id not in ("F-900", "F-901") for entry in data.feedback)
    assert pair(assess(data))["status"] == "Healthy"


def test_a_fit_answer_is_written_with_its_question_and_a_rating_adds_no_column(sample_copy):
    path = sample_copy / "feedback.csv"  # a program that never asked about fit: no question column
    path.write_text("\n".join(line.rsplit(",", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()
                              if not line.endswith(",fit")) + "\n", encoding="utf-8")
    source = CsvSource(folder=sample_copy)
    data = load(source)
    log_feedback(Writer(source, data.tables), ANA, MEI, AS_OF, AS_OF, "mentee", 4)
    with open(sample_copy / "feedback.csv", encoding="utf-8-sig", newline="") as handle:
        assert "question" not in next(csv.reader(handle))
    data = load(source)
    new_id = log_fit(Writer(source, data.tables), ANA, MEI, AS_OF, AS_OF, "mentee", 1, comment="no common topics")
    with open(sample_copy / "feedback.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[-1]["id"] == new_id and rows[-1]["question"] == "fit" and rows[-1]["rating"] == "1"
    assert not rows[-2]["question"]  # the column is added at the end, blank for the rows before
    assert pair(assess(load(source)))["status"] == "At risk"
    with pytest.raises(LogError, match="A fit answer is 3 good fit, 2 still deciding, 1 not a good fit, not 4"):
        log_fit(Writer(source, load(source).tables), ANA, MEI, AS_OF, AS_OF, "mentee", 4)
