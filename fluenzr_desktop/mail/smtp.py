"""Sending through the user's own SMTP account: one reused connection, failures sorted by kind."""

from __future__ import annotations

import base64
import logging
import re
import smtplib
import ssl
import threading
from dataclasses import dataclass, field
from email.message import Message
from types import TracebackType

from fluenzr_desktop.domain.errors import FluenzrError

from .message import message_bytes, validate_address

__all__ = ["SECURITY_MODES", "SmtpFailure", "SmtpSettings", "SmtpTransport"]

log = logging.getLogger(__name__)

SECURITY_MODES = ("ssl", "starttls", "none")
FAILURE_KINDS = ("temporary", "connection", "auth", "sender", "recipient", "rejected")
_ENHANCED = re.compile(r"^([245])\.(\d{1,3})\.(\d{1,3})\b")
_AUTH_CODES = frozenset({530, 534, 535})
_HARD_CODES = frozenset({550, 551, 553})
# RFC 5321 §4.5.2: a line starting with "." is sent with one more.
_LEADING_DOT = re.compile(rb"(?m)^\.")


@dataclass(frozen=True, repr=False)
class SmtpSettings:
    """How to reach and log in to one account's SMTP server."""

    host: str
    port: int
    security: str  # "ssl" | "starttls" | "none"
    username: str | None = None
    password: str | None = None
    timeout: float = 30.0
    ssl_context: ssl.SSLContext | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.security not in SECURITY_MODES:
            raise FluenzrError(
                f"unknown SMTP security {self.security!r} (expected ssl, starttls or none)"
            )

    def __repr__(self) -> str:
        password = "'***'" if self.password else repr(self.password)
        return (
            f"SmtpSettings(host={self.host!r}, port={self.port!r}, security={self.security!r}, "
            f"username={self.username!r}, password={password}, timeout={self.timeout!r})"
        )


class SmtpFailure(Exception):
    """An SMTP exchange that did not end in 250; `kind` tells the engine what to do about it."""

    def __init__(
        self,
        kind: str,
        response: str,
        code: int | None = None,
        *,
        hard: bool = False,
        maybe_sent: bool = False,
    ) -> None:
        super().__init__(kind, response, code)
        self.kind = kind
        self.code = code
        self.response = response
        # The address does not exist: the engine suppresses it.
        self.hard = hard
        # The connection died after the whole message went out: the server may
        # have queued it, so sending it again could make a duplicate.
        self.maybe_sent = maybe_sent

    def __str__(self) -> str:
        if self.code is not None:
            return f"SMTP {self.code} {self.response}"
        return f"SMTP {self.kind} failure: {self.response}"

    def __repr__(self) -> str:
        return f"SmtpFailure(kind={self.kind!r}, code={self.code!r}, response={self.response!r})"


class _Dropped(Exception):
    """The connection broke in the middle of a transaction (internal)."""

    def __init__(self, reason: str, *, body_sent: bool, code: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.body_sent = body_sent
        self.code = code


class _GreetingMixin:
    """Keep the server's 220 greeting, which smtplib reads and throws away."""

    greeting: tuple[int, bytes] = (0, b"")

    def connect(self, host: str = "localhost", port: int = 0, source_address=None):
        reply = super().connect(host, port, source_address)  # type: ignore[misc]
        self.greeting = reply
        return reply


class _SMTP(_GreetingMixin, smtplib.SMTP):
    pass


class _SMTP_SSL(_GreetingMixin, smtplib.SMTP_SSL):
    pass


def _text(response: bytes | str | None) -> str:
    """A server reply as one readable line."""
    if response is None:
        return ""
    if isinstance(response, bytes):
        response = response.decode("utf-8", errors="replace")
    return " ".join(part.strip() for part in response.splitlines() if part.strip())


def _first_line(response: bytes | str) -> str:
    if isinstance(response, bytes):
        response = response.decode("utf-8", errors="replace")
    lines = response.splitlines()
    return lines[0].strip() if lines else ""


def is_hard_bounce(code: int, response: str) -> bool:
    """Whether a recipient refusal means the address does not exist (5.1.x, else 550/551/553)."""
    enhanced = _ENHANCED.match(response)
    if enhanced:
        # The enhanced code is the precise one: 550 5.7.1 is a policy refusal of
        # a mailbox that exists, 550 5.1.1 an unknown user.
        return enhanced.group(1) == "5" and enhanced.group(2) == "1"
    return code in _HARD_CODES


class SmtpTransport:
    """One account's SMTP connection, opened lazily and reused across sends."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None
        self._lock = threading.RLock()
        self._local_hostname: str | None = None
        self._context: ssl.SSLContext | None = None
        self.connections = 0  # opened so far, for logs and tests

    # -- public API
    @property
    def logs_in(self) -> bool:
        """Whether this transport authenticates (AUTH); without a username it never does."""
        return bool(self.settings.username)

    def check(self, sender: str | None = None) -> str:
        """Connect (and log in) afresh and summarise the server's answers, e.g. "220 … ; 235 …".

        With `sender`, also try `MAIL FROM` (then `RSET`): a server that wants a login
        refuses there (530), which is how an account without one learns it before sending.
        """
        if sender is not None:
            sender = validate_address(sender, "sender")
        with self._lock:
            self._discard()
            replies = self._connect()
            if sender is not None:
                replies.append(self._try_sender(sender))
            return " ; ".join(replies)

    def send(self, message: Message, sender: str, recipient: str) -> str:
        """Send one message to one envelope recipient; returns the server's answer to DATA."""
        sender = validate_address(sender, "sender")
        recipient = validate_address(recipient, "recipient")
        payload = message_bytes(message)
        with self._lock:
            for attempt in (1, 2):
                smtp = self._smtp
                if smtp is None:
                    self._connect()
                    smtp = self._smtp
                assert smtp is not None
                try:
                    return self._transaction(smtp, sender, recipient, payload)
                except _Dropped as dropped:
                    self._discard()
                    if dropped.body_sent or attempt == 2:
                        if dropped.code == 421:
                            # Refused again on a fresh connection: the server is busy.
                            raise SmtpFailure(
                                "temporary", self._scrub(dropped.reason), 421
                            ) from None
                        raise SmtpFailure(
                            "connection",
                            self._scrub(dropped.reason),
                            maybe_sent=dropped.body_sent,
                        ) from None
                    log.info(
                        "SMTP connection to %s lost (%s); reconnecting", self._where(), dropped
                    )
        raise AssertionError("unreachable")

    def close(self) -> None:
        """Say QUIT and close the connection (if any); the next send reconnects."""
        with self._lock:
            smtp, self._smtp = self._smtp, None
            if smtp is None:
                return
            try:
                smtp.quit()
            except OSError:  # smtplib's errors are OSErrors too
                smtp.close()

    def __enter__(self) -> SmtpTransport:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "connected" if self._smtp is not None else "idle"
        return f"SmtpTransport({self._where()}, {state})"

    # -- connection
    def _where(self) -> str:
        return f"{self.settings.host}:{self.settings.port}"

    def _ssl_context(self) -> ssl.SSLContext:
        if self._context is None:
            self._context = self.settings.ssl_context or ssl.create_default_context()
        return self._context

    def _discard(self) -> None:
        """Drop the connection without ceremony (it is broken or in an unknown state)."""
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            smtp.close()

    def _connect(self) -> list[str]:
        """Open, greet, secure and log in; returns the server's answers, one line each."""
        settings = self.settings
        replies: list[str] = []
        try:
            if settings.security == "ssl":
                smtp: smtplib.SMTP = _SMTP_SSL(
                    settings.host,
                    settings.port,
                    local_hostname=self._local_hostname,
                    timeout=settings.timeout,
                    context=self._ssl_context(),
                )
            else:
                smtp = _SMTP(
                    settings.host,
                    settings.port,
                    local_hostname=self._local_hostname,
                    timeout=settings.timeout,
                )
        except smtplib.SMTPConnectError as error:
            kind = "temporary" if 400 <= error.smtp_code < 500 else "connection"
            raise SmtpFailure(kind, _text(error.smtp_error), error.smtp_code) from None
        except ssl.SSLError as error:
            raise SmtpFailure("connection", f"TLS failure with {self._where()}: {error}") from None
        except OSError as error:
            raise SmtpFailure("connection", f"cannot connect to {self._where()}: {error}") from None
        # getfqdn() can take seconds on a laptop with slow DNS: do it once per transport.
        self._local_hostname = smtp.local_hostname
        self.connections += 1
        try:
            code, greeting = smtp.greeting  # type: ignore[attr-defined]
            replies.append(f"{code} {_first_line(greeting)}")
            replies.append(self._hello(smtp))
            if settings.security == "starttls":
                replies.append(self._starttls(smtp))
                replies.append(self._hello(smtp))
            if settings.username:
                replies.append(self._login(smtp))
        except SmtpFailure:
            smtp.close()
            raise
        except ssl.SSLError as error:
            smtp.close()
            raise SmtpFailure("connection", f"TLS failure with {self._where()}: {error}") from None
        except OSError as error:
            smtp.close()
            raise SmtpFailure(
                "connection", f"connection to {self._where()} lost: {error or type(error).__name__}"
            ) from None
        self._smtp = smtp
        log.debug("SMTP connected to %s: %s", self._where(), " ; ".join(replies))
        return replies

    def _hello(self, smtp: smtplib.SMTP) -> str:
        code, text = smtp.ehlo()
        if not 200 <= code < 300:
            code, text = smtp.helo()
            if not 200 <= code < 300:
                raise self._failure("connection", code, text)
        return f"{code} {_first_line(text)}"

    def _starttls(self, smtp: smtplib.SMTP) -> str:
        # Never fall back to plain text when TLS was asked for: the password would leak.
        if not smtp.has_extn("starttls"):
            raise SmtpFailure("connection", f"{self._where()} does not offer STARTTLS")
        try:
            code, text = smtp.starttls(context=self._ssl_context())
        except smtplib.SMTPResponseException as error:
            raise self._failure("connection", error.smtp_code, error.smtp_error) from None
        return f"{code} {_first_line(text)}"

    def _login(self, smtp: smtplib.SMTP) -> str:
        username, password = self.settings.username or "", self.settings.password or ""
        if not smtp.has_extn("auth"):
            hint = " (try STARTTLS or SSL)" if self.settings.security == "none" else ""
            raise SmtpFailure("auth", f"{self._where()} does not offer AUTH{hint}")
        try:
            code, text = smtp.login(username, password)
        except smtplib.SMTPAuthenticationError as error:
            raise self._failure("auth", error.smtp_code, error.smtp_error) from None
        except smtplib.SMTPNotSupportedError as error:
            raise SmtpFailure("auth", self._scrub(str(error))) from None
        except UnicodeEncodeError:
            raise SmtpFailure(
                "auth",
                "the user name or password has non-ASCII characters, which SMTP AUTH refuses",
            ) from None
        except smtplib.SMTPResponseException as error:
            raise self._failure("auth", error.smtp_code, error.smtp_error) from None
        except smtplib.SMTPException as error:
            if isinstance(error, smtplib.SMTPServerDisconnected):
                raise
            # "No suitable authentication method found."
            raise SmtpFailure("auth", self._scrub(str(error))) from None
        return f"{code} {_first_line(text)}"

    def _try_sender(self, sender: str) -> str:
        """`MAIL FROM` then `RSET` on the open connection: would this sender be accepted?"""
        smtp = self._smtp
        assert smtp is not None
        try:
            code, text = self._exchange(smtp.mail, sender)
        except _Dropped as dropped:
            self._discard()
            if dropped.code == 421:
                raise SmtpFailure("temporary", self._scrub(dropped.reason), 421) from None
            raise SmtpFailure("connection", self._scrub(dropped.reason)) from None
        if code != 250:
            raise self._refused(smtp, "sender", code, text)
        try:
            smtp.rset()
        except OSError:
            self._discard()
        return f"{code} {_first_line(text)}"

    # -- one message
    def _transaction(self, smtp: smtplib.SMTP, sender: str, recipient: str, data: bytes) -> str:
        options = [f"SIZE={len(data)}"] if smtp.has_extn("size") else []
        code, text = self._exchange(smtp.mail, sender, options)
        if code != 250:
            raise self._refused(smtp, "sender", code, text)
        code, text = self._exchange(smtp.rcpt, recipient)
        if code not in (250, 251):
            raise self._refused(smtp, "recipient", code, text)
        code, text = self._exchange(smtp.docmd, "DATA")
        if code != 354:
            raise self._refused(smtp, "rejected", code, text)
        # smtplib.data() would hide whether a lost connection came before or after
        # the body went out; that difference decides whether a retry may duplicate.
        body = _LEADING_DOT.sub(b"..", data)
        if not body.endswith(b"\r\n"):
            body += b"\r\n"
        try:
            smtp.send(body + b".\r\n")
        except OSError as error:
            raise _Dropped(str(error) or type(error).__name__, body_sent=False) from None
        try:
            code, text = smtp.getreply()
        except OSError as error:
            raise _Dropped(
                f"connection lost after the message was sent: {error or type(error).__name__}",
                body_sent=True,
            ) from None
        if code != 250:
            raise self._refused(smtp, "rejected", code, text)
        return f"{code} {_text(text)}"

    @staticmethod
    def _exchange(command, *args) -> tuple[int, bytes]:
        """Run one command; a broken connection becomes _Dropped (safe to retry)."""
        try:
            code, text = command(*args)
        except OSError as error:
            raise _Dropped(str(error) or type(error).__name__, body_sent=False) from None
        if code == 421 or code == -1:
            # 421: the server is closing this session (idle timeout, shutdown);
            # a new connection may well be accepted.
            reason = _text(text) if code == 421 else "the server closed the connection"
            raise _Dropped(reason, body_sent=False, code=code)
        return code, text

    def _refused(self, smtp: smtplib.SMTP, stage: str, code: int, text: bytes) -> SmtpFailure:
        """Classify a refusal and reset the session so the next message can go."""
        try:
            smtp.rset()
        except OSError:
            self._discard()
        return self._failure(stage, code, text)

    def _failure(self, stage: str, code: int, text: bytes | str) -> SmtpFailure:
        response = self._scrub(_text(text))
        if 400 <= code < 500:
            return SmtpFailure("temporary", response, code)
        if code in _AUTH_CODES:
            return SmtpFailure("auth", response, code)
        if stage == "recipient":
            return SmtpFailure("recipient", response, code, hard=is_hard_bounce(code, response))
        return SmtpFailure(stage, response, code)

    def _scrub(self, text: str) -> str:
        """Remove the password (plain or as sent in AUTH PLAIN/LOGIN) from a server's text."""
        password = self.settings.password
        if not password:
            return text
        username = self.settings.username or ""
        secrets = [password]
        for raw in (password, f"\0{username}\0{password}"):
            secrets.append(base64.b64encode(raw.encode("utf-8", "replace")).decode("ascii"))
        for secret in secrets:
            text = text.replace(secret, "***")
        return text
