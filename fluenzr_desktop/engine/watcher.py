"""Keeps an eye on each account's inbox while the engine runs: IDLE where offered, else polling.

A reply is noticed within seconds. A dropped connection or a restarted server is
met with a reconnection (growing pauses); what arrived meanwhile is read then,
since the sync is incremental.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy.orm import Session, sessionmaker

from ..store.accounts import inbox_accounts
from ..store.models import Account
from .inbox import InboxSync

log = logging.getLogger(__name__)

# Servers end IDLE after 30 minutes (RFC 2177); it is renewed before that.
IDLE_RENEW_SECONDS = 25 * 60
IDLE_CHECK_SECONDS = 2.0
POLL_SECONDS = 120.0
MAX_BACKOFF_SECONDS = 300.0


class InboxWatcher:
    """One thread per account that has IMAP settings."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        inbox: InboxSync,
        *,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        self.sessions = sessions
        self.inbox = inbox
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        self._threads: dict[int, threading.Thread] = {}
        self.errors: dict[int, str] = {}

    def start(self) -> None:
        """Watch every account with an IMAP server (new accounts: call again)."""
        self._stop.clear()
        with self.sessions() as session:
            ids = [account.id for account in inbox_accounts(session)]
        for account_id in ids:
            if account_id in self._threads and self._threads[account_id].is_alive():
                continue
            thread = threading.Thread(
                target=self._run, args=(account_id,), name=f"inbox-{account_id}", daemon=True
            )
            self._threads[account_id] = thread
            thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        for thread in self._threads.values():
            thread.join(timeout)
        self._threads.clear()

    def _account(self, account_id: int) -> Account | None:
        with self.sessions() as session:
            return session.get(Account, account_id)

    def _run(self, account_id: int) -> None:
        backoff = 1.0
        while not self._stop.is_set():
            account = self._account(account_id)
            if account is None or not account.imap_host:
                return
            try:
                self._watch(account)
                backoff = 1.0
            except Exception as error:  # network, server restart, protocol: reconnect
                self.errors[account_id] = str(error)
                log.warning("inbox of account %s: %s; reconnecting in %.0fs", account_id,
                            error, backoff)  # fmt: skip
                self._stop.wait(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)

    def _watch(self, account: Account) -> None:
        # Through the inbox sync: a mailbox that cannot be reached is recorded (once).
        with self.inbox.connect(account) as mailbox:
            client = mailbox.client
            if b"IDLE" not in client.capabilities():
                self.inbox.sync_account(account, mailbox)
                self.errors.pop(account.id, None)
                while not self._stop.wait(self.poll_seconds):
                    self.inbox.sync_account(account, mailbox)
                return
            while not self._stop.is_set():
                # Mail that lands after the sync's search and before IDLE starts would
                # wait for the next renewal (selecting INBOX again absorbs it without
                # notice): INBOX's UIDNEXT is compared around the sync, which reads
                # again until nothing came meanwhile.
                before = _uidnext(client)
                self.inbox.sync_account(account, mailbox)
                self.errors.pop(account.id, None)
                if _uidnext(client) != before:  # also selects INBOX, which IDLE watches
                    continue
                client.idle()
                renewed = 0.0
                while not self._stop.is_set() and renewed < IDLE_RENEW_SECONDS:
                    responses = client.idle_check(timeout=IDLE_CHECK_SECONDS)
                    renewed += IDLE_CHECK_SECONDS
                    if any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses):
                        break
                client.idle_done()
                # News or a renewal: read what came (a sync with nothing new is one search).


def _uidnext(client) -> int:
    """INBOX selected (read-only), and the UID its next message will get."""
    info = client.select_folder("INBOX", readonly=True)
    return int(info.get(b"UIDNEXT", 0) or 0)
