"""A validated program: every tab's models, the settings, the problems found and the raw tabs behind them.

The two logs (check-ins, feedback) are held column-wise (`checkin_log`, `feedback_log`: see lib/reading/log_frames.py);
`checkins` and `feedback` read as lists of models, built from those frames on first use."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from lib.contract.models import CheckIn, Feedback, Goal, Mentee, Mentor, Outcome, Pairing
from lib.contract.problems import Problem
from lib.contract.raw_table import RawTable
from lib.contract.settings import Settings
from lib.contract.tabs import TABS
from lib.reading.log_frames import LogField
from lib.vocabulary import FIT_QUESTION


@dataclass
class Dataset:
    mentors: list[Mentor] = field(default_factory=list)
    mentees: list[Mentee] = field(default_factory=list)
    pairings: list[Pairing] = field(default_factory=list)
    checkins: list[CheckIn] = LogField("checkins")  # type: ignore[assignment]  # a list of models or a log frame
    feedback: list[Feedback] = LogField("feedback")  # type: ignore[assignment]
    settings: Settings = field(default_factory=Settings)
    problems: list[Problem] = field(default_factory=list)
    tables: dict[str, RawTable] = field(default_factory=dict)  # what was read, for writes and conflict checks
    source_label: str = ""
    goals: list[Goal] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # what loading did, to check once: no problem (severity NOTE)

    def today(self, override: date | None = None) -> date:
        return self.settings.today(override)

    @property
    def checkin_log(self) -> pd.DataFrame:
        """Every loaded check-in, one row each in spreadsheet order (columns: logs.LOG_COLUMNS). Read-only."""
        return vars(Dataset)["checkins"].store(self).frame()

    @property
    def feedback_log(self) -> pd.DataFrame:
        """Every loaded feedback entry, one row each in spreadsheet order (columns: logs.LOG_COLUMNS). Read-only."""
        return vars(Dataset)["feedback"].store(self).frame()

    @property
    def rating_log(self) -> pd.DataFrame:
        """The feedback entries that are 1-5 ratings: every row but the pairing-fit answers."""
        log = self.feedback_log
        fit = log["question"].to_numpy() == FIT_QUESTION
        return log[~fit] if fit.any() else log

    @property
    def fit_log(self) -> pd.DataFrame:
        """The pairing-fit answers (question "fit"; rating 3 good fit, 2 still deciding, 1 not a good fit)."""
        log = self.feedback_log
        return log[log["question"].to_numpy() == FIT_QUESTION]

    def holds(self, tab: str, column: str | None = None) -> bool:
        """Whether the source has a tab (and a column of it), so it can hold what that tab or column records."""
        table = self.tables.get(tab)
        return table is not None and (column is None or column in table.columns.index)

    @property
    def names(self) -> dict[str, str]:
        """Everyone's name by email (the email itself when the name is blank); a mentor's name wins over the same
        person's mentee row."""
        return {p.email: p.name or p.email for p in [*self.mentees, *self.mentors]}

    def checkins_between(self, first: date, last: date) -> int:
        """How many check-ins were held from `first` to `last`, both included."""
        held = self.checkin_log["date"]
        return int(((held >= pd.Timestamp(first)) & (held <= pd.Timestamp(last))).sum())

    @property
    def mentor_by_email(self) -> dict[str, Mentor]:
        return {m.email: m for m in self.mentors}

    @property
    def mentee_by_email(self) -> dict[str, Mentee]:
        return {m.email: m for m in self.mentees}

    def frame(self, tab: str) -> pd.DataFrame:
        """One tab as a table: contract columns first (lists joined with '; '), the user's extra columns after."""
        rows = getattr(self, tab)
        columns = ["row", *TABS[tab].column_names]
        records = []
        for item in rows:
            record = {k: ("; ".join(v) if isinstance(v, list) else v)
                      for k, v in item.model_dump(exclude={"extra"}).items()}
            record.update(item.extra)
            records.append(record)
        frame = pd.DataFrame.from_records(records) if records else pd.DataFrame(columns=columns)
        return frame[[*columns, *[c for c in frame.columns if c not in columns]]]

    def problems_frame(self) -> pd.DataFrame:
        return pd.DataFrame([p.as_dict() for p in self.problems],
                            columns=["tab", "row", "column", "value", "problem", "severity"])
