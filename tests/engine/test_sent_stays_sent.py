"""An email the server accepted is recorded as sent at once: whatever fails next never resends it."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from fluenzr_desktop.engine.runner import Runner
from fluenzr_desktop.store.models import Event, OutboxMessage

from .conftest import delay, email, linear

THREE_STEPS = linear(email("First", "One"), delay(2, "days"), email("", "Two"))


@pytest.fixture
def broken_next_step(monkeypatch):
    """Computing the step after the email fails, as a delay of 10**30 days once did."""

    def overflow(self, *args, **kwargs):
        raise OverflowError("date value out of range")

    monkeypatch.setattr(Runner, "_delay", overflow)


def _outbox_and_errors(world):
    with world.workspace.sessions() as session:
        rows = [(row.state, row.node_id) for row in session.scalars(select(OutboxMessage))]
        errors = [event.detail["reason"] for event in session.scalars(
            select(Event).where(Event.kind == "error"))]  # fmt: skip
    return rows, errors


def test_a_failure_after_the_server_accepted_never_sends_again(make_world, broken_next_step):
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    world.new_campaign(THREE_STEPS)

    report = world.tick()
    for _ in range(8):  # the next two hours of ticks
        world.clock.advance(timedelta(minutes=15))
        world.tick()

    assert report.sent == 1
    assert len(world.received_by("ann@acme.io")) == 1
    rows, errors = _outbox_and_errors(world)
    assert rows == [("sent", "s1")]
    ann = world.enrollment("ann@acme.io")
    assert ann.state == "error"
    assert ann.last_error == "internal error: OverflowError: date value out of range"
    assert errors == [ann.last_error]


def test_the_same_with_the_engine_running_over_several_ticks(make_world, broken_next_step):
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme", "bob@globex.com,Bob,Globex"])
    world.new_campaign(THREE_STEPS)
    world.service.tick_seconds = 0.05
    ticks = []
    world.service.bus.subscribe(lambda event: ticks.append(event) if event.kind == "tick" else 0)

    world.service.start()
    try:
        world.server.wait_for(2, timeout=30)
        deadline = len(ticks) + 10
        while len(ticks) < deadline:  # ten more ticks, fifteen minutes apart
            world.clock.advance(timedelta(minutes=15))
            time.sleep(0.05)
    finally:
        world.service.stop()

    assert sorted(m.rcpt_tos[0] for m in world.server.messages) == ["ann@acme.io",
                                                                    "bob@globex.com"]  # fmt: skip
    assert _outbox_and_errors(world)[0] == [("sent", "s1"), ("sent", "s1")]
    assert {world.enrollment(a).state for a in ("ann@acme.io", "bob@globex.com")} == {"error"}


def test_a_record_that_could_not_be_written_is_held_not_sent_again(make_world, monkeypatch, cli):
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    campaign_id = world.new_campaign(THREE_STEPS)
    original = Runner.record_sent
    calls = []

    def failing_once(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("disk full")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Runner, "record_sent", failing_once)

    world.tick()
    assert len(world.received_by("ann@acme.io")) == 1
    assert _outbox_and_errors(world)[0] == [("sending", "s1")]
    assert world.enrollment("ann@acme.io").state == "error"

    # The user retries her: the email in doubt is held for a decision, not sent again.
    retried = cli("campaign", "retry", str(campaign_id), "--email", "ann@acme.io",
                  workspace=world.workspace.root)  # fmt: skip
    assert retried.code == 0, retried.stderr
    world.clock.advance(timedelta(minutes=1))
    world.tick()  # so soon, the email may still be in flight: she waits
    assert _outbox_and_errors(world)[0] == [("sending", "s1")]
    world.clock.advance(timedelta(minutes=10))
    world.tick()

    assert len(world.received_by("ann@acme.io")) == 1
    assert _outbox_and_errors(world)[0] == [("held", "s1")]
    held = world.enrollment("ann@acme.io")
    assert held.last_error.startswith("held: the sending of this email was interrupted")


def test_a_delay_stored_before_delays_were_bounded_stops_the_contact_after_one_email(make_world):
    from fluenzr_desktop.store.models import Campaign

    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    campaign_id = world.new_campaign(THREE_STEPS)
    with world.workspace.session() as session:  # as an older version let it through
        campaign = session.get(Campaign, campaign_id)
        document = dict(campaign.document)
        document["nodes"] = [dict(n, amount=10**30) if n["type"] == "delay" else n
                             for n in document["nodes"]]  # fmt: skip
        campaign.document = document
        campaign.document_revision += 1

    for _ in range(5):
        world.tick()
        world.clock.advance(timedelta(minutes=15))

    assert len(world.received_by("ann@acme.io")) == 1
    ann = world.enrollment("ann@acme.io")
    assert (ann.state, ann.last_error) == ("error", f"a delay of {10**30} days is out of range")
