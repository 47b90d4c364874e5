"""The spreadsheet contract: which tabs and columns Tandem reads, and how user headers map to them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lib.vocabulary import (
    CADENCES,
    DEFAULT_CADENCE,
    DEFAULT_TYPE,
    FEEDBACK_ROLES,
    FIT_QUESTION,
    GOAL_STATUSES,
    MENTORSHIP_TYPES,
    NEW_GOAL,
    OFFERS,
    PAIRING_STATUSES,
    REMINDER_KINDS,
    REMINDER_STATUSES,
)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"  # text | email | emails | list | int | number | date | bool | choice | timezone
    required: bool = False
    aliases: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    example: str = ""
    # a bad value skips the row, not only the value: the column changes what the row means (a question)
    decides_row: bool = False


@dataclass(frozen=True)
class TabSpec:
    name: str
    key: str  # the column that identifies a row: email for rosters, id for the log tabs
    columns: tuple[Column, ...]
    required: bool = False
    purpose: str = ""
    columns_by_name: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "columns_by_name", {c.name: c for c in self.columns})

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def normalise_header(text: str) -> str:
    """Headers match case-, space-, underscore- and punctuation-insensitively."""
    return re.sub(r"[^0-9a-z]+", "", str(text).strip().lower())


_PERSON = (
    Column("email", "email", True, ("email address", "e-mail", "mail", "work email"), example="ana.ruiz@example.org"),
    Column("name", "text", True, ("full name", "person", "display name"), example="Ana Ruiz"),
    Column("team", "text", aliases=("department", "squad", "group"), example="Platform"),
    Column("manager_email", "email", aliases=("manager", "manager e-mail", "reports to", "line manager"),
           example="lead@example.org"),
)
_TAIL = (
    Column("languages", "list", aliases=("language", "spoken languages"), example="English; Spanish"),
    Column("active", "bool", aliases=("is active", "enabled"), example="yes"),
    Column("cohort", "text", aliases=("intake", "program"), example="Summer 2026"),
    Column("reminders", "bool", aliases=("email reminders", "send reminders", "reminder emails"), example="yes"),
    Column("signed_up_on", "datetime", aliases=("timestamp", "signed up", "signed up on", "sign-up date",
                                                "registered on"), example="2026-05-18 10:02"),
)

MENTORS = TabSpec("mentors", "email", (
    *_PERSON,
    Column("skills", "list", aliases=("expertise", "can teach", "strengths"), example="Python; SQL"),
    Column("interests", "list", aliases=("hobbies", "topics"), example="open source; hiking"),
    Column("seniority", "number", aliases=("years", "years of experience", "experience"), example="8"),
    Column("timezone", "timezone", aliases=("time zone", "tz"), example="Europe/Berlin"),
    Column("capacity", "int", aliases=("max mentees", "maximum mentees", "slots"), example="2"),
    Column("mentorship_types", "list", aliases=("types", "mentorship type", "offers"), choices=MENTORSHIP_TYPES,
           example="one-on-one; group"),
    *_TAIL,
), required=True, purpose="People who mentor, with what they can teach and how many mentees they take.")

MENTEES = TabSpec("mentees", "email", (
    *_PERSON,
    Column("goals", "list", aliases=("wants to learn", "learning goals", "goal"), example="Python; code review"),
    Column("skills", "list", aliases=("can share", "strengths", "expertise"), example="React"),
    Column("interests", "list", aliases=("hobbies", "topics"), example="games; music"),
    Column("seniority", "number", aliases=("years", "years of experience", "experience"), example="0"),
    Column("timezone", "timezone", aliases=("time zone", "tz"), example="Europe/Lisbon"),
    Column("preferred_type", "choice", aliases=("preferred mentorship", "mentorship type", "type"),
           choices=MENTORSHIP_TYPES, example="one-on-one"),
    Column("preferred_mentors", "emails", aliases=("preferred mentor", "wish list"), example=""),
    Column("avoid", "emails", aliases=("do not pair with", "avoid pairing with"), example=""),
    *_TAIL,
), required=True, purpose="Interns and other mentees, with what they want to grow.")

PAIRINGS = TabSpec("pairings", "id", (
    Column("id", "text", aliases=("pairing id",), example="P-001"),
    Column("mentor_email", "email", True, ("mentor", "mentor e-mail"), example="ana.ruiz@example.org"),
    Column("mentee_email", "email", True, ("mentee", "intern", "mentee e-mail", "intern email"),
           example="sam.lee@example.org"),
    Column("type", "choice", aliases=("mentorship type", "kind"), choices=MENTORSHIP_TYPES, example=DEFAULT_TYPE),
    Column("status", "choice", aliases=("state",), choices=PAIRING_STATUSES, example="active"),
    Column("started_on", "date", aliases=("start", "start date", "started"), example="2026-06-01"),
    Column("ended_on", "date", aliases=("end", "end date", "ended"), example=""),
    Column("cadence", "choice", aliases=("frequency", "meets"), choices=CADENCES, example=DEFAULT_CADENCE),
    Column("goals", "list", aliases=("focus", "shared goals"), example="Python"),
    Column("end_reason", "text", aliases=("reason ended", "why ended"), example=""),
), purpose="Who mentors whom: proposed, active and ended pairings.")

_LOGGED_PAIR = (  # whose check-in or feedback it is
    Column("mentor_email", "email", True, ("mentor",), example="ana.ruiz@example.org"),
    Column("mentee_email", "email", True, ("mentee", "intern"), example="sam.lee@example.org"),
)

CHECKINS = TabSpec("checkins", "id", (
    Column("id", "text", aliases=("check-in id",), example="C-0001"),
    Column("date", "date", True, ("met on", "meeting date", "when"), example="2026-06-08"),
    *_LOGGED_PAIR,
    Column("minutes", "int", aliases=("duration", "length", "duration minutes"), example="30"),
    Column("channel", "text", aliases=("medium", "how"), example="video"),
    Column("notes", "text", aliases=("note", "summary"), example="Set goals for the summer"),
), purpose="Each meeting a pair held.")

FEEDBACK = TabSpec("feedback", "id", (
    Column("id", "text", aliases=("feedback id",), example="F-001"),
    Column("date", "date", True, ("submitted", "submitted on", "when"), example="2026-06-26"),
    *_LOGGED_PAIR,
    Column("from_role", "choice", True, ("from", "role", "given by"), choices=FEEDBACK_ROLES, example="mentee"),
    Column("rating", "int", True, ("score", "satisfaction"), example="5"),
    Column("comment", "text", aliases=("comments", "feedback"), example="Very helpful first month"),
    Column("question", "choice", aliases=("question asked", "asked", "about"), choices=(FIT_QUESTION,),
           example="", decides_row=True),
), purpose="Ratings (1-5) from either side of a pair; a row whose question is 'fit' answers whether the pair fits "
           "(3 good fit, 2 still deciding, 1 not a good fit).")

GOALS = TabSpec("goals", "id", (
    Column("id", "text", aliases=("goal id",), example="G-001"),
    Column("pairing_id", "text", True, ("pairing", "pair", "pairing id"), example="P-001"),
    Column("goal", "text", True, ("objective", "title"), example="Write SQL for the reporting tables"),
    Column("measure", "text", aliases=("how we'll know", "done when", "success measure"),
           example="A report query merged and reviewed"),
    Column("target_date", "date", aliases=("target", "due", "due date", "deadline"), example="2026-07-31"),
    Column("status", "choice", aliases=("state",), choices=GOAL_STATUSES, example=NEW_GOAL),
    Column("progress", "int", aliases=("percent", "% done", "progress %"), example="40"),
    Column("updated_on", "date", aliases=("updated", "last updated"), example="2026-07-10"),
), purpose="What each pair works on: goals with a measure, a target date, a status and progress (0-100).")

OUTCOMES = TabSpec("outcomes", "id", (
    Column("id", "text", aliases=("outcome id",), example="O-001"),
    Column("mentee_email", "email", True, ("mentee", "intern", "intern email", "email"), example="sam.lee@example.org"),
    Column("date", "date", True, ("recorded on", "as of", "when"), example="2026-08-21"),
    Column("offer", "choice", aliases=("return offer", "job offer", "offer status"), choices=OFFERS,
           example="accepted"),
    Column("next_step", "text", aliases=("next", "destination", "what next"), example="Joins the platform team"),
    Column("skills_before", "text", aliases=("skills at start", "self rating before", "before"),
           example="Kubernetes:1; code review:2"),
    Column("skills_after", "text", aliases=("skills at end", "self rating after", "after"),
           example="Kubernetes:3; code review:4"),
    Column("notes", "text", aliases=("note", "comments"), example=""),
), purpose="What became of each mentee: the offer, the next step, and self-ratings per skill (1-5) before and after. "
           "A mentee's latest row counts.")

SETTINGS = TabSpec("settings", "key", (
    Column("key", "text", True, ("setting", "name"), example="organisation"),
    Column("value", "text", aliases=("setting value",), example="Example Org"),
), purpose="Program settings as key/value rows.")

CHANGES = TabSpec("changes", "id", (
    Column("id", "text"), Column("changed_at", "text"), Column("tab", "text"), Column("key", "text"),
    Column("action", "text"), Column("field", "text"), Column("old_value", "text"), Column("new_value", "text"),
), purpose="Every write Tandem made, for audit.")

REMINDERS = TabSpec("reminders", "id", (
    Column("id", "text"), Column("sent_at", "text"), Column("kind", "choice", choices=REMINDER_KINDS),
    Column("pairing_id", "text"), Column("period", "text"), Column("recipients", "emails"), Column("subject", "text"),
    Column("status", "choice", choices=REMINDER_STATUSES),
), purpose="Every reminder Tandem handed to the mail server, so none goes twice.")

ROSTER_TABS = ("mentors", "mentees")  # the people; the other tabs are keyed by id and name them by email
TABS: dict[str, TabSpec] = {t.name: t for t in (MENTORS, MENTEES, PAIRINGS, CHECKINS, FEEDBACK, GOALS, OUTCOMES,
                                                 SETTINGS)}
ALL_TABS: dict[str, TabSpec] = {**TABS, CHANGES.name: CHANGES, REMINDERS.name: REMINDERS}
ID_PREFIX = {"pairings": "P", "checkins": "C", "feedback": "F", "goals": "G", "outcomes": "O", "changes": "X",
             "reminders": "R"}
FIRST_NAME_HEADERS = {"firstname", "givenname", "forename"}
LAST_NAME_HEADERS = {"lastname", "surname", "familyname"}


def map_key(header: str) -> str:
    """A header as a column map names it: the text as written, without case or extra spaces, in any script (a map
    of 'Цели' must never match 'Отдел', which normalise_header would reduce to the same empty text)."""
    return " ".join(str(header).casefold().split())


def title_key(title: str) -> str:
    """A tab or file title as a tab map names it: trimmed, without case or extra spaces, a CSV suffix left out."""
    text = " ".join(str(title).strip().casefold().split())
    return re.sub(r"\.(csv|tsv|txt)$", "", text)


def tab_for(name: str) -> TabSpec | None:
    """Find a tab by a user's tab or file name ("Mentors", "check-ins.csv" ...)."""
    stem = re.sub(r"\.(csv|tsv|txt)$", "", str(name).strip(), flags=re.I)
    wanted = normalise_header(stem)
    for spec in ALL_TABS.values():
        if normalise_header(spec.name) == wanted or normalise_header(spec.name.rstrip("s")) == wanted:
            return spec
    return None


def header_lookup(spec: TabSpec) -> dict[str, str]:
    """Normalised header or alias -> canonical column name."""
    lookup: dict[str, str] = {}
    for col in spec.columns:
        for text in (col.name, *col.aliases):
            lookup.setdefault(normalise_header(text), col.name)
    return lookup


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the column letters a spreadsheet shows."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
