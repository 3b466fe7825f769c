"""The inbox sync: read what came back to an account and find which enrollments it is about.

What a classified message then does to them lives in inbox_effects.py; each message
acted on is published as one typed event (Replied, AutoReplied, Bounced, Unsubscribed).

Guarantees:
- incremental: UIDVALIDITY and the last UID are kept per folder, so a sync reads only
  new messages, and a message is acted on once (inbound events carry its Message-ID);
- a first sync reads headers only, and only of mail newer than the account's first
  campaign email: a whole mailbox is never downloaded;
- a body is fetched only for a message that concerns us (a reply to one of our
  Message-IDs, mail from a contact in a campaign, a bounce, an unsubscribe);
- malformed or unmatched mail is counted as `ignored`, never an error;
- an account whose inbox cannot be read is told once as a `mailbox_error` event (detail
  {"account_id", "error"}): when it goes from working to failing, or its error changes,
  never again every minute while it stays broken, nor at each restart of the engine.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import Message

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from ..domain.clock import Clock
from ..domain.states import ACTIVE_STATE_VALUES
from ..domain.unsubscribe import read_token
from ..mail.classify import Classification, classify, parse_bytes
from ..mail.imap import ImapFailure, ImapMailbox
from ..mail.triage import HeaderFields, from_address, header_fields, header_ids, worth_reading
from ..store.models import Account, Campaign, Contact, Enrollment, OutboxMessage
from ..store.schema import events as events_table
from ..store.schema import inbox_folders
from .bus import EventBus
from .events import AutoReplied, Bounced, InboundMail, InboxSynced, Replied, Unsubscribed
from .inbox_effects import OPT_OUTS, apply_verdict, opt_out_without_enrollment

log = logging.getLogger(__name__)

# The event published for each SyncReport counter a message bumped.
INBOUND_EVENTS: dict[str, type[InboundMail]] = {
    "replies": Replied,
    "auto_replies": AutoReplied,
    "bounces": Bounced,
    "unsubscribes": Unsubscribed,
}
HEADER_FIELDS = (
    b"BODY.PEEK[HEADER.FIELDS (MESSAGE-ID IN-REPLY-TO REFERENCES FROM TO SUBJECT DATE "
    b"AUTO-SUBMITTED X-AUTOREPLY X-AUTORESPOND PRECEDENCE CONTENT-TYPE X-FAILED-RECIPIENTS "
    b"RETURN-PATH)]"
)
FETCH_CHUNK = 500
# A reply is never this big; a larger message is judged on its headers alone.
MAX_BODY_BYTES = 10_000_000
# The event recorded when an account's inbox cannot be read (no campaign, no contact).
MAILBOX_ERROR_EVENT = "mailbox_error"
ERROR_CHARS = 300


@dataclass
class SyncReport:
    """What a sync recognised, for `fluenzr inbox sync`."""

    replies: int = 0
    auto_replies: int = 0
    bounces: int = 0
    unsubscribes: int = 0
    ignored: int = 0

    def to_dict(self) -> dict[str, int]:
        return {
            "replies": self.replies,
            "auto_replies": self.auto_replies,
            "bounces": self.bounces,
            "unsubscribes": self.unsubscribes,
            "ignored": self.ignored,
        }

    def add(self, other: SyncReport) -> None:
        for key, value in other.to_dict().items():
            setattr(self, key, getattr(self, key) + value)


class InboxSync:
    """Reads an account's inbox (and Junk) and applies what it finds to enrollments."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        open_mailbox,
        *,
        unsubscribe_secret: bytes,
        bus: EventBus | None = None,
    ) -> None:
        self.sessions = sessions
        self.clock = clock
        self.open_mailbox = open_mailbox  # Account -> ImapMailbox (not yet connected)
        self.unsubscribe_secret = unsubscribe_secret
        self.bus = bus or EventBus()
        self._locks: dict[int, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        # What this process knows of each account: its error as last recorded, or working.
        self._failing: dict[int, str] = {}
        self._working: set[int] = set()
        self._errors_guard = threading.Lock()

    def _lock(self, account_id: int) -> threading.Lock:
        # The watcher thread and the reply check before a follow-up may both read
        # one account: one at a time, or a message could be counted twice.
        with self._locks_guard:
            return self._locks.setdefault(account_id, threading.Lock())

    # ------------------------------------------------------------------ entry points

    def sync_account(self, account: Account, mailbox: ImapMailbox | None = None) -> SyncReport:
        """Read the new mail of one account; raises ImapFailure when the server cannot be used.

        A failure is recorded as a `mailbox_error` event (once, see the module docstring).
        """
        with self._lock(account.id):
            try:
                report = self._sync_account(account, mailbox)
            except Exception as error:
                self.mailbox_failed(account.id, error)
                raise
        self._mailbox_worked(account.id)
        return report

    def connect(self, account: Account) -> ImapMailbox:
        """An account's mailbox, logged in (for the watcher); a failure is recorded and raised."""
        try:
            mailbox = self.open_mailbox(account)
            mailbox.connect()
        except Exception as error:
            self.mailbox_failed(account.id, error)
            raise
        return mailbox

    # ------------------------------------------------------------- mailbox errors

    def mailbox_failed(self, account_id: int, error: BaseException | str) -> bool:
        """Record that an account's inbox cannot be read, unless it was told already.

        Recorded when the account was working, or failed otherwise before; returns whether
        an event was recorded. The text is the error's one line (ImapFailure never carries
        the password).
        """
        text = " ".join(str(error).split())[:ERROR_CHARS] or type(error).__name__
        with self._errors_guard:
            known = self._failing.get(account_id)
            if known == text:
                return False
            first_word = known is None and account_id not in self._working
            try:
                with self.sessions() as session:
                    if first_word and self._told_before(session, account_id, text):
                        self._failing[account_id] = text  # told by an earlier run, still true
                        return False
                    session.execute(
                        insert(events_table).values(
                            kind=MAILBOX_ERROR_EVENT,
                            occurred_at=self.clock.now(),
                            detail={"account_id": account_id, "error": text},
                        )
                    )
                    session.commit()
            except Exception:  # the inbox's own error is what the caller must see
                log.exception("could not record the mailbox error of account %s", account_id)
                return False
            self._failing[account_id] = text
            self._working.discard(account_id)
        log.warning("inbox of account %s cannot be read: %s", account_id, text)
        return True

    def _mailbox_worked(self, account_id: int) -> None:
        """The account's inbox was read: its next failure is news again."""
        with self._errors_guard:
            self._failing.pop(account_id, None)
            self._working.add(account_id)

    @staticmethod
    def _told_before(session: Session, account_id: int, text: str) -> bool:
        """Whether the account's latest mailbox error says `text` and it has not worked since."""
        latest = session.execute(
            select(events_table.c.occurred_at, events_table.c.detail)
            .where(
                events_table.c.campaign_id.is_(None),
                events_table.c.kind == MAILBOX_ERROR_EVENT,
                events_table.c.detail["account_id"].as_integer() == account_id,
            )
            .order_by(events_table.c.id.desc())
            .limit(1)
        ).first()
        if latest is None or (latest.detail or {}).get("error") != text:
            return False
        read_at = session.execute(
            select(func.max(inbox_folders.c.last_sync_at)).where(
                inbox_folders.c.account_id == account_id
            )
        ).scalar()
        return read_at is None or read_at <= latest.occurred_at

    def _sync_account(self, account: Account, mailbox: ImapMailbox | None) -> SyncReport:
        report = SyncReport()
        own = mailbox is None
        mailbox = mailbox or self.open_mailbox(account)
        try:
            if own:
                mailbox.connect()
            folders = ["INBOX"]
            junk = mailbox.folder_for("\\Junk")
            if junk and junk.upper() != "INBOX":
                folders.append(junk)
            for folder in folders:
                self._sync_folder(mailbox, account, folder, report)
        finally:
            if own:
                mailbox.close()
        if any(report.to_dict().values()):
            self.bus.publish(InboxSynced(account_id=account.id, **report.to_dict()))
        return report

    def last_sync(self, account_id: int) -> datetime | None:
        """When the account's INBOX was last read."""
        with self.sessions() as session:
            return session.execute(
                select(inbox_folders.c.last_sync_at).where(
                    inbox_folders.c.account_id == account_id, inbox_folders.c.folder == "INBOX"
                )
            ).scalar()

    def sync_if_stale(self, account: Account, max_age: timedelta = timedelta(minutes=1)) -> None:
        """Before a follow-up: read the inbox unless it was read within `max_age`."""
        if not account.imap_host:
            return
        last = self.last_sync(account.id)
        if last is not None and self.clock.now() - last < max_age:
            return
        try:
            self.sync_account(account)
        except ImapFailure as failure:
            # The follow-up may still go: an unreachable inbox must not stop sending,
            # but the reason is kept for the user.
            log.warning("reply check of account %s failed: %s", account.id, failure)

    # ------------------------------------------------------------------- one folder

    def _sync_folder(
        self, mailbox: ImapMailbox, account: Account, folder: str, report: SyncReport
    ) -> None:
        client = mailbox.client
        info = client.select_folder(folder, readonly=True)
        uidvalidity = int(info.get(b"UIDVALIDITY", 0))
        uidnext = int(info.get(b"UIDNEXT", 0) or 0)
        with self.sessions() as session:
            state = session.execute(
                select(inbox_folders.c.uidvalidity, inbox_folders.c.last_uid).where(
                    inbox_folders.c.account_id == account.id,
                    inbox_folders.c.folder == folder,
                )
            ).first()
            # Only a first sync (or a new UIDVALIDITY) needs the account's first send.
            resumes = state is not None and state.uidvalidity == uidvalidity
            first_send = None if resumes else self._first_send(session, account.id)
        if resumes:
            last_uid = state.last_uid
            uids = [uid for uid in client.search(["UID", f"{last_uid + 1}:*"]) if uid > last_uid]
        elif first_send is None:
            # Nothing sent yet from this account: nothing in it can be about us.
            uids, last_uid = [], max(uidnext - 1, 0)
        else:
            since = (first_send - timedelta(days=1)).date()
            uids, last_uid = sorted(client.search(["SINCE", since])), 0
        for start in range(0, len(uids), FETCH_CHUNK):
            chunk = uids[start : start + FETCH_CHUNK]
            self._process_chunk(client, account, chunk, report)
            last_uid = max(last_uid, max(chunk))
            self._save_state(account.id, folder, uidvalidity, last_uid)
        self._save_state(account.id, folder, uidvalidity, last_uid)

    @staticmethod
    def _first_send(session: Session, account_id: int) -> datetime | None:
        """When this account first sent a campaign email (None: never)."""
        return session.scalar(
            select(func.min(OutboxMessage.sent_at)).where(
                OutboxMessage.account_id == account_id, OutboxMessage.state == "sent"
            )
        )

    def _save_state(self, account_id: int, folder: str, uidvalidity: int, last_uid: int) -> None:
        now = self.clock.now()
        with self.sessions() as session:
            updated = session.execute(
                update(inbox_folders)
                .where(inbox_folders.c.account_id == account_id, inbox_folders.c.folder == folder)
                .values(uidvalidity=uidvalidity, last_uid=last_uid, last_sync_at=now)
            ).rowcount
            if not updated:
                session.execute(
                    insert(inbox_folders).values(
                        account_id=account_id,
                        folder=folder,
                        uidvalidity=uidvalidity,
                        last_uid=last_uid,
                        last_sync_at=now,
                    )
                )
            session.commit()

    def _process_chunk(self, client, account: Account, uids: list[int], report: SyncReport):
        fetched = client.fetch(uids, [HEADER_FIELDS, b"RFC822.SIZE"])
        headers_of: dict[int, HeaderFields] = {}
        for uid, data in fetched.items():
            raw = next((v for k, v in data.items() if k.startswith(b"BODY[HEADER")), b"")
            headers_of[uid] = header_fields(raw or b"")
        senders = {uid: from_address(headers.get("From")) for uid, headers in headers_of.items()}
        with self.sessions() as session:
            ours = self._our_message_ids(session, headers_of.values())
            contacts = self._contacts_in_campaigns(session, set(senders.values()))
        wanted = [
            uid
            for uid, headers in headers_of.items()
            if worth_reading(headers, senders[uid], ours, contacts)
            and int(fetched[uid].get(b"RFC822.SIZE", 0) or 0) <= MAX_BODY_BYTES
        ]
        skipped = len(headers_of) - len(wanted)
        report.ignored += skipped
        if skipped:
            log.info("account %s: %d message(s) skipped (not about a campaign, or too big)",
                     account.id, skipped)  # fmt: skip
        if not wanted:
            return
        bodies = client.fetch(wanted, [b"BODY.PEEK[]"])
        published: list[InboundMail] = []
        with self.sessions() as session:
            for uid in wanted:
                raw = bodies.get(uid, {}).get(b"BODY[]", b"")
                try:
                    # A savepoint per message: one strange message is skipped alone.
                    with session.begin_nested():
                        outcome = self._handle(session, account, raw, report)
                except Exception:  # one strange message must never stop the watcher
                    log.exception("message %s of account %s unreadable; skipped", uid, account.id)
                    report.ignored += 1
                    continue
                if outcome is not None:
                    published.append(outcome)
            session.commit()
        for inbound in published:
            self.bus.publish(inbound)

    @staticmethod
    def _our_message_ids(session: Session, headers: Iterable[HeaderFields]) -> set[str]:
        candidates: set[str] = set()
        for message in headers:
            candidates.update(header_ids(str(message.get("In-Reply-To", ""))))
            candidates.update(header_ids(str(message.get("References", ""))))
        if not candidates:
            return set()
        found: set[str] = set()
        listed = sorted(candidates)
        for start in range(0, len(listed), 500):
            found.update(
                session.scalars(
                    select(OutboxMessage.message_id).where(
                        OutboxMessage.message_id.in_(listed[start : start + 500])
                    )
                )
            )
        return found

    @staticmethod
    def _contacts_in_campaigns(session: Session, addresses: set[str]) -> set[str]:
        senders = sorted(addresses - {""})
        found: set[str] = set()
        for start in range(0, len(senders), 500):
            found.update(
                session.scalars(
                    select(Contact.email)
                    .join(Enrollment, Enrollment.contact_id == Contact.id)
                    .where(Contact.email.in_(senders[start : start + 500]))
                )
            )
        return found

    # ------------------------------------------------------------- one message

    def _handle(
        self, session: Session, account: Account, raw: bytes, report: SyncReport
    ) -> InboundMail | None:
        """Classify one message and apply it; returns the event to publish when it acted."""
        now = self.clock.now()
        message = parse_bytes(raw)
        inbound_id = (header_ids(str(message.get("Message-ID", ""))) or [None])[0]
        already = (
            inbound_id
            and session.execute(
                select(events_table.c.id).where(events_table.c.message_id == inbound_id).limit(1)
            ).first()
        )
        if already:
            report.ignored += 1  # handled before (a resync after UIDVALIDITY changed)
            return None
        verdict = classify(message, now=now)  # only for mail not acted on before
        sender = from_address(str(message.get("From", "")))
        subject = " ".join(str(message.get("Subject", "")).split())[:300]
        targets = self._match(session, account, message, verdict)
        if not targets and verdict.kind in OPT_OUTS:
            # An opt-out holds whatever became of the contact: finished sequences, a
            # deleted contact. The address is suppressed for the whole workspace.
            addresses = opt_out_without_enrollment(
                session, now, verdict, sender, subject, inbound_id
            )
            report.unsubscribes += 1
            return Unsubscribed(
                account_id=account.id,
                inbound_message_id=inbound_id,
                enrollment_ids=(),
                campaign_ids=(),
                addresses=tuple(addresses),
            )
        if not targets:
            log.info("account %s: %s %s from %s matches no contact; skipped", account.id,
                     verdict.kind, inbound_id, sender)  # fmt: skip
            report.ignored += 1
            return None
        counted = apply_verdict(session, now, verdict, targets, sender, subject, inbound_id)
        setattr(report, counted, getattr(report, counted) + 1)
        return INBOUND_EVENTS[counted](
            account_id=account.id,
            inbound_message_id=inbound_id,
            enrollment_ids=tuple(enrollment.id for enrollment in targets),
            campaign_ids=tuple(sorted({enrollment.campaign_id for enrollment in targets})),
            addresses=tuple(sorted({enrollment.contact.email for enrollment in targets})),
        )

    def _match(
        self, session: Session, account: Account, message: Message, verdict: Classification
    ) -> list[Enrollment]:
        """The enrollments this message is about, most specific evidence first."""
        if verdict.kind == "unsubscribe" and verdict.unsubscribe_token:
            enrollment_id = read_token(self.unsubscribe_secret, verdict.unsubscribe_token)
            if enrollment_id is not None:
                enrollment = session.get(Enrollment, enrollment_id)
                if enrollment is not None:
                    return [enrollment]
        referenced = list(verdict.original_message_ids)
        referenced += header_ids(str(message.get("In-Reply-To", "")))
        referenced += header_ids(str(message.get("References", "")))
        if referenced:
            enrollments = list(
                session.scalars(
                    select(Enrollment)
                    .join(OutboxMessage, OutboxMessage.enrollment_id == Enrollment.id)
                    .where(OutboxMessage.message_id.in_(referenced))
                    .distinct()
                )
            )
            if enrollments:
                return enrollments
        addresses = list(verdict.failed_recipients)
        if not addresses and verdict.kind not in ("bounce", "feedback"):
            addresses = [from_address(str(message.get("From", "")))]
        if not addresses:
            return []
        if verdict.kind in OPT_OUTS:
            # An opt-out concerns every enrollment of the address, finished ones too.
            return list(
                session.scalars(
                    select(Enrollment)
                    .join(Contact, Contact.id == Enrollment.contact_id)
                    .where(Contact.email.in_([a.lower() for a in addresses]))
                )
            )
        # Replies whose client dropped the threading headers still match by address:
        # the contact's active enrollments in campaigns sent from this account.
        return list(
            session.scalars(
                select(Enrollment)
                .join(Contact, Contact.id == Enrollment.contact_id)
                .join(Campaign, Campaign.id == Enrollment.campaign_id)
                .where(
                    Contact.email.in_([a.lower() for a in addresses]),
                    Enrollment.state.in_(ACTIVE_STATE_VALUES),
                    Campaign.account_id == account.id,
                )
            )
        )
