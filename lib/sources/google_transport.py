"""The HTTP session gspread talks through: Google with a service account, or the Sheets-compatible server named by
GOOGLE_SHEETS_API_URL (a local emulator in tests and demos), in which case no other host is ever contacted."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Mapping

import requests
from requests.adapters import BaseAdapter, HTTPAdapter

from lib.errors import SourceError

EMULATOR_ENV = "GOOGLE_SHEETS_API_URL"
CREDENTIALS_ENV = "GOOGLE_APPLICATION_CREDENTIALS"
GOOGLE_PREFIXES = ("https://sheets.googleapis.com/", "https://www.googleapis.com/")
SCOPES = ["https://www.googleapis.com/auth/spreadsheets", "https://www.googleapis.com/auth/drive.readonly"]


class _Rewrite(HTTPAdapter):
    """Sends a Google API request to the same path on another base URL."""

    def __init__(self, prefix: str, base: str):
        super().__init__(max_retries=0)
        self.prefix, self.base = prefix, base.rstrip("/") + "/"

    def send(self, request, **kwargs):
        request.url = self.base + request.url[len(self.prefix):]
        return super().send(request, **kwargs)


class _Refuse(BaseAdapter):
    """Any host but the Sheets and Drive APIs: refused before a byte leaves the machine."""

    def send(self, request, **kwargs):
        raise requests.ConnectionError(f"Tandem only talks to the Google Sheets API; refused {request.url}")

    def close(self) -> None:
        pass


def emulator_url() -> str | None:
    return os.environ.get(EMULATOR_ENV, "").strip() or None


def emulator_session(base_url: str) -> requests.Session:
    """A session whose Sheets v4 and Drive v3 calls go to `base_url`; every other URL is refused."""
    session = requests.Session()
    session.mount("https://", _Refuse())
    session.mount("http://", _Refuse())
    for prefix in GOOGLE_PREFIXES:  # longer prefixes win over "https://"
        session.mount(prefix, _Rewrite(prefix, base_url))
    return session


def credentials_info(configured: Mapping[str, object] | None = None) -> dict | None:
    """The service account: as given (from secrets), else the JSON file named by GOOGLE_APPLICATION_CREDENTIALS."""
    if configured:
        return dict(configured)
    path = os.environ.get(CREDENTIALS_ENV, "").strip()
    if not path:
        return None
    try:
        return json.loads(Path(path).expanduser().read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SourceError(f"The credentials file named by {CREDENTIALS_ENV} ({path}) cannot be read: "
                          f"{type(exc).__name__}.") from None


def google_session(info: Mapping[str, object] | None) -> requests.Session:
    """The session for a source: the emulator when configured, else Google with the service account."""
    base = emulator_url()
    if base:
        return emulator_session(base)
    if not info:
        raise SourceError("No Google credentials: add a service account to .streamlit/secrets.toml as "
                          "[gcp_service_account], or name its JSON file in GOOGLE_APPLICATION_CREDENTIALS.")
    from google.auth.transport.requests import AuthorizedSession
    from google.oauth2.service_account import Credentials

    try:
        credentials = Credentials.from_service_account_info(dict(info), scopes=SCOPES)
    except (ValueError, KeyError, TypeError) as exc:  # the error's text may quote the key: name its kind only
        missing = f"the field {exc.args[0]!r} is missing" if isinstance(exc, KeyError) else type(exc).__name__
        raise SourceError(f"The Google service-account credentials are not valid ({missing}): paste every field "
                          "of the service account's JSON key.") from None
    return AuthorizedSession(credentials)
