"""The engine's connections to an account's servers, built with the password from the
secret store; SMTP connections are kept open between sends of one tick."""

from __future__ import annotations

import logging
import ssl
import threading
from collections.abc import Iterable

from ..mail.imap import ImapFailure, ImapMailbox, ImapSettings
from ..mail.smtp import SmtpFailure, SmtpSettings, SmtpTransport
from ..store.models import Account
from ..store.secrets import SecretStore

log = logging.getLogger(__name__)


def smtp_settings(
    account: Account, password: str | None, ssl_context: ssl.SSLContext | None = None
) -> SmtpSettings:
    """SMTP settings of an account (the username defaults to its address)."""
    return SmtpSettings(
        ssl_context=ssl_context,
        host=account.smtp_host or "",
        port=account.smtp_port or {"ssl": 465, "starttls": 587}.get(account.smtp_security, 25),
        security=account.smtp_security or "starttls",
        username=(account.username or account.email) if password else None,
        password=password,
    )


def imap_settings(
    account: Account, password: str, ssl_context: ssl.SSLContext | None = None
) -> ImapSettings:
    """IMAP settings of an account (the username defaults to its address)."""
    return ImapSettings(
        ssl_context=ssl_context,
        host=account.imap_host or "",
        port=account.imap_port or {"ssl": 993}.get(account.imap_security, 143),
        security=account.imap_security or "ssl",
        username=account.username or account.email,
        password=password,
    )


class Connections:
    """Per-account SMTP transports (reused) and IMAP helpers for one engine."""

    def __init__(self, secrets: SecretStore, ssl_context: ssl.SSLContext | None = None) -> None:
        self.secrets = secrets
        # None: the system's trusted CAs (tests pass one trusting their own certificate).
        self.ssl_context = ssl_context
        self._transports: dict[int, SmtpTransport] = {}
        self._lock = threading.Lock()

    def password(self, account: Account) -> str | None:
        return self.secrets.get_password(account.id)

    def transport(self, account: Account) -> SmtpTransport:
        """The open (or lazily opened) SMTP transport of an account."""
        with self._lock:
            transport = self._transports.get(account.id)
            if transport is None:
                password = self.password(account)
                if password is None and account.username:
                    raise SmtpFailure(
                        "auth",
                        f"no password stored for account {account.id} "
                        "(fluenzr account add … --password-stdin)",
                    )
                transport = SmtpTransport(smtp_settings(account, password, self.ssl_context))
                self._transports[account.id] = transport
            return transport

    def forget(self, account_id: int) -> None:
        """Drop an account's transport (its settings or password changed)."""
        with self._lock:
            transport = self._transports.pop(account_id, None)
        if transport is not None:
            transport.close()

    def close(self) -> None:
        with self._lock:
            transports, self._transports = list(self._transports.values()), {}
        for transport in transports:
            try:
                transport.close()
            except Exception:  # closing is best effort
                log.debug("closing an SMTP transport failed", exc_info=True)

    def mailbox(self, account: Account) -> ImapMailbox:
        """An IMAP mailbox of the account, not yet connected."""
        return self._mailbox(account)

    def _mailbox(self, account: Account) -> ImapMailbox:
        password = self.password(account)
        if password is None:
            raise ImapFailure("auth", "no password stored for this account")
        return ImapMailbox(imap_settings(account, password, self.ssl_context))

    def sent_lookup(self, account: Account, message_ids: Iterable[str]) -> set[str]:
        """Which of these Message-IDs are in the account's Sent folder."""
        with self._mailbox(account) as mailbox:
            mailbox.connect()
            return mailbox.find_message_ids(list(message_ids))

    def sent_copy(self, account: Account, raw: bytes) -> None:
        """Put a copy of a sent message in the account's Sent folder."""
        with self._mailbox(account) as mailbox:
            mailbox.connect()
            mailbox.append_sent(raw)


def check_account(
    account: Account, password: str | None, ssl_context: ssl.SSLContext | None = None
) -> dict[str, dict[str, object]]:
    """Log in to the account's SMTP and IMAP servers; each with ok and the server's answer."""
    results: dict[str, dict[str, object]] = {}
    if password is None and account.username:
        missing = f"no password stored for account {account.id}"
        return {
            "smtp": {"ok": False, "answer": missing},
            "imap": {"ok": None if not account.imap_host else False, "answer": missing},
        }
    try:
        with SmtpTransport(smtp_settings(account, password, ssl_context)) as transport:
            results["smtp"] = {"ok": True, "answer": transport.check()}
    except SmtpFailure as failure:
        results["smtp"] = {"ok": False, "answer": str(failure)}
    if not account.imap_host:
        results["imap"] = {"ok": None, "answer": "no IMAP server configured"}
    elif password is None:
        results["imap"] = {"ok": False, "answer": "no password stored for this account"}
    else:
        try:
            with ImapMailbox(imap_settings(account, password, ssl_context)) as mailbox:
                results["imap"] = {"ok": True, "answer": mailbox.connect()}
        except ImapFailure as failure:
            results["imap"] = {"ok": False, "answer": str(failure)}
    return results
