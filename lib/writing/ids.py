"""New row ids in the sheet's own pattern: `P-018` after `P-017`, `C-0412` after `C-0411`.

The pattern is the one most ids of the tab follow (letters, an optional separator, digits); the number is one
more than the highest in that pattern, written as wide as the widest. A tab with no such ids starts at
`<prefix>-001`. Two sessions appending to a Google Sheet at the same moment can both pick the same next number: the
writer checks after each append and renumbers its own row when another row was there first (see Writer.append). A
local file is locked from the read to the save, so there the next number is always free.
"""

from __future__ import annotations

import re
from collections import Counter

PATTERN = re.compile(r"^([A-Za-z]+[-_ ]?)(\d+)$")
FALLBACK_WIDTH = 3


def next_ids(existing: list[str], prefix: str, count: int) -> list[str]:
    """`count` new ids after the tab's `existing` ones, none equal to one of them (case-insensitive)."""
    found = [m.groups() for m in map(PATTERN.match, (e.strip() for e in existing)) if m]
    if found:
        start, _ = Counter(p for p, _ in found).most_common(1)[0]
        numbers = [digits for p, digits in found if p == start]
        width = max(len(d) for d in numbers) if any(d.startswith("0") for d in numbers) else 1
        number = max(int(d) for d in numbers)
    else:
        start, width, number = f"{prefix}-", FALLBACK_WIDTH, 0
    taken = {e.strip().lower() for e in existing}
    made = []
    while len(made) < count:
        number += 1
        candidate = f"{start}{number:0{width}d}"
        if candidate.lower() not in taken:
            made.append(candidate)
    return made
