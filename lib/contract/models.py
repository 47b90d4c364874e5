"""Pydantic models of the rows Tandem reads. Cell text is parsed here; `row` is the spreadsheet row."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from lib.contract import values
from lib.vocabulary import (
    ACTIVE,
    CADENCE_SYNONYMS,
    CADENCES,
    DEFAULT_TYPE,
    DONE_GOAL,
    ENDED,
    FEEDBACK_ROLES,
    FINISHED_GOALS,
    FIT_QUESTION,
    GOAL_STATUSES,
    GOAL_SYNONYMS,
    MENTORSHIP_TYPES,
    NEW_GOAL,
    OFFER_SYNONYMS,
    OFFERED,
    OFFERS,
    OPEN_STATUSES,
    PAIRING_STATUSES,
    PEER,
    PROPOSED,
    QUESTION_SYNONYMS,
    TYPE_SYNONYMS,
)

MentorshipType = Literal[MENTORSHIP_TYPES]
Status = Literal[PAIRING_STATUSES]
Cadence = Literal[CADENCES]
Role = Literal[FEEDBACK_ROLES]
GoalStatus = Literal[GOAL_STATUSES]
Offer = Literal[OFFERS]


def _blank_to_none(v):
    return None if isinstance(v, str) and not v.strip() else v


def _words(table: dict[str, str], what: str):
    def parse(v):
        if v is None or (isinstance(v, str) and not v.strip()):
            return None
        key = "".join(filter(str.isalnum, str(v).lower()))
        if key not in table:
            article = "an" if what[0] in "aeiou" else "a"
            raise ValueError(f"{str(v).strip()!r} is not {article} {what} ({', '.join(sorted(set(table.values())))})")
        return table[key]
    return parse


def _question(v):
    """Blank (a 1-5 rating) or "fit" (a pairing-fit answer), as people write them."""
    if v is None or not str(v).strip():
        return ""
    key = "".join(filter(str.isalnum, str(v).lower()))
    if key not in QUESTION_SYNONYMS:
        raise ValueError(f"{str(v).strip()!r} is not a question Tandem asks: leave it blank for a 1-5 rating, or "
                         f"write {FIT_QUESTION!r} for a pairing-fit answer")
    return QUESTION_SYNONYMS[key]


def _list(v):
    return values.split_list(v) if isinstance(v, str) else (v or [])


def _emails(v):
    return [values.check_email(e) for e in _list(v)]


def _optional(parse):
    return lambda v: None if _blank_to_none(v) is None else parse(v)


Text = Annotated[str, BeforeValidator(lambda v: "" if v is None else str(v).strip())]
Email = Annotated[str, BeforeValidator(values.check_email)]
OptionalEmail = Annotated[str, BeforeValidator(lambda v: values.check_email(v) if str(v or "").strip() else "")]
# A manager as HR exports write them: an email, or a full name ("Reports To: Ana Costa") that loading resolves to
# the one roster person of that name (lib/reading/managers.py). Anything with an @ must be a real address.
NO_MANAGER = {"", "-", "–", "—", "n/a", "na", "none", "tbd", "tba", "?", "unknown"}  # what people write for none
EmailOrName = Annotated[str, BeforeValidator(lambda v: "" if str(v or "").strip().lower() in NO_MANAGER else
                                             values.check_email(v) if "@" in str(v) else " ".join(str(v).split()))]
TextList = Annotated[list[str], BeforeValidator(_list)]
EmailList = Annotated[list[str], BeforeValidator(_emails)]
YesNo = Annotated[bool, BeforeValidator(lambda v: True if _blank_to_none(v) is None else
                                        (v if isinstance(v, bool) else values.parse_bool(v)))]
def number_in(low: float, high: float):
    """An optional number within bounds (the bounds apply to a value, never to a blank)."""
    return Annotated[Annotated[float, Field(ge=low, le=high)] | None, BeforeValidator(_optional(values.parse_number))]


def whole_in(low: int, high: int):
    return Annotated[Annotated[int, Field(ge=low, le=high)] | None, BeforeValidator(_optional(values.parse_whole))]
TimeZone = Annotated[str, BeforeValidator(lambda v: values.parse_timezone(v) if str(v or "").strip() else "")]
OptionalDate = Annotated[date | None, BeforeValidator(_blank_to_none)]
OptionalDateTime = Annotated[datetime | None, BeforeValidator(_blank_to_none)]
TypeWord = Annotated[MentorshipType | None, BeforeValidator(_words(TYPE_SYNONYMS, "mentorship type"))]
TypeList = Annotated[list[MentorshipType], BeforeValidator(lambda v: [_words(TYPE_SYNONYMS, "mentorship type")(t)
                                                                        for t in _list(v)])]
CadenceWord = Annotated[Cadence | None, BeforeValidator(_words(CADENCE_SYNONYMS, "cadence"))]


class Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    row: int = 0  # physical spreadsheet row, for messages
    extra: dict[str, str] = Field(default_factory=dict)  # the user's own columns, kept as they are


class Person(Row):  # list defaults are factories: pydantic deep-copies a literal [] default for every row it builds
    email: Email
    name: Annotated[str, BeforeValidator(lambda v: str(v or "").strip()), Field(min_length=1)]
    team: Text = ""
    manager_email: EmailOrName = ""  # an email once loaded: a name is resolved, or left blank with a warning
    interests: TextList = Field(default_factory=list)
    seniority: number_in(0, 80) = None
    timezone: TimeZone = ""
    languages: TextList = Field(default_factory=list)
    active: YesNo = True
    reminders: YesNo = True  # no: they receive no reminder email (lib/reminders/)
    cohort: Text = ""
    signed_up_on: OptionalDateTime = None  # when they signed up (a Form's Timestamp): the latest sign-up counts


class Mentor(Person):
    skills: TextList = Field(default_factory=list)
    capacity: whole_in(0, 50) = 1
    mentorship_types: TypeList = Field(default_factory=list)

    @model_validator(mode="after")
    def _default_capacity(self):
        if self.capacity is None:
            object.__setattr__(self, "capacity", 1)
        return self


class Mentee(Person):
    goals: TextList = Field(default_factory=list)
    skills: TextList = Field(default_factory=list)
    preferred_type: TypeWord = None
    preferred_mentors: EmailList = Field(default_factory=list)
    avoid: EmailList = Field(default_factory=list)


class Pairing(Row):
    id: Text = ""
    mentor_email: Email
    mentee_email: Email
    type: TypeWord = None
    status: Annotated[Status | None, BeforeValidator(_words({s: s for s in PAIRING_STATUSES}, "status"))] = None
    started_on: OptionalDate = None
    ended_on: OptionalDate = None
    cadence: CadenceWord = None
    goals: TextList = Field(default_factory=list)
    end_reason: Text = ""

    @model_validator(mode="after")
    def _defaults_and_order(self):
        if self.type is None:
            object.__setattr__(self, "type", DEFAULT_TYPE)
        if self.status is None:
            object.__setattr__(self, "status", ENDED if self.ended_on else ACTIVE if self.started_on else PROPOSED)
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValueError(f"ended_on {self.ended_on} is before started_on {self.started_on}")
        if self.mentor_email == self.mentee_email:
            raise ValueError("a person cannot be paired with themselves")
        return self

    def is_active_on(self, day: date) -> bool:
        """Active on a day: started on or before it and not ended by it. A pairing ended on a date is no longer
        active on that date; it counts as active on the days before, so history (and an as-of date) reads right.
        An ended pairing with no start never ran (a proposal the lead withdrew)."""
        if self.status == PROPOSED or self.withdrawn or (self.status == ENDED and self.ended_on is None):
            return False
        return ((self.started_on is None or self.started_on <= day)
                and (self.ended_on is None or self.ended_on > day))

    @property
    def withdrawn(self) -> bool:
        """Ended before it ever started (a proposal the lead ended, or an active pair ended before its start): it
        never ran, held no meetings and parted nobody."""
        return self.status == ENDED and self.started_on is None

    @property
    def uses_capacity(self) -> bool:
        return self.status in OPEN_STATUSES


def busy_mentees(pairings: list[Pairing]) -> set[str]:
    """Mentees with a proposed or active pairing (both sides of a peer pairing): they are not waiting for one."""
    return ({p.mentee_email for p in pairings if p.uses_capacity}
            | {p.mentor_email for p in pairings if p.uses_capacity and p.type == PEER})


def mentor_places_used(pairings: list[Pairing]) -> Counter:
    """Per mentor, the proposed and active pairings that use their capacity (a peer pairing uses none)."""
    return Counter(p.mentor_email for p in pairings if p.uses_capacity and p.type != PEER)


class CheckIn(Row):
    id: Text = ""
    date: date
    mentor_email: Email
    mentee_email: Email
    minutes: whole_in(0, 24 * 60) = None
    channel: Text = ""
    notes: Text = ""


class Feedback(Row):
    id: Text = ""
    date: date
    mentor_email: Email
    mentee_email: Email
    from_role: Annotated[Role, BeforeValidator(lambda v: str(v).strip().lower())]
    rating: Annotated[int, BeforeValidator(values.parse_whole), Field(ge=1, le=5)]
    comment: Text = ""
    # "fit": the rating answers whether the pair fits (lib.vocabulary.FIT_ANSWERS), and is not a 1-5 rating
    question: Annotated[Literal["", FIT_QUESTION], BeforeValidator(_question)] = ""

    @property
    def is_fit(self) -> bool:
        return self.question == FIT_QUESTION


class Goal(Row):
    """What a pair works on (the goals tab): a goal, how they will know it is done, by when, and how far along."""
    id: Text = ""
    pairing_id: Annotated[str, BeforeValidator(lambda v: str(v or "").strip()), Field(min_length=1)]
    goal: Annotated[str, BeforeValidator(lambda v: " ".join(str(v or "").split())), Field(min_length=1)]
    measure: Text = ""  # how we'll know it is done
    target_date: OptionalDate = None
    status: Annotated[GoalStatus, BeforeValidator(lambda v: _words(GOAL_SYNONYMS, "goal status")(v) or NEW_GOAL)] \
        = NEW_GOAL
    progress: whole_in(0, 100) = None  # percent; blank is unknown (shown as 0, or 100 once done)
    updated_on: OptionalDate = None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED_GOALS

    @property
    def percent(self) -> int:
        return 100 if self.status == DONE_GOAL else int(self.progress or 0)

    def past_target_on(self, day: date) -> bool:
        return self.target_date is not None and self.target_date < day and not self.finished


SkillRatings = Annotated[dict[str, int], BeforeValidator(lambda v: v if isinstance(v, dict) else
                                                         values.parse_skill_ratings(v or ""))]


class Outcome(Row):
    """What became of a mentee (the outcomes tab): the offer, the next step, self-ratings per skill before and after.
    A mentee's latest row (by date, then by sheet order) counts."""
    id: Text = ""
    mentee_email: Email
    date: date
    offer: Annotated[Offer | None, BeforeValidator(_words(OFFER_SYNONYMS, "offer"))] = None
    next_step: Text = ""
    skills_before: SkillRatings = Field(default_factory=dict)
    skills_after: SkillRatings = Field(default_factory=dict)
    notes: Text = ""

    @property
    def offered(self) -> bool:
        return self.offer in OFFERED
