"""The engine's events: one kind each, one frozen payload each, JSON-ready with `to_dict()`.

Every publisher in the engine publishes one of these on the `EventBus`; the window,
`fluenzr engine run` and (later) webhooks and the local API read the same records.
Each payload carries the ids a consumer needs to find what it is about (campaign,
enrollment, account, Message-ID) without asking the engine again.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, datetime
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from .report import TickReport


class EventKind(StrEnum):
    """What happened; the value is the name a JSON consumer sees."""

    STARTED = "started"  # a contact entered its sequence
    SENT = "sent"  # the server accepted an email
    FAILED = "failed"  # a contact went to Error
    WAITING = "waiting"  # a contact waits (delay, window, cap, pacing, retry, held)
    COMPLETED = "completed"  # a contact reached the end of its sequence
    CAMPAIGN_COMPLETED = "campaign_completed"  # every contact of a campaign finished
    PAUSED = "paused"  # the engine paused a campaign it cannot run
    HELD = "held"  # an email that may have left waits for the user's decision
    REPLIED = "replied"
    AUTO_REPLIED = "auto_replied"
    BOUNCED = "bounced"
    UNSUBSCRIBED = "unsubscribed"  # an opt-out: unsubscribe or spam complaint
    INBOX = "inbox"  # one inbox sync of one account, counted
    TRACKING = "tracking"  # one pull of the tracking relay recorded hits, counted
    TICK = "tick"  # one tick done, counted
    ERROR = "error"  # a tick failed as a whole
    ENGINE = "engine"  # the engine started or stopped
    WEBHOOK_DISABLED = "webhook_disabled"  # deliveries to a webhook stopped (410, retries spent)


def _plain(value: Any) -> Any:
    """A value as JSON has it: naive datetimes are UTC, tuples are lists."""
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


@dataclass(frozen=True)
class EngineEvent:
    """Base of every payload: its `kind`, and whether stored data changed with it."""

    kind: ClassVar[EventKind]
    # Screens showing campaigns, contacts' progress or the outbox reload after such an event.
    _CHANGES_DATA: ClassVar[bool] = False

    def changes_data(self) -> bool:
        """Whether this event follows a change of stored campaigns, enrollments or outbox."""
        return self._CHANGES_DATA

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON has it: `kind` first, then the fields."""
        record: dict[str, Any] = {"kind": self.kind.value}
        for item in fields(self):
            record[item.name] = _plain(getattr(self, item.name))
        return record


@dataclass(frozen=True)
class Started(EngineEvent):
    """A contact entered its campaign's sequence."""

    kind: ClassVar[EventKind] = EventKind.STARTED
    _CHANGES_DATA: ClassVar[bool] = True
    campaign_id: int
    enrollment_id: int


@dataclass(frozen=True)
class Sent(EngineEvent):
    """The server accepted one email of a contact's sequence."""

    kind: ClassVar[EventKind] = EventKind.SENT
    _CHANGES_DATA: ClassVar[bool] = True
    campaign_id: int
    enrollment_id: int
    node_id: str
    contact_email: str
    message_id: str


@dataclass(frozen=True)
class Failed(EngineEvent):
    """A contact's sequence stopped in Error, with the reason shown to the user."""

    kind: ClassVar[EventKind] = EventKind.FAILED
    _CHANGES_DATA: ClassVar[bool] = True
    campaign_id: int
    enrollment_id: int
    node_id: str | None
    contact_email: str
    reason: str


@dataclass(frozen=True)
class Waiting(EngineEvent):
    """A contact waits until `until` (UTC); `cause` is one of report.WAIT_CAUSES."""

    kind: ClassVar[EventKind] = EventKind.WAITING
    campaign_id: int
    enrollment_id: int
    until: datetime
    cause: str


@dataclass(frozen=True)
class Completed(EngineEvent):
    """A contact reached the end of its sequence."""

    kind: ClassVar[EventKind] = EventKind.COMPLETED
    _CHANGES_DATA: ClassVar[bool] = True
    campaign_id: int
    enrollment_id: int


@dataclass(frozen=True)
class CampaignCompleted(EngineEvent):
    """Every contact of an active campaign finished: the campaign is Completed."""

    kind: ClassVar[EventKind] = EventKind.CAMPAIGN_COMPLETED
    _CHANGES_DATA: ClassVar[bool] = True
    campaign_id: int


@dataclass(frozen=True)
class Paused(EngineEvent):
    """The engine paused a campaign for an error the user must fix (`reason`)."""

    kind: ClassVar[EventKind] = EventKind.PAUSED
    _CHANGES_DATA: ClassVar[bool] = True
    campaign_id: int
    campaign_name: str
    reason: str


@dataclass(frozen=True)
class Held(EngineEvent):
    """An email that may have reached the server waits for `fluenzr outbox resolve`."""

    kind: ClassVar[EventKind] = EventKind.HELD
    _CHANGES_DATA: ClassVar[bool] = True
    campaign_id: int
    enrollment_id: int | None
    message_id: str


@dataclass(frozen=True)
class InboundMail(EngineEvent):
    """Base of what one message read in an inbox did to the enrollments it is about."""

    _CHANGES_DATA: ClassVar[bool] = True
    account_id: int
    # The inbound message's own Message-ID (the events table keys on it), if it had one.
    inbound_message_id: str | None
    enrollment_ids: tuple[int, ...]
    campaign_ids: tuple[int, ...]
    # The contacts' addresses (for an opt-out no enrollment matches: the suppressed ones).
    addresses: tuple[str, ...]


@dataclass(frozen=True)
class Replied(InboundMail):
    """A contact replied."""

    kind: ClassVar[EventKind] = EventKind.REPLIED


@dataclass(frozen=True)
class AutoReplied(InboundMail):
    """A contact's mailbox answered on its own (out of office)."""

    kind: ClassVar[EventKind] = EventKind.AUTO_REPLIED


@dataclass(frozen=True)
class Bounced(InboundMail):
    """A delivery failure came back for a contact."""

    kind: ClassVar[EventKind] = EventKind.BOUNCED


@dataclass(frozen=True)
class Unsubscribed(InboundMail):
    """An address opted out (unsubscribe or spam complaint): suppressed everywhere."""

    kind: ClassVar[EventKind] = EventKind.UNSUBSCRIBED


@dataclass(frozen=True)
class InboxSynced(EngineEvent):
    """One sync of one account's inbox recognised something (counts per verdict)."""

    kind: ClassVar[EventKind] = EventKind.INBOX
    account_id: int
    replies: int
    auto_replies: int
    bounces: int
    unsubscribes: int
    ignored: int

    def changes_data(self) -> bool:
        """Only mail that was acted on changes anything (ignored mail does not)."""
        return bool(self.replies or self.auto_replies or self.bounces or self.unsubscribes)


@dataclass(frozen=True)
class TrackingPulled(EngineEvent):
    """One pull of the tracking relay recorded hits (counts per verdict)."""

    kind: ClassVar[EventKind] = EventKind.TRACKING
    _CHANGES_DATA: ClassVar[bool] = True
    opens: int
    proxied_opens: int
    clicks: int
    machine_hits: int
    unsubscribes: int
    campaign_ids: tuple[int, ...]


@dataclass(frozen=True)
class TickDone(EngineEvent):
    """One tick's counts, as `TickReport.to_dict()` has them."""

    kind: ClassVar[EventKind] = EventKind.TICK
    sent: int
    failed: int
    waiting: int
    waiting_by: dict[str, int]
    completed: int
    paused: tuple[dict[str, Any], ...]

    @classmethod
    def of(cls, report: TickReport) -> TickDone:
        """The event of a finished tick."""
        counts = report.to_dict()
        counts["paused"] = tuple(counts["paused"])
        return cls(**counts)

    def changes_data(self) -> bool:
        """A tick that moved nobody (the engine idling) changed nothing."""
        return bool(self.sent or self.failed or self.waiting or self.completed or self.paused)


@dataclass(frozen=True)
class EngineError(EngineEvent):
    """A whole tick failed (the schedule goes on); `message` is what the window shows."""

    kind: ClassVar[EventKind] = EventKind.ERROR
    message: str


@dataclass(frozen=True)
class EngineState(EngineEvent):
    """The engine started (`running`) or stopped (`stopped`)."""

    kind: ClassVar[EventKind] = EventKind.ENGINE
    state: str


@dataclass(frozen=True)
class WebhookDisabled(EngineEvent):
    """Deliveries to a webhook endpoint stopped; `reason` is what the window and CLI show."""

    kind: ClassVar[EventKind] = EventKind.WEBHOOK_DISABLED
    endpoint_id: int
    url: str
    reason: str
