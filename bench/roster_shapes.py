"""Seeded synthetic rosters in the shapes real ones take, for the pairing bench and the solver's exactness tests.

Each shape of SHAPES is its own seeded generator (issue 14): a lead's data decides the shape, not one generator.
"""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd

from lib.contract.models import Mentee, Mentor
from lib.contract.settings import Settings
from lib.reading.dataset import Dataset

HOBBIES = [f"hobby {k}" for k in range(20)]
ZONES = ["Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Kolkata",
         "Asia/Tokyo", "Australia/Sydney", "UTC-3"]
LANGUAGES = ["Spanish", "French", "German", "Hindi", "Portuguese", "Japanese"]


SHAPES = {
    "generated": {},  # today's generator: 40 tags, 2-3 goals, 3-6 skills, eight zones, 30 % managed, 5 % avoid
    "wide tags": {"tags": 60, "goals": (1, 4), "skills": (3, 8), "zones": 10},  # the roster the issue tried
    "ties": {"tags": 6, "goals": (1, 1), "skills": (1, 2), "zones": 1, "flat": True, "languages": False},
    "heavy rules": {"teams": 4, "managed": 0.5, "avoid": 0.10, "not_same_team": True},
    "skewed": {"skew": True},  # a tenth of the mentors hold half the places
    "scarce": {"places": 0.8},  # total capacity 0.8 x mentees: "match everyone first" must still place the most
}
ALL_ZONES = ZONES + ["Africa/Lagos", "America/Sao_Paulo"]


def roster(mentees: int, seed: int = 7, shape: str = "generated") -> Dataset:
    """A seeded program of a SHAPES shape: mentees / 3 mentors, capacities 1-4 adding up to 1.1 x mentees (unless
    the shape says otherwise), some rules in play."""
    given = SHAPES[shape]
    rng = random.Random(seed if shape == "generated" else f"{seed}-{shape}")  # "generated" as it always was
    topics = [f"topic {k}" for k in range(given.get("tags", 40))]
    zones = ALL_ZONES[:given.get("zones", 8)]
    n_mentors = max(mentees // 3, 1)
    target = min(round(given.get("places", 1.1) * mentees), 4 * n_mentors)
    if given.get("skew"):
        heavy = max(n_mentors // 10, 1)  # a tenth of the mentors hold half the places (up to 50 each)
        capacity = [0] * n_mentors
        for k in range(target // 2):
            capacity[k % heavy] += 1
        for k in range(target - sum(capacity)):
            capacity[heavy + k % (n_mentors - heavy)] += 1
    else:
        capacity = [rng.randint(1, 4) for _ in range(n_mentors)]
        while sum(capacity) != target:  # nudge random mentors until the total is exactly the target
            k = rng.randrange(n_mentors)
            step = 1 if sum(capacity) < target else -1
            if 1 <= capacity[k] + step <= 4:
                capacity[k] += step
    mentor_emails = [f"mentor{k}@bench.example" for k in range(n_mentors)]
    teams = given.get("teams", 25)

    def languages() -> str:
        extra = rng.sample(LANGUAGES, rng.randint(0, 1)) if given.get("languages", True) else []
        return "; ".join(["English", *extra])

    def some(low_high: tuple[int, int]) -> str:
        return "; ".join(rng.sample(topics, min(rng.randint(*low_high), len(topics))))

    mentors = [Mentor(email=email, name=f"Mentor {k}", team=f"Team {rng.randrange(teams)}",
                      skills=some(given.get("skills", (3, 6))), interests="; ".join(rng.sample(HOBBIES, 2)),
                      seniority="8" if given.get("flat") else str(rng.randint(3, 20)), timezone=rng.choice(zones),
                      capacity=str(min(capacity[k], 50)), languages=languages())
               for k, email in enumerate(mentor_emails)]
    people = [Mentee(email=f"mentee{k}@bench.example", name=f"Mentee {k}", team=f"Team {rng.randrange(teams)}",
                     goals=some(given.get("goals", (2, 3))), skills=some((1, 3)),
                     interests="; ".join(rng.sample(HOBBIES, 2)),
                     seniority="1" if given.get("flat") else str(rng.randint(0, 5)), timezone=rng.choice(zones),
                     languages=languages(),
                     manager_email=rng.choice(mentor_emails) if rng.random() < given.get("managed", 0.3) else "",
                     avoid=rng.choice(mentor_emails) if rng.random() < given.get("avoid", 0.05) else "",
                     preferred_mentors=rng.choice(mentor_emails) if rng.random() < 0.1 else "")
              for k in range(mentees)]
    return Dataset(mentors=mentors, mentees=people, settings=Settings(as_of="2026-07-24"))


def write_roster(mentees: int, folder: Path, shape: str = "generated") -> None:
    """The seeded roster as the CSV files a lead would keep (lists joined with '; '), for timing the CLI."""
    data = roster(mentees, shape=shape)
    folder.mkdir(parents=True, exist_ok=True)
    for tab, people in (("mentors", data.mentors), ("mentees", data.mentees)):
        dumped = [p.model_dump(exclude_none=True, exclude={"row", "extra"}) for p in people]
        records = [{k: "; ".join(v) if isinstance(v, list) else v for k, v in d.items()} for d in dumped]
        pd.DataFrame(records).to_csv(folder / f"{tab}.csv", index=False)
    pd.DataFrame({"key": ["as_of"], "value": [data.settings.as_of.isoformat()]}).to_csv(folder / "settings.csv",
                                                                                      index=False)


