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
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, NoReturn, Protocol

from sqlalchemy import case, exists, insert, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, joinedload, sessionmaker

from ..domain.clock import Clock
from ..domain.conditions import evaluate
from ..domain.errors import FluenzrError
from ..domain.plans import FREE, PLAN_NAMES, activation_gate, workspace_daily_cap
from ..domain.schedule import SendingWindow, delay_delta
from ..domain.states import (
    ACTIVE_STATE_VALUES,
    CampaignStatus,
    EnrollmentState,
    campaign_transition,
)
from ..domain.workflow import Node, Workflow, parse_document
from ..store.licence import PlanStatus, plan_in_force
from ..store.models import Account, Campaign, Contact, Enrollment, Event
from ..store.schema import events as events_table
from ..store.settings import get_setting
from ..store.suppressions import suppression_reasons
from .ab_allocation import Allocation
from .bus import EventBus
from .events import CampaignCompleted, Completed, Failed, Started, Waiting
from .limits import CapCounter
from .report import TickReport
from .sending import SendingStep
from .smtp_failures import SmtpFailurePolicy
from .steps import Stop, move_to

if TYPE_CHECKING:
    from .tracking import Relay

log = logging.getLogger(__name__)

# A graph step that does not wait (start, condition) may loop only through a delay;
# this bound protects a tick from a document that slipped past validation.
MAX_STEPS_PER_VISIT = 200
# Visits that sent nothing are committed in groups (each send commits before SMTP).
COMMIT_EVERY = 100
# How long an opened/clicked condition waits for an unreachable tracking relay, and how
# often it tries again meanwhile (docs/tracking.md).
RELAY_GRACE = timedelta(hours=1)
RELAY_RETRY = timedelta(minutes=1)


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


# Statements of the hot path, built once (building them costs more than running them).
_INSERT_EVENT = insert(events_table)


class Runner(SendingStep, SmtpFailurePolicy):
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
        relay_loader: Callable[[], Relay | None] | None = None,
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
        # The tracking relay, read again at each tick (the user may set one meanwhile).
        self.relay_loader = relay_loader
        self.relay: Relay | None = None
        self.relay_problem: str | None = None
        # Pulls the relay before an opened/clicked condition is evaluated (engine/tracking):
        # None when the hits are fresh, else why they could not be read.
        self.tracking_check: Callable[[], str | None] | None = None
        # Since when each contact's condition has waited for an unreachable relay.
        self._relay_waits: dict[int, datetime] = {}
        self.stop_requested = threading.Event()
        self._workflows: dict[tuple[int, int], Workflow] = {}
        self._settings: dict[tuple[int, int], dict[str, Any]] = {}
        self._windows: dict[tuple[int, int, str | None], SendingWindow] = {}
        self._plan_cap = 50
        self.plan = PlanStatus(FREE, None, False, frozenset())
        self._gated: dict[tuple[int, int], str | None] = {}
        # The variants contacts get at A/B tested emails, read again at each tick.
        self.allocation = Allocation(clock.now())
        self._pacing_slots: dict[int, datetime] = {}
        self._accounts: dict[int, Account | None] = {}
        self._uncommitted = 0
        self._rejections: dict[int, list[tuple[int, int]]] = {}
        self._suppressed: dict[str, str] = {}

    # ------------------------------------------------------------------ the tick

    def tick(self) -> TickReport:
        """Process every enrollment due now, in batches; returns what happened."""
        report = TickReport()
        self._load_relay()
        now = self.clock.now()
        self.allocation = Allocation(now)
        with self.sessions() as session:
            counter = CapCounter(session)
            self._pacing_slots: dict[int, datetime] = {}
            self._accounts: dict[int, Account | None] = {}
            self.plan = plan_in_force(session, now.date())
            self._plan_cap = workspace_daily_cap(
                int(get_setting(session, "plan_daily_cap")), self.plan.plan
            )
            self._gated: dict[tuple[int, int], str | None] = {}
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
                Enrollment.state.in_(ACTIVE_STATE_VALUES),
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
        if (
            campaign.status != CampaignStatus.ACTIVE.value
            or enrollment.state not in ACTIVE_STATE_VALUES
        ):
            return  # paused (e.g. by a refusal earlier in this batch) or finished meanwhile
        try:
            self._advance(session, counter, enrollment, campaign, report)
        except Stop:
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
            self._fail_after_error(session, enrollment_id, str(error), report)
        except Exception as error:  # a bug with one contact must not stop the campaign
            log.exception("enrollment %s failed", enrollment_id)
            reason = f"internal error: {type(error).__name__}: {error}"
            self._fail_after_error(session, enrollment_id, reason, report)

    def _fail_after_error(
        self, session: Session, enrollment_id: int, reason: str, report: TickReport
    ) -> None:
        """Roll the visit back and put the contact in Error with the reason, committed.

        The rollback goes to the last commit, which holds every email the server accepted
        (`record_sent` is committed at once): nothing sent is ever undone or sent again.
        """
        session.rollback()
        enrollment = session.get(Enrollment, enrollment_id)
        if enrollment is None or enrollment.state not in ACTIVE_STATE_VALUES:
            return
        try:
            self._fail(session, enrollment, reason[:500], report)
        except Stop:
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
        refusal = self._plan_refusal(campaign, workflow)
        if refusal is not None:
            # The licence went down a plan (it expired) while the campaign ran.
            self._pause(session, campaign, refusal, report)
            raise Stop
        if enrollment.state == EnrollmentState.ADDED.value:
            start = workflow.start_node()
            if start is None:
                self._fail(session, enrollment, "the sequence has no start", report)
            move_to(enrollment, EnrollmentState.IN_PROGRESS)
            enrollment.current_node = start.id
            self.bus.publish(Started(campaign_id=campaign.id, enrollment_id=enrollment.id))
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
                self._condition(session, enrollment, workflow, node, report)
            elif node.type == "email":
                self._email(session, counter, enrollment, workflow, node, campaign, report)
            elif node.type == "end":
                move_to(enrollment, EnrollmentState.COMPLETED)
                enrollment.next_action_at = None
                enrollment.waiting_until = None
                report.completed += 1
                self._event(session, "completed", enrollment, node.id)
                self.bus.publish(Completed(campaign_id=campaign.id, enrollment_id=enrollment.id))
                raise Stop
            else:
                self._fail(session, enrollment, f"node {node.id}: unknown type {node.type}", report)
        self._fail(session, enrollment, "the sequence loops without waiting", report)

    def _plan_refusal(self, campaign: Campaign, workflow: Workflow) -> str | None:
        """Why the plan in force no longer runs this campaign (None: it does), per revision."""
        key = (campaign.id, campaign.document_revision)
        if key not in self._gated:
            gate = activation_gate(workflow, self.plan.plan, self.plan.features)
            self._gated[key] = (
                None
                if gate is None
                else f"{gate.message}: the {PLAN_NAMES[self.plan.plan]} plan is in force"
                + (" (the licence has expired)" if self.plan.expired else "")
            )
        return self._gated[key]

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

    def _wait(
        self, enrollment: Enrollment, until: datetime, report: TickReport, why: str
    ) -> NoReturn:
        """Wait until `until`; `why` is one of WAIT_CAUSES."""
        enrollment.next_action_at = until
        report.wait(enrollment.id, why)
        self.bus.publish(
            Waiting(
                campaign_id=enrollment.campaign_id,
                enrollment_id=enrollment.id,
                until=until,
                cause=why,
            )
        )
        raise Stop

    def _fail(
        self, session: Session, enrollment: Enrollment, reason: str, report: TickReport
    ) -> NoReturn:
        """Put the contact in Error with `reason` (recorded and published); ends the visit."""
        move_to(enrollment, EnrollmentState.ERROR)
        enrollment.last_error = reason
        enrollment.next_action_at = None
        self._event(
            session, "error", enrollment, enrollment.current_node, detail={"reason": reason}
        )
        report.failed += 1
        self.bus.publish(
            Failed(
                campaign_id=enrollment.campaign_id,
                enrollment_id=enrollment.id,
                node_id=enrollment.current_node,
                contact_email=enrollment.contact.email,
                reason=reason,
            )
        )
        raise Stop

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

    def _read_relay_first(
        self, session: Session, enrollment: Enrollment, node: Node, report: TickReport
    ) -> None:
        """Pull the relay before answering "did they open/click?" (docs/tracking.md).

        While the relay cannot be reached the contact waits, retried every minute; after
        RELAY_GRACE the condition is answered on the hits already recorded, and an event
        on the contact says so. Never routed in silence on missing data.
        """
        # The pull writes through its own sessions: release our write lock first.
        session.commit()
        self._uncommitted = 0
        assert self.tracking_check is not None
        problem = self.tracking_check()
        if problem is None:
            self._relay_waits.pop(enrollment.id, None)
            return
        now = self.clock.now()
        since = self._relay_waits.setdefault(enrollment.id, now)
        if now - since < RELAY_GRACE:
            self._wait(enrollment, now + RELAY_RETRY, report, "relay")
        del self._relay_waits[enrollment.id]
        self._event(
            session, "relay_unreachable", enrollment, node.id, detail={"error": problem[:300]}
        )

    def _load_relay(self) -> None:
        """The relay for this tick; a broken one pauses only the campaigns that track."""
        if self.relay_loader is None:
            return
        try:
            self.relay, self.relay_problem = self.relay_loader(), None
        except FluenzrError as error:
            self.relay, self.relay_problem = None, str(error)

    def _condition(
        self,
        session: Session,
        enrollment: Enrollment,
        workflow: Workflow,
        node: Node,
        report: TickReport,
    ) -> None:
        condition = node.props.get("condition") or {}
        if condition.get("kind") in ("opened", "clicked") and self.tracking_check is not None:
            self._read_relay_first(session, enrollment, node, report)
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
        # A human click proves the email was read, even with its pixel blocked or proxied
        # (domain.tracking_verdicts.implied_open).
        happened |= {("opened", node_id) for kind, node_id in happened if kind == "clicked"}
        branch = "yes" if evaluate(condition, values, happened) else "no"
        self._move(enrollment, workflow, node, branch)

    # --------------------------------------------------------------- completion

    def _complete_campaigns(self, session: Session) -> int:
        """Active campaigns whose every contact has finished become Completed."""
        still_acting = exists().where(
            Enrollment.campaign_id == Campaign.id, Enrollment.state.in_(ACTIVE_STATE_VALUES)
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
            # One UPDATE for all of them: each is Active, so each makes the same move.
            completed = campaign_transition(CampaignStatus.ACTIVE, CampaignStatus.COMPLETED)
            session.execute(
                update(Campaign)
                .where(Campaign.id.in_(finished), Campaign.status == CampaignStatus.ACTIVE.value)
                .values(status=completed.value, updated_at=self.clock.now())
            )
            session.commit()
            for campaign_id in finished:
                self.bus.publish(CampaignCompleted(campaign_id=campaign_id))
        return len(finished)

    def next_due(self) -> datetime | None:
        """When the next enrollment of an active campaign is due (for forecasts and the GUI)."""
        with self.sessions() as session:
            return session.scalar(
                select(Enrollment.next_action_at)
                .join(Campaign, Campaign.id == Enrollment.campaign_id)
                .where(
                    Enrollment.state.in_(ACTIVE_STATE_VALUES),
                    Enrollment.next_action_at.is_not(None),
                    Campaign.status == CampaignStatus.ACTIVE.value,
                )
                .order_by(Enrollment.next_action_at)
                .limit(1)
            )
