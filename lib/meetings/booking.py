"""The slots of several pairs at once, so that nobody is double-booked: each pair's slot is the one find_slot chooses
for it alone, unless a meeting of the mentor or the mentee already booked overlaps it on one of its dates; then the
search runs again with those meetings taken (lib/meetings/slots.py: find_slot_around), the fewest clashes first.

Pairs are booked in a stable order, so every download gives a pair the same slot: started pairs (active or ended) by
start date, then proposed ones, each by id. A pair starting later never moves the slot of a pair already meeting, and
a proposed pair (it may never start) moves nobody. An ended pair keeps holding its slot: freeing it would move pairs
booked after it while their rows stay the same, so their SEQUENCE would not grow and calendars would keep the old time.
Members of one mentor's group do not block each other: a group meets together.

Only pairs linked by people are booked together (a mentor and their mentees, chains of peers): planning one pair books
its linked pairs alone, and gives the slot planning the whole program gives it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

import numpy as np

from lib.contract.models import Pairing
from lib.meetings.slots import Slot, clashes_with, find_slot_around, find_slots, instants
from lib.vocabulary import ENDED, GROUP, PROPOSED


def booking_order(pairing: Pairing) -> tuple:
    """Started pairs by start date, then proposed ones; by id within, a shorter id first (P-9 before P-10)."""
    return pairing.status == PROPOSED, pairing.started_on or date.max, len(pairing.id), pairing.id


def _people_roots(pairings: list[Pairing]):
    """A function from a person to their group's representative: people linked by pairings (either side,
    transitively) share one."""
    parent: dict[str, str] = {}

    def root(email: str) -> str:
        while parent.setdefault(email, email) != email:
            parent[email] = parent[parent[email]]
            email = parent[email]
        return email

    for pairing in pairings:
        parent[root(pairing.mentor_email)] = root(pairing.mentee_email)
    return root


def linked(everyone: list[Pairing], wanted: list[Pairing]) -> list[Pairing]:
    """`wanted` and every pairing linked to them through people (either side, transitively), in booking order."""
    known = {id(p) for p in everyone}
    pool = everyone + [p for p in wanted if id(p) not in known]
    root = _people_roots(pool)
    roots = {root(p.mentor_email) for p in wanted}
    return sorted((p for p in pool if root(p.mentor_email) in roots), key=booking_order)


def booked_together(pairings: list[Pairing]) -> list[str]:
    """Per pairing, its group of linked pairings (a representative email): a change to one pairing of a group can
    move the slot of another, so a series' SEQUENCE counts the changes of its whole group."""
    root = _people_roots(pairings)
    return [root(p.mentor_email) for p in pairings]


def book(pairings: list[Pairing], requests: list[tuple]) -> list[Slot]:
    """The slot of each pairing (in booking order, as `linked` gives them), its find_slot arguments in `requests`."""
    slots = find_slots(requests)
    pairs_of = Counter(email for p in pairings for email in (p.mentor_email, p.mentee_email))
    booked: dict[str, list[tuple[str, np.ndarray]]] = defaultdict(list)  # person: (group, starts) per series
    for k, (pairing, request) in enumerate(zip(pairings, requests)):
        people = (pairing.mentor_email, pairing.mentee_email)
        if all(pairs_of[email] == 1 for email in people):
            continue  # nobody else to book around
        group = pairing.mentor_email if pairing.type == GROUP else ""
        theirs = [starts for email in people for other_group, starts in booked[email]
                  if not (group and other_group == group)]
        zone, minutes = request[0], request[7]
        if theirs:
            taken = np.sort(np.concatenate(theirs))
            if clashes_with(zone, slots[k], minutes, taken):
                slots[k] = find_slot_around(*request, taken)
        if pairing.withdrawn or (pairing.status == ENDED and pairing.ended_on is not None
                                 and pairing.ended_on < request[3]):
            continue  # ended before its series began: it never held a time
        starts = instants(zone, slots[k].dates, slots[k].minute)
        for email in people:
            booked[email].append((group, starts))
    return slots
