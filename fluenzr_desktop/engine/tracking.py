"""Reading opens, clicks and one-click unsubscribes from the workspace's tracking relay.

The relay only records raw hits; the app pulls them in order from a cursor kept per relay
URL (`relay_cursors`), judges each one (a person or a machine, `domain.tracking_verdicts`)
and records every hit as an event of the message it is about: a human open is `opened`,
a human click `clicked`, the others `open_proxied`, `open_machine` or `click_machine`, and
an unsubscribe `unsubscribed`. Nothing is dropped: a hit whose message this workspace does
not know is recorded without a campaign.

Guarantees:
- A page of hits and the cursor after it commit together, so a hit is recorded once; a
  hit read again (two pulls at once, a database restored with an older cursor) is refused
  by the unique `events.source_id` and has no effect a second time.
- The verdicts of a message's earlier hits are judged again with each new one (a scanner's
  burst is only visible once several of its clicks are in); a contact already past an
  `opened`/`clicked` condition is never moved back.
- A one-click unsubscribe stops the contact everywhere and suppresses the address, as a
  mailed unsubscribe does.
"""

from __future__ import annotations

import hashlib
import json
import logging
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from fluenzr_relay.tokens import KeyFileError, RelayKeys, events_bearer

from ..domain.clock import Clock
from ..domain.errors import FluenzrError
from ..domain.tracking_verdicts import Hit, Verdict, judge_message_hits
from ..mail.tracking import TrackingLinks, send_id_of
from ..store.models import Enrollment, OutboxMessage
from ..store.schema import events as events_table
from ..store.schema import relay_cursors
from ..store.settings import get_setting
from ..workspace import Workspace
from .bus import EventBus
from .events import TrackingPulled
from .inbox_effects import opt_out

log = logging.getLogger(__name__)

# The event recorded for each verdict: the human ones carry the names conditions ask for.
EVENT_OF_VERDICT = {
    "open": "opened",
    "open_proxied": "open_proxied",
    "open_machine": "open_machine",
    "click": "clicked",
    "click_machine": "click_machine",
    "unsubscribe": "unsubscribed",
}
# Events that are judged hits of a message (the unsubscribe is final, never judged again).
JUDGED_EVENTS = ("opened", "open_proxied", "open_machine", "clicked", "click_machine")
# Hits asked of the relay per request (its maximum is 1,000).
PAGE_SIZE = 500
# Seconds to wait for the relay: a laptop on a bad network gives up and tries next minute.
RELAY_TIMEOUT = 15.0


class RelayUnreachable(FluenzrError):
    """The relay did not answer, or answered something other than its API."""


@dataclass(frozen=True)
class Relay:
    """The workspace's tracking relay: its base URL and the keys shared with it."""

    url: str
    keys: RelayKeys

    @property
    def source(self) -> str:
        """A short stable name of this relay URL, prefixed to the ids of its hits."""
        return hashlib.sha256(self.url.encode()).hexdigest()[:12]

    def links(self, message_id: str, *, track_opens: bool, track_clicks: bool) -> TrackingLinks:
        """What one message carries: pixel, tracked links, one-click unsubscribe."""
        return TrackingLinks(
            self.url,
            self.keys,
            send_id_of(message_id),
            track_opens=track_opens,
            track_clicks=track_clicks,
        )


def load_relay(workspace: Workspace) -> Relay | None:
    """The workspace's relay, None when none is set; FluenzrError when its key file is bad."""
    with workspace.sessions() as session:
        url = get_setting(session, "tracking_relay_url")
    if not url:
        return None
    path = workspace.relay_key_path
    if not path.exists():
        raise FluenzrError(
            f"a tracking relay is set ({url}) but its key file {path} is missing: run "
            "`fluenzr tracking set-relay URL --token-file FILE` again with the relay's key file"
        )
    try:
        return Relay(url, RelayKeys.load(path))
    except KeyFileError as error:
        raise FluenzrError(str(error)) from None


class RelayClient:
    """The relay's HTTP API, as the app uses it: health, and hits after a cursor."""

    def __init__(self, relay: Relay, timeout: float = RELAY_TIMEOUT) -> None:
        self.relay = relay
        self.timeout = timeout

    def _get(self, path: str, authorised: bool) -> dict[str, Any]:
        request = urllib.request.Request(self.relay.url + path)
        if authorised:
            request.add_header("Authorization", f"Bearer {events_bearer(self.relay.keys)}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                body = answer.read(8 * 1024 * 1024)
        except urllib.error.HTTPError as error:
            if error.code == 401:
                raise RelayUnreachable(
                    f"the relay at {self.relay.url} refused the key: its key file and this "
                    "workspace's differ (run `fluenzr tracking set-relay` with the relay's file)"
                ) from None
            raise RelayUnreachable(
                f"the relay at {self.relay.url} answered HTTP {error.code} to {path.split('?')[0]}"
            ) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise RelayUnreachable(
                f"cannot reach the relay at {self.relay.url}: {reason}"
            ) from None
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = None
        if not isinstance(parsed, dict):
            raise RelayUnreachable(f"{self.relay.url} did not answer like a FluenzR relay")
        return parsed

    def health(self) -> dict[str, Any]:
        """The relay's `/healthz` answer ({"ok": true, "version": …})."""
        return self._get("/healthz", authorised=False)

    def events(self, after: int, limit: int = PAGE_SIZE) -> dict[str, Any]:
        """One page of hits after `after`: {"events": [...], "next": id, "more": bool}."""
        page = self._get(f"/v1/events?after={int(after)}&limit={int(limit)}", authorised=True)
        if not isinstance(page.get("events"), list) or not isinstance(page.get("next"), int):
            raise RelayUnreachable(f"{self.relay.url} sent a page of events in an unknown form")
        return page


@dataclass
class PullReport:
    """What one pull recorded, by kind; `unmatched` hits name no message of this workspace."""

    opens: int = 0
    proxied_opens: int = 0
    clicks: int = 0
    machine_hits: int = 0
    unsubscribes: int = 0
    unmatched: int = 0
    rejudged: int = 0
    cursor: int = 0
    # The relay's database was replaced since the last pull (read again from its start).
    relay_restarted: bool = False
    campaign_ids: set[int] = field(default_factory=set)

    def count(self, event_kind: str) -> None:
        """Count one recorded event of this kind."""
        if event_kind == "opened":
            self.opens += 1
        elif event_kind == "open_proxied":
            self.proxied_opens += 1
        elif event_kind == "clicked":
            self.clicks += 1
        elif event_kind == "unsubscribed":
            self.unsubscribes += 1
        else:
            self.machine_hits += 1

    @property
    def recorded(self) -> int:
        """Every hit recorded by this pull."""
        return self.opens + self.proxied_opens + self.clicks + self.machine_hits + self.unsubscribes

    def to_dict(self) -> dict[str, Any]:
        """The counts as JSON has them."""
        return {
            "opens": self.opens,
            "proxied_opens": self.proxied_opens,
            "clicks": self.clicks,
            "machine_hits": self.machine_hits,
            "unsubscribes": self.unsubscribes,
            "unmatched": self.unmatched,
            "rejudged": self.rejudged,
            "cursor": self.cursor,
            "relay_restarted": self.relay_restarted,
        }


def _hit_time(text: object) -> datetime:
    """The relay's hit time ("…Z") as the store keeps times: naive UTC."""
    try:
        when = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        raise RelayUnreachable(f"the relay sent a hit with a bad time: {text!r}") from None
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when


def _hit_detail(raw: dict[str, Any], source_id: str) -> dict[str, Any]:
    """What an event keeps of a relay hit: enough to judge it again, never a secret."""
    token = raw.get("token") if isinstance(raw.get("token"), dict) else {}
    return {
        "source": source_id,
        "hit": raw.get("kind"),
        "at": str(raw.get("at")),
        "ip": str(raw.get("ip") or "")[:64],
        "user_agent": str(raw.get("user_agent") or "")[:512],
        "method": str(raw.get("method") or "GET")[:8],
        "purpose": (str(raw["purpose"])[:64] if raw.get("purpose") else None),
        "link": token.get("l"),
        "url": token.get("u"),
        "honeypot": token.get("h") == 1,
        "send": token.get("s"),
    }


def _hit_of(detail: dict[str, Any], occurred_at: datetime) -> Hit:
    return Hit(
        kind=str(detail.get("hit")),
        at=occurred_at,
        ip=str(detail.get("ip") or ""),
        user_agent=str(detail.get("user_agent") or ""),
        method=str(detail.get("method") or "GET"),
        purpose=detail.get("purpose"),
        link_index=detail.get("link") if isinstance(detail.get("link"), int) else None,
        honeypot=bool(detail.get("honeypot")),
    )


def _with_verdict(detail: dict[str, Any], verdict: Verdict) -> dict[str, Any]:
    return {**detail, "human": verdict.human, "verdict": verdict.kind, "reason": verdict.reason}


class TrackingPull:
    """Pulls a relay's new hits into the workspace (`pull`), from the engine or the CLI."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        client: RelayClient,
        bus: EventBus | None = None,
    ) -> None:
        self.sessions = sessions
        self.clock = clock
        self.client = client
        self.bus = bus

    @property
    def relay(self) -> Relay:
        return self.client.relay

    def pull(self, on_page: Callable[[PullReport], None] | None = None) -> PullReport:
        """Read every hit the relay has after the cursor; RelayUnreachable if it can't."""
        report = PullReport()
        with self.sessions() as session:
            stored = session.execute(
                select(relay_cursors.c.cursor, relay_cursors.c.instance).where(
                    relay_cursors.c.relay_url == self.relay.url
                )
            ).first()
        report.cursor, instance = (stored.cursor, stored.instance) if stored else (0, None)
        while True:
            page = self.client.events(report.cursor)
            served = page.get("instance") if isinstance(page.get("instance"), str) else None
            if served and instance and served != instance:
                # A new relay database: its ids count from 1 again. Read it from the start
                # (hits of the old one keep their own source ids: nothing is counted twice).
                log.warning("the relay at %s has a new database: reading it from its first hit",
                            self.relay.url)  # fmt: skip
                report.relay_restarted = True
                report.cursor = 0
                instance = served
                continue
            instance = served or instance
            hits = [raw for raw in page["events"] if isinstance(raw, dict)]
            with self.sessions() as session:
                self._record_page(session, hits, report, instance or self.relay.source)
                report.cursor = max(report.cursor, int(page["next"]))
                self._save_cursor(session, report.cursor, instance)
                session.commit()
            if on_page is not None:
                on_page(report)
            if not page.get("more") or not hits:
                break
        if self.bus is not None and report.recorded:
            self.bus.publish(
                TrackingPulled(
                    opens=report.opens,
                    proxied_opens=report.proxied_opens,
                    clicks=report.clicks,
                    machine_hits=report.machine_hits,
                    unsubscribes=report.unsubscribes,
                    campaign_ids=tuple(sorted(report.campaign_ids)),
                )
            )
        return report

    def _save_cursor(self, session: Session, cursor: int, instance: str | None) -> None:
        """Move the cursor forward (never back, unless the relay's database is new)."""
        now = self.clock.now()
        url = relay_cursors.c.relay_url == self.relay.url
        same_database = relay_cursors.c.instance.is_(None) | (relay_cursors.c.instance == instance)
        moved = (relay_cursors.c.cursor <= cursor) | ~same_database
        changed = session.execute(
            update(relay_cursors)
            .where(url, moved)
            .values(cursor=cursor, instance=instance, pulled_at=now)
        ).rowcount
        if not changed and session.scalar(select(relay_cursors.c.cursor).where(url)) is None:
            session.execute(
                insert(relay_cursors).values(
                    relay_url=self.relay.url, cursor=cursor, instance=instance, pulled_at=now
                )
            )

    def _outboxes(self, session: Session, send_ids: Iterable[str]) -> dict[str, OutboxMessage]:
        """The sent messages the hits name, by send id (the hex of `<hex@domain>`)."""
        found: dict[str, OutboxMessage] = {}
        for send_id in set(send_ids):
            # A range on the unique index: "<hex@" … "<hexA" ('A' follows '@').
            outbox = session.scalar(
                select(OutboxMessage).where(
                    OutboxMessage.message_id >= f"<{send_id}@",
                    OutboxMessage.message_id < f"<{send_id}A",
                )
            )
            if outbox is not None:
                found[send_id] = outbox
        return found

    def _record_page(
        self, session: Session, hits: list[dict[str, Any]], report: PullReport, source: str
    ) -> None:
        """Record one page of hits; `source` names the relay database they come from."""
        details: list[tuple[dict[str, Any], datetime]] = []
        for raw in hits:
            source_id = f"relay:{source}:{raw.get('id')}"
            details.append((_hit_detail(raw, source_id), _hit_time(raw.get("at"))))
        outboxes = self._outboxes(session, (d["send"] for d, _at in details if d["send"]))
        by_message: dict[str, list[tuple[dict[str, Any], datetime]]] = {}
        for detail, at in details:
            outbox = outboxes.get(detail["send"] or "")
            if outbox is None:
                self._record_unmatched(session, detail, at, report)
                continue
            by_message.setdefault(outbox.message_id, []).append((detail, at))
        for new_hits in by_message.values():
            outbox = outboxes[str(new_hits[0][0]["send"])]
            self._record_message_hits(session, outbox, new_hits, report)

    def _record_unmatched(
        self, session: Session, detail: dict[str, Any], at: datetime, report: PullReport
    ) -> None:
        """A hit for a message this workspace no longer has: kept, counted, not acted on."""
        kind = {"open": "open_machine", "click": "click_machine"}.get(detail["hit"], "unsubscribed")
        verdict = Verdict(human=False, kind="unmatched", reason="unknown_message")
        if self._insert(session, None, None, at, kind, _with_verdict(detail, verdict)):
            report.unmatched += 1
            if detail["hit"] == "unsubscribe" and isinstance(detail.get("send"), str):
                log.warning("one-click unsubscribe for an unknown message %s", detail["send"])

    def _record_message_hits(
        self,
        session: Session,
        outbox: OutboxMessage,
        new_hits: list[tuple[dict[str, Any], datetime]],
        report: PullReport,
    ) -> None:
        enrollment = session.get(Enrollment, outbox.enrollment_id)
        stored = list(
            session.execute(
                select(
                    events_table.c.id,
                    events_table.c.kind,
                    events_table.c.occurred_at,
                    events_table.c.detail,
                )
                .where(
                    events_table.c.message_id == outbox.message_id,
                    events_table.c.kind.in_(JUDGED_EVENTS),
                    events_table.c.source_id.is_not(None),
                )
                .order_by(events_table.c.occurred_at, events_table.c.id)
            )
        )
        fresh = [(d, at) for d, at in new_hits if d["hit"] in ("open", "click")]
        hits = [_hit_of(row.detail, row.occurred_at) for row in stored]
        hits += [_hit_of(detail, at) for detail, at in fresh]
        verdicts = judge_message_hits(
            hits, sent_at=outbox.sent_at or outbox.created_at, link_count=outbox.tracked_links or 0
        )
        for row, verdict in zip(stored, verdicts[: len(stored)], strict=True):
            kind = EVENT_OF_VERDICT[verdict.kind]
            if kind != row.kind:
                session.execute(
                    update(events_table)
                    .where(events_table.c.id == row.id)
                    .values(kind=kind, detail=_with_verdict(row.detail, verdict))
                )
                report.rejudged += 1
        for (detail, at), verdict in zip(fresh, verdicts[len(stored) :], strict=True):
            kind = EVENT_OF_VERDICT[verdict.kind]
            if self._insert(session, outbox, enrollment, at, kind, _with_verdict(detail, verdict)):
                report.count(kind)
                report.campaign_ids.add(outbox.campaign_id or 0)
        for detail, at in new_hits:
            if detail["hit"] != "unsubscribe":
                continue
            verdict = Verdict(human=True, kind="unsubscribe", reason="")
            if self._insert(
                session, outbox, enrollment, at, "unsubscribed", _with_verdict(detail, verdict)
            ):
                report.count("unsubscribed")
                report.campaign_ids.add(outbox.campaign_id or 0)
                opt_out(
                    session,
                    enrollment,
                    outbox.to_address,
                    "unsubscribed with one click (List-Unsubscribe-Post, tracking relay)",
                )

    def _insert(
        self,
        session: Session,
        outbox: OutboxMessage | None,
        enrollment: Enrollment | None,
        at: datetime,
        kind: str,
        detail: dict[str, Any],
    ) -> bool:
        """Record one hit; False when this hit was recorded before (same source id)."""
        inserted = session.execute(
            insert(events_table)
            .prefix_with("OR IGNORE")
            .values(
                kind=kind,
                occurred_at=at,
                campaign_id=outbox.campaign_id if outbox is not None else None,
                enrollment_id=enrollment.id if enrollment is not None else None,
                contact_id=enrollment.contact_id if enrollment is not None else None,
                node_id=outbox.node_id if outbox is not None else None,
                message_id=outbox.message_id if outbox is not None else None,
                detail=detail,
                source_id=detail["source"],
            )
        )
        return bool(inserted.rowcount)
