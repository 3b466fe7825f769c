"""Benchmark: the inbox watcher's first sync and an idle poll, next to a bare IMAPClient fetch.

A private Dovecot on loopback holds a 10,000-message INBOX (1 % of it replies from
contacts in a campaign, the rest unrelated mail). In the same run it times:
  - the first sync of the engine (headers of every message since the first campaign
    email, bodies only of the ones that concern a campaign);
  - a bare IMAPClient session fetching the same header fields of the same messages;
  - an incremental poll with nothing new, on an open connection (the watcher's case)
    and with a fresh connection and login.
Targets: first sync ≤ 2× the bare fetch; a poll with nothing new ≤ 50 ms.

Usage: .venv/bin/python bench/inbox_sync.py [--messages 10000]   (needs dovecot-imapd)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from imapclient import IMAPClient  # noqa: E402

from fluenzr_desktop.domain.clock import SystemClock  # noqa: E402
from fluenzr_desktop.engine.inbox import HEADER_FIELDS, InboxSync  # noqa: E402
from fluenzr_desktop.mail.imap import ImapMailbox, ImapSettings  # noqa: E402
from fluenzr_desktop.store.accounts import add_account  # noqa: E402
from fluenzr_desktop.store.campaigns import change_status, create_campaign, enroll  # noqa: E402
from fluenzr_desktop.store.models import Contact, Enrollment, OutboxMessage  # noqa: E402
from fluenzr_desktop.workspace import open_workspace  # noqa: E402
from tests.fixtures.dovecot import DovecotServer  # noqa: E402

USER, PASSWORD = "bench", "bench-password"
SENT_AT = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=8)


def fill_inbox(server: DovecotServer, count: int, repliers: list[str]) -> None:
    """Put the messages in the INBOX, a thousand per MULTIAPPEND (RFC 3502)."""
    stamp = int(time.time())
    with IMAPClient(server.host, server.port, ssl=False) as client:
        client.login(USER, PASSWORD)
        batch: list[dict] = []
        for index in range(count):
            received = datetime.now(UTC) - timedelta(minutes=count - index)
            if index % 100 == 0 and repliers:
                sender = repliers[(index // 100) % len(repliers)]
                subject, body = "Re: Quick question", "Sounds good, call me Tuesday."
            else:
                sender = f"newsletter{index % 97}@news.example"
                subject, body = f"Weekly digest #{index}", "Lorem ipsum dolor sit amet. " * 40
            text = (
                f"From: {sender}\r\nTo: founder@startup.io\r\nSubject: {subject}\r\n"
                f"Date: {format_datetime(received)}\r\n"
                f"Message-ID: <m{index}.{stamp}@bench.example>\r\n"
                'MIME-Version: 1.0\r\nContent-Type: text/plain; charset="utf-8"\r\n\r\n'
                f"{body}\r\n"
            )
            batch.append({"msg": text.encode(), "flags": (b"\\Seen",), "date": received})
            if len(batch) == 1000:
                client.multiappend("INBOX", batch)
                batch = []
        if batch:
            client.multiappend("INBOX", batch)


def prepare_workspace(root: Path, server: DovecotServer, repliers: list[str]):
    workspace = open_workspace(root)
    with workspace.session() as session:
        account = add_account(
            session,
            name="Bench",
            email="founder@startup.io",
            smtp_host="127.0.0.1",
            smtp_port=25,
            smtp_security="none",
            imap_host=server.host,
            imap_port=server.port,
            imap_security="none",
            username=USER,
        )
        for address in repliers:
            session.add(Contact(email=address, custom_fields={}))
        session.flush()
        document = {
            "version": 1,
            "nodes": [{"id": "start", "type": "start"},
                      {"id": "e1", "type": "email", "subject": "Quick question", "body": "Hi"},
                      {"id": "end", "type": "end"}],
            "edges": [{"from": "start", "to": "e1"}, {"from": "e1", "to": "end"}],
        }  # fmt: skip
        campaign = create_campaign(session, "Bench", document, account.id)
        enroll(session, campaign, list(session.query(Contact)))
        change_status(session, campaign, "activate")
        # One email already sent: the first sync reads mail from the day before it.
        enrollment_id = (
            session.query(Enrollment.id).filter(Enrollment.campaign_id == campaign.id).first()[0]
        )
        session.add(
            OutboxMessage(
                enrollment_id=enrollment_id,
                campaign_id=campaign.id,
                account_id=account.id,
                node_id="e1",
                message_id="<first@startup.io>",
                state="sent",
                to_address=repliers[0],
                subject="Quick question",
                attempts=1,
                created_at=SENT_AT,
                sent_at=SENT_AT,
            )
        )
        account_id = account.id
    return workspace, account_id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()

    server = DovecotServer()
    server.start()
    try:
        server.add_user(USER, PASSWORD)
        repliers = [f"prospect{i}@client{i}.com" for i in range(100)]
        fill_inbox(server, args.messages, repliers)
        settings = ImapSettings(server.host, server.port, "none", USER, PASSWORD)
        with IMAPClient(server.host, server.port, ssl=False) as warm:  # index the Maildir once
            warm.login(USER, PASSWORD)
            warm.select_folder("INBOX", readonly=True)

        with tempfile.TemporaryDirectory(prefix="fluenzr-inbox-") as folder:
            workspace, account_id = prepare_workspace(Path(folder) / "ws", server, repliers)
            from fluenzr_desktop.store.models import Account

            def open_mailbox(_account):
                return ImapMailbox(settings)

            inbox = InboxSync(workspace.sessions, SystemClock(), open_mailbox,
                              unsubscribe_secret=b"bench")  # fmt: skip
            with workspace.sessions() as session:
                account = session.get(Account, account_id)

            # 1. a bare IMAPClient fetch of the same header fields of the same messages
            started = time.perf_counter()
            with IMAPClient(server.host, server.port, ssl=False) as client:
                client.login(USER, PASSWORD)
                client.select_folder("INBOX", readonly=True)
                uids = sorted(client.search(["SINCE", (SENT_AT - timedelta(days=1)).date()]))
                for start in range(0, len(uids), 500):
                    client.fetch(uids[start : start + 500], [HEADER_FIELDS, b"RFC822.SIZE"])
            bare = time.perf_counter() - started

            # 2. the engine's first sync
            started = time.perf_counter()
            report = inbox.sync_account(account)
            first = time.perf_counter() - started

            # 3. polls with nothing new
            with ImapMailbox(settings) as mailbox:
                mailbox.connect()
                inbox.sync_account(account, mailbox)  # warm: folders listed once
                samples = []
                for _ in range(20):
                    started = time.perf_counter()
                    inbox.sync_account(account, mailbox)
                    samples.append(time.perf_counter() - started)
            open_poll = sorted(samples)[len(samples) // 2]
            samples = []
            for _ in range(10):
                started = time.perf_counter()
                inbox.sync_account(account)
                samples.append(time.perf_counter() - started)
            fresh_poll = sorted(samples)[len(samples) // 2]
            workspace.close()
    finally:
        server.close()

    print(f"INBOX of {args.messages:,} messages on a private Dovecot (loopback)")
    print(f"first sync recognised: {report.to_dict()}")
    print(f"{'':<52}{'seconds':>9}")
    print(f"{'bare IMAPClient header fetch (same fields)':<52}{bare:>9.3f}")
    print(f"{'fluenzr first sync':<52}{first:>9.3f}")
    print(f"ratio first sync / bare fetch: {first / bare:.2f} (target ≤ 2)")
    print(f"{'poll with nothing new, open connection (median)':<52}{open_poll * 1000:>7.1f} ms")
    print(f"{'poll with nothing new, new connection (median)':<52}{fresh_poll * 1000:>7.1f} ms")
    print("target: a poll with nothing new ≤ 50 ms")


if __name__ == "__main__":
    main()
