"""The pairing engine (`suggest`): the goals, explained pairs and unmatched mentees, deterministic, rule-safe under
random rosters. The exact solvers against brute force are in test_assign.py, the scores in test_criteria.py."""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lib.contract.models import Mentee, Mentor, Pairing
from lib.contract.settings import Settings
from lib.errors import RuleBroken
from lib.matching import PairingOptions, suggest
from lib.matching.criteria import DEFAULT_WEIGHTS, ScoreModel
from lib.matching.explain import group_themes
from lib.reading.dataset import Dataset
from lib.reading.loader import load
from lib.sources import sample_source
from tests.conftest import SAMPLE_WAITING

AS_OF = date(2026, 7, 24)
NW = "@northwind.example"


def mentor(name: str, **fields) -> Mentor:
    return Mentor(email=f"{name}@x.org", name=name, **fields)


def mentee(name: str, **fields) -> Mentee:
    return Mentee(email=f"{name}@x.org", name=name, **fields)


def program(mentors=(), mentees=(), pairings=()) -> Dataset:
    return Dataset(mentors=list(mentors), mentees=list(mentees), pairings=list(pairings),
                   settings=Settings(as_of=AS_OF))


def placed(suggestion) -> dict[str, str]:
    return {p.mentee_email: p.mentor_email for p in suggestion.pairs}


# --- the goals: everyone first, or best matches --------------------------------------------------------

def test_greedy_by_score_strands_a_mentee_that_everyone_first_places():
    a = mentor("a", skills="Python; SQL", capacity=1)
    b = mentor("b", skills="Python", capacity=1)
    x = mentee("x", goals="Python; SQL", preferred_mentors="a@x.org")
    y = mentee("y", goals="Python; SQL", avoid="b@x.org")
    data = program([a, b], [x, y])
    model = ScoreModel.build([x, y], [a, b], "one-on-one", DEFAULT_WEIGHTS["one-on-one"], AS_OF)
    scores = model.matrix()
    assert scores[0, 0] == scores.max()  # greedy takes x with a first, and y may not have b
    assert placed(suggest(data)) == {"x@x.org": "b@x.org", "y@x.org": "a@x.org"}


def test_best_leaves_low_scores_unmatched_with_the_reason():
    a = mentor("a", skills="Python", capacity=2, timezone="UTC")
    x = mentee("x", goals="Python", timezone="UTC")
    low = mentee("low", goals="Rust; Go", timezone="Pacific/Kiritimati", languages="Maori")
    result = suggest(program([a], [x, low]), PairingOptions(goal="best", min_score=60))
    assert placed(result) == {"x@x.org": "a@x.org"}
    [waiting] = result.unmatched
    assert waiting.mentee_email == "low@x.org"
    assert waiting.reason.startswith("No mentor reaches the minimum score of 60 for low: the best, a, scores ")
    assert placed(suggest(program([a], [x, low]))) == {"x@x.org": "a@x.org", "low@x.org": "a@x.org"}


def test_unmatched_reasons_are_sentences_that_name_the_rules_with_counts_and_full_mentors():
    boss = mentor("boss", capacity=2)
    shunned = mentor("shunned", capacity=2)
    full = mentor("full", capacity=1)
    x = mentee("x", manager_email="boss@x.org", avoid="shunned@x.org")
    busy = mentee("busy")
    existing = Pairing(mentor_email="full@x.org", mentee_email="busy@x.org", status="active")
    result = suggest(program([boss, shunned, full], [x, busy], [existing]))
    assert [(u.mentee_email, u.reason) for u in result.unmatched] == [
        ("x@x.org", "No mentor is allowed for x: of 3 mentors, 1 is x's manager (or managed by x), "
                    "1 is on an avoid list with x and 1 has no places left.")]
    only_full = suggest(program([full], [mentee("y"), busy], [existing]))
    assert only_full.unmatched[0].reason == "Every mentor who could take y is full: 1 mentor has no places left."
    taken = suggest(program([mentor("solo", capacity=1)], [mentee("p"), mentee("q")]))
    assert taken.unmatched[0].reason == ("q could only go to solo, whose places went to others: placing q too "
                                         "would leave someone else without a mentor.")


def test_pair_reason_runner_up_and_summary():
    ana = mentor("ana", skills="Python; SQL; Go", capacity=1, timezone="UTC+1")
    bo = mentor("bo", skills="Python", capacity=1, timezone="UTC+1")
    me = mentee("me", goals="Python; SQL", timezone="UTC-3", preferred_mentors="ana@x.org", interests="chess")
    result = suggest(program([ana, bo], [me]))
    [pair] = result.pairs
    assert pair.mentor_email == "ana@x.org" and pair.goals == ["Python", "SQL"]
    assert pair.reason == "covers Python and SQL, working days overlap by 4 hours, requested by the mentee"
    assert pair.runner_up == "bo@x.org" and pair.runner_up_score < pair.score
    assert result.summary.placed == 1 and result.summary.unmatched == 0
    assert result.summary.total_score == result.summary.average_score == pair.score


def test_blocking_pairs_count_mutual_preferences_not_made():
    a = mentor("a", skills="Python; SQL", capacity=1)
    b = mentor("b", skills="Python", capacity=1)
    x = mentee("x", goals="Python; SQL", preferred_mentors="a@x.org")
    y = mentee("y", goals="Python; SQL", avoid="b@x.org")
    # x would rather have a, and a scores x above y: one blocking pair, the price of placing both
    assert suggest(program([a, b], [mentee("x2", goals="Python"), y])).summary.blocking_pairs == 0
    blocked = suggest(program([a, b], [x, y]))
    assert blocked.summary.blocking_pairs == 1
    assert blocked.blocking == ["x and a would both rather be paired with each other than with their current "
                                "matches (x has b, a has y)."]


def test_same_input_same_output_also_with_rows_shuffled():
    data = load(sample_source())
    first = suggest(data)
    rng = random.Random(3)
    for _ in range(5):
        mentors, mentees = list(data.mentors), list(data.mentees)
        rng.shuffle(mentors)
        rng.shuffle(mentees)
        again = suggest(Dataset(mentors=mentors, mentees=mentees, pairings=data.pairings, settings=data.settings))
        assert [(p.mentor_email, p.mentee_email, p.score, p.reason) for p in again.pairs] == \
               [(p.mentor_email, p.mentee_email, p.score, p.reason) for p in first.pairs]


def test_ties_break_by_email():
    twins = [mentor("b", capacity=1), mentor("a", capacity=1)]
    assert placed(suggest(program(twins, [mentee("x")]))) == {"x@x.org": "a@x.org"}


# --- the sample data ---------------------------------------------------------------------------------

def test_sample_places_every_waiting_mentee_with_a_mentor_who_covers_their_goals():
    data = load(sample_source())
    result = suggest(data)
    pairs = placed(result)
    assert set(pairs) == SAMPLE_WAITING
    assert pairs == {f"lena.schmidt{NW}": f"grace.oyelaran{NW}", f"thandiwe.dlamini{NW}": f"elif.yilmaz{NW}",
                     f"siddharth.iyer{NW}": f"sara.lindberg{NW}", f"chloe.martin{NW}": f"aiko.tanaka{NW}",
                     f"kenji.watanabe{NW}": f"jose.martinez{NW}"}
    assert pairs[f"lena.schmidt{NW}"] not in (f"aiko.tanaka{NW}", f"ana.ruiz{NW}")  # her manager; her avoid list
    assert pairs[f"siddharth.iyer{NW}"] != f"ana.ruiz{NW}"  # his manager, the one who covers all his goals
    assert result.unmatched == [] and result.summary.placed == 5
    assert all(p.type == "one-on-one" and p.reason.startswith("covers ") and p.goals for p in result.pairs)


def test_group_names_the_themes_and_peer_states_the_trio():
    assert group_themes([["CTF", "security"], ["ctf", "Go"], ["Go", "CTF"]]) == ["CTF", "Go"]
    lead = mentor("lead", skills="CTF; Go", capacity=3, mentorship_types="group")
    members = [mentee(n, goals=g) for n, g in (("p", "CTF; Go"), ("q", "ctf"), ("r", "Go; Rust"))]
    [group] = suggest(program([lead], members), PairingOptions(type="group")).groups
    assert group.members == ["p@x.org", "q@x.org", "r@x.org"] and group.themes == ["CTF", "Go"]
    data = load(sample_source())
    peers = suggest(data, PairingOptions(type="peer"))
    assert peers.summary.placed == 5 and any("odd one out" in note for note in peers.notes)
    assert sum("as a trio" in p.reason for p in peers.pairs) == 2
    best = max(peers.pairs, key=lambda p: p.score)  # the two who wanted a peer cover each other's goals
    assert {best.mentor_email, best.mentee_email} == {f"chloe.martin{NW}", f"kenji.watanabe{NW}"}


def test_locks_are_kept_and_a_lock_against_a_rule_stops_the_run():
    a, b = mentor("a", capacity=1), mentor("b", capacity=1)
    x = mentee("x", preferred_mentors="a@x.org", manager_email="m@x.org")
    y = mentee("y")
    result = suggest(program([a, b], [x, y]), PairingOptions(locked=frozenset({("a@x.org", "y@x.org")})))
    assert placed(result) == {"y@x.org": "a@x.org", "x@x.org": "b@x.org"}
    assert [p.locked for p in result.pairs] == [True, False]
    with pytest.raises(RuleBroken, match="The locked pair a and z cannot be made: a is on an avoid list with z") \
            as refused:
        suggest(program([a], [mentee("z", avoid="a@x.org")]),
                PairingOptions(locked=frozenset({("a@x.org", "z@x.org")})))
    assert "@" not in str(refused.value)  # people's names, not addresses
    with pytest.raises(RuleBroken, match="need more places than a has left: unlock one of them"):
        suggest(program([a, b], [x, y]), PairingOptions(locked=frozenset({("a@x.org", "y@x.org"),
                                                                          ("a@x.org", "x@x.org")})))


# --- no hard rule is ever broken ----------------------------------------------------------------------

@st.composite
def rosters(draw):
    n_mentors, n_mentees = draw(st.integers(1, 4)), draw(st.integers(1, 6))
    mentor_emails = [f"m{k}@x.org" for k in range(n_mentors)]
    mentee_emails = [f"e{k}@x.org" for k in range(n_mentees)]
    team = st.sampled_from(["", "Red", "Blue"])
    skills = st.lists(st.sampled_from(["Python", "SQL", "Go", "React"]), max_size=3).map("; ".join)
    mentors = [Mentor(email=e, name=e, team=draw(team), capacity=draw(st.integers(0, 2)), skills=draw(skills),
                      active=draw(st.booleans()), timezone=draw(st.sampled_from(["", "UTC", "Asia/Tokyo"])),
                      seniority=draw(st.sampled_from([None, 2, 4, 11])),
                      manager_email=draw(st.sampled_from(["", *mentee_emails])))
               for e in mentor_emails]
    mentees = [Mentee(email=e, name=e, team=draw(team), goals=draw(skills), skills=draw(skills),
                      active=draw(st.booleans()), seniority=draw(st.sampled_from(["0", "3", "10", None])),
                      manager_email=draw(st.sampled_from(["", *mentor_emails, *mentee_emails])),
                      avoid=draw(st.lists(st.sampled_from(mentor_emails + mentee_emails), max_size=2)),
                      preferred_mentors=draw(st.lists(st.sampled_from(mentor_emails), max_size=2)))
               for e in mentee_emails]
    pair = st.tuples(st.sampled_from(mentor_emails), st.sampled_from(mentee_emails))
    status = st.sampled_from(["proposed", "active", "ended"])
    pairings = [Pairing(mentor_email=a, mentee_email=b, status=draw(status))
                for a, b in draw(st.lists(pair, max_size=3, unique=True))]
    forbidden = frozenset(draw(st.lists(pair, max_size=3)))
    locked = frozenset(draw(st.lists(pair, max_size=1)))
    return mentors, mentees, pairings, forbidden, locked


GAPS = st.sampled_from([(None, None), (1, 2), (0, None), (None, 3), (1, 8)])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rosters(), st.sampled_from(["one-on-one", "group"]), st.sampled_from(["everyone", "best"]), st.booleans(),
       GAPS)
def test_no_hard_rule_is_ever_broken(roster, kind, goal, not_same_team, gap):
    mentors, mentees, pairings, forbidden, locked = roster
    options = PairingOptions(type=kind, goal=goal, not_same_team=not_same_team, forbidden=forbidden, locked=locked,
                             seniority_gap=gap)
    try:
        result = suggest(program(mentors, mentees, pairings), options)
    except RuleBroken:
        assume(False)
    check_rules_hold(mentors, mentees, pairings, options, result)


def check_rules_hold(mentors, mentees, pairings, options: PairingOptions, result) -> None:
    """Every hard rule of a one-on-one or group run holds for every suggested pair, and locks are placed."""
    forbidden, locked, gap = options.forbidden, options.locked, options.seniority_gap
    people = {p.email: p for p in [*mentors, *mentees]}
    busy = {p.mentee_email for p in pairings if p.uses_capacity}
    new = [(p.mentor_email, p.mentee_email) for p in result.pairs]
    assert len({b for _, b in new}) == len(new)
    for a, b in new:
        mentor_, mentee_ = people[a], people[b]
        assert mentor_.active and mentee_.active and b not in busy
        assert mentee_.manager_email != a and mentor_.manager_email != b
        assert a not in mentee_.avoid
        assert not (options.not_same_team and mentor_.team and mentor_.team.lower() == mentee_.team.lower())
        assert (a, b) not in forbidden or (a, b) in locked
        if mentor_.seniority is not None and mentee_.seniority is not None:
            years = mentor_.seniority - mentee_.seniority
            assert (gap[0] is None or years >= gap[0]) and (gap[1] is None or years <= gap[1])
    for m in mentors:
        existing = sum(p.mentor_email == m.email and p.uses_capacity for p in pairings)
        assert sum(a == m.email for a, _ in new) <= max(0, m.capacity - existing)
    stored = {(p.mentor_email, p.mentee_email) for p in pairings if p.uses_capacity}
    assert all(lock in new for lock in locked if lock not in stored)
    if options.goal == "best":
        assert all(p.score >= options.min_score or p.locked for p in result.pairs)


@settings(max_examples=100, deadline=None)
@given(rosters(), st.booleans())
def test_peer_pairs_never_break_a_rule(roster, not_same_team):
    _, mentees, _, _, _ = roster
    result = suggest(program([], mentees), PairingOptions(type="peer", not_same_team=not_same_team))
    people = {p.email: p for p in mentees}
    for pair in result.pairs:
        a, b = people[pair.mentor_email], people[pair.mentee_email]
        assert a.email != b.email and a.active and b.active
        assert a.manager_email != b.email and b.manager_email != a.email
        assert a.email not in b.avoid and b.email not in a.avoid
        assert not (not_same_team and a.team and a.team.lower() == b.team.lower())
    trio_rows = sum("as a trio" in p.reason for p in result.pairs)
    assert trio_rows % 2 == 0
    partners = [e for p in result.pairs if "as a trio" not in p.reason for e in (p.mentor_email, p.mentee_email)]
    assert len(partners) == len(set(partners))


def test_peer_summary_compares_the_pairs_alone_with_the_bound():
    result = suggest(load(sample_source()), PairingOptions(type="peer"))
    summary = result.summary
    trio_scores = sum(p.score for p in result.pairs if "as a trio" in p.reason)
    assert summary.paired_total == pytest.approx(summary.total_score - trio_scores, abs=0.05)
    assert summary.paired_total <= summary.score_bound + 1e-3


# --- the seniority-gap rule ------------------------------------------------------------------------------

def test_the_seniority_gap_holds_says_why_a_mentee_waits_and_never_rules_out_an_unknown_seniority():
    junior = mentor("junior", skills="Python", capacity=2, seniority=3)
    senior = mentor("senior", skills="Python", capacity=2, seniority=20)
    unknown = mentor("unknown", skills="Go", capacity=1)
    x = mentee("x", goals="Python", seniority=1)
    y = mentee("y", goals="Python", seniority=10)
    data = program([junior, senior, unknown], [x, y])
    result = suggest(data, PairingOptions(seniority_gap=(1, 4)))
    assert placed(result) == {"x@x.org": "junior@x.org", "y@x.org": "unknown@x.org"}
    assert ("Every mentor is 1 to 4 years more senior than their mentee, where both seniorities are known: 1 person "
            "has no seniority, and the seniority gap does not rule them out.") in result.notes
    waiting = suggest(data, PairingOptions(seniority_gap=(1, 4), only=frozenset({"y@x.org"}),
                                           forbidden=frozenset({("unknown@x.org", "y@x.org")})))
    [reason] = [u.reason for u in waiting.unmatched]
    assert "2 are outside the seniority gap (1 to 4 years more senior than y)" in reason
    with pytest.raises(RuleBroken, match=r"cannot be made: senior is outside the seniority gap \(1 to 4 years more "
                                         r"senior than x\)"):
        suggest(data, PairingOptions(seniority_gap=(1, 4), locked=frozenset({("senior@x.org", "x@x.org")})))


def test_peers_are_paired_without_the_seniority_gap_and_the_note_says_so():
    a, b = mentee("a", seniority=1), mentee("b", seniority=9)
    result = suggest(program([], [a, b]), PairingOptions(type="peer", seniority_gap=(1, 2)))
    assert len(result.pairs) == 1
    assert "The seniority gap applies to mentors and mentees: peers are paired without it." in result.notes


def test_a_gap_on_the_limit_is_inside_it_whatever_the_floats_say():
    mentor_, mentee_ = mentor("m", skills="Python", seniority="1.4"), mentee("e", goals="Python", seniority="0.4")
    assert 1.4 - 0.4 < 1  # the float subtraction falls just short of the limit
    assert len(suggest(program([mentor_], [mentee_]), PairingOptions(seniority_gap=(1, 1))).pairs) == 1
