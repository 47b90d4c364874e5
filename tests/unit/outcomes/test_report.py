"""The impact report's figures on a hand-worked program: two cohorts, a proposed, an active and an ended pair, a
single-pair cohort, an empty one, and records after the as-of date that must not count. Every expected value is
worked out in the comments from the definitions in the README."""

from __future__ import annotations

from datetime import date

import pytest

from lib.contract.models import CheckIn, Feedback, Goal, Mentee, Mentor, Outcome, Pairing
from lib.contract.settings import Settings
from lib.outcomes.report import COUNTS, FIGURES, impact, shown, table
from lib.reading.dataset import Dataset

AS_OF = date(2026, 7, 31)
D = date.fromisoformat


def program() -> Dataset:
    mentees = [Mentee(email=f"{e}@x.org", name=e.upper(), cohort=c, active=a)
               for e, c, a in (("e1", "A", True), ("e2", "A", True), ("e3", "A", True), ("e4", "A", False),
                               ("e6", "A", True), ("e5", "B", True))]
    pairings = [
        Pairing(id="P1", mentor_email="m1@x.org", mentee_email="e1@x.org", status="active",
                started_on=D("2026-07-01"), cadence="weekly"),
        Pairing(id="P2", mentor_email="m2@x.org", mentee_email="e2@x.org", status="ended", started_on=D("2026-06-01"),
                ended_on=D("2026-06-29"), cadence="weekly", end_reason="moved team"),
        Pairing(id="P3", mentor_email="m1@x.org", mentee_email="e3@x.org", status="proposed"),
        Pairing(id="P4", mentor_email="m2@x.org", mentee_email="e5@x.org", status="active",
                started_on=D("2026-07-20"), cadence="weekly"),
    ]
    met = [("m1", "e1", "2026-07-03"), ("e1", "m1", "2026-07-10"), ("m1", "e1", "2026-07-17"),  # either way round
           ("m2", "e2", "2026-06-11"), ("m2", "e2", "2026-07-05"),  # the second after P2 ended
           ("m1", "e1", "2026-08-03")]  # after the as-of date
    rated = [("m1", "e1", "2026-07-10", "mentor", 4, ""), ("m1", "e1", "2026-07-24", "mentor", 5, ""),
             ("m1", "e1", "2026-07-24", "mentee", 3, ""), ("m1", "e1", "2026-07-25", "mentee", 1, "fit"),
             ("m2", "e2", "2026-06-20", "mentor", 2, ""), ("m2", "e2", "2026-08-02", "mentee", 5, "")]
    goals = [Goal(id="G1", pairing_id="P1", goal="SQL", status="done"),
             Goal(id="G2", pairing_id="p1", goal="Airflow", status="in progress", updated_on=D("2026-07-20")),
             Goal(id="G3", pairing_id="P1", goal="Docker", status="dropped"),
             Goal(id="G4", pairing_id="P2", goal="Kotlin", status="done", updated_on=D("2026-08-05")),
             Goal(id="G5", pairing_id="P3", goal="Go", status="open", updated_on=D("2026-07-20"))]  # a proposal's
    outcomes = [
        Outcome(row=2, mentee_email="e1@x.org", date=D("2026-07-01"), offer="none"),
        Outcome(row=3, mentee_email="e1@x.org", date=D("2026-07-30"), offer="accepted",
                skills_before="SQL:2; Airflow:1", skills_after="sql:4; Airflow:2; Docker:3"),
        Outcome(row=4, mentee_email="e2@x.org", date=D("2026-07-15"), offer="none", skills_before="Kotlin:3",
                skills_after="Kotlin:2"),
        Outcome(row=5, mentee_email="e2@x.org", date=D("2026-08-10"), offer="made"),  # after the as-of date
        Outcome(row=6, mentee_email="e3@x.org", date=D("2026-07-30"), offer="not applicable"),
        Outcome(row=7, mentee_email="e6@x.org", date=D("2026-07-20"), offer="declined"),
    ]
    return Dataset(
        mentors=[Mentor(email="m1@x.org", name="M1"), Mentor(email="m2@x.org", name="M2")], mentees=mentees,
        pairings=pairings,
        checkins=[CheckIn(date=D(d), mentor_email=f"{a}@x.org", mentee_email=f"{b}@x.org") for a, b, d in met],
        feedback=[Feedback(date=D(d), mentor_email=f"{a}@x.org", mentee_email=f"{b}@x.org", from_role=r, rating=v,
                           question=q) for a, b, d, r, v, q in rated],
        settings=Settings(as_of=AS_OF), goals=goals, outcomes=outcomes)


def test_every_figure_of_a_hand_worked_cohort():
    a = impact(program())["A"]
    assert a["match_rate"] == pytest.approx(3 / 4)  # e1, e2 (ended), e3 (proposed) of e1, e2, e3, e6; e4 inactive
    assert a["median_days_to_first_meeting"] == 6.0  # P1 met 2 days in, P2 10 days in
    # P1: 3 check-ins over 30 days, weekly needs 0.5 x 30 / 7 = 2.1: on cadence; P2: 1 check-in in its 28 days
    # (the one after it ended does not count), needs 2: off cadence
    assert a["on_cadence_rate"] == 0.5
    assert a["goal_completion_rate"] == 0.5  # G1 done of G1, G2 (G3 dropped, G4 updated after the as-of date)
    assert a["average_mentor_rating"] == 3.5  # P1's latest 5, P2's 2
    assert a["average_mentee_rating"] == 3.0  # P1's 3; the fit answer is no rating, P2's 5 came after the as-of date
    assert a["offer_rate"] == pytest.approx(2 / 3)  # e1 accepted, e6 declined, e2 none; e3 not applicable
    assert a["acceptance_rate"] == 0.5  # accepted 1 of offered 2
    assert a["skills_gain"] == pytest.approx((2 + 1 - 1) / 3)  # e1 SQL +2 (any case), Airflow +1; e2 Kotlin -1
    assert a["offer_rate_on_cadence"] == 1.0  # e1, of P1
    assert a["offer_rate_off_cadence"] == 0.0  # e2, of P2: no offer
    assert (a["active_mentees"], a["started_pairs"], a["goals"], a["outcomes"]) == (4, 2, 2, 4)


def test_a_single_pair_cohort_and_an_empty_one_have_nulls_not_errors():
    b = impact(program())["B"]
    assert b["match_rate"] == 1.0 and b["on_cadence_rate"] == 0.0  # 11 days, weekly needs 0.8, none held
    assert all(b[k] is None for k in FIGURES if k not in ("match_rate", "on_cadence_rate"))
    empty = impact(program(), cohort="C")
    assert list(empty) == ["C"] and all(empty["C"][k] is None for k in FIGURES)
    assert all(empty["C"][k] == 0 for k in COUNTS)
    assert set(impact(Dataset(settings=Settings(as_of=AS_OF)))) == set()


def test_the_as_of_date_leaves_out_what_came_later():
    a = impact(program(), as_of=date(2026, 6, 30))["A"]
    assert a["match_rate"] == 0.5  # P1 starts on 1 Jul: e2 and e3 of four
    assert a["started_pairs"] == 1 and a["on_cadence_rate"] == 0.0 and a["median_days_to_first_meeting"] == 10.0
    assert a["offer_rate"] is None and a["outcomes"] == 0
    # P1's goals are not counted before it starts (1 Jul), even the undated G1: a proposal's goals are not worked on
    assert a["goal_completion_rate"] is None and a["goals"] == 0


def test_without_a_cohort_each_cohort_is_its_own_entry_and_the_table_reads_as_words():
    report = impact(program())
    assert list(report) == ["A", "B"] and set(report["A"]) == set(FIGURES) | set(COUNTS)
    shown_table = table(report)
    assert shown_table.loc["Mentees offered a job", "A"] == "67 %" and shown_table.loc["Goals completed", "B"] == "–"
    assert shown("skills_gain", 2 / 3) == "+0.7" and shown("median_days_to_first_meeting", 6.0) == "6.0"


def test_mentees_without_a_cohort_are_reported_together():
    data = program()
    data.mentees = [m.model_copy(update={"cohort": ""}) for m in data.mentees]
    assert list(impact(data)) == ["no cohort"]
    assert impact(data)["no cohort"]["started_pairs"] == 3


def test_a_second_pairing_of_the_same_two_people_takes_only_what_came_after_its_start():
    """m1 and e1 paired twice: the first pairing ended 30 Jun, the second began 1 Jul. Each entry belongs to the
    latest pairing that began on or before it: the first keeps its rating of 1, the second its 5."""
    data = program()
    data.pairings = [
        Pairing(id="P0", mentor_email="m1@x.org", mentee_email="e1@x.org", status="ended", started_on=D("2026-06-01"),
                ended_on=D("2026-06-30"), cadence="monthly", end_reason="paused"),
        *data.pairings]
    data.feedback = [*data.feedback, Feedback(date=D("2026-06-20"), mentor_email="m1@x.org", mentee_email="e1@x.org",
                                              from_role="mentee", rating=1)]
    a = impact(data)["A"]
    assert a["started_pairs"] == 3
    assert a["average_mentee_rating"] == 2.0  # P0's 1 and P1's 3 (P2 has none), not P1's 3 twice
    # P0 (29 days, monthly, needs 0.5): no check-in of its own, the July ones are P1's: off cadence; P1 on; P2 off
    assert a["on_cadence_rate"] == pytest.approx(1 / 3)


def test_a_latest_outcome_without_an_offer_counts_as_no_offer():
    data = program()
    data.outcomes = [*data.outcomes, Outcome(row=8, mentee_email="e6@x.org", date=D("2026-07-31"))]
    assert impact(data)["A"]["offer_rate"] == pytest.approx(1 / 3)  # e1 accepted; e2 none; e6 now without an offer
