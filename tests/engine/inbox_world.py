"""An engine world whose account also has a real IMAP inbox (a private Dovecot)."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, make_msgid

import pytest

from fluenzr_desktop.store.models import Account
from tests.fixtures.smtp_server import SMTP_PASSWORD
from tests.timing import WEDNESDAY, next_weekday, real_utc_now, utc_of

_users = itertools.count(1)


@dataclass
class Mailroom:
    """The account's inbox: put mail in it, then let the engine read it."""

    world: object
    dovecot: object
    user: str

    def deliver(self, raw: bytes | str, folder: str = "INBOX") -> None:
        """Append to the inbox, received "now" on the world's clock (IMAP's internal date)."""
        data = raw.encode() if isinstance(raw, str) else raw
        when = self.world.clock.now().replace(tzinfo=UTC)
        self.dovecot.append(self.user, folder, data, when=when)

    def account(self) -> Account:
        with self.world.workspace.sessions() as session:
            return session.get(Account, self.world.account_id)

    def sync(self):
        return self.world.service.inbox.sync_account(self.account())


def reply(
    *,
    sender: str,
    subject: str,
    body: str,
    in_reply_to: str | None = None,
    headers: dict[str, str] | None = None,
    to: str = "founder@startup.io",
) -> str:
    """A plain reply as a mail client writes it."""
    lines = [
        f"From: {sender}",
        f"To: {to}",
        f"Subject: {subject}",
        f"Date: {format_datetime(datetime.now(UTC))}",
        f"Message-ID: {make_msgid(domain='client.example')}",
        "MIME-Version: 1.0",
        'Content-Type: text/plain; charset="utf-8"',
    ]
    if in_reply_to:
        lines += [f"In-Reply-To: {in_reply_to}", f"References: {in_reply_to}"]
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}")
    return "\r\n".join(lines) + "\r\n\r\n" + body.replace("\n", "\r\n") + "\r\n"


def mailroom_start() -> datetime:
    """A Wednesday 10:00 (Paris) four to five weeks before the real time.

    Dovecot lives on the real clock, even when the test process is moved ahead: it
    refuses internal dates in its future, and the first sync reads mail by date.
    """
    four_weeks_ago = real_utc_now().date() - timedelta(days=35)
    return utc_of(next_weekday(WEDNESDAY, four_weeks_ago), 10)


@pytest.fixture
def mailroom(make_world, dovecot):
    """`mailroom(**world_options)` → a Mailroom whose world's account reads a fresh inbox."""

    def build(**options) -> Mailroom:
        options.setdefault("start", mailroom_start())
        world = make_world(**options)
        user = f"founder-{next(_users)}-{uuid.uuid4().hex[:6]}"
        dovecot.add_user(user, SMTP_PASSWORD)
        world.server.logins.add(user)
        with world.workspace.session() as session:
            account = session.get(Account, world.account_id)
            account.username = user
            account.imap_host, account.imap_port, account.imap_security = (
                dovecot.host, dovecot.port, "none")  # fmt: skip
        world.service.connections.forget(world.account_id)
        return Mailroom(world, dovecot, user)

    return build
