"""A validated program: every tab's models, the settings, the problems found and the raw tabs behind them.

The two logs (check-ins, feedback) are held column-wise (`checkin_log`, `feedback_log`: see lib/logs.py);
`checkins` and `feedback` read as lists of models, built from those frames on first use."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from pydantic import ValidationError

from .contract import SETTINGS, TABS
from .dates import DateProblem, parse_date
from .logs import LogField
from .models import CheckIn, Feedback, Mentee, Mentor, Pairing
from .problems import ERROR, WARNING, Problem
from .settings import SETTING_KEYS, Settings
from .table import RawTable


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


def read_settings(table: RawTable | None) -> tuple[Settings, list[Problem]]:
    if table is None:
        return Settings(), []
    known, extra, problems = {}, {}, []
    value_header = table.columns.header_of(table.header, "value")
    for row in table.rows:
        key = table.cell(row, "key").strip()
        value = table.cell(row, "value").strip()
        name = key.lower().replace(" ", "_").replace("-", "_")
        if name in SETTING_KEYS and value:
            try:
                if name in ("program_start", "program_end", "as_of"):
                    value = parse_date(value)
                known[name] = Settings.model_validate({**known, name: value}).__getattribute__(name)
            except (DateProblem, ValueError) as exc:
                problems.append(Problem(SETTINGS.name, row.number, value_header, str(table.cell(row, "value")),
                                        f"setting {key!r}: {_first_line(exc)}; default used", WARNING))
        elif key:
            extra[key] = value
    return Settings(**known, extra=extra), problems


def _first_line(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        err = exc.errors()[0]
        return str(err.get("ctx", {}).get("error", err["msg"]))
    return str(exc)


def problem_counts(problems: list[Problem]) -> dict[str, int]:
    return {ERROR: sum(p.severity == ERROR for p in problems), WARNING: sum(p.severity == WARNING for p in problems)}
