"""Group composition: groups of at least the minimum size, only with mentors who offer groups; after the exact
assignment, members move and swap between groups when mentor fit plus shared goals rises, without breaking a
rule, a capacity, a lock or the minimum size, and without unplacing anyone."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from lib.contract.models import Pairing
from lib.contract.settings import Settings
from lib.matching import PairingOptions, suggest
from lib.matching.groups import COHESION_POINTS, refine_groups
from tests.unit.matching.test_engine import AS_OF, mentee, mentor, program


def group_sizes(result) -> dict[str, int]:
    return {g.mentor_email: len(g.members) for g in result.groups}


def test_mentors_with_room_take_groups_of_at_least_two_not_one_each():
    # By fit alone each mentor would take the one mentee who suits them best: four groups of one.
    mentors = [mentor(name, skills=[topic], capacity=2) for name, topic in
               (("Ada", "python"), ("Bea", "sql"), ("Cy", "go"), ("Dee", "rust"))]
    mentees = [mentee(name, goals=[topic]) for name, topic in
               (("Ann", "python"), ("Bob", "sql"), ("Cat", "go"), ("Dan", "rust"))]
    result = suggest(program(mentors, mentees), PairingOptions(type="group"))
    assert result.summary.placed == 4
    assert sorted(group_sizes(result).values()) == [2, 2], group_sizes(result)
    one_each = suggest(program(mentors, mentees))
    assert len({p.mentor_email for p in one_each.pairs}) == 4  # one-on-one still gives each their best fit


def test_the_minimum_group_size_comes_from_the_settings():
    mentors = [mentor(name, capacity=3) for name in ("Ada", "Bea")]
    mentees = [mentee(name) for name in ("Ann", "Bob", "Cat", "Dan", "Eve", "Fay")]
    data = program(mentors, mentees)
    data = type(data)(mentors=data.mentors, mentees=data.mentees, pairings=[],
                      settings=Settings(as_of=AS_OF, min_group_size=3))
    result = suggest(data, PairingOptions(type="group"))
    assert sorted(group_sizes(result).values()) == [3, 3]


def test_a_mentor_who_offers_only_one_on_one_never_gets_a_group_and_the_reason_says_so():
    solo = mentor("solo", skills=["python"], capacity=3, mentorship_types=["one-on-one"])
    anyone = mentor("anyone", skills=[], capacity=3)  # no types given: offers every type
    ann, bob = mentee("Ann", goals=["python"]), mentee("Bob", goals=["python"])
    result = suggest(program([solo, anyone], [ann, bob]), PairingOptions(type="group"))
    assert {p.mentor_email for p in result.pairs} == {"anyone@x.org"} and result.summary.placed == 2
    assert all("solo" not in p.runner_up if p.runner_up else True for p in result.pairs)
    only_solo = suggest(program([solo], [ann]), PairingOptions(type="group"))
    assert only_solo.pairs == []
    assert only_solo.unmatched[0].reason == ("No mentor is allowed for Ann: of 1 mentor, 1 does not offer group "
                                             "mentoring.")
    assert suggest(program([solo], [ann])).summary.placed == 1  # one-on-one: offered


def test_a_mentor_with_one_place_left_hosts_no_group_but_an_existing_group_can_grow():
    one_left = mentor("one", capacity=2, mentorship_types=["group"])
    busy = Pairing(id="P-1", mentor_email="one@x.org", mentee_email="old@x.org", type="one-on-one", status="active")
    old, ann = mentee("old"), mentee("Ann")
    result = suggest(program([one_left], [old, ann], [busy]), PairingOptions(type="group"))
    assert result.pairs == [] and "has too few places left for a group" in result.unmatched[0].reason
    grown = Pairing(id="P-1", mentor_email="one@x.org", mentee_email="old@x.org", type="group", status="active")
    result = suggest(program([one_left], [old, ann], [grown]), PairingOptions(type="group"))
    assert [p.mentee_email for p in result.pairs] == ["ann@x.org"]
    assert result.groups[0].members == ["old@x.org", "ann@x.org"]


def test_a_group_under_the_minimum_stays_when_closing_it_would_leave_someone_out_and_the_note_says_so():
    ada = mentor("Ada", capacity=2, mentorship_types=["group"])
    bea = mentor("Bea", capacity=2, mentorship_types=["group"])
    # Cat may only go to Bea, Ann and Bob only to Ada: Bea's group of one is the price of placing Cat.
    ann, bob = mentee("Ann", avoid=["bea@x.org"]), mentee("Bob", avoid=["bea@x.org"])
    cat = mentee("Cat", avoid=["ada@x.org"])
    result = suggest(program([ada, bea], [ann, bob, cat]), PairingOptions(type="group"))
    assert result.summary.placed == 3 and group_sizes(result) == {"ada@x.org": 2, "bea@x.org": 1}
    assert any(n.startswith("Bea has a group smaller than 2: ") for n in result.notes), result.notes


def test_members_with_the_same_goals_end_up_in_the_same_group():
    # Each mentor covers both topics a little; by fit alone the groups would mix Python and design interns.
    mentors = [mentor("Xia", skills=["python", "design"], capacity=2, mentorship_types=["group"]),
               mentor("Yan", skills=["design", "python"], capacity=2, mentorship_types=["group"])]
    mentees = [mentee("Ann", goals=["python", "testing"]), mentee("Bob", goals=["design", "figma"]),
               mentee("Cat", goals=["python", "testing"]), mentee("Dan", goals=["design", "figma"])]
    result = suggest(program(mentors, mentees), PairingOptions(type="group"))
    groups = {g.mentor_email: set(g.members) for g in result.groups}
    by_goal = [{"ann@x.org", "cat@x.org"}, {"bob@x.org", "dan@x.org"}]
    assert sorted(groups.values(), key=sorted) == sorted(by_goal, key=sorted), groups
    assert all(g.themes for g in result.groups)
    assert result.summary.placed == 4


def objective(pairs, scores, goals) -> float:
    fit = sum(scores[i, j] for i, j in pairs)
    rows = sparse.csr_matrix(goals)
    links = sum(int((rows[a] @ rows[b].T).toarray()[0, 0]) for (a, g), (b, h) in
                ((p, q) for k, p in enumerate(pairs) for q in pairs[k + 1:]) if g == h)
    return fit + COHESION_POINTS * links


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000))
def test_refinement_keeps_every_rule_and_never_lowers_fit_plus_shared_goals(seed):
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(2, 12)), int(rng.integers(1, 5))
    scores = rng.uniform(0, 100, (n, m)).astype(np.float32)
    eligible = rng.random((n, m)) < 0.8
    free = rng.integers(0, 4, m)
    goals = sparse.csr_matrix((rng.random((n, 6)) < 0.35).astype(np.float32))
    # a feasible start: each mentee into an eligible group with room, as the solver would leave them
    left, pairs = free.copy(), []
    for i in range(n):
        options = [j for j in range(m) if eligible[i, j] and left[j] > 0]
        if options:
            j = options[int(rng.integers(len(options)))]
            pairs.append((i, j))
            left[j] -= 1
    min_size = int(rng.integers(1, 4))
    refined = refine_groups(pairs, [], scores, eligible, free, goals, min_size=min_size)
    assert sorted(i for i, _ in refined.pairs) == sorted(i for i, _ in pairs)  # nobody unplaced or added
    before, after = (np.bincount([j for _, j in chosen], minlength=m) for chosen in (pairs, refined.pairs))
    small = lambda sizes: int(((sizes > 0) & (sizes < min_size)).sum())  # noqa: E731
    assert small(after) <= small(before)  # no move leaves a group too small or opens one of one
    assert all(eligible[i, j] for i, j in refined.pairs)
    assert (np.bincount([j for _, j in refined.pairs], minlength=m) <= free).all()
    assert objective(refined.pairs, scores, goals) >= objective(pairs, scores, goals) - 1e-3
    assert refined.shared_after >= 0


def test_locked_members_stay_and_count_for_the_themes():
    scores = np.full((3, 2), 50, np.float32)
    eligible = np.ones((3, 2), bool)
    goals = sparse.csr_matrix(np.array([[1, 0], [1, 0], [0, 1]], np.float32))
    # mentee 0 is locked with mentor 1; mentee 1 shares its goal, mentee 2 does not
    refined = refine_groups([(1, 0), (2, 1)], [(0, 1)], scores, eligible, np.array([1, 1]), goals)
    assert sorted(refined.pairs) == [(1, 1), (2, 0)]
    assert (refined.shared_before, refined.shared_after) == (0, 1)
