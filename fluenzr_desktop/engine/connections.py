"""The engine's connections to an account's servers, built with the password from the
secret store; SMTP connections are kept open between sends of one tick.

An account without a username sends without SMTP AUTH (a local relay, a test server):
for it the secret store, and so the master password, is never asked.
"""

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

NO_IMAP_LOGIN = "reading the inbox needs a username (an IMAP login)"


def smtp_settings(
    account: Account, password: str | None, ssl_context: ssl.SSLContext | None = None
) -> SmtpSettings:
    """SMTP settings of an account: a login (AUTH) only when it has a username."""
    return SmtpSettings(
        ssl_context=ssl_context,
        host=account.smtp_host or "",
        port=account.smtp_port or {"ssl": 465, "starttls": 587}.get(account.smtp_security, 25),
        security=account.smtp_security or "starttls",
        username=account.username or None,
        password=password if account.username else None,
    )


def imap_settings(
    account: Account, password: str, ssl_context: ssl.SSLContext | None = None
) -> ImapSettings:
    """IMAP settings of an account (reading an inbox needs its username)."""
    return ImapSettings(
        ssl_context=ssl_context,
        host=account.imap_host or "",
        port=account.imap_port or {"ssl": 993}.get(account.imap_security, 143),
        security=account.imap_security or "ssl",
        username=account.username or "",
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
        """The account's stored password; None without a username (the store is not asked)."""
        if not account.username:
            return None
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
                        f"(fluenzr account update {account.id} --password-stdin)",
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
        if not account.username:
            raise ImapFailure("auth", NO_IMAP_LOGIN)
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
    """Log in to the account's SMTP and IMAP servers; each with ok and the server's answer.

    `smtp.login` says whether SMTP is used with a login: an account without a username
    only connects, then tries its address as sender, as sending without AUTH will.
    """
    login = bool(account.username)
    results: dict[str, dict[str, object]] = {}
    if password is None and login:
        missing = f"no password stored for account {account.id}"
        return {
            "smtp": {"ok": False, "login": True, "answer": missing},
            "imap": {"ok": None if not account.imap_host else False, "answer": missing},
        }
    settings = smtp_settings(account, password, ssl_context)
    try:
        with SmtpTransport(settings) as transport:
            if login:
                answer = transport.check()
            else:
                answer = (
                    f"{settings.host}:{settings.port}: connected, no login "
                    f"(sending without AUTH) ; {transport.check(sender=account.email)}"
                )
            results["smtp"] = {"ok": True, "login": login, "answer": answer}
    except SmtpFailure as failure:
        answer = str(failure)
        if not login and failure.kind == "auth":
            answer += " (this server wants a login: give the account a username and password)"
        results["smtp"] = {"ok": False, "login": login, "answer": answer}
    if not account.imap_host:
        results["imap"] = {"ok": None, "answer": "no IMAP server configured"}
    elif not login:
        results["imap"] = {"ok": False, "answer": NO_IMAP_LOGIN}
    elif password is None:
        results["imap"] = {"ok": False, "answer": "no password stored for this account"}
    else:
        try:
            with ImapMailbox(imap_settings(account, password, ssl_context)) as mailbox:
                results["imap"] = {"ok": True, "answer": mailbox.connect()}
        except ImapFailure as failure:
            results["imap"] = {"ok": False, "answer": str(failure)}
    return results
