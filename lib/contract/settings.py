"""Program settings from the `settings` tab (key/value rows), with documented defaults."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from lib.contract.dates import DMY, MDY
from lib.contract.models import CadenceWord, OptionalDate, Text, TimeZone
from lib.contract.plan import PlanStep, default_plan
from lib.vocabulary import DEFAULT_CADENCE, DEFAULT_MAX_REMINDERS


def _clock(value: object) -> str:
    """'9:00', '09:00' or '9' -> '09:00'; anything else is refused with the form to use."""
    text = str(value or "").strip()
    hours, _, minutes = text.partition(":")
    if not (hours.isdigit() and (minutes.isdigit() or not minutes)) or not (
            0 <= int(hours) <= 24 and 0 <= int(minutes or 0) < 60) or int(hours) * 60 + int(minutes or 0) > 1440:
        raise ValueError(f"{text!r} is not a time of day: write it as 09:00")
    return f"{int(hours):02d}:{int(minutes or 0):02d}"


ClockTime = Annotated[str, BeforeValidator(_clock)]

# How leads write the day/month order of their dates (compared lowercase, letters only)
DATE_ORDER_WORDS = {"dayfirst": DMY, "dmy": DMY, "ddmmyyyy": DMY, "daymonthyear": DMY, "european": DMY,
                    "monthfirst": MDY, "mdy": MDY, "mmddyyyy": MDY, "monthdayyear": MDY, "us": MDY}


def _date_order(value: object) -> str | None:
    """'day first' / 'DD/MM/YYYY' -> DMY, 'month first' / 'MM/DD/YYYY' -> MDY, blank -> None (the data decides)."""
    text = "".join(ch for ch in str(value or "").lower() if ch.isalpha())
    if not text:
        return None
    if text not in DATE_ORDER_WORDS:
        raise ValueError(f"{str(value).strip()!r} is not a date order: write day first or month first")
    return DATE_ORDER_WORDS[text]


DateOrder = Annotated[str | None, BeforeValidator(_date_order)]


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    organisation: Text = ""
    program_name: Text = ""
    program_start: OptionalDate = None
    program_end: OptionalDate = None
    contact: Text = ""
    default_cadence: CadenceWord = DEFAULT_CADENCE
    as_of: OptionalDate = None  # pins "today" (the sample data uses it so demos and tests do not drift)
    # Numeric dates like 5/3/2026 in every tab: day first or month first; None: the data proves it, else the locale.
    # A CSV folder has no locale, so when every day is 12 or under only this says which.
    date_order: DateOrder = None
    # Health thresholds: read by the health model; here so a lead can change them in the sheet.
    first_meeting_days: int = 14
    watch_missed_cadences: float = 1.5
    at_risk_missed_cadences: float = 3.0
    low_rating: int = 2
    waiting_alert_days: int = 14  # an unmatched mentee waiting longer than this since signing up is flagged
    min_group_size: Annotated[int, Field(ge=1, le=50)] = 2  # a group mentor takes at least this many, when possible
    # The seniority-gap rule (lib/matching/rules.py): a mentor's seniority minus the mentee's, within these.
    min_seniority_gap: Annotated[int | None, Field(ge=0, le=80)] = None
    max_seniority_gap: Annotated[int | None, Field(ge=0, le=80)] = None
    # Meetings (lib/meetings/): the working day each person's slot must lie in, in their own time zone.
    timezone: TimeZone = ""  # the program's, for a person without one
    work_start: ClockTime = "09:00"
    work_end: ClockTime = "17:00"
    meeting_minutes: Annotated[int, Field(ge=10, le=240)] = 45
    max_reminders_per_run: Annotated[int, Field(ge=0, le=1000)] = DEFAULT_MAX_REMINDERS  # lib/reminders/
    plan: tuple[PlanStep, ...] | None = None  # the plan.<n> rows (lib/contract/plan.py); None: the default plan
    extra: dict[str, str] = {}

    @model_validator(mode="after")
    def _a_working_day(self):
        if self.work_end <= self.work_start:
            raise ValueError(f"work_end {self.work_end} is not after work_start {self.work_start}")
        low, high = self.min_seniority_gap, self.max_seniority_gap
        if low is not None and high is not None and low > high:
            raise ValueError(f"min_seniority_gap {low} is above max_seniority_gap {high}")
        return self

    def today(self, override: date | None = None) -> date:
        return override or self.as_of or date.today()

    @property
    def plan_steps(self) -> list[PlanStep]:
        return sorted(self.plan, key=lambda s: s.number) if self.plan is not None else default_plan(
            self.first_meeting_days)


SETTING_KEYS = [k for k in Settings.model_fields if k not in ("extra", "plan")]
