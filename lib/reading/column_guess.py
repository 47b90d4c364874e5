"""A field for a column Tandem does not recognise, guessed from its header's words and its values' shape.

Real sign-ups come from forms and HR tools: "What do you most want to learn this summer?", "How many interns can
you take?", "Who is your manager? (email)". Tandem never reads such a column on a guess (the lead maps it once,
lib/reading/maps.py); the guess is what the warning and the Data set-up page offer.
"""

from __future__ import annotations

import re

import numpy as np

from lib.contract.tabs import TabSpec
from lib.contract.values import check_email, parse_bool, parse_timezone, parse_whole
from lib.vocabulary import TYPE_SYNONYMS

SAMPLED = 200  # non-blank values looked at per column: the shape shows in the first few hundred answers

# Words of a header that point at a field (whole words, lowercase; a phrase counts as more than a word).
FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "email": ("email", "e-mail", "mail address"),
    "name": ("name", "full name", "your name"),
    "team": ("team", "department", "squad", "unit"),
    "manager_email": ("manager", "reports to", "supervisor", "line manager", "boss", "lead"),
    "goals": ("learn", "goal", "goals", "want to", "hope to", "hoping to", "get out of", "need help", "grow", "improve",
              "develop", "focus"),
    "skills": ("skill", "skills", "expertise", "teach", "strengths", "good at", "help with", "experienced in",
               "could you help", "can you help", "help an intern", "help interns", "help others"),
    "interests": ("interest", "interests", "hobby", "hobbies", "topics", "outside work", "fun"),
    "seniority": ("years", "experience", "seniority", "how many years", "how long", "worked here", "years of",
                  "tenure"),
    "timezone": ("time zone", "timezone", "tz", "utc", "based in"),
    "capacity": ("how many", "capacity", "max", "maximum", "slots", "take on", "can you take"),
    "mentorship_types": ("type", "types", "kind of", "format", "offer", "one-on-one", "group", "peer"),
    "preferred_type": ("type", "kind of", "format", "prefer", "one-on-one", "group", "peer"),
    "preferred_mentors": ("mentor", "mentors", "wish", "would like"),
    "avoid": ("avoid", "not be paired", "rather not"),
    "languages": ("language", "languages", "speak"),
    "active": ("active", "available"),
    "reminders": ("reminder", "reminders", "email me", "emails from", "remind"),
    "cohort": ("cohort", "intake", "start term"),
    "signed_up_on": ("timestamp", "submitted", "signed up"),
}
# The shape a field's values take (see `_shape`), and what it is worth when the column has it.
FIELD_SHAPE = {"email": "email", "manager_email": "email_or_name", "preferred_mentors": "emails",
               "avoid": "emails", "capacity": "whole", "seniority": "number", "timezone": "timezone",
               "goals": "list", "skills": "list", "interests": "list", "languages": "list",
               "mentorship_types": "types", "preferred_type": "types", "active": "yes_no", "reminders": "yes_no",
               "name": "name"}
DISTINCT_SHAPES = {"timezone", "types"}  # values of these shapes hardly occur anywhere else: they say the field
_WORD = re.compile(r"[a-z0-9+\-]+")


def _share(values: list[str], test) -> float:
    ok = 0
    for value in values:
        try:
            test(value)
            ok += 1
        except (ValueError, TypeError, OverflowError):
            pass
    return ok / len(values) if values else 0.0


def _types(value: str) -> None:
    parts = [p for p in re.split(r"[;,\n]", value) if p.strip()]
    for part in parts:
        if "".join(filter(str.isalnum, part.lower())) not in TYPE_SYNONYMS:
            raise ValueError(part)


def _emails(value: str) -> None:
    for part in [p for p in re.split(r"[;,\n]", value) if p.strip()]:
        check_email(part)


def _name(value: str) -> None:
    words = value.split()
    if not (1 < len(words) <= 5 and all(w[:1].isalpha() for w in words) and "@" not in value):
        raise ValueError(value)


def shapes(values: list[str]) -> dict[str, float]:
    """The share of the values that read as each shape (0..1)."""
    if not values:
        return {}
    email = _share(values, check_email)
    name = _share(values, _name)
    return {"email": email, "emails": _share(values, _emails), "email_or_name": max(email, name),
            "whole": _share(values, parse_whole), "number": _share(values, lambda v: float(v.replace(",", "."))),
            "timezone": _share(values, parse_timezone), "yes_no": _share(values, parse_bool),
            "types": _share(values, _types), "name": name,
            "list": float(np.mean([bool(re.search(r"[;,\n]", v)) for v in values])) * 0.5 + 0.5 * (
                1 - max(email, name))}


def _word_points(header: str, field: str) -> float:
    text = " ".join(_WORD.findall(header.lower()))
    words = set(text.split())
    points = 0.0
    for cue in FIELD_WORDS.get(field, ()):
        if " " in cue or "-" in cue:
            points += 2.0 if cue in text else 0.0
        elif cue in words:
            points += 1.0
    return points


def guess_field(spec: TabSpec, header: str, values: list[str], taken: set[str]) -> str | None:
    """The contract field of `spec` an unrecognised column most likely holds, or None when nothing fits well.
    `values` are the column's non-blank cells (a sample is enough); `taken` are the fields already read."""
    values = [v.strip() for v in values[:SAMPLED] if v.strip()]
    seen = shapes(values)
    best, best_points = None, 0.0
    for column in spec.columns:
        field = column.name
        if field in taken or field == "email" and "email" in taken:
            continue
        words = _word_points(header, field)
        shape = FIELD_SHAPE.get(field)
        fits = seen.get(shape, 0.0) if shape and values else 0.0
        if shape in ("email", "emails", "whole", "number", "timezone", "types", "yes_no") and values and fits < 0.8:
            continue  # the values say it is not this field, whatever the header's words
        points = words * 2 + fits * (2 if shape in DISTINCT_SHAPES else 1)
        if points > best_points:
            best, best_points = field, points
    return best if best_points >= 2.0 else None
