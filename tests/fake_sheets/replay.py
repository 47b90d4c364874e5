"""Sending requests to the fake exactly as recorded (raw path bytes, raw body), for the fidelity tests."""

from __future__ import annotations

import http.client
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

RECORDINGS = Path(__file__).with_name("recordings")  # copied from shared/sheets-api-recordings (gspread, MIT)
GOOGLE_HOSTS = ("https://sheets.googleapis.com", "https://www.googleapis.com")


@dataclass
class Answer:
    status: int
    text: str
    headers: dict[str, str]

    def json(self) -> object:
        return json.loads(self.text) if self.text else None


def exchanges(name: str) -> list[dict]:
    return json.loads((RECORDINGS / name).read_text(encoding="utf-8"))["exchanges"]


def exchange(name: str, index: int) -> dict:
    return exchanges(name)[index]


def send(base_url: str, method: str, path: str, body: str | bytes | None = None) -> Answer:
    """One request with the path sent byte for byte (no client-side re-encoding)."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        headers = {"Content-Type": "application/json"} if body else {}
        connection.request(method, path, body=body.encode() if isinstance(body, str) else body, headers=headers)
        response = connection.getresponse()
        return Answer(response.status, response.read().decode("utf-8"), dict(response.getheaders()))
    finally:
        connection.close()


def call(base_url: str, method: str, path: str, body: object = None) -> Answer:
    """Setting up state through the fake's own API: JSON in, and the answer must be a success."""
    answer = send(base_url, method, path, json.dumps(body) if body is not None else None)
    if answer.status >= 300:
        raise AssertionError(f"{method} {path} -> {answer.status}: {answer.text}")
    return answer


def replay(base_url: str, recorded: dict) -> Answer:
    """Send the recorded request (method, path with query, body) to the fake."""
    request = recorded["request"]
    uri = request["uri"]
    for host in GOOGLE_HOSTS:
        if uri.startswith(host):
            return send(base_url, request["method"], uri[len(host):], request["body"])
    raise ValueError(f"not a Google API request: {uri}")
