"""The sequence runner: one tick moves every due contact through its campaign's graph.

Guarantees:
- the cost of a tick follows the number of due enrollments (indexed query on
  `next_action_at`), never the size of the workspace;
- a message is committed as `sending` before the SMTP exchange and as `sent` (with
  the contact moved on) after it, so a crash leaves at most the one message in
  flight to reconcile, never a silent duplicate or loss;
- a contact blocked by the window, a cap or pacing waits (its `next_action_at`
  moves); nothing is dropped;
- one contact's failure (a template, a refused address) never stops the others.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import bindparam, case, exists, insert, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, joinedload, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from ..domain.clock import Clock
from ..domain.conditions import evaluate
from ..domain.errors import FluenzrError, TemplateError
from ..domain.schedule import SendingWindow, delay_delta, pick_gap, zone
from ..domain.states import (
    CampaignStatus,
    EnrollmentState,
    campaign_transition,
    enrollment_transition,
)
from ..domain.workflow import Node, Workflow, parse_document
from ..mail.message import message_bytes, new_message_id
from ..mail.smtp import SmtpFailure
from ..store.models import Account, Campaign, Contact, Enrollment, Event, OutboxMessage
from ..store.schema import enrollments as enrollments_table
from ..store.schema import events as events_table
from ..store.schema import outbox_messages as outbox_table
from ..store.settings import get_setting
from ..store.suppressions import suppress, suppression_reasons
from .bus import EventBus
from .compose import compose
from .limits import CapCounter, check_caps
from .sent_proof import proof_ids, provider_files_copies

log = logging.getLogger(__name__)

ACTIVE_STATES = (EnrollmentState.ADDED.value, EnrollmentState.IN_PROGRESS.value)
MAX_ATTEMPTS = 8
BACKOFF_START = timedelta(minutes=1)
BACKOFF_MAX = timedelta(hours=2)
# A graph step that does not wait (start, condition) may loop only through a delay;
# this bound protects a tick from a document that slipped past validation.
MAX_STEPS_PER_VISIT = 200
# This many messages of one account refused in a row at DATA: the sender is the problem.
REJECTION_STREAK = 3
# Visits that sent nothing are committed in groups (each send commits before SMTP).
COMMIT_EVERY = 100
# A message `sending` for longer than this was interrupted (its sender died or failed),
# not in flight: it is reconciled instead of waited for.
IN_FLIGHT_TIMEOUT = timedelta(minutes=10)
INTERRUPTED_REASON = (
    "held: the sending of this email was interrupted after it may have reached the server, "
    "and the Sent folder could not tell; look in your Sent folder, then run "
    "`fluenzr outbox resolve MESSAGE_ID --sent` or `--resend`"
)


class Transport(Protocol):
    """What the runner needs of an SMTP connection (mail.smtp.SmtpTransport)."""

    def send(self, message: Any, sender: str, recipient: str) -> str: ...

    def close(self) -> None: ...


# Gets the transport of an account (password from the secret store), or raises
# SmtpFailure(kind="auth") when it cannot be built.
TransportProvider = Callable[[Account], Transport]
# Optional hook (issue: inbox watcher) run before a follow-up: syncs the account's
# inbox when its last sync is old, so a contact who just replied gets nothing more.
ReplyCheck = Callable[[Account], None]
# Optional hook: a copy of each sent message into the account's Sent folder.
SentCopy = Callable[[Account, bytes], None]
# Optional hook: which of these Message-IDs are in the account's Sent folder.
SentLookup = Callable[[Account, list[str]], set[str]]


# Why a contact waits, as reported: each `_wait` reason maps to one of these causes.
WAIT_CAUSES = ("delay", "window", "cap", "pacing", "retry", "held")


@dataclass
class TickReport:
    """What one tick (or one `engine run --once`) did.

    `waiting` holds, per enrollment, the cause of its last wait in the tick (one of
    WAIT_CAUSES); `paused` the campaigns the tick paused, with the reason.
    """

    sent: int = 0
    failed: int = 0
    completed: int = 0
    waiting: dict[int, str] = field(default_factory=dict)
    paused: list[dict[str, Any]] = field(default_factory=list)

    def wait(self, enrollment_id: int, cause: str) -> None:
        self.waiting[enrollment_id] = cause

    def to_dict(self) -> dict[str, Any]:
        by_cause = dict.fromkeys(WAIT_CAUSES, 0)
        for cause in self.waiting.values():
            by_cause[cause] = by_cause.get(cause, 0) + 1
        return {
            "sent": self.sent,
            "failed": self.failed,
            "waiting": len(self.waiting),
            "waiting_by": by_cause,
            "completed": self.completed,
            "paused": list(self.paused),
        }

    def add(self, other: TickReport) -> None:
        self.sent += other.sent
        self.failed += other.failed
        self.completed += other.completed
        self.waiting.update(other.waiting)
        self.paused += other.paused


# Statements of the hot path, built once (building them costs more than running them).
_INSERT_EVENT = insert(events_table)
_PENDING_OUTBOX = select(outbox_table.c.id, outbox_table.c.state, outbox_table.c.sent_at).where(
    outbox_table.c.enrollment_id == bindparam("enrollment_id"),
    outbox_table.c.node_id == bindparam("node_id"),
    outbox_table.c.state.in_(("queued", "sending")),
)


def _move_to(enrollment: Enrollment, target: EnrollmentState) -> None:
    """Change an enrollment's state through the domain's state machine (illegal → error)."""
    enrollment.state = enrollment_transition(enrollment.state, target).value


class _Stop(Exception):
    """The visit of one enrollment ends here (it waits, failed or finished)."""


class Runner:
    """Advances due enrollments; the scheduler, the CLI and the forecast all call `tick`."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        transports: TransportProvider,
        *,
        unsubscribe_secret: bytes,
        bus: EventBus | None = None,
        rng: random.Random | None = None,
        batch_size: int = 200,
        reply_check: ReplyCheck | None = None,
        sent_copy: SentCopy | None = None,
        sent_lookup: SentLookup | None = None,
    ) -> None:
        self.sessions = sessions
        self.clock = clock
        self.transports = transports
        self.unsubscribe_secret = unsubscribe_secret
        self.bus = bus or EventBus()
        self.rng = rng or random.Random()
        self.batch_size = batch_size
        self.reply_check = reply_check
        self.sent_copy = sent_copy
        self.sent_lookup = sent_lookup
        self.stop_requested = threading.Event()
        self._workflows: dict[tuple[int, int], Workflow] = {}
        self._settings: dict[tuple[int, int], dict[str, Any]] = {}
        self._windows: dict[tuple[int, int, str | None], SendingWindow] = {}
        self._plan_cap = 50
        self._pacing_slots: dict[int, datetime] = {}
        self._accounts: dict[int, Account | None] = {}
        self._uncommitted = 0
        self._rejections: dict[int, list[tuple[int, int]]] = {}
        self._suppressed: dict[str, str] = {}

    # ------------------------------------------------------------------ the tick

    def tick(self) -> TickReport:
        """Process every enrollment due now, in batches; returns what happened."""
        report = TickReport()
        now = self.clock.now()
        with self.sessions() as session:
            counter = CapCounter(session)
            self._pacing_slots: dict[int, datetime] = {}
            self._accounts: dict[int, Account | None] = {}
            self._plan_cap = int(get_setting(session, "plan_daily_cap"))
            seen: set[int] = set()
            while not self.stop_requested.is_set():
                due = [i for i in self._due_ids(session, now) if i not in seen]
                if not due:
                    break
                seen.update(due)
                # One query loads the batch with its contacts; campaigns are few and
                # stay in the session's identity map.
                # The session's identity map holds objects weakly: keep the batch alive.
                batch = list(
                    session.scalars(
                        select(Enrollment)
                        .where(Enrollment.id.in_(due))
                        .options(joinedload(Enrollment.contact), joinedload(Enrollment.campaign))
                    )
                )
                # The suppression list, for this batch's addresses, in one query.
                self._suppressed = suppression_reasons(
                    session, {enrollment.contact.email for enrollment in batch}
                )
                for enrollment_id in due:
                    if self.stop_requested.is_set():
                        break
                    self._visit(session, counter, enrollment_id, report)
                session.commit()
                self._uncommitted = 0
                del batch
            self._complete_campaigns(session)
        return report

    def _due_ids(self, session: Session, now: datetime) -> list[int]:
        # Follow-ups (contacts already in a thread) first: when the cap is tight, a
        # conversation in progress matters more than a new one.
        first_email = case((Enrollment.thread_message_id.is_(None), 1), else_=0)
        statement = (
            select(Enrollment.id)
            .join(Campaign, Campaign.id == Enrollment.campaign_id)
            .where(
                Enrollment.next_action_at <= now,
                Enrollment.state.in_(ACTIVE_STATES),
                Campaign.status == CampaignStatus.ACTIVE.value,
            )
            .order_by(first_email, Enrollment.next_action_at, Enrollment.id)
            .limit(self.batch_size)
        )
        return list(session.scalars(statement))

    def workflow_for(self, campaign: Campaign) -> Workflow:
        """The loaded document of a campaign, cached per revision."""
        key = (campaign.id, campaign.document_revision)
        if key not in self._workflows:
            self._workflows[key] = parse_document(campaign.document)
        return self._workflows[key]

    # ------------------------------------------------------------ one enrollment

    def _visit(
        self, session: Session, counter: CapCounter, enrollment_id: int, report: TickReport
    ) -> None:
        enrollment = session.get(Enrollment, enrollment_id)
        if enrollment is None:
            return
        campaign = enrollment.campaign
        if campaign.status != CampaignStatus.ACTIVE.value or enrollment.state not in ACTIVE_STATES:
            return  # paused (e.g. by a refusal earlier in this batch) or finished meanwhile
        try:
            self._advance(session, counter, enrollment, campaign, report)
        except _Stop:
            # Not committed here: the next `sending` commit (before any network
            # exchange) or the end of the batch carries it. Losing it in a crash only
            # repeats pure computation; a message it recorded as sent is reconciled.
            self._uncommitted += 1
            if self._uncommitted >= COMMIT_EVERY:
                session.commit()
                self._uncommitted = 0
        except OperationalError as error:  # the database is busy or gone for a moment
            session.rollback()
            log.warning("enrollment %s: database error, retried later: %s", enrollment_id, error)
            enrollment = session.get(Enrollment, enrollment_id)
            if enrollment is not None:
                enrollment.next_action_at = self.clock.now() + timedelta(minutes=1)
                report.wait(enrollment_id, "retry")
                session.commit()
        except FluenzrError as error:  # the sequence cannot go on for this contact: say why
            session.rollback()
            enrollment = session.get(Enrollment, enrollment_id)
            if enrollment is not None and enrollment.state in ACTIVE_STATES:
                try:
                    self._fail(session, enrollment, str(error)[:500], report)
                except _Stop:
                    session.commit()
        except Exception as error:  # a bug with one contact must not stop the campaign
            # Rolled back to the last commit, which holds every email the server accepted
            # (`record_sent` commits at once): nothing sent is ever undone or sent again.
            session.rollback()
            log.exception("enrollment %s failed", enrollment_id)
            enrollment = session.get(Enrollment, enrollment_id)
            if enrollment is not None and enrollment.state in ACTIVE_STATES:
                try:
                    self._fail(
                        session,
                        enrollment,
                        f"internal error: {type(error).__name__}: {error}"[:500],
                        report,
                    )
                except _Stop:
                    session.commit()

    def _advance(
        self,
        session: Session,
        counter: CapCounter,
        enrollment: Enrollment,
        campaign: Campaign,
        report: TickReport,
    ) -> None:
        workflow = self.workflow_for(campaign)
        if enrollment.state == EnrollmentState.ADDED.value:
            start = workflow.start_node()
            if start is None:
                self._fail(session, enrollment, "the sequence has no start", report)
            _move_to(enrollment, EnrollmentState.IN_PROGRESS)
            enrollment.current_node = start.id
            self.bus.publish("started", enrollment=enrollment.id, campaign=campaign.id)
        for _ in range(MAX_STEPS_PER_VISIT):
            node = workflow.node(enrollment.current_node or "")
            if node is None:
                self._fail(
                    session, enrollment, f"node {enrollment.current_node} no longer exists", report
                )
            if node.type == "start":
                self._move(enrollment, workflow, node)
            elif node.type == "delay":
                self._delay(enrollment, workflow, node, campaign, report)
            elif node.type == "condition":
                self._condition(session, enrollment, workflow, node)
            elif node.type == "email":
                self._email(session, counter, enrollment, workflow, node, campaign, report)
            elif node.type == "end":
                _move_to(enrollment, EnrollmentState.COMPLETED)
                enrollment.next_action_at = None
                enrollment.waiting_until = None
                report.completed += 1
                self._event(session, "completed", enrollment, node.id)
                self.bus.publish("completed", enrollment=enrollment.id, campaign=campaign.id)
                raise _Stop
            else:
                self._fail(session, enrollment, f"node {node.id}: unknown type {node.type}", report)
        self._fail(session, enrollment, "the sequence loops without waiting", report)

    def _move(
        self, enrollment: Enrollment, workflow: Workflow, node: Node, port: str | None = None
    ) -> None:
        following = workflow.next_node_id(node.id, port)
        if following is None:
            raise FluenzrError(f"node {node.id} leads nowhere")
        enrollment.current_node = following

    def _event(
        self,
        session: Session,
        kind: str,
        enrollment: Enrollment,
        node_id: str | None,
        *,
        message_id: str | None = None,
        detail: dict[str, Any] | None = None,
        at: datetime | None = None,
    ) -> None:
        """Record an event (a Core insert: the ORM's unit of work is the engine's hot spot).

        Through the session's connection, so no autoflush runs; the row lands in the
        same transaction and is committed with the change it describes.
        """
        session.connection().execute(
            _INSERT_EVENT,
            {
                "kind": kind,
                "campaign_id": enrollment.campaign_id,
                "enrollment_id": enrollment.id,
                "contact_id": enrollment.contact_id,
                "node_id": node_id,
                "message_id": message_id,
                "occurred_at": at or self.clock.now(),
                "detail": detail or {},
            },
        )

    def _wait(self, enrollment: Enrollment, until: datetime, report: TickReport, why: str) -> None:
        """Wait until `until`; `why` is one of WAIT_CAUSES."""
        enrollment.next_action_at = until
        report.wait(enrollment.id, why)
        self.bus.publish("waiting", enrollment=enrollment.id, until=until, reason=why)
        raise _Stop

    def _fail(
        self, session: Session, enrollment: Enrollment, reason: str, report: TickReport
    ) -> None:
        _move_to(enrollment, EnrollmentState.ERROR)
        enrollment.last_error = reason
        enrollment.next_action_at = None
        self._event(
            session, "error", enrollment, enrollment.current_node, detail={"reason": reason}
        )
        report.failed += 1
        self.bus.publish(
            "failed",
            enrollment=enrollment.id,
            campaign=enrollment.campaign_id,
            to=enrollment.contact.email,
            node=enrollment.current_node,
            reason=reason,
        )
        raise _Stop

    def _account(self, session: Session, account_id: int | None) -> Account | None:
        """The account, kept for the whole tick (the identity map alone would drop it)."""
        if account_id is None:
            return None
        if account_id not in self._accounts:
            self._accounts[account_id] = session.get(Account, account_id)
        return self._accounts[account_id]

    def settings_for(self, campaign: Campaign) -> dict[str, Any]:
        """The campaign's settings with defaults filled in, cached per revision."""
        key = (campaign.id, campaign.document_revision)
        if key not in self._settings:
            self._settings[key] = self.workflow_for(campaign).effective_settings()
        return self._settings[key]

    def _window(self, campaign: Campaign, contact: Contact) -> SendingWindow:
        key = (campaign.id, campaign.document_revision, contact.timezone or None)
        if key not in self._windows:
            self._windows[key] = SendingWindow.from_settings(
                self.settings_for(campaign), contact.timezone or None
            )
        return self._windows[key]

    def _delay(
        self,
        enrollment: Enrollment,
        workflow: Workflow,
        node: Node,
        campaign: Campaign,
        report: TickReport,
    ) -> None:
        now = self.clock.now()
        if enrollment.waiting_until is None:
            release = now + delay_delta(node.props.get("amount", 0), node.props.get("unit", ""))
            release = self._window(campaign, enrollment.contact).next_open(release)
            enrollment.waiting_until = release
            self._wait(enrollment, release, report, "delay")
        if now < enrollment.waiting_until:
            self._wait(enrollment, enrollment.waiting_until, report, "delay")
        enrollment.waiting_until = None
        self._move(enrollment, workflow, node)

    def _condition(
        self, session: Session, enrollment: Enrollment, workflow: Workflow, node: Node
    ) -> None:
        contact = enrollment.contact
        values = {
            "email": contact.email,
            "first_name": contact.first_name,
            "last_name": contact.last_name,
            "company": contact.company,
            "title": contact.title,
            "phone": contact.phone,
            "timezone": contact.timezone,
            "custom_fields": contact.custom_fields or {},
        }
        happened = {
            (kind, node_id or "")
            for kind, node_id in session.execute(
                select(Event.kind, Event.node_id).where(
                    Event.enrollment_id == enrollment.id,
                    Event.kind.in_(("opened", "clicked", "replied")),
                )
            )
        }
        branch = "yes" if evaluate(node.props.get("condition") or {}, values, happened) else "no"
        self._move(enrollment, workflow, node, branch)

    # ------------------------------------------------------------------- sending

    def _email(
        self,
        session: Session,
        counter: CapCounter,
        enrollment: Enrollment,
        workflow: Workflow,
        node: Node,
        campaign: Campaign,
        report: TickReport,
    ) -> None:
        now = self.clock.now()
        contact = enrollment.contact
        settings = self.settings_for(campaign)
        account = self._account(session, campaign.account_id)
        if account is None:
            self._pause(session, campaign, "no sending account is set for this campaign", report)
            raise _Stop
        window = self._window(campaign, contact)
        if not window.contains(now):
            self._wait(enrollment, window.next_open(now), report, "window")
        if account.next_send_at is not None and account.next_send_at > now:
            # Queue behind the account's next free slot, one minimum gap apart, so a
            # backlog drains at the normal pace and each tick touches few rows.
            slot = self._pacing_slots.get(account.id, account.next_send_at)
            minimum_gap = timedelta(seconds=max(float((settings.get("gap_seconds") or [1])[0]), 1))
            self._pacing_slots[account.id] = slot + minimum_gap
            self._wait(enrollment, window.next_open(slot), report, "pacing")
        campaign_zone = zone(settings.get("timezone"))
        caps = check_caps(
            counter,
            now,
            plan_cap=self._plan_cap,
            account_id=account.id,
            account_cap=account.daily_cap,
            account_zone=zone(account.timezone, campaign_zone.key),
            campaign_id=campaign.id,
            campaign_cap=settings.get("daily_cap"),
            campaign_zone=campaign_zone,
        )
        if not caps.allowed:
            enrollment.last_error = None
            self._wait(enrollment, window.next_open(caps.until), report, "cap")
        if enrollment.thread_message_id and self.reply_check is not None:
            # The inbox sync writes through its own sessions: release our write lock first.
            session.commit()
            self._uncommitted = 0
            self.reply_check(account)
            session.refresh(enrollment)
            if enrollment.state not in ACTIVE_STATES:
                raise _Stop
            # The inbox may have just suppressed this address (an unsubscribe).
            self._suppressed.update(suppression_reasons(session, {contact.email}))
        suppressed = self._suppression_of(contact.email)
        if suppressed is not None:
            # Unsubscribed or bounced elsewhere since this contact was enrolled.
            _move_to(enrollment, EnrollmentState.UNSUBSCRIBED)
            enrollment.next_action_at = None
            enrollment.last_error = f"on the suppression list: {suppressed}"
            self._event(session, "skipped", enrollment, node.id, detail={"reason": suppressed})
            raise _Stop

        # A message queued earlier (a retry) keeps its Message-ID; look it up without
        # an autoflush, since nothing pending can change the answer. One still `sending`
        # may have reached the server: it is never sent again blindly.
        pending = {
            state: (row_id, since)
            for row_id, state, since in session.connection().execute(
                _PENDING_OUTBOX, {"enrollment_id": enrollment.id, "node_id": node.id}
            )
        }
        if "sending" in pending:
            row_id, since = pending["sending"]
            if since is not None and now - since < IN_FLIGHT_TIMEOUT:
                # Another engine is sending it right now: never a second copy.
                self._wait(enrollment, since + IN_FLIGHT_TIMEOUT, report, "held")
            pending["queued"] = (self._interrupted(session, enrollment, row_id, report), None)
        queued_id = pending.get("queued", (None, None))[0]
        outbox = session.get(OutboxMessage, queued_id) if queued_id is not None else None
        if outbox is not None and outbox.next_attempt_at and outbox.next_attempt_at > now:
            self._wait(enrollment, outbox.next_attempt_at, report, "retry")
        history = self._thread_history(session, enrollment) if enrollment.thread_message_id else []
        message_id = outbox.message_id if outbox is not None else new_message_id(account.email)
        try:
            composed = compose(
                node=node,
                contact=contact,
                account=account,
                enrollment_id=enrollment.id,
                message_id=message_id,
                previous_subject=history[-1][1] if history else None,
                references=[mid for mid, _subject in history],
                unsubscribe_secret=self.unsubscribe_secret,
                date=now,
            )
        except (TemplateError, FluenzrError) as error:
            if outbox is not None:
                outbox.state = "failed"
                outbox.last_error = str(error)
            self._fail(session, enrollment, str(error), report)
        if outbox is None:
            outbox = OutboxMessage(
                enrollment_id=enrollment.id,
                campaign_id=campaign.id,
                account_id=account.id,
                node_id=node.id,
                message_id=message_id,
                to_address=contact.email,
                subject=composed.subject,
                attempts=0,
                created_at=now,
            )
            session.add(outbox)
        outbox.state = "sending"
        outbox.subject = composed.subject
        outbox.attempts += 1
        outbox.sent_at = now  # counts against today's caps while in flight
        if not self._claim(session, enrollment, node.id):
            # Another engine took this contact since we read it: it sends, we don't.
            session.rollback()
            self._uncommitted = 0
            raise _Stop
        session.commit()  # durable before any byte goes to the server
        self._uncommitted = 0

        try:
            transport = self.transports(account)
            answer = transport.send(composed.message, account.email, contact.email)
        except SmtpFailure as failure:
            self._smtp_failed(session, enrollment, campaign, account, outbox, failure, report)
        sent_at = self.clock.now()
        # The server accepted it: that fact (sent, its event, the thread, the next step)
        # is committed on its own, at once, before anything else runs. Whatever fails
        # later in this visit rolls back to here and never undoes the send; a crash
        # before this commit leaves a `sending` row that is never sent again blindly.
        self.record_sent(session, enrollment, outbox, node, workflow, sent_at, answer)
        gap = pick_gap(settings.get("gap_seconds") or [0, 0], self.rng)
        if gap or account.next_send_at is not None:
            account.next_send_at = sent_at + gap
        session.commit()
        self._uncommitted = 0
        self._rejections.pop(account.id, None)
        counter.bump(list(caps.scopes))
        report.sent += 1
        self.bus.publish(
            "sent",
            enrollment=enrollment.id,
            campaign=campaign.id,
            node=node.id,
            to=contact.email,
            message_id=outbox.message_id,
        )
        if enrollment.state == EnrollmentState.ERROR.value:
            raise _Stop  # sent, but the sequence cannot go on (recorded with the send)
        if self.sent_copy is not None and (account.options or {}).get("append_to_sent"):
            try:
                self.sent_copy(account, message_bytes(composed.message))
            except Exception as error:  # the email is sent; a missing copy is only logged
                log.warning("copy to Sent failed for %s: %s", outbox.message_id, error)

    def record_sent(
        self,
        session: Session,
        enrollment: Enrollment,
        outbox: OutboxMessage,
        node: Node,
        workflow: Workflow,
        sent_at: datetime,
        answer: str,
    ) -> None:
        """Mark a message sent, remember the thread and point the contact at the next step.

        Never raises for a sequence that leads nowhere: the send is a fact and is
        recorded; the contact goes to Error with the reason instead of moving on. Also
        used by crash reconciliation, for a message found in the Sent folder.
        """
        outbox.state = "sent"
        outbox.sent_at = sent_at
        outbox.last_error = None
        outbox.next_attempt_at = None
        enrollment.thread_message_id = enrollment.thread_message_id or outbox.message_id
        enrollment.last_message_id = outbox.message_id
        enrollment.last_error = None
        self._event(
            session,
            "sent",
            enrollment,
            node.id,
            message_id=outbox.message_id,
            detail={"subject": outbox.subject, "answer": answer[:500]},
            at=sent_at,
        )
        following = workflow.next_node_id(node.id)
        if following is not None:
            enrollment.current_node = following
            return
        reason = f"node {node.id} leads nowhere: the sequence stopped after this email"
        _move_to(enrollment, EnrollmentState.ERROR)
        enrollment.last_error = reason
        enrollment.next_action_at = None
        self._event(session, "error", enrollment, node.id, detail={"reason": reason}, at=sent_at)

    def _claim(self, session: Session, enrollment: Enrollment, node_id: str) -> bool:
        """Take this contact for one send: one conditional UPDATE on the version it read.

        Of two engines that read the same contact, the first UPDATE wins and the other
        matches no row (SQLite serialises writers; a server database locks the row), so
        only one of them sends. It also fails if the contact moved on or stopped
        (a reply) since it was read.
        """
        seen = enrollment.version
        claimed = session.execute(
            update(enrollments_table)
            .where(
                enrollments_table.c.id == enrollment.id,
                enrollments_table.c.version == seen,
                enrollments_table.c.current_node == node_id,
                enrollments_table.c.state.in_(ACTIVE_STATES),
            )
            .values(version=seen + 1)
        ).rowcount
        if claimed != 1:
            log.info("enrollment %s was claimed by another engine; skipped", enrollment.id)
            return False
        set_committed_value(enrollment, "version", seen + 1)
        return True

    def _interrupted(
        self, session: Session, enrollment: Enrollment, outbox_id: int, report: TickReport
    ) -> int:
        """A message of this step is still `sending`: its sending was cut after it may have left.

        The Sent folder decides: found, it is recorded as sent; absent where the provider
        is seen to file every send, it is queued again under the same Message-ID (the id
        is returned); otherwise it is held for the user. It is never sent again blindly.
        """
        outbox = session.get(OutboxMessage, outbox_id)
        account = self._account(session, outbox.account_id)
        found = self._look_in_sent(account, outbox.message_id) if account is not None else None
        if found:
            workflow = self.workflow_for(enrollment.campaign)
            node = workflow.node(outbox.node_id)
            sent_at = outbox.sent_at or self.clock.now()
            self.record_sent(session, enrollment, outbox, node, workflow, sent_at, "found in Sent")
            session.commit()
            self._uncommitted = 0
            raise _Stop
        if found is False:
            outbox.state = "queued"
            outbox.sent_at = None
            outbox.last_error = "not in the Sent folder after an interrupted sending: sent again"
            return outbox.id
        outbox.state = "held"
        outbox.last_error = INTERRUPTED_REASON
        enrollment.next_action_at = None
        enrollment.last_error = INTERRUPTED_REASON
        self._event(session, "held", enrollment, outbox.node_id, message_id=outbox.message_id)
        report.wait(enrollment.id, "held")
        self.bus.publish("held", message_ids=[outbox.message_id])
        raise _Stop

    def _thread_history(self, session: Session, enrollment: Enrollment) -> list[tuple[str, str]]:
        """(Message-ID, subject) of this contact's sent emails in this campaign, oldest first."""
        rows = session.connection().execute(
            select(outbox_table.c.message_id, outbox_table.c.subject)
            .where(
                outbox_table.c.enrollment_id == enrollment.id,
                outbox_table.c.state == "sent",
            )
            .order_by(outbox_table.c.sent_at, outbox_table.c.id)
        )
        return [(message_id, subject) for message_id, subject in rows]

    def _smtp_failed(
        self,
        session: Session,
        enrollment: Enrollment,
        campaign: Campaign,
        account: Account,
        outbox: OutboxMessage,
        failure: SmtpFailure,
        report: TickReport,
    ) -> None:
        now = self.clock.now()
        reason = str(failure)
        outbox.last_error = reason
        if failure.maybe_sent:
            # The connection died after the whole message went out: it may be queued at
            # the server. Ask the Sent folder rather than risk a duplicate.
            found = self._look_in_sent(account, outbox.message_id)
            if found is None:
                outbox.state = "held"
                enrollment.next_action_at = None
                enrollment.last_error = f"held: the server may have accepted it ({reason})"
                report.wait(enrollment.id, "held")
                self.bus.publish("held", message_ids=[outbox.message_id])
                raise _Stop
            if found:
                workflow = self.workflow_for(campaign)
                node = workflow.node(outbox.node_id)
                self.record_sent(session, enrollment, outbox, node, workflow, now, "found in Sent")
                report.sent += 1
                raise _Stop
        if failure.kind in ("temporary", "connection"):
            if outbox.attempts >= MAX_ATTEMPTS:
                outbox.state = "failed"
                outbox.sent_at = None
                self._fail(
                    session, enrollment, f"gave up after {outbox.attempts} tries: {reason}", report
                )
            backoff = min(BACKOFF_START * (2 ** (outbox.attempts - 1)), BACKOFF_MAX)
            outbox.state = "queued"
            outbox.sent_at = None
            outbox.next_attempt_at = now + backoff
            enrollment.last_error = f"will retry: {reason}"
            self._wait(enrollment, outbox.next_attempt_at, report, "retry")
        if failure.kind in ("auth", "sender"):
            # Nothing was sent and nothing is lost: the message waits, queued, for resume.
            outbox.state = "queued"
            outbox.sent_at = None
            outbox.next_attempt_at = None
            enrollment.last_error = reason
            label = "authentication" if failure.kind == "auth" else "sender address"
            self._pause_account(session, account, f"SMTP {label} refused: {reason}", report)
            raise _Stop
        if failure.kind == "rejected":
            streak = self._rejections.setdefault(account.id, [])
            streak.append((enrollment.id, outbox.id))
            if len(streak) >= REJECTION_STREAK:
                # The server refuses every message, whoever the recipient: the sender or
                # the content is the problem, not the contacts. Pause, and give back their
                # place to the contacts that failed this way.
                self._give_back(session, streak)
                self._rejections.pop(account.id, None)
                label = f"the server refused the last {REJECTION_STREAK} messages: {reason}"
                self._pause_account(session, account, label, report)
                raise _Stop
        outbox.state = "failed"
        outbox.sent_at = None
        if failure.kind == "recipient" and failure.hard:
            self._suppress(session, enrollment.contact.email, f"hard bounce at send: {reason}")
        self._fail(session, enrollment, reason, report)

    def _look_in_sent(self, account: Account, message_id: str) -> bool | None:
        """Whether a message is in the account's Sent folder; None when that cannot be told.

        Only a provider that files sent mail itself answers "no" with authority; where
        we append the copies ourselves, a missing copy proves nothing.
        """
        if self.sent_lookup is None or not account.imap_host:
            return None
        try:
            with self.sessions() as session:
                proofs = proof_ids(session, account.id)
            found = self.sent_lookup(account, [message_id, *proofs])
            if message_id in found:
                return True
            return False if provider_files_copies(account, proofs, found) else None
        except Exception as error:  # no answer is not a "no"
            log.warning("cannot check the Sent folder for %s: %s", message_id, error)
            return None

    def _suppression_of(self, address: str) -> str | None:
        """Why this address may not be mailed (from the batch's suppression lookup), else None."""
        return self._suppressed.get(address)

    def _give_back(self, session: Session, streak: list[tuple[int, int]]) -> None:
        """Undo the Error of contacts whose message the server refused for everyone."""
        for enrollment_id, outbox_id in streak:
            enrollment = session.get(Enrollment, enrollment_id)
            outbox = session.get(OutboxMessage, outbox_id)
            if outbox is not None:
                outbox.state = "queued"
                outbox.sent_at = None
                outbox.next_attempt_at = None
            if enrollment is not None and enrollment.state == EnrollmentState.ERROR.value:
                # Not a transition of the lifecycle: the Error recorded moments ago was
                # the server's fault, not the contact's, so it is taken back.
                enrollment.state = EnrollmentState.IN_PROGRESS.value
                enrollment.next_action_at = self.clock.now()
                enrollment.last_error = "waiting: the server refused every message"

    def _suppress(self, session: Session, address: str, reason: str) -> None:
        self._suppressed[address] = reason
        suppress(session, address, reason)

    def _pause(self, session: Session, campaign: Campaign, reason: str, report: TickReport) -> None:
        """Pause a campaign the engine cannot run (always for an error the user must fix)."""
        campaign.status = campaign_transition(campaign.status, CampaignStatus.PAUSED).value
        campaign.status_reason = reason
        session.commit()
        log.warning("campaign %s paused: %s", campaign.id, reason)
        report.paused.append({"campaign": campaign.id, "name": campaign.name, "reason": reason})
        self.bus.publish("paused", campaign=campaign.id, name=campaign.name, reason=reason)

    def _pause_account(
        self, session: Session, account: Account, reason: str, report: TickReport
    ) -> None:
        for campaign in session.scalars(
            select(Campaign).where(
                Campaign.account_id == account.id,
                Campaign.status == CampaignStatus.ACTIVE.value,
            )
        ):
            self._pause(session, campaign, reason, report)

    # --------------------------------------------------------------- completion

    def _complete_campaigns(self, session: Session) -> int:
        """Active campaigns whose every contact has finished become Completed."""
        still_acting = exists().where(
            Enrollment.campaign_id == Campaign.id, Enrollment.state.in_(ACTIVE_STATES)
        )
        has_contacts = exists().where(Enrollment.campaign_id == Campaign.id)
        finished = list(
            session.scalars(
                select(Campaign.id).where(
                    Campaign.status == CampaignStatus.ACTIVE.value,
                    has_contacts,
                    ~still_acting,
                )
            )
        )
        if finished:
            session.execute(
                update(Campaign)
                .where(Campaign.id.in_(finished))
                .values(status=CampaignStatus.COMPLETED.value, updated_at=self.clock.now())
            )
            session.commit()
            for campaign_id in finished:
                self.bus.publish("campaign_completed", campaign=campaign_id)
        return len(finished)

    def next_due(self) -> datetime | None:
        """When the next enrollment of an active campaign is due (for forecasts and the GUI)."""
        with self.sessions() as session:
            return session.scalar(
                select(Enrollment.next_action_at)
                .join(Campaign, Campaign.id == Enrollment.campaign_id)
                .where(
                    Enrollment.state.in_(ACTIVE_STATES),
                    Enrollment.next_action_at.is_not(None),
                    Campaign.status == CampaignStatus.ACTIVE.value,
                )
                .order_by(Enrollment.next_action_at)
                .limit(1)
            )
