"""A real SMTP server on a free loopback port (aiosmtpd), for the reminder tests: it keeps every message it
accepted, can require a login, refuse recipients, and hold a message (to cut a run off while it waits)."""

from __future__ import annotations

import asyncio
import socket
import threading
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    """A port nothing listens on (aiosmtpd cannot take port 0: it connects to itself to check it started)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Received:
    recipients: list[str]  # the envelope's
    message: EmailMessage


class _Handler:
    def __init__(self, server: LocalSmtp):
        self.server = server

    async def handle_RCPT(self, smtp, session, envelope, address, rcpt_options):
        if address.lower() in self.server.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, smtp, session, envelope):
        number = self.server.data_count = self.server.data_count + 1
        if self.server.close_at == number:  # a server that asks the sender to slow down and hangs up
            return "421 4.7.0 Try again later, closing connection"
        if self.server.hold_at == number:
            self.server.holding.set()
            while not self.server.release.is_set():  # a stuck server: the run waits here until it is killed
                await asyncio.sleep(0.05)
            return "451 4.3.0 Not now"
        self.server.received.append(Received(list(envelope.rcpt_tos),
                                             message_from_bytes(envelope.content, policy=policy.default)))
        return "250 Message accepted for delivery"


class LocalSmtp:
    def __init__(self, login: tuple[str, str] | None = None, refuse: set[str] = frozenset(), hold_at: int = 0,
                 close_at: int = 0):
        self.login, self.refuse, self.hold_at, self.close_at = login, {r.lower() for r in refuse}, hold_at, close_at
        self.received: list[Received] = []
        self.data_count = 0
        self.holding, self.release = threading.Event(), threading.Event()
        self.port = free_port()
        options = {}
        if login is not None:
            options = {"authenticator": self._authenticate, "auth_require_tls": False}
        self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port, **options)

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login.decode(), auth_data.password.decode()) \
            == self.login
        return AuthResult(success=ok, handled=False)  # handled=True would leave the client without an answer

    def env(self, **more: str) -> dict[str, str]:
        """TANDEM_SMTP_* for a dashboard or command that should send here."""
        values = {"TANDEM_SMTP_HOST": "127.0.0.1", "TANDEM_SMTP_PORT": str(self.port), "TANDEM_SMTP_SECURITY": "none",
                  "TANDEM_SMTP_FROM": "Mentoring <mentoring@northwind.example>"}
        return {**values, **more}

    def __enter__(self) -> LocalSmtp:
        self._controller.start()
        return self

    def __exit__(self, *_) -> None:
        self.release.set()
        self._controller.stop()
