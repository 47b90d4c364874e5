"""The request log and the failure injection rules (fail, drop the connection, answer slowly)."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from .store import ApiError

READ_KINDS = ("metadata", "values.get", "batchGet")
WRITE_KINDS = ("update", "append", "clear", "batchClear", "values.batchUpdate", "batchUpdate")
DRIVE_KINDS = ("drive.list", "drive.get", "drive.create", "drive.delete")
KINDS = READ_KINDS + WRITE_KINDS + DRIVE_KINDS + ("unknown",)
_PROJECT = "project_number:000000000000"
_MESSAGES = {
    400: "Request contains an invalid argument.",
    401: "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other "
         "valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
    403: "The caller does not have permission",
    404: "Requested entity was not found.",
    408: "Request timed out.",
    409: "The operation was aborted.",
    500: "Internal error encountered.",
    502: "The service is currently unavailable.",
    503: "The service is currently unavailable.",
    504: "Deadline expired before operation could complete.",
}


@dataclass
class LoggedRequest:
    method: str
    path: str                      # percent-decoded
    query: dict[str, list[str]]
    body: object                   # parsed JSON, or None (no body, or not JSON)
    kind: str
    status: int | None             # None when the connection was dropped without an answer


@dataclass
class Fault:
    kind: str
    action: str                    # "fail", "drop" or "slow"
    times: int
    status: int = 503
    applied: bool = False
    retry_after: int | None = None
    seconds: float = 0.0


def injected_error(kind: str, status: int) -> ApiError:
    """The body Google sends for this status: quota (429) names the read or write quota of the right service."""
    if status == 429:
        if kind.startswith("drive."):
            metric, service = "Queries", "drive.googleapis.com"
            limit = "Queries per minute per user"
        else:
            metric = "Read requests" if kind in READ_KINDS else "Write requests"
            service, limit = "sheets.googleapis.com", f"{metric} per minute per user"
        return ApiError(429, f"Quota exceeded for quota metric '{metric}' and limit '{limit}' of service "
                             f"'{service}' for consumer '{_PROJECT}'.")
    return ApiError(status, _MESSAGES.get(status, "Unknown error."))


class Recorder:
    """Thread-safe log of every request, and the pending fault rules, consumed in the order they were added."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._log: list[LoggedRequest] = []
        self._faults: list[Fault] = []

    def add_fault(self, fault: Fault) -> None:
        if fault.kind not in KINDS:
            raise ValueError(f"unknown request kind {fault.kind!r}; the kinds are: {', '.join(KINDS)}")
        if fault.times < 1:
            raise ValueError("times must be at least 1")
        with self._lock:
            self._faults.append(fault)

    def take(self, kind: str, actions: tuple[str, ...]) -> Fault | None:
        """Use up one application of the first pending rule for `kind` among `actions`."""
        with self._lock:
            for fault in self._faults:
                if fault.kind == kind and fault.action in actions:
                    fault.times -= 1
                    if fault.times == 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def record(self, entry: LoggedRequest) -> None:
        with self._lock:
            self._log.append(entry)

    def entries(self) -> list[LoggedRequest]:
        with self._lock:
            return list(self._log)

    def count(self, kind: str) -> int:
        with self._lock:
            return sum(1 for entry in self._log if entry.kind == kind)

    def clear(self) -> None:
        with self._lock:
            self._log.clear()

    def pending(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)
