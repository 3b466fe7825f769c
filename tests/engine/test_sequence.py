"""Contacts move through the graph on an injected clock: delays, conditions, windows, states."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from fluenzr_desktop.store.campaigns import change_status, enroll
from fluenzr_desktop.store.models import Campaign, Contact, Event
from tests.timing import (
    NEW_YORK,
    PARIS,
    WEDNESDAY,
    local_of,
    next_dst_change,
    next_weekday_at,
    utc_of,
)

from .conftest import ALWAYS_OPEN, delay, email, linear

# Condition nodes need the Pro plan: these tests are about the sequence, not the plan.
pytestmark = pytest.mark.usefixtures("pro_workspace")


def branching_document(**settings) -> dict:
    """Start → e1 → wait 3 days → has company? yes: e2 → end; no: e3 → end."""
    document = linear(email("First {{firstName}}", "Hello", id="e1"), delay(3, "days", id="d1"),
                      **settings)  # fmt: skip
    document["nodes"] = [n for n in document["nodes"] if n["id"] != "end"] + [
        {"id": "c1", "type": "condition",
         "condition": {"kind": "field", "field": "company", "op": "is_not_empty"}},
        {"id": "e2", "type": "email", "subject": "", "body": "About {{company}}"},
        {"id": "e3", "type": "email", "subject": "", "body": "About your work"},
        {"id": "end", "type": "end"},
    ]  # fmt: skip
    document["edges"] = [
        {"from": "start", "to": "e1"}, {"from": "e1", "to": "d1"}, {"from": "d1", "to": "c1"},
        {"from": "c1", "port": "yes", "to": "e2"}, {"from": "c1", "port": "no", "to": "e3"},
        {"from": "e2", "to": "end"}, {"from": "e3", "to": "end"},
    ]  # fmt: skip
    return document


def test_delay_and_condition_follow_the_clock(make_world):
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme", "bob@nocompany.io,Bob,"])
    world.new_campaign(branching_document())

    world.tick()
    assert len(world.server.messages) == 2
    ann = world.enrollment("ann@acme.io")
    assert (ann.current_node, ann.state) == ("d1", "in_progress")
    assert ann.next_action_at == world.clock.now() + timedelta(days=3)

    world.clock.advance(timedelta(days=2, hours=23))
    assert world.tick().sent == 0  # still waiting
    world.clock.advance(timedelta(hours=1, seconds=1))
    report = world.tick()

    assert report.sent == 2 and report.completed == 2
    assert (
        world.received_by("ann@acme.io")[1]
        .message.get_body(("plain",))
        .get_content()
        .startswith("About Acme")
    )
    assert (
        "About your work"
        in world.received_by("bob@nocompany.io")[1].message.get_body(("plain",)).get_content()
    )
    assert world.campaign().status == "completed"


def test_opened_condition_reads_events(make_world):
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme", "bob@globex.com,Bob,Globex"])
    document = branching_document()
    for node in document["nodes"]:
        if node["id"] == "c1":
            node["condition"] = {"kind": "opened", "node": "e1"}
    campaign_id = world.new_campaign(document)
    world.tick()
    ann = world.enrollment("ann@acme.io")
    with world.workspace.session() as session:
        session.add(Event(kind="opened", campaign_id=campaign_id, enrollment_id=ann.id,
                          contact_id=ann.contact_id, node_id="e1"))  # fmt: skip
    world.clock.advance(timedelta(days=3, seconds=1))
    world.tick()
    assert (
        "About Acme"
        in world.received_by("ann@acme.io")[1].message.get_body(("plain",)).get_content()
    )
    assert (
        "About your work"
        in world.received_by("bob@globex.com")[1].message.get_body(("plain",)).get_content()
    )


def test_sending_window_across_the_autumn_dst_change_in_paris(make_world):
    # The Friday before Paris's clocks go back, 18:30 (summer time): the window is closed.
    sunday = next_dst_change(PARIS, back=True)
    friday, monday = sunday - timedelta(days=2), sunday + timedelta(days=1)
    world = make_world(start=utc_of(friday, 18, 30))
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    window = {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "18:00"}
    world.new_campaign(linear(email(), delay(1, "days"), email("", "Again"),
                              window=window, timezone="Europe/Paris"))  # fmt: skip

    assert world.tick().sent == 0
    # Monday 09:00 in Paris is now one hour later in UTC than Friday 09:00 was.
    monday_9h = utc_of(monday, 9)
    assert monday_9h - utc_of(friday, 9) == timedelta(days=3, hours=1)
    assert world.enrollment("ann@acme.io").next_action_at == monday_9h
    world.clock.set(monday_9h - timedelta(minutes=1))
    assert world.tick().sent == 0
    world.clock.set(monday_9h)
    assert world.tick().sent == 1
    # One day later is Tuesday 09:00 Paris, inside the window.
    assert world.enrollment("ann@acme.io").next_action_at == utc_of(monday + timedelta(days=1), 9)


def test_contact_time_zone_moves_its_window(make_world):
    world = make_world(start=next_weekday_at(WEDNESDAY, 13))  # 07:00 or 08:00 in New York
    world.add_contacts(["ann@acme.io,Ann,Acme", "nyc@acme.com,Ny,Acme"])
    with world.workspace.session() as session:
        nyc = session.scalar(select(Contact).where(Contact.email == "nyc@acme.com"))
        nyc.timezone = "America/New_York"
    window = {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "18:00"}
    world.new_campaign(linear(email(), window=window, timezone="Europe/Paris"))
    world.tick()
    assert [m.rcpt_tos for m in world.server.messages] == [("ann@acme.io",)]
    new_york_day = local_of(world.clock.now(), NEW_YORK).date()
    expected = utc_of(new_york_day, 9, zone=NEW_YORK)
    assert world.enrollment("nyc@acme.com").next_action_at == expected


def test_pause_stops_everything_and_resume_continues_where_each_stood(make_world):
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme", "bob@globex.com,Bob,Globex"])
    campaign_id = world.new_campaign(linear(email(), delay(1, "days"), email("", "Again")))
    world.tick()
    with world.workspace.session() as session:
        change_status(session, session.get(Campaign, campaign_id), "pause")
    world.clock.advance(timedelta(days=5))
    assert world.tick().sent == 0
    with world.workspace.session() as session:
        change_status(session, session.get(Campaign, campaign_id), "resume")
    assert world.tick().sent == 2
    assert [len(world.received_by(a)) for a in ("ann@acme.io", "bob@globex.com")] == [2, 2]


def test_contacts_enrolled_into_an_active_campaign_start_at_the_next_tick(make_world):
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    campaign_id = world.new_campaign(linear(email(), delay(1, "days"), email("", "Again")))
    world.tick()
    world.add_contacts(["late@acme.io,Late,Acme"])
    with world.workspace.session() as session:
        campaign = session.get(Campaign, campaign_id)
        late = session.scalar(select(Contact).where(Contact.email == "late@acme.io"))
        assert enroll(session, campaign, [late]) == (1, [])
    assert world.tick().sent == 1
    assert len(world.received_by("late@acme.io")) == 1
    assert world.campaign().status == "active"


def test_an_active_campaign_without_contacts_stays_active(make_world):
    world = make_world()
    world.new_campaign(linear(email(), window=ALWAYS_OPEN))
    world.tick()
    assert world.campaign().status == "active"
