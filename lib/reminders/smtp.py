"""The mail server: its settings, from `[smtp]` in .streamlit/secrets.toml or TANDEM_SMTP_* environment variables
(which win, one by one), and a connection that is opened and logged in before anything is recorded, so a server
that cannot be used costs one plain sentence and changes nothing. The password is never printed, shown or logged:
it is left out of the settings' repr, and no message names it."""

from __future__ import annotations

import smtplib
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import parseaddr

from lib.errors import MailError
from lib.vocabulary import DEFAULT_SMTP_SECURITY, SMTP_SECURITY_PORTS

ENV_PREFIX = "TANDEM_SMTP_"
FIELDS = ("host", "port", "username", "password", "from", "security")
TIMEOUT = 20  # seconds for the connection and each exchange


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    sender: str  # the From address
    username: str = ""
    password: str = field(default="", repr=False)
    security: str = DEFAULT_SMTP_SECURITY

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    def words(self) -> str:
        """What a page or the command line may say about the server: never the password."""
        login = f", logging in as {self.username}" if self.username else ", without a login"
        plain = " (the password goes unencrypted: use starttls or ssl)" if self.username and \
            self.security == "none" else ""
        return f"{self.where} ({self.security}{login}), from {self.sender}{plain}"


def smtp_settings(secrets: Mapping | None, environ: Mapping[str, str]) -> SmtpSettings | None:
    """The mail server's settings, or None when no host is set anywhere. Raises MailError for a value that cannot
    be used (a port that is no number, an unknown security), naming the setting, never the password."""
    given = {k: str(v).strip() for k, v in dict(secrets or {}).items() if k in FIELDS and v is not None}
    for name in FIELDS:
        if (value := environ.get(ENV_PREFIX + name.upper())) is not None and value.strip():
            given[name] = value.strip()
    if not given.get("host"):
        return None
    security = given.get("security", DEFAULT_SMTP_SECURITY).lower()
    if security not in SMTP_SECURITY_PORTS:
        raise MailError(f"The mail server's security {security!r} is not one of {', '.join(SMTP_SECURITY_PORTS)} "
                        f"([smtp] security or {ENV_PREFIX}SECURITY).")
    port_text = given.get("port") or str(SMTP_SECURITY_PORTS[security])
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise MailError(f"The mail server's port {port_text!r} is not a port number ([smtp] port or "
                        f"{ENV_PREFIX}PORT).")
    sender = given.get("from") or (given.get("username", "") if "@" in given.get("username", "") else "")
    if "@" not in parseaddr(sender)[1]:
        raise MailError(f"Set the address reminders come from: [smtp] from or {ENV_PREFIX}FROM.")
    if not parseaddr(sender)[1].isascii():
        raise MailError(f"The address reminders come from ({sender}) has characters mail servers do not take: "
                        f"set [smtp] from or {ENV_PREFIX}FROM to a plain address.")
    return SmtpSettings(given["host"], int(port_text), sender, given.get("username", ""), given.get("password", ""),
                        security)


class Mailer:
    """One connection to the mail server for a run: `with Mailer(settings) as mail: mail.send(message)`. Entering
    connects and logs in, or raises MailError with one sentence."""

    def __init__(self, settings: SmtpSettings, timeout: float = TIMEOUT):
        self.settings, self.timeout = settings, timeout
        self._server: smtplib.SMTP | None = None

    def __enter__(self) -> Mailer:
        self._server = self._connect()
        return self

    def __exit__(self, *_) -> None:
        if self._server is not None:
            try:
                self._server.quit()
            except (smtplib.SMTPException, OSError):
                self._server.close()
            self._server = None

    @property
    def connected(self) -> bool:
        """Whether the connection is still open (smtplib closes it when the server answers 421)."""
        return self._server is not None and getattr(self._server, "sock", None) is not None

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        try:
            if s.security == "ssl":
                server = smtplib.SMTP_SSL(s.host, s.port, timeout=self.timeout, context=ssl.create_default_context())
            else:
                server = smtplib.SMTP(s.host, s.port, timeout=self.timeout)
            server.ehlo()
            if s.security == "starttls":
                if not server.has_extn("starttls"):
                    server.close()
                    raise MailError(f"The mail server {s.where} does not offer STARTTLS: set [smtp] security to "
                                    "\"ssl\" (usually port 465) or, for an office relay on your own network, \"none\". "
                                    "Nothing was sent or recorded.")
                server.starttls(context=ssl.create_default_context())
                server.ehlo()
            if s.username:
                if not server.has_extn("auth"):
                    server.close()
                    raise MailError(f"The mail server {s.where} refused the login for {s.username}: it offers no "
                                    "login (AUTH) on this connection. Leave the username out for a relay that needs "
                                    "none, or use its TLS port. Nothing was sent or recorded.")
                server.login(s.username, s.password)
            return server
        except UnicodeEncodeError:  # smtplib sends the login as ASCII
            raise MailError(f"The mail server {s.where} cannot take the login for {s.username}: the username or "
                            "password has characters outside plain ASCII (an app password is letters only). "
                            "Nothing was sent or recorded.") from None
        except smtplib.SMTPAuthenticationError:
            raise MailError(f"The mail server {s.where} refused the login for {s.username}: check the username and "
                            "password (for Google Workspace, an app password). Nothing was sent or recorded.") from None
        except ssl.SSLError as exc:
            raise MailError(f"The mail server {s.where} could not agree on an encrypted connection "
                            f"({exc.reason or exc.__class__.__name__}): check [smtp] security and port. Nothing was "
                            "sent or recorded.") from None
        except (OSError, smtplib.SMTPException) as exc:
            reason = _reason(exc)
            raise MailError(f"The mail server {s.where} cannot be reached ({reason}): check [smtp] host and port, "
                            "and that this machine may connect to it. Nothing was sent or recorded.") from None

    def send(self, message: EmailMessage) -> dict[str, str]:
        """Hand one message to the server; returns the recipients it refused (when it accepted others). Raises
        smtplib's errors: SMTPRecipientsRefused (all refused), SMTPDataError or SMTPSenderRefused (the message was
        refused), SMTPServerDisconnected or OSError (the connection broke: whether it went is unknown)."""
        if self._server is None:
            raise RuntimeError("Mailer.send outside `with`")
        refused = self._server.send_message(message)
        return {address: _answer(answer) for address, answer in refused.items()}


def _answer(answer: tuple[int, bytes]) -> str:
    code, text = answer
    return f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}".strip()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, socket.gaierror):
        return "the host name is not known"
    if isinstance(exc, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return "no answer in time"
    if isinstance(exc, smtplib.SMTPResponseException):
        return _answer((exc.smtp_code, exc.smtp_error))
    return str(exc) or exc.__class__.__name__
