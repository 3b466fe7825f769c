"""When the server says no: back-off on 4xx, Error on 5xx, a pause on auth and sender refusals."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from fluenzr_desktop.store.campaigns import change_status
from fluenzr_desktop.store.models import Campaign, Suppression

from .conftest import delay, email, linear


def test_temporary_failure_backs_off_and_retries_the_same_message(make_world):
    world = make_world()
    world.add_contacts(["busy@acme.io,Busy,Acme", "ann@acme.io,Ann,Acme"])
    world.server.reject_recipient("busy@acme.io", "451 4.7.1 Greylisted, try later", times=2)
    world.new_campaign(linear(email()))

    report = world.tick()
    assert report.sent == 1 and report.failed == 0
    busy = world.enrollment("busy@acme.io")
    assert (busy.state, busy.current_node) == ("in_progress", "s1")
    assert "451" in busy.last_error
    first_retry = busy.next_action_at
    assert first_retry == world.clock.now() + timedelta(minutes=1)

    world.clock.advance(timedelta(minutes=1))
    world.tick()  # second 451: the wait doubles
    assert world.enrollment("busy@acme.io").next_action_at == world.clock.now() + timedelta(
        minutes=2
    )
    world.clock.advance(timedelta(minutes=2))
    assert world.tick().sent == 1

    (message,) = world.received_by("busy@acme.io")
    (row,) = [m for m in world.outbox() if m.to_address == "busy@acme.io"]
    assert row.state == "sent" and row.attempts == 3
    assert message["Message-ID"] == row.message_id  # the same message, not a new one
    assert world.enrollment("busy@acme.io").state == "completed"


def test_unknown_recipient_goes_to_error_and_is_suppressed(make_world):
    world = make_world()
    world.add_contacts(["ghost@acme.io,Ghost,Acme", "full@acme.io,Full,Acme", "ann@acme.io,A,B"])
    world.server.reject_recipient("ghost@acme.io", "550 5.1.1 <ghost@acme.io>: User unknown")
    world.server.reject_recipient("full@acme.io", "552 5.2.2 Mailbox full")
    world.new_campaign(linear(email()))

    report = world.tick()

    assert (report.sent, report.failed) == (1, 2)
    ghost = world.enrollment("ghost@acme.io")
    assert ghost.state == "error" and "User unknown" in ghost.last_error
    full = world.enrollment("full@acme.io")
    assert full.state == "error" and "Mailbox full" in full.last_error
    with world.workspace.sessions() as session:
        suppressed = set(session.scalars(select(Suppression.value)))
    assert suppressed == {"ghost@acme.io"}  # a full mailbox is not a dead address


def test_wrong_password_pauses_the_campaign_and_loses_nothing(make_world):
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme", "bob@globex.com,Bob,Globex"])
    campaign_id = world.new_campaign(linear(email(), delay(1, "days"), email("", "Again")))
    world.workspace.secret_store().set_password(world.account_id, "wrong")

    report = world.tick()

    assert report.sent == 0 and world.server.messages == []
    campaign = world.campaign()
    assert campaign.status == "paused"
    assert "authentication" in campaign.status_reason
    assert "wrong" not in campaign.status_reason  # never the password
    states = {world.enrollment(a).state for a in ("ann@acme.io", "bob@globex.com")}
    assert states <= {"added", "in_progress"}  # both still in the sequence

    world.workspace.secret_store().set_password(world.account_id, "s3cret!")
    world.service.connections.forget(world.account_id)
    with world.workspace.session() as session:
        change_status(session, session.get(Campaign, campaign_id), "resume")
    assert world.tick().sent == 2


def test_sender_refused_pauses_every_active_campaign_of_the_account(make_world):
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme", "bob@globex.com,Bob,Globex"])
    first = world.new_campaign(linear(email()), ["ann@acme.io"])
    second = world.new_campaign(linear(email()), ["bob@globex.com"])
    world.server.reject_sender("553 5.7.1 Sender address not owned by user")

    world.tick()

    for campaign_id in (first, second):
        campaign = world.campaign(campaign_id)
        assert campaign.status == "paused"
        assert "553" in campaign.status_reason
    assert [m.state for m in world.outbox()] == ["queued"]


def test_unreachable_server_retries_with_back_off(make_world):
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    world.new_campaign(linear(email()))
    world.server.stop()

    assert world.tick().sent == 0
    ann = world.enrollment("ann@acme.io")
    assert ann.state == "in_progress" and ann.next_action_at > world.clock.now()

    world.server.start()
    world.clock.advance(timedelta(minutes=1))
    assert world.tick().sent == 1


def test_a_server_refusing_every_message_pauses_instead_of_failing_everyone(make_world):
    world = make_world()
    world.add_contacts([f"p{i}@acme.io,P{i},Acme" for i in range(10)])
    world.new_campaign(linear(email()))
    world.server.reject_data("554 5.7.1 Message rejected: sender blocked")

    world.tick()

    campaign = world.campaign()
    assert campaign.status == "paused" and "refused the last 3" in campaign.status_reason
    states = {world.enrollment(f"p{i}@acme.io").state for i in range(10)}
    assert states <= {"added", "in_progress"}  # nobody lost to an Error
    assert {m.state for m in world.outbox()} == {"queued"}


def test_a_single_refused_message_fails_only_that_contact(make_world):
    world = make_world()
    world.add_contacts([f"p{i}@acme.io,P{i},Acme" for i in range(4)])
    world.new_campaign(linear(email()))
    world.server.reject_data("554 5.7.1 Message content rejected", times=1)

    report = world.tick()

    assert (report.sent, report.failed) == (3, 1)
    assert world.campaign().status == "completed"
