"""One pairing run: score everyone, apply the hard rules, solve exactly, explain the result."""

from __future__ import annotations

import time

import numpy as np

from lib.contract.models import Pairing, busy_mentees
from lib.matching.assign import assign_to_places, large_peer_run, match_peers
from lib.matching.compact import EligibleRows, Hundredths
from lib.matching.criteria import DEFAULT_WEIGHTS, ScoreModel, overlap_hours
from lib.matching.explain import (
    blocking_pairs,
    blocking_sentence,
    covered_goals,
    empty_rule_notes,
    group_themes,
    pair_reason,
    seniority_gap_note,
    unmatched_reason,
    words,
)
from lib.matching.groups import gather_groups, refine_groups
from lib.matching.options import PairingOptions
from lib.matching.rules import PairKey, RuleMatrix, rule_matrix
from lib.matching.suggestion import Group, Pair, Suggestion, Summary, Unmatched
from lib.paused_gc import collection_paused
from lib.reading.dataset import Dataset
from lib.vocabulary import GROUP, PEER


def suggest(data: Dataset, options: PairingOptions = PairingOptions()) -> Suggestion:
    with collection_paused():
        return _suggest(data, options, time.perf_counter())


def _suggest(data: Dataset, options: PairingOptions, started: float) -> Suggestion:
    peer = options.type == PEER
    mentees = sorted(_in_scope(data.mentees, options), key=lambda p: p.email)  # a fixed order: ties break stably
    candidates = mentees if peer else sorted(data.mentors, key=lambda p: p.email)
    model = ScoreModel.build(mentees, candidates, options.type, options.weights or DEFAULT_WEIGHTS[options.type],
                             data.today(options.as_of))
    compact = peer and large_peer_run(len(mentees))  # 10,000 interns: 10^8 cells, kept small
    scores = Hundredths(model.matrix(hundredths=True)) if compact else model.matrix()
    rules = rule_matrix(mentees, candidates, data.pairings, options.type, options.not_same_team,
                        frozenset(_lower(options.forbidden)), frozenset(_lower(options.locked)),
                        data.settings.min_group_size, options.seniority_gap, options.allow_previous)
    min_score = options.min_score if options.goal == "best" else None
    eligible = EligibleRows(rules, scores, min_score) if compact else rules.eligible(scores, min_score)

    notes, trios, bound = [], [], None
    if options.seniority_gap != (None, None):
        notes.append(seniority_gap_note(mentees, candidates, options.seniority_gap, peer))
    notes.extend(empty_rule_notes(data, mentees, candidates, options.not_same_team, peer))
    if peer:
        matching = match_peers(scores, eligible)
        chosen, trios, bound = matching.pairs, matching.trios, matching.score_bound
        if matching.exact:
            notes.append("These peer pairs are the best possible: no other set of pairs scores more in total.")
        elif bound:
            share = np.floor(1000 * sum(float(scores[i, j]) for i, j in chosen) / bound) / 10  # never rounded up
            notes.append(f"These peer pairs reach at least {share:.1f} % of the best possible total.")
    else:
        chosen = assign_to_places(scores, eligible, rules.free)
        if options.type == GROUP:
            chosen = _groups_of_size(chosen, data, mentees, candidates, scores, eligible, rules, model, notes)

    def pair(i: int, j: int, contributions: dict, hours: float, runner: int, locked: bool = False,
             trio_with: str = "") -> Pair:
        mentee, other = mentees[i], candidates[j]
        runner = None if runner < 0 else runner
        reason = pair_reason(mentee, other, hours, peer)
        if locked:
            reason = "locked by the lead; " + reason
        if trio_with:
            reason = f"joins {other.name} and {trio_with} as a trio; " + reason
        return Pair(other.email, mentee.email, options.type, round(float(scores[i, j]), 2),
                    contributions, reason, covered_goals(mentee, other),
                    candidates[runner].email if runner is not None else None,
                    round(float(scores[i, runner]), 2) if runner is not None else None, locked)

    # Peers are stored the same way as mentors and mentees: the earlier email first, then the later one.
    edges = [(max(i, j), min(i, j)) if peer else (i, j) for i, j in [*rules.locked, *chosen]]
    trio_of = {}
    for joiner, a, b in trios:
        edges += [(joiner, a), (joiner, b)]
        trio_of.update({len(edges) - 2: candidates[b].name, len(edges) - 1: candidates[a].name})
        notes.append(f"{mentees[joiner].name} is the odd one out and joins {candidates[a].name} and "
                     f"{candidates[b].name} as a trio.")
    rows, cols = np.array(edges, np.int64).reshape(-1, 2).T
    explained = zip(rows.tolist(), cols.tolist(), model.contributions(rows, cols),
                    overlap_hours(model.offsets[0][rows], model.offsets[1][cols]).tolist(),
                    _runners_up(scores, rules, rows, cols))
    pairs = [pair(i, j, parts, hours, runner, locked=k < len(rules.locked), trio_with=trio_of.get(k, ""))
             for k, (i, j, parts, hours, runner) in enumerate(explained)]

    placed = {p.mentee_email for p in pairs} | ({p.mentor_email for p in pairs} if peer else set())
    busy = busy_mentees(data.pairings)
    waiting = [i for i, m in enumerate(mentees) if m.active and m.email not in busy and m.email not in placed]
    names = [c.name for c in candidates]
    unmatched = [Unmatched(mentees[i].email, unmatched_reason(i, rules, scores, eligible, min_score, names,
                                                              mentees[i].name, options.type))
                 for i in waiting]
    free_after = rules.free - np.bincount([j for _, j in edges], minlength=len(candidates)) if not peer else rules.free
    groups = _groups(mentees, candidates, pairs, data.pairings) if options.type == GROUP else []
    total = round(sum(p.score for p in pairs), 2)
    trio_joins = 2 * len(trios)  # the trio edges come last; the bound covers the two-person pairs only
    paired_total = round(sum(p.score for p in pairs[:len(pairs) - trio_joins]), 2) if peer else None
    blocking, examples = blocking_pairs(scores, eligible, edges, free_after, peer)
    summary = Summary(placed=len(placed), unmatched=len(unmatched), total_score=total,
                      average_score=round(total / len(pairs), 2) if pairs else 0.0, blocking_pairs=blocking,
                      score_bound=round(bound, 2) if bound is not None else None, paired_total=paired_total,
                      seconds=round(time.perf_counter() - started, 3))
    return Suggestion(options.type, options.goal, options.min_score, pairs, unmatched, summary, groups, notes,
                      _blocking_words(examples, edges, scores, mentees, candidates, peer))


def _groups_of_size(chosen, data: Dataset, mentees, mentors, scores, eligible, rules, model, notes) -> list:
    """Groups of at least the program's `min_group_size`, then composed around shared goals; notes in words."""
    min_size = data.settings.min_group_size
    column = {c.email: j for j, c in enumerate(mentors)}
    stored = np.bincount([column[p.mentor_email] for p in data.pairings
                          if p.uses_capacity and p.type == GROUP and p.mentor_email in column],
                         minlength=len(mentors))
    fixed = stored + np.bincount([j for _, j in rules.locked], minlength=len(mentors))
    gathered = gather_groups(chosen, fixed, min_size, eligible,
                             lambda mask: assign_to_places(scores, mask, rules.free), scores)
    refined = refine_groups(gathered.pairs, list(rules.locked), scores, eligible, rules.free, model.goals,
                            stored, min_size)
    if refined.skipped or gathered.skipped:
        notes.append("With this many members, groups were chosen by mentor fit alone: gathering them and "
                     "composing them around shared goals would take too long.")
    elif refined.shared_after > refined.shared_before:
        notes.append(f"Groups were composed around shared goals: members now share {refined.shared_after} "
                     f"goals with one another (mentor fit alone gave {refined.shared_before}), for "
                     f"{-refined.fit_change:.1f} points of mentor fit.")
    sizes = fixed + np.bincount([j for _, j in refined.pairs], minlength=len(mentors))
    if small := [j for j in gathered.small if 0 < sizes[j] < min_size]:
        notes.append(f"{words([mentors[j].name for j in small])} "
                     f"{'has a group' if len(small) == 1 else 'have groups'} smaller than {min_size}: "
                     "no other waiting mentee they may take could join without leaving someone out.")
    return refined.pairs


def _blocking_words(examples, edges, scores, mentees, candidates, peer: bool) -> list[str]:
    """The pairs behind the blocking count, each as a sentence naming both people and what they have now."""
    partner = {}
    weakest: dict[int, int] = {}
    for i, j in edges:
        partner.setdefault(i, j)
        if peer:
            partner.setdefault(j, i)
        elif j not in weakest or scores[i, j] < scores[weakest[j], j]:
            weakest[j] = i
    said = []
    for i, j in examples:
        mine = partner.get(i)
        person_has = candidates[mine].name if mine is not None else None
        theirs = partner.get(j) if peer else weakest.get(j)
        other_has = (candidates[theirs].name if peer else mentees[theirs].name) if theirs is not None else None
        said.append(blocking_sentence(mentees[i].name, candidates[j].name, person_has, other_has, peer))
    return said


def _runners_up(scores: np.ndarray, rules: RuleMatrix, rows: np.ndarray, cols: np.ndarray) -> list[int]:
    """For each pair, the best other candidate the rules allow its mentee (-1 when there is none)."""
    best = []
    for start in range(0, len(rows), 64):  # in small blocks: the masked copy stays in the processor cache
        r, c = rows[start:start + 64], cols[start:start + 64]
        masked = np.where(rules.allowed_in(r), scores[r], -np.inf)
        masked[np.arange(len(r)), c] = -np.inf
        pick = np.argmax(masked, axis=1)
        best += np.where(np.isfinite(masked[np.arange(len(r)), pick]), pick, -1).tolist()
    return best


def _in_scope(mentees: list, options: PairingOptions) -> list:
    """The mentees this run is for. `only` narrows mentor runs; a peer run pairs every waiting mentee of the cohort,
    since a peer's partner must be waiting too."""
    cohort = options.cohort.strip().lower()
    scoped = [m for m in mentees if not cohort or m.cohort.strip().lower() == cohort]
    if options.only and options.type != PEER:
        only = {e.strip().lower() for e in options.only}
        scoped = [m for m in scoped if m.email in only]
    return scoped


def _lower(pairs: frozenset[PairKey]) -> list[PairKey]:
    return [(a.strip().lower(), b.strip().lower()) for a, b in pairs]


def _groups(mentees, mentors, pairs: list[Pair], pairings: list[Pairing]) -> list[Group]:
    """Each mentor's group with the new members, and the themes its members share."""
    goals_of = {m.email: m.goals for m in mentees}
    groups = []
    for mentor in sorted({p.mentor_email for p in pairs}):
        members = [p.mentee_email for p in pairings
                   if p.uses_capacity and p.type == GROUP and p.mentor_email == mentor]
        members += [p.mentee_email for p in pairs if p.mentor_email == mentor and p.mentee_email not in members]
        groups.append(Group(mentor, members, group_themes([goals_of.get(e, []) for e in members])))
    return groups
