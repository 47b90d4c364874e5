"""Pairing fit in a pair's health: each side's latest answer to "is this pairing a good fit?" (feedback rows whose
question is "fit": 3 good fit, 2 still deciding, 1 not a good fit).

"Not a good fit" from either side makes the pair At risk and calls for a rematch; "still deciding" asks again once
the pair has met after the answer (Watch until they answer again). A program without fit answers reads as before.
"""

from __future__ import annotations

import pandas as pd

from lib.contract.dates import format_date
from lib.vocabulary import FEEDBACK_ROLES, FIT_ANSWERS, NOT_A_FIT, STILL_DECIDING

FIT_COLUMNS = tuple(f"{side}_{what}" for side in FEEDBACK_ROLES for what in ("fit", "fit_on"))
AT_RISK_LEVEL, WATCH_LEVEL = 2, 1


def _answer(row, side: str) -> tuple[int | None, object]:
    answer, on = getattr(row, f"{side}_fit"), getattr(row, f"{side}_fit_on")
    return (None, None) if pd.isna(answer) else (int(answer), on.date() if hasattr(on, "date") else on)


def not_a_fit_sides(row) -> list[str]:
    """The sides whose latest fit answer is "not a good fit"."""
    return [side for side in FEEDBACK_ROLES if _answer(row, side)[0] == NOT_A_FIT]


def to_ask_again(row) -> list[str]:
    """The sides still deciding whose pair has held a check-in after that answer."""
    met = row.last_checkin
    return [side for side in FEEDBACK_ROLES if _answer(row, side)[0] == STILL_DECIDING
            and pd.notna(met) and pd.Timestamp(met) > pd.Timestamp(_answer(row, side)[1])]


def fit_words(row) -> str:
    """Both sides' latest answers in words ("mentee: not a good fit, 3 Jul 2026"), blank when none was given."""
    said = [(side, *_answer(row, side)) for side in FEEDBACK_ROLES]
    return "; ".join(f"{side}: {FIT_ANSWERS[a]}, {format_date(on)}" for side, a, on in said if a is not None)


def judge_fit(row) -> tuple[int, list[str]]:
    """The level the answers call for (0, Watch 1, At risk 2) and the reasons in words."""
    level, reasons = 0, []
    for side in not_a_fit_sides(row):
        reasons.append(f"{side} answered '{FIT_ANSWERS[NOT_A_FIT]}' on {format_date(_answer(row, side)[1])}: "
                       "consider a rematch")
        level = AT_RISK_LEVEL
    for side in to_ask_again(row):
        reasons.append(f"{side} was {FIT_ANSWERS[STILL_DECIDING]} about the fit on "
                       f"{format_date(_answer(row, side)[1])} and the pair has met since: ask again")
        level = max(level, WATCH_LEVEL)
    return level, reasons


def fit_step(row) -> tuple[str, tuple[str, ...]] | None:
    """The message a fit answer calls for, and whom it is for (None when the answers call for nothing)."""
    first = {"mentor": row.mentor.split()[0], "mentee": row.mentee.split()[0]}
    other = {"mentor": row.mentee, "mentee": row.mentor}
    unhappy = not_a_fit_sides(row)
    if unhappy:
        side = unhappy[0]
        names = " and ".join(first[s] for s in unhappy)
        pairing = "the pairing" if len(unhappy) > 1 else f"the pairing with {other[side]}"
        return (f"Hi {names}, thank you for saying {pairing} is not a good fit. That is useful to know early. "
                "Could we talk this week about what would suit you better? I will look for a new match.",
                tuple(unhappy))
    again = to_ask_again(row)
    if again:
        names = " and ".join(first[s] for s in again)
        return (f"Hi {names}, now that you have met again: is the pairing a good fit? Reply with good fit, still "
                "deciding or not a good fit; any answer is fine.", tuple(again))
    return None
