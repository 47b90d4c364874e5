"""Words and checks around a solution: why a pair, why someone waits, group themes, blocking pairs."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from scipy import sparse

from lib.contract.models import Mentee, Mentor
from lib.matching.rules import RULE_WORDS, RuleMatrix, gap_words
from lib.vocabulary import PEER


def words(items: list[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def covered_goals(mentee: Mentee, candidate: Mentor | Mentee) -> list[str]:
    skills = _lowered(tuple(candidate.skills))
    return [g for g in mentee.goals if g.lower() in skills]


@lru_cache(maxsize=8192)  # a mentor with many mentees is explained many times
def _lowered(items: tuple[str, ...]) -> frozenset[str]:
    return frozenset(s.lower() for s in items)


def _shared(left: list[str], right: list[str]) -> list[str]:
    other = {x.lower() for x in right}
    return [x for x in left if x.lower() in other]


def pair_reason(mentee: Mentee, candidate: Mentor | Mentee, hours: float, peer: bool) -> str:
    """One line: what the pair covers, hours of overlap, a request, shared interests."""
    parts = []
    if peer:
        there, back = covered_goals(mentee, candidate), covered_goals(candidate, mentee)
        if there:
            parts.append(f"{candidate.name} covers {words(there)} for {mentee.name}")
        if back:
            parts.append(f"{mentee.name} covers {words(back)} for {candidate.name}")
    elif not mentee.goals:  # goal coverage then gives every mentor its neutral points: say so, never "none"
        parts.append("no goals given: the same points for every mentor")
    elif not candidate.skills:
        parts.append(f"no skills listed for {candidate.name}: the goals could not be matched")
    else:
        goals = covered_goals(mentee, candidate)
        parts.append(f"covers {words(goals)}" if goals else "covers none of the goals")
    if not np.isnan(hours):  # NaN: a time zone is not known
        parts.append(f"working days overlap by {_hours(hours)}")
    if candidate.email in mentee.preferred_mentors:
        parts.append("requested by the mentee")
    elif peer and mentee.email in getattr(candidate, "preferred_mentors", []):
        parts.append(f"requested by {candidate.name}")
    if interests := _shared(mentee.interests, candidate.interests):
        parts.append(f"both into {words(interests[:2])}")
    return ", ".join(parts) or "allowed by every rule; no criterion stands out"


def why_you_two(mentee: Mentee, candidate: Mentor | Mentee, hours: float, peer: bool) -> str:
    """The reason as the two people read it in their introduction: sentences, names, no scores."""
    first, second = candidate.name.split()[0] if candidate.name else candidate.email, \
        mentee.name.split()[0] if mentee.name else mentee.email
    said = []
    there = covered_goals(mentee, candidate)
    if there:
        said.append(f"{first} knows {words(there)}, which {second} wants to learn")
    back = covered_goals(candidate, mentee) if peer else []
    if back:
        said.append(f"{second} knows {words(back)}, which {first} wants to learn")
    if not np.isnan(hours):
        said.append("your working days overlap by " + _hours(hours) if hours > 0 else
                    "your working days do not overlap, so pick a time that suits you both")
    if candidate.email in mentee.preferred_mentors:
        said.append(f"{second} asked to work with {first}")
    if interests := _shared(mentee.interests, candidate.interests):
        said.append(f"you both enjoy {words(interests[:2])}")
    return "; ".join(said) or "you fit the program's rules well and have time for it"


def _hours(hours: float) -> str:
    return f"{hours:g} hour" + ("" if hours == 1 else "s")


def unmatched_reason(row: int, rules: RuleMatrix, scores: np.ndarray, eligible: np.ndarray,
                     min_score: float | None, names: list[str], name: str, kind: str) -> str:
    """Why one person waits, as a sentence: the rules that rule every candidate out (with counts), no candidate
    good enough, or the places that could take them went to others. `names` are the candidates' names."""
    role = "peer" if kind == PEER else "mentor"
    gap = gap_words(*rules.seniority_gap)
    counts = {rule: k for rule, k in rules.reasons(row).items() if rule != "same person"}
    allowed_here = rules.allowed_in(row)
    if not allowed_here.any():
        total = sum(counts.values())
        if set(counts) == {"no capacity left"}:
            return (f"Every {role} who could take {name} is full: {_of(total, role)} "
                    f"{'has' if total == 1 else 'have'} no places left.")
        if not counts:
            return f"There is no other {role} to pair {name} with."
        said = [f"{k} {RULE_WORDS[rule][k != 1].format(name=name, type=kind, gap=gap)}" for rule, k in counts.items()]
        return f"No {role} is allowed for {name}: of {_of(total, role)}, {words(said)}."
    if not eligible[row].any():
        best = int(np.argmax(np.where(allowed_here, scores[row], -1)))
        return (f"No {role} reaches the minimum score of {min_score:g} for {name}: the best, {names[best]}, "
                f"scores {scores[row, best]:.0f}.")
    allowed = np.flatnonzero(eligible[row])
    ruled_out = [f"{k} {RULE_WORDS[rule][k != 1].format(name=name, type=kind, gap=gap)}" for rule, k in counts.items()
                 if rule != "no capacity left"]
    others = f" Of the other {role}s, {words(ruled_out)}." if ruled_out else ""
    if len(allowed) == 1:
        return (f"{name} could only go to {names[allowed[0]]}, whose places went to others: placing {name} too "
                f"would leave someone else without a {role}.{others}")
    return (f"The {_of(len(allowed), role)} who could take {name} have no places left for them: placing {name} "
            f"would leave someone else without a {role}.{others}")


def _of(k: int, role: str) -> str:
    return f"{k} {role}{'' if k == 1 else 's'}"


def group_themes(member_goals: list[list[str]]) -> list[str]:
    """Goals two or more members share, most shared first, spelled as first written."""
    spelling: dict[str, str] = {}
    counts: dict[str, int] = {}
    for goals in member_goals:
        for goal in {g.lower(): g for g in goals}.values():
            spelling.setdefault(goal.lower(), goal)
            counts[goal.lower()] = counts.get(goal.lower(), 0) + 1
    shared = [k for k, c in counts.items() if c >= 2]
    return [spelling[k] for k in sorted(shared, key=lambda k: (-counts[k], k))]


BLOCKING_EXAMPLES = 20  # the pairs behind the number that a page lists


def blocking_pairs(scores: np.ndarray, eligible: np.ndarray, pairs: list[tuple[int, int]],
                   free_after: np.ndarray, peer: bool) -> tuple[int, list[tuple[int, int]]]:
    """Pairs not made that both sides would rather have, by score: how many, and the first BLOCKING_EXAMPLES.

    A mentee prefers a candidate scoring higher than their match (or any, unmatched). A mentor prefers a
    mentee scoring higher than the weakest of their new mentees, or anyone eligible while places are free.
    Peers: both score the pair above their current one. Existing pairings are not questioned.
    """
    n, m = scores.shape
    mine = np.full(n, -np.inf, np.float32)
    made = sparse.csr_matrix((np.ones(len(pairs), bool), tuple(np.array(pairs, np.int64).reshape(-1, 2).T)),
                             shape=(n, m))
    if peer:  # a trio member counts their best partner
        made = made + made.T
    made_rows, made_cols = made.nonzero()
    np.maximum.at(mine, made_rows, scores[made_rows, made_cols])
    if peer:
        rival = mine
    else:
        rival = np.full(m, np.inf, np.float32)  # the weakest new mentee of each mentor
        pair_rows, pair_cols = np.array(pairs, np.int64).reshape(-1, 2).T
        np.minimum.at(rival, pair_cols, scores[pair_rows, pair_cols])
        rival[free_after > 0] = -np.inf
    count, examples = 0, []
    for start in range(0, n, 64):  # small blocks: full-size masks would cost more in page faults than in work
        rows = slice(start, start + 64)
        block = eligible[rows] & (scores[rows] > mine[rows, None]) & (scores[rows] > rival[None, :])
        block[made[rows].nonzero()] = False
        if peer:  # each pair once: above the diagonal
            block &= np.arange(m)[None, :] > np.arange(start, start + block.shape[0])[:, None]
        found = int(np.count_nonzero(block))
        if found and len(examples) < BLOCKING_EXAMPLES:
            r, c = np.nonzero(block)
            examples += [(start + int(a), int(b)) for a, b in zip(r, c)][:BLOCKING_EXAMPLES - len(examples)]
        count += found
    return count, examples


def blocking_sentence(person: str, other: str, person_has: str | None, other_has: str | None, peer: bool) -> str:
    """Why two people would rather be together than with what they got, in words."""
    if person_has is None:
        if other_has is None:
            return f"{person} is waiting, and {other} still has a free place that suits {person} better."
        return f"{person} is waiting, and {other} would rather take {person} than {other_has}."
    theirs = f"{person} has {person_has}"
    theirs += f", {other} has {other_has}" if other_has else f", {other} has a free place"
    return (f"{person} and {other} would both rather be paired with each other than with their current "
            f"{'partners' if peer else 'matches'} ({theirs}).")


def seniority_gap_note(mentees: list[Mentee], candidates: list, gap: tuple[int | None, int | None],
                       peer: bool) -> str:
    """What the seniority-gap rule did in a run, in words: who it cannot judge, and that peers go without it."""
    if peer:
        return "The seniority gap applies to mentors and mentees: peers are paired without it."
    unknown = sum(p.seniority is None for p in mentees) + sum(c.seniority is None for c in candidates)
    rule = f"Every mentor is {gap_words(*gap)} than their mentee"
    if not unknown:
        return rule + "."
    return (f"{rule}, where both seniorities are known: {unknown} {'person has' if unknown == 1 else 'people have'} "
            "no seniority, and the seniority gap does not rule them out.")


def _lacking(data, tab: str, people: list, field: str) -> str | None:
    """How a roster tab lacks a field for a run's people ('have no team column', 'have no team filled in'), or None
    when someone has it."""
    if any(getattr(p, field) for p in people):
        return None
    words = field.removesuffix("_email")
    return f"have no {words} filled in" if data.holds(tab, field) else f"have no {words} column"


def _rule_without_data(rule: str, lacking: dict[str, str], field: str, both: bool) -> str:
    """'Not the same team: neither roster has a team column, so the rule holds nothing back.'"""
    column = field.removesuffix("_email")
    if both and set(lacking.values()) == {f"have no {column} column"}:
        said = f"neither roster has a {column} column"
    else:
        said = " and ".join(f"the {tab} {how}" for tab, how in lacking.items())
    return f"{rule}: {said}, so the rule holds nothing back."


def empty_rule_notes(data, mentees: list[Mentee], candidates: list, not_same_team: bool, peer: bool) -> list[str]:
    """The hard rules that have no data to hold on to in a run, in words, so a rule is never kept in silence: not
    the same team without teams, not their own manager without the mentees' managers."""
    sides = [("mentees", mentees)] if peer else [("mentors", candidates), ("mentees", mentees)]
    notes = []
    if not_same_team:
        lacking = {tab: how for tab, people in sides if (how := _lacking(data, tab, people, "team"))}
        if lacking:
            notes.append(_rule_without_data("Not the same team", lacking, "team", len(lacking) > 1))
        else:
            unknown = sum(not p.team for _, people in sides for p in people)
            if unknown:
                notes.append(f"Not the same team holds where both teams are known: {unknown} "
                             f"{'person has' if unknown == 1 else 'people have'} no team, and the rule does not keep "
                             "them apart.")
    lacking = {tab: how for tab, people in sides if (how := _lacking(data, tab, people, "manager_email"))}
    if "mentees" in lacking:  # the mentees' managers are what the rule needs; a mentor's manager is rarely a mentee
        if peer or len(lacking) > 1:
            notes.append(_rule_without_data("Not their own manager", lacking, "manager_email", len(lacking) > 1))
        else:
            notes.append(f"Not their own manager: the mentees {lacking['mentees']}, so no mentee is kept from their "
                         "own manager.")
    return notes
