"""How the Health page names a pair and lets the lead pick one."""

from __future__ import annotations

import pandas as pd

from lib.contract.models import Pairing
from lib.reading.dataset import Dataset
from ui.widgets import pick


def label(row) -> str:
    return f"{row['mentor']} + {row['mentee']}"


def pick_pair(health: pd.DataFrame, key: str, where=None) -> pd.Series | None:
    """A pair of the health table, keyed by the pairing (not by position: after a write the order changes under the
    same widget). Labels leave the status out: logging changes it, and the choice must stay on the same pair."""
    rows = {f"{row['pairing_id']} {row['mentor_email']} {row['mentee_email']}": row for _, row in health.iterrows()}
    return pick("Pair", rows, label, key=key, **({"where": where} if where is not None else {}))


def stored_pairing(data: Dataset, row) -> Pairing | None:
    """The pairing of the spreadsheet behind a row of the health table."""
    wanted = row["pairing_id"], row["mentor_email"], row["mentee_email"]
    return next((p for p in data.pairings if (p.id, p.mentor_email, p.mentee_email) == wanted), None)
