"""HTTP: Google's paths to the operations, JSON in and out, the request log and the injected faults.

Paths arrive percent-encoded (`/v4/spreadsheets/<id>/values/%27Tab%27%21A1%3AB2:append`); the range is decoded
after the `:append` / `:clear` suffix is split off. The Authorization header is ignored.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import parse_qs, unquote, urlsplit

from . import drive, metadata, sheet_ops, values_ops
from .faults import LoggedRequest, Recorder, injected_error
from .store import ApiError, Store

Operation = Callable[[Store, dict, object], object]  # (store, query, body) -> answer (None for 204)


def _needs_object(body: object) -> dict:
    if body is None:
        return {}
    if not isinstance(body, dict):
        raise ApiError(400, "Invalid JSON payload received. Unknown name \"\": Root element must be a message.")
    return body


def _on_spreadsheet(spreadsheet_id: str, action) -> Operation:
    return lambda store, query, body: action(store.get(spreadsheet_id), query, _needs_object(body))


def route(method: str, raw_path: str) -> tuple[str, Operation | None]:
    """The request kind and its operation; (kind, None) when the method does not fit the path."""
    if raw_path.startswith("/drive/v3/files"):
        rest = raw_path[len("/drive/v3/files"):].strip("/")
        if not rest:
            if method == "GET":
                return "drive.list", lambda store, query, body: drive.list_files(store, query)
            if method == "POST":
                return "drive.create", lambda store, query, body: drive.create_file(store, _needs_object(body))
            return "unknown", None
        file_id = unquote(rest)
        if method == "GET":
            return "drive.get", lambda store, query, body: drive.get_file(store, file_id, query)
        if method == "DELETE":
            return "drive.delete", lambda store, query, body: drive.delete_file(store, file_id)
        return "unknown", None
    if not raw_path.startswith("/v4/spreadsheets/"):
        return "unknown", None
    rest = raw_path[len("/v4/spreadsheets/"):]
    head, _, tail = rest.partition("/")
    if not tail:
        spreadsheet_id, _, method_name = head.partition(":")
        spreadsheet_id = unquote(spreadsheet_id)
        if method == "GET" and not method_name:
            return "metadata", _on_spreadsheet(spreadsheet_id, lambda s, q, b: metadata.get(s, q))
        if method == "POST" and method_name == "batchUpdate":
            return "batchUpdate", _on_spreadsheet(spreadsheet_id, lambda s, q, b: sheet_ops.batch_update(s, b))
        return "unknown", None
    spreadsheet_id = unquote(head)
    collection = {("GET", "values:batchGet"): ("batchGet", lambda s, q, b: values_ops.batch_get(s, q)),
                  ("POST", "values:batchClear"): ("batchClear", lambda s, q, b: values_ops.batch_clear(s, b)),
                  ("POST", "values:batchUpdate"): ("values.batchUpdate",
                                                   lambda s, q, b: values_ops.batch_update(s, b))}
    if (method, tail) in collection:
        kind, action = collection[(method, tail)]
        return kind, _on_spreadsheet(spreadsheet_id, action)
    if not tail.startswith("values/"):
        return "unknown", None
    encoded = tail[len("values/"):]
    for suffix, kind, action in ((":append", "append", values_ops.append), (":clear", "clear", None)):
        if method == "POST" and encoded.endswith(suffix):
            text = unquote(encoded[:-len(suffix)])
            if action is None:
                return kind, _on_spreadsheet(spreadsheet_id, lambda s, q, b: values_ops.clear(s, text, b))
            return kind, _on_spreadsheet(spreadsheet_id, lambda s, q, b: action(s, text, q, b))
    text = unquote(encoded)
    if method == "GET":
        return "values.get", _on_spreadsheet(spreadsheet_id, lambda s, q, b: values_ops.values_get(s, text, q))
    if method == "PUT":
        return "update", _on_spreadsheet(spreadsheet_id, lambda s, q, b: values_ops.update(s, text, q, b))
    return "unknown", None


class _Invalid:
    """A body that is not JSON: the operation is not run, the answer is a 400."""


class FakeHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, store: Store, recorder: Recorder, internal_errors: list[str]):
        super().__init__(address, _Handler)
        self.store, self.recorder = store, recorder
        self.internal_errors = internal_errors  # owned by FakeSheets, so it outlives stop()
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()

    def process_request(self, request, client_address):
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Kept-alive client connections would otherwise still be served after stop()."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)  # a client that gave up is not an error


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as requests' sessions expect
    server_version, sys_version = "ESF", ""
    server: FakeHTTPServer

    def setup(self):
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # no Nagle/delayed-ACK stalls

    def log_message(self, format, *args):  # noqa: A002 - quiet: the request log is the record
        pass

    def do_GET(self):
        self._serve("GET")

    def do_PUT(self):
        self._serve("PUT")

    def do_POST(self):
        self._serve("POST")

    def do_DELETE(self):
        self._serve("DELETE")

    def do_PATCH(self):
        self._serve("PATCH")

    def _serve(self, method: str) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        split = urlsplit(self.path)
        query = parse_qs(split.query, keep_blank_values=True)
        kind, operation = route(method, split.path)
        body: object = None
        if raw.strip():
            try:
                body = json.loads(raw)
            except ValueError:
                body = _Invalid()
        recorder = self.server.recorder
        slow = recorder.take(kind, ("slow",))
        if slow is not None:
            time.sleep(slow.seconds)
        fault = recorder.take(kind, ("fail", "drop"))
        status, answer, headers = 200, None, {}
        if fault is None or fault.applied:
            status, answer = self._run(operation, query, body)
        if fault is not None and fault.action == "fail":
            error = injected_error(kind, fault.status)
            status, answer = error.code, error.body()
            if fault.retry_after is not None:
                headers["Retry-After"] = str(fault.retry_after)
        logged_body = None if isinstance(body, _Invalid) else body
        entry = LoggedRequest(method, unquote(split.path), query, logged_body, kind, status)
        if fault is not None and fault.action == "drop":
            entry.status = None
            recorder.record(entry)
            self.close_connection = True  # no answer at all: the client sees the connection closed
            return
        recorder.record(entry)
        self._send(status, answer, headers)

    def _run(self, operation: Operation | None, query: dict, body: object) -> tuple[int, object]:
        if operation is None:
            return 404, ApiError(404, "Requested entity was not found.").body()
        if isinstance(body, _Invalid):
            return 400, ApiError(400, "Invalid JSON payload received. Unexpected token.").body()
        try:
            with self.server.store.lock:
                answer = operation(self.server.store, query, body)
        except ApiError as error:
            return error.code, error.body()
        except Exception:  # a bug in the fake: answer like Google's 500 and keep the traceback for the tests
            self.server.internal_errors.append(traceback.format_exc())
            return 500, ApiError(500, "Internal error encountered.").body()
        return (204, None) if answer is None else (200, answer)

    def _send(self, status: int, answer: object, headers: dict[str, str]) -> None:
        payload = b"" if answer is None else (json.dumps(answer, indent=2, ensure_ascii=False) + "\n").encode()
        self.send_response(status)
        if answer is not None:
            self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)
