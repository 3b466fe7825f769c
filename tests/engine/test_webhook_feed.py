"""The webhook feed: events of a real campaign queued as webhook bodies for the endpoints
that subscribed to them, once each, never replaying history."""

from __future__ import annotations

import json
import socket
import threading
from collections import Counter
from datetime import timedelta

from sqlalchemy import insert, select

from fluenzr_desktop.domain.clock import ManualClock
from fluenzr_desktop.engine.inbox import InboxSync
from fluenzr_desktop.engine.webhook_feed import (
    WebhookFeed,
    ping_body,
    serialize,
    start_feed_at_latest,
)
from fluenzr_desktop.mail.imap import ImapFailure
from fluenzr_desktop.ops.campaigns import change_campaign_status
from fluenzr_desktop.ops.contacts import contact_card
from fluenzr_desktop.store.models import Account, Contact, Event, OutboxMessage
from fluenzr_desktop.store.schema import events
from fluenzr_desktop.store.webhooks import (
    add_endpoint,
    disable_endpoint,
    enable_endpoint,
    feed_cursor,
    list_deliveries,
    move_feed_cursor,
)
from tests.timing import WEDNESDAY, next_weekday_at

from .conftest import delay, email, linear
from .inbox_world import reply

TWO_STEPS = linear(email("Quick question, {{firstName}}", "Hi"), delay(2, "days"),
                   email("", "Following up"))  # fmt: skip


def bodies(workspace, endpoint_id: int) -> list[dict]:
    """What an endpoint will receive, in queue order, each body checked to be stable JSON."""
    with workspace.sessions() as session:
        rows = list(reversed(list_deliveries(session, endpoint_id, limit=1000)))
    payloads = []
    for row in rows:
        payload = json.loads(row.body)
        assert serialize(payload) == row.body  # the exact bytes every retry posts
        assert payload["type"] == row.event_type and payload["data"]["event_id"] == row.event_id
        payloads.append(payload)
    assert len({row.webhook_id for row in rows}) == len(rows)
    return payloads


def outbox_of(world, address: str) -> OutboxMessage:
    with world.workspace.sessions() as session:
        return session.scalars(
            select(OutboxMessage).where(OutboxMessage.to_address == address)
        ).one()


def record_hits(world, outbox: OutboxMessage, hits: list[tuple[str, dict]]) -> None:
    """Tracking events as `engine.tracking` records them (its own tests pull them from a relay)."""
    enrollment = world.enrollment(outbox.to_address)
    with world.workspace.session() as session:
        for index, (kind, detail) in enumerate(hits):
            session.execute(
                insert(events).values(
                    kind=kind, campaign_id=outbox.campaign_id, enrollment_id=enrollment.id,
                    contact_id=enrollment.contact_id, node_id=outbox.node_id,
                    message_id=outbox.message_id, source_id=f"relay:test:{index}",
                    detail={"hit": kind.split("_")[0], "url": detail.get("url"), **detail},
                )
            )  # fmt: skip


def bounce_of(original: bytes) -> str:
    """A delivery failure report for Bob's email (as Postfix writes one)."""
    return (
        "From: Mail Delivery System <MAILER-DAEMON@mx.globex.com>\r\n"
        "To: founder@startup.io\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        "Message-ID: <bounce-1@mx.globex.com>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you...\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.globex.com"
        "\r\n\r\nFinal-Recipient: rfc822; bob@globex.com\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        "Diagnostic-Code: smtp; 550 5.1.1 <bob@globex.com>: User unknown\r\n"
        f"--B\r\nContent-Type: message/rfc822\r\n\r\n{original.decode()}\r\n--B--\r\n"
    )


def test_a_campaigns_events_reach_the_endpoints_that_subscribed_to_them(mailroom):
    room = mailroom()
    world = room.world
    workspace = world.workspace
    world.add_contacts(["ann@acme.io,Ann,Acme", "bob@globex.com,Bob,Globex"], tag="vip")
    world.add_contacts(["carol@initech.com,Carol,Initech"])
    launch = world.new_campaign(TWO_STEPS, ["ann@acme.io", "bob@globex.com"])
    other = world.new_campaign(linear(email("Other news")), ["carol@initech.com"])
    with workspace.session() as session:
        everything = add_endpoint(session, "http://127.0.0.1:9/all")
        replies_of_launch = add_endpoint(
            session, "http://127.0.0.1:9/replies", ["reply.received", "lead.status_changed"],
            [launch],
        )  # fmt: skip
        sent_of_other = add_endpoint(session, "http://127.0.0.1:9/other", ["email.sent"], [other])
        switched_off = add_endpoint(session, "http://127.0.0.1:9/off")
        disable_endpoint(session, switched_off, "test")
        start_feed_at_latest(session)  # as ops does for the first endpoint
    feed = WebhookFeed(workspace.sessions, world.clock)
    assert feed.run_once() == 0  # activating the campaigns happened before: not replayed

    world.tick()  # Ann, Bob and Carol get their first email
    ann_email = outbox_of(world, "ann@acme.io")
    with workspace.session() as session:  # as the A/B composer and an import would have
        session.get(OutboxMessage, ann_email.id).variant = "B"
        session.get(Contact, world.enrollment("ann@acme.io").contact_id).custom_fields = {
            "plan": "Pro"
        }
    record_hits(world, ann_email, [
        ("open_proxied", {}), ("open_machine", {"reason": "gmail_prefetch"}), ("opened", {}),
        ("click_machine", {"url": "https://acme.io/pricing", "reason": "honeypot"}),
        ("clicked", {"url": "https://acme.io/pricing?ref=mail"}),
    ])  # fmt: skip
    world.clock.advance(timedelta(hours=3))
    room.deliver(reply(sender="Ann <ann@acme.io>", subject="Re: Quick question, Ann",
                       body="Yes, let's talk.\n\nOn Wed, Zoë wrote:\n> Hi",
                       in_reply_to=ann_email.message_id))  # fmt: skip
    room.deliver(bounce_of(world.received_by("bob@globex.com")[0].raw))
    sync = room.sync()
    assert (sync.replies, sync.bounces) == (1, 1)
    change_campaign_status(workspace, launch, "pause")

    queued = feed.run_once()
    assert feed.run_once() == 0  # nothing new: nothing queued twice
    received = bodies(workspace, everything)
    told = [
        (b["type"], b["data"]["campaign"]["id"], (b["data"]["lead"] or {}).get("email"))
        for b in received
    ]
    assert told == [
        ("lead.status_changed", launch, "ann@acme.io"), ("email.sent", launch, "ann@acme.io"),
        ("lead.status_changed", launch, "bob@globex.com"), ("email.sent", launch, "bob@globex.com"),
        ("lead.status_changed", other, "carol@initech.com"),
        ("email.sent", other, "carol@initech.com"),
        ("sequence.completed", other, "carol@initech.com"),
        ("lead.status_changed", other, "carol@initech.com"),
        ("campaign.status_changed", other, None),  # its last contact finished
        *[("email.opened", launch, "ann@acme.io")] * 3,
        *[("email.clicked", launch, "ann@acme.io")] * 2,
        ("reply.received", launch, "ann@acme.io"), ("lead.status_changed", launch, "ann@acme.io"),
        ("email.bounced", launch, "bob@globex.com"),
        ("lead.status_changed", launch, "bob@globex.com"),
        ("campaign.status_changed", launch, None),  # paused by the user
    ]  # fmt: skip
    replies = bodies(workspace, replies_of_launch)
    [carol] = bodies(workspace, sent_of_other)
    assert queued == len(received) + len(replies) + 1
    by_type = {}
    for body in received:
        by_type.setdefault(body["type"], []).append(body)
    with workspace.sessions() as session:
        account = session.get(Account, world.account_id)
        account_data = {"id": account.id, "name": account.name, "email": account.email}
        sent_at = session.scalar(
            select(Event.occurred_at).where(
                Event.kind == "sent", Event.message_id == ann_email.message_id
            )
        )

    [ann_sent] = [b for b in by_type["email.sent"] if b["data"]["lead"]["email"] == "ann@acme.io"]
    assert ann_sent["timestamp"] == sent_at.isoformat() + "Z"
    data = ann_sent["data"]
    assert data["campaign"] == {"id": launch, "name": "Test"}
    assert data["lead"]["first_name"] == "Ann" and data["lead"]["company"] == "Acme"
    assert data["lead"]["tags"] == ["vip"] and data["lead"]["custom_fields"] == {"plan": "Pro"}
    assert data["step"] == {
        "id": "s1",
        "type": "email",
        "name": "Email 1: Quick question, {{firstName}}",
    }
    assert data["variant"] == "B" and data["message_id"] == ann_email.message_id
    assert data["account"] == account_data and data["subject"] == "Quick question, Ann"

    opens = [(b["data"]["machine"], b["data"]["proxied"]) for b in by_type["email.opened"]]
    assert opens == [(False, True), (True, False), (False, False)]
    clicks = [(b["data"]["url"], b["data"]["suspected_bot"]) for b in by_type["email.clicked"]]
    assert clicks == [
        ("https://acme.io/pricing", True),
        ("https://acme.io/pricing?ref=mail", False),
    ]
    assert {b["data"]["message_id"] for b in by_type["email.opened"]} == {ann_email.message_id}

    [answer] = by_type["reply.received"]
    assert answer["data"]["text"].strip() == "Yes, let's talk."  # the quote left out
    assert answer["data"]["is_auto_reply"] is False and answer["data"]["from"] == "ann@acme.io"
    assert answer["data"]["subject"] == "Re: Quick question, Ann"
    # The message it answers (the statistics' attribution): Ann's first email, its step.
    assert answer["data"]["message_id"] == ann_email.message_id
    assert answer["data"]["step"]["id"] == "s1" and answer["data"]["account"] == account_data
    assert answer["data"]["variant"] == "B"
    [bounce] = by_type["email.bounced"]
    assert "User unknown" in bounce["data"]["reason"] and bounce["data"]["hard"] is True
    assert bounce["data"]["message_id"] == outbox_of(world, "bob@globex.com").message_id
    assert bounce["data"]["variant"] is None

    statuses = [(b["data"]["from"], b["data"]["to"]) for b in by_type["lead.status_changed"]]
    assert statuses[-2:] == [("in_progress", "replied"), ("in_progress", "error")]
    assert by_type["lead.status_changed"][-1]["data"]["step"]["id"] == "s2"  # where it stopped
    changes = [(b["data"]["from"], b["data"]["to"]) for b in by_type["campaign.status_changed"]]
    assert changes == [("active", "completed"), ("active", "paused")]
    [finished] = by_type["sequence.completed"]
    assert finished["data"]["step"] == {"id": "end", "type": "end", "name": None}

    # Subscriptions by type and by campaign.
    assert [(b["type"], b["data"]["lead"]["email"]) for b in replies] == [
        ("lead.status_changed", "ann@acme.io"), ("lead.status_changed", "bob@globex.com"),
        ("reply.received", "ann@acme.io"), ("lead.status_changed", "ann@acme.io"),
        ("lead.status_changed", "bob@globex.com"),
    ]  # fmt: skip
    assert (carol["type"], carol["data"]["lead"]["email"]) == ("email.sent", "carol@initech.com")
    assert bodies(workspace, switched_off) == []

    # The status events are for webhooks: the contact's history does not list them.
    kinds = [event["kind"] for event in contact_card(workspace, "ann@acme.io")["events"]]
    assert "replied" in kinds and "lead_status" not in kinds


def test_the_cursor_never_replays_history(workspace):
    workspace.clock = ManualClock(next_weekday_at(WEDNESDAY, 10))

    def happen(count: int) -> None:
        with workspace.session() as session:
            for index in range(count):
                session.execute(
                    insert(events).values(
                        kind="mailbox_error", detail={"account_id": None, "error": f"e{index}"}
                    )
                )

    feed = WebhookFeed(workspace.sessions, workspace.clock, batch=7)
    happen(3)
    assert feed.run_once() == 0  # the first run starts at the latest event
    with workspace.sessions() as session:
        assert feed_cursor(session) == 3
    happen(2)
    assert feed.run_once() == 0  # no endpoint: the cursor still moves
    with workspace.session() as session:
        endpoint = add_endpoint(session, "http://127.0.0.1:9/hook", ["mailbox.error"])
        start_feed_at_latest(session)  # set already: left alone
        assert feed_cursor(session) == 5
    happen(20)
    assert WebhookFeed(workspace.sessions, workspace.clock, batch=7, max_batches=2).run_once() == 14
    assert feed.run_once() == 6  # the rest of the backlog, in later calls
    errors = [body["data"]["error"] for body in bodies(workspace, endpoint)]
    assert errors == [f"e{index}" for index in range(20)]

    with workspace.session() as session:
        disable_endpoint(session, endpoint, "test")
    happen(4)
    feed.run_once()
    with workspace.session() as session:
        enable_endpoint(session, endpoint)
    assert feed.run_once() == 0  # what happened while it was off is not delivered later

    # Two feeders at once (two processes): each event is queued once.
    happen(150)
    feeders = [WebhookFeed(workspace.sessions, workspace.clock, batch=20) for _ in range(2)]
    threads = [threading.Thread(target=f.run_once) for f in feeders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    while feed.run_once():
        pass
    queued = Counter(body["data"]["event_id"] for body in bodies(workspace, endpoint))
    assert len(queued) == 170 and set(queued.values()) == {1}


def test_ping_body_is_a_standard_webhook_with_empty_data():
    when = next_weekday_at(WEDNESDAY, 10).replace(tzinfo=None)
    body = json.loads(ping_body(4, when))
    assert body["type"] == "test.ping" and body["timestamp"] == when.isoformat() + "Z"
    assert body["data"]["lead"] is None and body["data"]["event_id"] is None
    assert "4" in body["data"]["message"]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_mailbox_that_cannot_be_read_is_told_once_until_it_works_again(mailroom):
    room = mailroom()
    world = room.world
    workspace = world.workspace
    working_port = room.account().imap_port
    refused = closed_port()

    def point_to(port: int) -> None:
        with workspace.session() as session:
            session.get(Account, world.account_id).imap_port = port

    def failing_sync(inbox) -> None:
        try:
            inbox.sync_account(room.account())
        except ImapFailure:
            return
        raise AssertionError("the sync should have failed")

    def mailbox_errors() -> list[dict]:
        with workspace.sessions() as session:
            return list(session.scalars(
                select(Event.detail).where(Event.kind == "mailbox_error").order_by(Event.id)
            ))  # fmt: skip

    point_to(refused)
    failing_sync(world.service.inbox)
    failing_sync(world.service.inbox)  # a minute later, still broken: not told again
    restarted = InboxSync(workspace.sessions, world.clock, world.service.connections.mailbox,
                          unsubscribe_secret=workspace.unsubscribe_secret)  # fmt: skip
    failing_sync(restarted)  # nor after a restart of the engine
    [told] = mailbox_errors()
    assert told["account_id"] == world.account_id
    assert "Connection refused" in told["error"] and "\n" not in told["error"]
    assert "s3cret" not in told["error"]

    point_to(working_port)
    world.clock.advance(timedelta(minutes=5))
    room.sync()
    point_to(refused)
    failing_sync(world.service.inbox)  # working → failing again: news
    assert len(mailbox_errors()) == 2

    with workspace.session() as session:
        endpoint = add_endpoint(session, "http://127.0.0.1:9/hook", ["mailbox.error"])
        move_feed_cursor(session, None, 0)  # as if it had listened all along
    WebhookFeed(workspace.sessions, world.clock).run_once()
    [first, second] = bodies(workspace, endpoint)
    assert first["data"]["account"]["id"] == world.account_id
    assert first["data"]["error"] == told["error"] and first["data"]["campaign"] is None
    assert second["type"] == "mailbox.error"
