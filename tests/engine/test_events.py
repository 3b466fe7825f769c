"""The engine's typed events: each kind carries the ids a consumer needs, and reads as JSON.

Against the real engine and a real SMTP server (aiosmtpd), and for the inbox a real
IMAP server (Dovecot): what a webhook or the window will receive.
"""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import update

from fluenzr_desktop.engine.events import (
    CampaignCompleted,
    Completed,
    EngineState,
    EventKind,
    Failed,
    Held,
    InboxSynced,
    Paused,
    Replied,
    Sent,
    Started,
    TickDone,
    Waiting,
)
from fluenzr_desktop.engine.service import EngineService
from fluenzr_desktop.store.models import OutboxMessage

from .conftest import delay, email, linear
from .inbox_world import reply


def listen(world) -> list:
    events: list = []
    world.service.bus.subscribe(events.append)
    return events


def of(events: list, kind: type) -> list:
    return [event for event in events if isinstance(event, kind)]


def test_a_send_publishes_sent_with_the_contacts_campaign_and_message_id(make_world):
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    campaign_id = world.new_campaign(linear(email("Hello {{firstName}}")))
    events = listen(world)

    world.tick()

    ann = world.enrollment("ann@acme.io")
    (message,) = world.received_by("ann@acme.io")
    (sent,) = of(events, Sent)
    assert sent == Sent(campaign_id=campaign_id, enrollment_id=ann.id, node_id="s1",
                        contact_email="ann@acme.io", message_id=message["Message-ID"])  # fmt: skip
    assert of(events, Started) == [Started(campaign_id=campaign_id, enrollment_id=ann.id)]
    assert of(events, Completed) == [Completed(campaign_id=campaign_id, enrollment_id=ann.id)]
    assert of(events, CampaignCompleted) == [CampaignCompleted(campaign_id=campaign_id)]
    (tick,) = of(events, TickDone)
    assert (tick.sent, tick.failed, tick.completed, tick.paused) == (1, 0, 1, ())
    assert tick.changes_data()
    # The JSON record a webhook will carry: its kind, then the fields.
    assert json.loads(json.dumps(sent.to_dict())) == {
        "kind": "sent", "campaign_id": campaign_id, "enrollment_id": ann.id, "node_id": "s1",
        "contact_email": "ann@acme.io", "message_id": message["Message-ID"],
    }  # fmt: skip
    assert sent.kind is EventKind.SENT and sent.changes_data()


def test_an_idle_tick_says_nothing_changed(make_world):
    world = make_world()
    events = listen(world)
    world.tick()
    (tick,) = of(events, TickDone)
    assert tick.to_dict() == {"kind": "tick", "sent": 0, "failed": 0, "waiting": 0,
                              "waiting_by": dict.fromkeys(
                                  ("delay", "window", "cap", "pacing", "retry", "held", "relay"), 0),
                              "completed": 0, "paused": []}  # fmt: skip
    assert not tick.changes_data()


def test_a_delay_publishes_waiting_until_its_end_in_utc(make_world):
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    campaign_id = world.new_campaign(linear(email(), delay(2, "days"), email("", "Again")))
    events = listen(world)

    world.tick()

    ann = world.enrollment("ann@acme.io")
    (waiting,) = of(events, Waiting)
    assert waiting == Waiting(campaign_id=campaign_id, enrollment_id=ann.id,
                              until=ann.next_action_at, cause="delay")  # fmt: skip
    assert waiting.until >= world.clock.now() + timedelta(days=2)
    assert waiting.to_dict()["until"] == ann.next_action_at.isoformat() + "+00:00"


def test_a_refused_address_publishes_failed_with_the_reason(make_world):
    world = make_world()
    world.add_contacts(["ghost@acme.io,Ghost,Acme"])
    campaign_id = world.new_campaign(linear(email()))
    world.server.reject_recipient("ghost@acme.io", "550 5.1.1 <ghost@acme.io>: User unknown")
    events = listen(world)

    world.tick()

    ghost = world.enrollment("ghost@acme.io")
    (failed,) = of(events, Failed)
    assert (failed.campaign_id, failed.enrollment_id, failed.node_id, failed.contact_email) == (
        campaign_id, ghost.id, "s1", "ghost@acme.io")  # fmt: skip
    assert failed.reason == ghost.last_error and "550" in failed.reason


def test_a_refused_login_publishes_paused_with_the_campaign_and_reason(make_world):
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    campaign_id = world.new_campaign(linear(email()))
    world.workspace.secret_store().set_password(world.account_id, "wrong")
    world.service.connections.forget(world.account_id)
    events = listen(world)

    world.tick()

    campaign = world.campaign(campaign_id)
    assert of(events, Paused) == [Paused(campaign_id=campaign_id, campaign_name="Test",
                                         reason=campaign.status_reason)]  # fmt: skip
    assert "authentication" in campaign.status_reason


def test_an_email_in_doubt_after_a_crash_publishes_held(make_world):
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    campaign_id = world.new_campaign(linear(email()))
    world.tick()
    (row,) = world.outbox()
    # As if the app died between handing the message to the server and recording it.
    with world.workspace.session() as session:
        session.execute(
            update(OutboxMessage).where(OutboxMessage.id == row.id).values(state="sending")
        )
    restarted = EngineService(world.workspace, connections=world.service.connections)
    events: list = []
    restarted.bus.subscribe(events.append)

    restarted.reconcile()

    assert events == [Held(campaign_id=campaign_id, enrollment_id=row.enrollment_id,
                           message_id=row.message_id)]  # fmt: skip


def test_starting_and_stopping_publish_the_engines_state(make_world):
    world = make_world()
    world.service.tick_seconds = 60
    events = listen(world)
    world.service.start()
    world.service.stop()
    assert of(events, EngineState) == [EngineState("running"), EngineState("stopped")]


def test_a_reply_publishes_replied_with_the_contact_and_the_sync_counts(mailroom):
    room = mailroom()
    world = room.world
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    campaign_id = world.new_campaign(linear(email(), delay(2, "days"), email("", "Again")))
    world.tick()
    first = str(world.received_by("ann@acme.io")[0]["Message-ID"])
    answer = reply(sender="Ann <ann@acme.io>", subject="Re: Hello", body="Yes!", in_reply_to=first)
    room.deliver(answer)
    events = listen(world)

    room.sync()

    ann = world.enrollment("ann@acme.io")
    (replied,) = of(events, Replied)
    assert (replied.account_id, replied.enrollment_ids, replied.campaign_ids, replied.addresses) == (
        world.account_id, (ann.id,), (campaign_id,), ("ann@acme.io",))  # fmt: skip
    assert replied.inbound_message_id and replied.inbound_message_id in answer
    (synced,) = of(events, InboxSynced)
    assert (synced.account_id, synced.replies, synced.ignored) == (world.account_id, 1, 0)
    assert synced.changes_data()
    assert json.loads(json.dumps(replied.to_dict()))["enrollment_ids"] == [ann.id]
