"""The weekly slot of a pair's meetings: a weekday and a time in the first person's zone whose every occurrence,
from the series' start to its end, lies inside both people's working hours on a weekday, each in their own zone.

Europe and North America change their clocks on different dates, so a slot that fits in one week can leave the
other person's working day in another: every occurrence is checked with the offsets of its own date. When no slot
fits every week (Los Angeles and Singapore), the least-bad one is chosen: the fewest minutes one meeting lies
outside someone's working hours, then the earliest first meeting, then the one nearest to their working hours (an
early start rather than a night call). Among slots that fit, the pair's start weekday comes first, then the middle of
the hours that fit, so a small change of plan (a longer meeting) still fits.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache

import numpy as np

from lib.vocabulary import CADENCE_DAYS, DEFAULT_CADENCE, MONTHLY

STEP = 15  # minutes between the start times tried
WEEK = 7 * 1440
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Slot:
    weekday: int  # 0 is Monday, in the first person's zone
    minute: int  # start, minutes after midnight in the first person's zone
    dates: tuple[date, ...]  # every occurrence, as dates in the first person's zone
    outside: int  # minutes of the series outside someone's working hours: 0 when it fits every week
    other_minute: int  # the other person's local start at the first occurrence, minutes after midnight
    other_weekday: int

    @property
    def fits(self) -> bool:
        return self.outside == 0

    def words(self, first: str, other: str) -> str:
        """'Tue 15:30 for Ana, 09:30 for Mei' (the other's weekday said only when it differs)."""
        theirs = f"{WEEKDAYS[self.other_weekday]} " if self.other_weekday != self.weekday else ""
        return (f"{WEEKDAYS[self.weekday]} {clock(self.minute)} for {first}, {theirs}{clock(self.other_minute)} "
                f"for {other}")


def clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def minutes_of(text: str) -> int:
    hours, _, minutes = text.partition(":")
    return int(hours) * 60 + int(minutes or 0)


def first_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


@lru_cache(maxsize=8192)  # a program's pairs share a few start dates and one end: each series' dates built once
def occurrences(first: date, cadence: str, until: date) -> tuple[date, ...]:
    """The series' dates: every week or two from `first`, or monthly on the same weekday position (the 1st
    Tuesday); a first date on a 5th weekday repeats on the last one of each month."""
    if cadence != MONTHLY:
        step = timedelta(days=CADENCE_DAYS.get(cadence, CADENCE_DAYS[DEFAULT_CADENCE]))
        count = max((until - first) // step + 1, 0)
        return tuple(first + k * step for k in range(count))
    position = (first.day - 1) // 7  # 0..4; 4 (a 5th weekday) means the last of the month
    found, year, month = [], first.year, first.month
    while True:
        day = nth_weekday(year, month, first.weekday(), -1 if position == 4 else position)
        if day > until:
            return tuple(found)
        if day >= first:
            found.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def nth_weekday(year: int, month: int, weekday: int, position: int) -> date:
    """The `position`-th (0-based; -1 the last) `weekday` of a month."""
    if position < 0:
        next_month = date(year + (month == 12), month % 12 + 1, 1)
        last = next_month - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    return first_on_or_after(date(year, month, 1), weekday) + timedelta(weeks=position)


@lru_cache(maxsize=65536)
def _offset(zone: tzinfo, day: date, reference: tzinfo) -> int:
    """Minutes `zone` is ahead of `reference` at noon of `day` in `reference` (clocks change on Sunday nights,
    so a weekday's offset holds all day)."""
    instant = datetime.combine(day, time(12), reference)
    return int((instant.astimezone(zone).utcoffset() - instant.utcoffset()).total_seconds() // 60)


def _distance(starts: np.ndarray, duration: int, work_start: int, work_end: int) -> np.ndarray:
    """Minutes between each meeting and its day's working hours (0 when they meet; a whole day on a weekend)."""
    starts = np.mod(starts, WEEK)
    day = starts // 1440
    before = day * 1440 + work_start - (starts + duration)
    after = starts - (day * 1440 + work_end)
    return np.where(np.mod(day, 7) < 5, np.clip(np.maximum(before, after), 0, None), 1440)


def _outside(starts: np.ndarray, duration: int, work_start: int, work_end: int) -> np.ndarray:
    """Minutes of each meeting (start as minute of the week, Monday 00:00 = 0) outside a weekday's working hours."""
    starts = np.mod(starts, WEEK)
    inside = np.zeros(starts.shape, np.int64)
    for later in (0, 1):  # a meeting can run past midnight into the next day
        day = starts // 1440 + later
        low, high = day * 1440 + work_start, day * 1440 + work_end
        overlap = np.clip(np.minimum(starts + duration, high) - np.maximum(starts, low), 0, None)
        inside += np.where(np.mod(day, 7) < 5, overlap, 0)
    return duration - inside


@lru_cache(maxsize=64)
def _week_tables(duration: int, work_start: int, work_end: int) -> tuple[np.ndarray, np.ndarray]:
    """Minutes outside working hours and the distance to them, of a meeting starting at each minute of the week:
    a slot's cost is then a lookup per occurrence, not a computation."""
    every = np.arange(WEEK)
    return _outside(every, duration, work_start, work_end), _distance(every, duration, work_start, work_end)


@lru_cache(maxsize=4096)
def find_slot(first_zone: tzinfo, other_zone: tzinfo, cadence: str, start: date, until: date, work_start: str,
              work_end: str, minutes: int) -> Slot:
    """The slot for a series from `start` (its first weekday on or after it) to `until`, both in the first
    person's zone; the working hours are the same local hours for both people.

    The pair's start weekday is tried first: when a slot there fits every week, no other weekday can do better
    (a fit costs nothing, and the start weekday wins ties), so the others are searched only when it does not."""
    low, high = minutes_of(work_start), minutes_of(work_end)
    preferred = first_on_or_after(start, 0).weekday() if start.weekday() >= 5 else start.weekday()
    series = {preferred: occurrences(first_on_or_after(start, preferred), cadence, until)}
    if series[preferred]:
        found = _best(first_zone, other_zone, series, [preferred], preferred, minutes, low, high)
        if found.fits:
            return found
    series.update({w: occurrences(first_on_or_after(start, w), cadence, until) for w in range(5) if w != preferred})
    days = [w for w in range(5) if series[w]]
    if not days:
        raise ValueError(f"no meeting date between {start} and {until}")
    return _best(first_zone, other_zone, series, days, preferred, minutes, low, high)


def _best(first_zone: tzinfo, other_zone: tzinfo, series: dict[int, tuple[date, ...]], days: list[int],
          preferred: int, minutes: int, low: int, high: int, taken: np.ndarray | None = None) -> Slot:
    """The best slot on the weekdays `days`: every weekday, start time and occurrence in one array pass
    (weekdays, start times, occurrences). `taken`: sorted starts (minutes, see instants) of meetings either person
    already has; a slot that clashes with fewer of them comes first.

    Weekdays are compared per meeting (the most minutes one meeting lies outside working hours), then by the first
    date: a total over the series would favour a weekday with one meeting fewer."""
    starts = np.arange(0, 1440 - minutes + 1, STEP)
    # the occurrences of a weekday differ only in the other zone's offset (two or three values, around the clock
    # changes): each distinct offset once, weighted by how many occurrences have it
    offsets = {w: Counter(_offset(other_zone, d, first_zone) for d in series[w]) for w in days}
    width = max(len(offsets[w]) for w in days)
    ahead = np.zeros((len(days), width), np.int64)
    weight = np.zeros(ahead.shape, np.int64)
    for row, w in enumerate(days):
        ahead[row, :len(offsets[w])] = list(offsets[w])
        weight[row, :len(offsets[w])] = list(offsets[w].values())
    mine = np.array(days)[:, None] * 1440 + starts[None, :]
    theirs = np.mod(mine[:, :, None] + ahead[:, None, :], WEEK)
    count = weight.sum(axis=1)[:, None]
    outside_at, distance_at = _week_tables(minutes, low, high)
    theirs_outside = outside_at[theirs]
    outside = count * outside_at[mine] + (weight[:, None, :] * theirs_outside).sum(axis=2)
    worst = outside_at[mine] + np.where(weight[:, None, :] > 0, theirs_outside, 0).max(axis=2)
    far = count * distance_at[mine] + (weight[:, None, :] * distance_at[theirs]).sum(axis=2)
    clashes = (np.zeros(outside.shape, np.int64) if taken is None or not len(taken)
               else _clashes(first_zone, series, days, starts, minutes, taken))
    order = _lexical(clashes, worst, outside, far)
    best = None
    for row, w in enumerate(days):
        at = np.flatnonzero(order[row] == order[row].min())
        chosen = int(at[len(at) // 2])  # the middle of the start times that do best
        n = len(series[w])
        key = (int(clashes[row, chosen]), int(worst[row, chosen]), series[w][0],
               round(int(outside[row, chosen]) / n, 6), round(int(far[row, chosen]) / n, 6), w != preferred, w)
        if best is None or key < best[0]:
            best = (key, row, chosen)
    _, row, chosen = best
    w = days[row]
    other = w * 1440 + int(starts[chosen]) + _offset(other_zone, series[w][0], first_zone)
    return Slot(w, int(starts[chosen]), series[w], int(outside[row, chosen]), int(np.mod(other, 1440)),
                int(np.mod(other, WEEK) // 1440))


def _lexical(*scores: np.ndarray) -> np.ndarray:
    """One integer per candidate that orders the candidates as the scores do, the first score first: within a
    weekday, the fewest clashes, then the worst meeting, then the series' minutes outside, then how far."""
    spans = [int(score.max()) + 1 for score in scores]
    if np.prod([float(span) for span in spans]) >= 2 ** 62:  # very long series: each score as its rank instead
        scores = tuple(np.unique(score, return_inverse=True)[1].reshape(score.shape) for score in scores)
        spans = [scores[0].size] * len(scores)
    order = np.zeros(scores[0].shape, np.int64)
    for score, span in zip(scores, spans):
        order = order * span + score
    return order


_UTC = timezone.utc


def instants(zone: tzinfo, dates: tuple[date, ...], minute: int) -> np.ndarray:
    """The starts of meetings at `minute` of each date in `zone`, as minutes on one clock for every zone (UTC minutes
    since year 1), so meetings of people in different zones can be compared."""
    return np.array([d.toordinal() * 1440 + minute + _offset(_UTC, d, zone) for d in dates], np.int64)


def clashes_with(zone: tzinfo, slot: Slot, minutes: int, taken: np.ndarray) -> int:
    """How many meetings of `slot` overlap one of the `taken` meetings (sorted starts, each `minutes` long)."""
    mine = instants(zone, slot.dates, slot.minute)
    return int((np.searchsorted(taken, mine - minutes, "right") < np.searchsorted(taken, mine + minutes)).sum())


def _clashes(first_zone: tzinfo, series: dict[int, tuple[date, ...]], days: list[int], starts: np.ndarray,
             minutes: int, taken: np.ndarray) -> np.ndarray:
    """(weekdays, start times): how many meetings of each candidate slot overlap a taken meeting."""
    longest = max(len(series[w]) for w in days)
    base = np.full((len(days), longest), -10 ** 12, np.int64)  # padding far from any meeting
    for row, w in enumerate(days):
        base[row, :len(series[w])] = instants(first_zone, series[w], 0)
    when = base[:, None, :] + starts[None, :, None]
    hit = np.searchsorted(taken, when - minutes, "right") < np.searchsorted(taken, when + minutes)
    return hit.sum(axis=2)


def find_slot_around(first_zone: tzinfo, other_zone: tzinfo, cadence: str, start: date, until: date,
                     work_start: str, work_end: str, minutes: int, taken: np.ndarray) -> Slot:
    """find_slot, with the meetings either person already has (`taken`) kept free where another slot allows:
    the fewest clashes first, then what find_slot prefers."""
    low, high = minutes_of(work_start), minutes_of(work_end)
    preferred = first_on_or_after(start, 0).weekday() if start.weekday() >= 5 else start.weekday()
    series = {w: occurrences(first_on_or_after(start, w), cadence, until) for w in range(5)}
    days = [w for w in range(5) if series[w]]
    if not days:
        raise ValueError(f"no meeting date between {start} and {until}")
    return _best(first_zone, other_zone, series, days, preferred, minutes, low, high, np.sort(taken))


@lru_cache(maxsize=4096)
def local_times(slot: Slot, first_zone: tzinfo, other_zone: tzinfo) -> tuple[tuple[int, date, date], ...]:
    """The other person's local start over the series (minute of their week), as runs of meetings: one run when
    both zones keep their offset, more when the clocks change on different dates."""
    runs: list[list] = []
    for day in slot.dates:
        theirs = int(np.mod(slot.weekday * 1440 + slot.minute + _offset(other_zone, day, first_zone), WEEK))
        if runs and runs[-1][0] == theirs:
            runs[-1][2] = day
        else:
            runs.append([theirs, day, day])
    return tuple(tuple(run) for run in runs)


BATCH = 2048  # series per array pass of find_slots: (series, start times, occurrences) stays a few tens of MB
SEARCH_BATCH = 512  # series per pass of the search on every weekday: (series, weekdays, start times, offsets)


def find_slots(requests: list[tuple]) -> list[Slot]:
    """find_slot for many series (each its arguments), the same slots: the start weekday of every series is tried
    in array passes of BATCH series at once, and the series that have no fit there are searched on every weekday in
    passes of SEARCH_BATCH. One search per pair cost about 0.1 ms in numpy calls on small arrays (0.2 ms on every
    weekday); a pass over thousands costs that once."""
    found: dict[tuple, Slot | None] = {}
    pending = list(dict.fromkeys(requests))
    for at in range(0, len(pending), BATCH):
        found.update(zip(pending[at:at + BATCH], _preferred_pass(pending[at:at + BATCH])))
    unfit = [key for key in pending if found[key] is None]
    for at in range(0, len(unfit), SEARCH_BATCH):
        found.update(zip(unfit[at:at + SEARCH_BATCH], _search_pass(unfit[at:at + SEARCH_BATCH])))
    return [found[key] for key in requests]


def _search_pass(keys: list[tuple]) -> list[Slot]:
    """What find_slot finds for series with no fit on their start weekday, many at once: _best on every weekday
    with occurrences, in one array pass (series, weekdays, start times, offsets) per working day and duration."""
    rows = []
    for first_zone, other_zone, cadence, start, until, work_start, work_end, minutes in keys:
        preferred = first_on_or_after(start, 0).weekday() if start.weekday() >= 5 else start.weekday()
        series = [occurrences(first_on_or_after(start, w), cadence, until) for w in range(5)]
        if not any(series):
            raise ValueError(f"no meeting date between {start} and {until}")
        offsets = [Counter(_offset(other_zone, d, first_zone) for d in dates) for dates in series]
        rows.append((preferred, series, offsets, (minutes, minutes_of(work_start), minutes_of(work_end))))
    answers: list[Slot | None] = [None] * len(keys)
    weekdays = np.arange(5)
    for hours in {r[3] for r in rows}:  # one working day and duration per program: one group
        minutes, low, high = hours
        chosen_rows = [k for k, r in enumerate(rows) if r[3] == hours]
        starts = np.arange(0, 1440 - minutes + 1, STEP)
        width = max(len(counted) for k in chosen_rows for counted in rows[k][2])
        ahead = np.zeros((len(chosen_rows), 5, width), np.int64)
        weight = np.zeros(ahead.shape, np.int64)  # 0: padding (or a weekday without occurrences)
        for row, k in enumerate(chosen_rows):
            for w, counted in enumerate(rows[k][2]):
                ahead[row, w, :len(counted)] = list(counted)
                weight[row, w, :len(counted)] = list(counted.values())
        mine = weekdays[:, None] * 1440 + starts[None, :]
        theirs = np.mod(mine[None, :, :, None] + ahead[:, :, None, :], WEEK)
        count = weight.sum(axis=2)
        outside_at, distance_at = _week_tables(minutes, low, high)
        theirs_outside = outside_at[theirs]
        outside = count[:, :, None] * outside_at[mine][None] + (weight[:, :, None, :] * theirs_outside).sum(axis=3)
        worst = outside_at[mine][None] + np.where(weight[:, :, None, :] > 0, theirs_outside, 0).max(axis=3)
        far = count[:, :, None] * distance_at[mine][None] + (weight[:, :, None, :] * distance_at[theirs]).sum(axis=3)
        order = _lexical(worst, outside, far)  # within a weekday, as _best orders its start times
        best = order == order.min(axis=2)[:, :, None]
        middle = best.sum(axis=2) // 2  # the middle of the start times that do best, as _best chooses
        chosen = np.argmax(best & (best.cumsum(axis=2) == (middle + 1)[:, :, None]), axis=2)
        for row, k in enumerate(chosen_rows):
            preferred, series = rows[k][0], rows[k][1]

            def key(w: int) -> tuple:  # _best's order across weekdays: the worst meeting, the first date, ...
                at, n = int(chosen[row, w]), len(series[w])
                return (int(worst[row, w, at]), series[w][0], round(int(outside[row, w, at]) / n, 6),
                        round(int(far[row, w, at]) / n, 6), w != preferred, w)

            w = min((w for w in range(5) if series[w]), key=key)
            at = int(chosen[row, w])
            first_zone, other_zone = keys[k][0], keys[k][1]
            dates = series[w]
            other = w * 1440 + int(starts[at]) + _offset(other_zone, dates[0], first_zone)
            answers[k] = Slot(w, int(starts[at]), dates, int(outside[row, w, at]), int(np.mod(other, 1440)),
                              int(np.mod(other, WEEK) // 1440))
    return answers


def _preferred_pass(keys: list[tuple]) -> list[Slot | None]:
    """Each series' best slot on its start weekday when one fits every week, else None: what _best finds on one
    weekday when a slot fits, for many series at once. A slot fits when it and every distinct offset of the other
    person's zone land inside working hours (a lookup in a table of the week's minutes)."""
    rows = []
    for first_zone, other_zone, cadence, start, until, work_start, work_end, minutes in keys:
        preferred = first_on_or_after(start, 0).weekday() if start.weekday() >= 5 else start.weekday()
        dates = occurrences(first_on_or_after(start, preferred), cadence, until)
        offsets = list(dict.fromkeys(_offset(other_zone, d, first_zone) for d in dates))  # the first one first
        rows.append((preferred, dates, offsets, (minutes, minutes_of(work_start), minutes_of(work_end))))
    answers: list[Slot | None] = [None] * len(keys)
    for hours in {r[3] for r in rows}:  # one working day and duration per program: one group
        minutes, low, high = hours
        chosen_rows = [k for k, r in enumerate(rows) if r[3] == hours and r[1]]
        if not chosen_rows:
            continue
        starts = np.arange(0, 1440 - minutes + 1, STEP)
        width = max(len(rows[k][2]) for k in chosen_rows)
        # padded with each row's first offset, which changes nothing in "every offset fits"
        ahead = np.array([rows[k][2] + rows[k][2][:1] * (width - len(rows[k][2])) for k in chosen_rows], np.int64)
        weekdays = np.array([rows[k][0] for k in chosen_rows])
        mine = weekdays[:, None] * 1440 + starts[None, :]
        fit_at = _fit_table(minutes, low, high)
        fits = fit_at[mine] & fit_at[np.mod(mine[:, :, None] + ahead[:, None, :], WEEK)].all(axis=2)
        for row in np.flatnonzero(fits.any(axis=1)):
            at = np.flatnonzero(fits[row])
            chosen = int(at[len(at) // 2])  # the middle of the start times that fit, as _best chooses
            k, w = chosen_rows[row], int(weekdays[row])
            other = w * 1440 + int(starts[chosen]) + int(ahead[row, 0])
            answers[k] = Slot(w, int(starts[chosen]), rows[k][1], 0, int(np.mod(other, 1440)),
                              int(np.mod(other, WEEK) // 1440))
    return answers


@lru_cache(maxsize=64)
def _fit_table(duration: int, work_start: int, work_end: int) -> np.ndarray:
    """Whether a meeting starting at each minute of the week lies inside a weekday's working hours."""
    outside_at, distance_at = _week_tables(duration, work_start, work_end)
    return (outside_at == 0) & (distance_at == 0)
