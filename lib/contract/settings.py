"""Program settings from the `settings` tab (key/value rows), with documented defaults."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from lib.contract.models import CadenceWord, OptionalDate, Text
from lib.vocabulary import DEFAULT_CADENCE


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    organisation: Text = ""
    program_name: Text = ""
    program_start: OptionalDate = None
    program_end: OptionalDate = None
    contact: Text = ""
    default_cadence: CadenceWord = DEFAULT_CADENCE
    as_of: OptionalDate = None  # pins "today" (the sample data uses it so demos and tests do not drift)
    # Health thresholds: read by the health model; here so a lead can change them in the sheet.
    first_meeting_days: int = 14
    watch_missed_cadences: float = 1.5
    at_risk_missed_cadences: float = 3.0
    low_rating: int = 2
    waiting_alert_days: int = 14  # an unmatched mentee waiting longer than this since signing up is flagged
    min_group_size: Annotated[int, Field(ge=1, le=50)] = 2  # a group mentor takes at least this many, when possible
    extra: dict[str, str] = {}

    def today(self, override: date | None = None) -> date:
        return override or self.as_of or date.today()


SETTING_KEYS = [k for k in Settings.model_fields if k != "extra"]
