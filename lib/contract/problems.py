"""A data problem as the lead must see it: tab, spreadsheet row, column, value and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING = "error", "warning"
NOTE = "note"  # neither: what loading did, for the lead to check once (Dataset.notes, never counted as a problem)
UNREAD = "unread"  # a warning about what Tandem does not read: a column it does not know, a criterion without data


@dataclass(frozen=True)
class Problem:
    tab: str
    row: int  # physical spreadsheet row; 0 for a problem with the whole tab
    column: str  # the user's header text ('' for the whole row)
    value: str
    message: str
    severity: str = ERROR  # error: the row (or value) was not loaded; warning: loaded, but worth a look
    kind: str = ""  # UNREAD, or "" for a problem with a value

    def __str__(self) -> str:
        where = f"{self.tab}" + (f" row {self.row}" if self.row else "")
        if self.column:
            where += f", column {self.column!r}"
        value = f" (value {self.value!r})" if self.value and self.value not in self.message else ""
        return f"{where}: {self.message}{value}"

    def as_dict(self) -> dict[str, object]:
        return {"tab": self.tab, "row": self.row or None, "column": self.column, "value": self.value,
                "problem": self.message, "severity": self.severity}
