"""The log entries of the active pairs: an integer code per pair of people (the same whichever way round) and each
entry of a log matched to every pairing of its two people, dated from that pairing's start to the as-of date.
Shared by the health model and the program plan."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from lib.reading.log_frames import positions


def pair_codes(first, second, people: pd.Index) -> np.ndarray:
    """An integer per pair of people, the same whichever way round; -1 when either is not in an active pair.
    Integers, not joined strings: at 200,000 check-ins the string keys alone took 0.1 s."""
    a, b = positions(first, people), positions(second, people)
    return np.where((a >= 0) & (b >= 0), np.minimum(a, b).astype(np.int64) * len(people) + np.maximum(a, b), -1)


class Held:
    """The entries of a log that count for the active pairs: matched to every pairing of their two people (as an
    inner join on the pair code, in log order) and dated from that pairing's start to the as-of date.
    Columns: group (the pair's index in `np.unique` of the codes), dates (datetime64[s]), and the fields asked for."""

    def __init__(self, log: pd.DataFrame, people: pd.Index, codes: np.ndarray, group: np.ndarray,
                 starts: np.ndarray, on: date, *fields: str):
        logged = pair_codes(log["mentor_email"], log["mentee_email"], people)
        order = np.argsort(codes, kind="stable")
        first = np.searchsorted(codes[order], logged, "left")
        count = np.searchsorted(codes[order], logged, "right") - first  # 0 for entries of no active pair (-1)
        entry = np.repeat(np.arange(len(logged)), count)
        pairing = order[np.repeat(first, count) + np.arange(len(entry)) - np.repeat(np.cumsum(count) - count, count)]
        dates = log["date"].to_numpy().astype("datetime64[s]")[entry]
        counted = (dates >= starts[pairing]) & (dates <= np.datetime64(on, "s"))
        self.group, self.dates = group[pairing[counted]], dates[counted]
        self.pairing = pairing[counted]  # the pairing (its position in `codes`) each entry was counted for
        for field in fields:
            setattr(self, field, log[field].to_numpy()[entry[counted]])
