"""Opens, clicks and one-click unsubscribes, end to end: the engine sends tracked mail to a
real SMTP server, a real relay process records the hits a mail client would make, and the
app pulls, judges and acts on them."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from html import unescape

import pytest
from sqlalchemy import select

from fluenzr_desktop.domain.errors import ActivationRefused
from fluenzr_desktop.ops.tracking import forget_relay, pull_tracking, set_relay
from fluenzr_desktop.store.campaigns import change_status
from fluenzr_desktop.store.models import Campaign, Event, OutboxMessage, Suppression
from fluenzr_relay.tokens import RelayKeys, read_token
from tests.fixtures.relay_server import GMAIL_IMAGE_PROXY, Relay

from .conftest import delay, email, linear

# The relay runs on the real clock and the tests start from its time, not the calendar's:
# nothing here depends on the date, so the moved-date passes of `make test` skip it.
# Conditions on opens and clicks need the Pro plan (tests/engine/test_ab_variants.py
# checks the plan's gates; here the workspace simply has it).
pytestmark = [pytest.mark.heavy, pytest.mark.usefixtures("pro_workspace")]

BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
APPLE_MPP = "Mozilla/5.0"
BODY = (
    "<p>Hi {{firstName}}, a two-minute demo: <a href='https://startup.io/demo?x=1&amp;y=2'>"
    "watch it</a>.</p>"
)


def relay_now(relay: Relay) -> datetime:
    """The relay's own time, read off a probe hit (the relay runs on the real clock)."""
    answer = relay.get("/o/k1.probe.probe.gif")  # a bad token: served, not recorded
    assert answer.status == 200
    return datetime.strptime(answer.headers["date"], "%a, %d %b %Y %H:%M:%S GMT")


def tracked_world(make_world, relay: Relay, *steps: dict, emails=None, activate=True, **settings):
    """A world whose relay is set, whose sends happened ten minutes before the relay's now."""
    world = make_world(start=relay_now(relay) - timedelta(minutes=10))
    set_relay(
        world.workspace, f"http://127.0.0.1:{relay.port}", relay.key_file.read_text(), "relay.key"
    )
    world.add_contacts(["ann@acme.io,Ann,Acme", "bob@globex.io,Bob,Globex"])
    steps = steps or (email("A demo, {{firstName}}?", BODY, id="e1"),)
    settings = {"track_opens": True, "track_clicks": True, **settings}
    world.new_campaign(linear(*steps, **settings), emails=emails, activate=activate)
    return world


def html_of(received) -> str:
    return next(
        part.get_content()
        for part in received.message.walk()
        if part.get_content_type() == "text/html"
    )


def relay_paths(received, kind: str) -> list[str]:
    """The relay paths of one kind (/o/, /c/, /u/) in a received message's HTML part."""
    return [
        unescape(path)
        for path in re.findall(rf'http://127\.0\.0\.1:\d+(/{kind}/[^"\']+)', html_of(received))
    ]


def events_of(world, *kinds: str) -> list[Event]:
    with world.workspace.sessions() as session:
        statement = select(Event).where(Event.source_id.is_not(None)).order_by(Event.id)
        if kinds:
            statement = statement.where(Event.kind.in_(kinds))
        return list(session.scalars(statement))


def test_a_tracked_email_carries_a_pixel_relay_links_and_one_click_unsubscribe(make_world, relay):
    world = tracked_world(make_world, relay)
    world.tick()

    received = world.received_by("ann@acme.io")[0]
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    targets = re.findall(r"<([^>]+)>", received["List-Unsubscribe"])
    assert targets[0].startswith(f"http://127.0.0.1:{relay.port}/u/")
    assert targets[1].startswith("mailto:founder@startup.io?subject=unsubscribe-")
    assert len(relay_paths(received, "o")) == 1
    (link,) = [p for p in relay_paths(received, "c") if "honeypot" not in p][:1]
    token = link.removeprefix("/c/")
    fields = read_token(RelayKeys.load(relay.key_file), token, "c")
    assert fields is not None and fields["u"] == "https://startup.io/demo?x=1&y=2"
    # The address is never in what the relay sees.
    assert "ann" not in html_of(received).split("/c/")[1].split('"')[0]
    (outbox,) = [o for o in world.outbox() if o.to_address == "ann@acme.io"]
    assert outbox.track_opens is True and outbox.tracked_links == 1


def test_people_and_machines_are_told_apart_and_each_hit_is_recorded_once(make_world, relay, cli):
    world = tracked_world(make_world, relay)
    world.tick()
    ann, bob = world.received_by("ann@acme.io")[0], world.received_by("bob@globex.io")[0]
    (pixel,) = relay_paths(ann, "o")
    link = next(p for p in relay_paths(ann, "c") if read_token(relay.keys, p[3:], "c").get("u"))
    honeypot = next(
        p for p in relay_paths(bob, "c") if read_token(relay.keys, p[3:], "c").get("h") == 1
    )

    assert relay.get(pixel, GMAIL_IMAGE_PROXY).status == 200  # Gmail fetches on open: a person
    assert relay.get(pixel, APPLE_MPP).status == 200  # Apple's proxy: fetched unread
    assert relay.get(link, BROWSER).status == 302  # a person follows the link
    # Only a machine finds this link, even one posing as a browser (Defender's sandbox).
    assert relay.get(honeypot, BROWSER).status == 200

    report = pull_tracking(world.workspace).report
    assert (report.opens, report.proxied_opens, report.clicks, report.machine_hits) == (1, 1, 1, 1)
    recorded = {(e.kind, e.detail["user_agent"], e.node_id) for e in events_of(world)}
    assert recorded == {
        ("opened", GMAIL_IMAGE_PROXY, "e1"),
        ("open_proxied", APPLE_MPP, "e1"),
        ("clicked", BROWSER, "e1"),
        ("click_machine", BROWSER, "e1"),
    }
    by_contact = {e.kind: e.contact_id for e in events_of(world)}
    assert by_contact["clicked"] != by_contact["click_machine"]
    assert pull_tracking(world.workspace).report.recorded == 0  # nothing twice
    shown = cli("contacts", "show", "ann@acme.io").stdout
    assert " opened  \n" in shown and " open_proxied  (apple_mpp)\n" in shown
    assert " clicked  https://startup.io/demo?x=1&y=2\n" in shown
    assert " click_machine  (honeypot)\n" in cli("contacts", "show", "bob@globex.io").stdout


def test_a_scanner_clicking_every_link_at_once_turns_its_first_click_into_a_machine_one(
    make_world, relay
):
    body = "<p><a href='https://startup.io/a'>a</a> <a href='https://startup.io/b'>b</a></p>"
    world = tracked_world(
        make_world, relay, email("Two links", body, id="e1"), emails=["ann@acme.io"]
    )
    world.tick()
    first, second = [
        p
        for p in relay_paths(world.received_by("ann@acme.io")[0], "c")
        if "u" in read_token(relay.keys, p[3:], "c")
    ]
    relay.get(first, BROWSER)
    assert pull_tracking(world.workspace).report.clicks == 1  # alone, it looks like a person
    relay.get(second, BROWSER)  # every link within seconds: a scanner after all

    report = pull_tracking(world.workspace).report
    assert (report.machine_hits, report.rejudged) == (1, 1)
    assert [e.kind for e in events_of(world)] == ["click_machine", "click_machine"]


def opened_condition_world(make_world, relay):
    """Start → e1 → 2 days → opened e1? yes: "Glad…" / no: "Did this get buried?"."""
    steps = (email("A demo, {{firstName}}?", BODY, id="e1"), delay(2, "days", id="d1"))
    world = tracked_world(make_world, relay, *steps, activate=False)
    with world.workspace.session() as session:
        campaign = session.get(Campaign, world.campaigns[0])
        document = dict(campaign.document)
        document["nodes"] = [n for n in document["nodes"] if n["id"] != "end"] + [
            {"id": "c1", "type": "condition", "condition": {"kind": "opened", "node": "e1"}},
            {"id": "yes", "type": "email", "subject": "", "body": "Glad you had a look."},
            {"id": "no", "type": "email", "subject": "", "body": "Did this get buried?"},
            {"id": "end", "type": "end"},
        ]
        document["edges"] = [e for e in document["edges"] if e["from"] != "d1"] + [
            {"from": "d1", "to": "c1"},
            {"from": "c1", "port": "yes", "to": "yes"},
            {"from": "c1", "port": "no", "to": "no"},
            {"from": "yes", "to": "end"},
            {"from": "no", "to": "end"},
        ]
        campaign.document = document
        change_status(session, campaign, "activate")
    world.tick()
    return world


def last_body(world, address: str) -> str:
    return world.received_by(address)[-1].raw.decode()


def test_an_opened_condition_follows_a_human_open_and_not_a_proxied_one(make_world, relay):
    world = opened_condition_world(make_world, relay)
    relay.get(relay_paths(world.received_by("ann@acme.io")[0], "o")[0], GMAIL_IMAGE_PROXY)
    relay.get(relay_paths(world.received_by("bob@globex.io")[0], "o")[0], APPLE_MPP)

    world.clock.advance(timedelta(days=2, minutes=1))
    world.tick()  # the engine reads the relay itself before it evaluates the condition

    assert "Glad you had a look." in last_body(world, "ann@acme.io")
    assert "Did this get buried?" in last_body(world, "bob@globex.io")


def test_a_condition_waits_an_hour_for_an_unreachable_relay_then_says_it_answered_without(
    make_world, relay
):
    world = opened_condition_world(make_world, relay)
    relay.get(relay_paths(world.received_by("ann@acme.io")[0], "o")[0], GMAIL_IMAGE_PROXY)
    relay.stop()

    world.clock.advance(timedelta(days=2, minutes=1))
    report = world.tick()
    assert report.sent == 0 and report.to_dict()["waiting_by"]["relay"] == 2
    world.clock.advance(timedelta(minutes=30))
    assert world.tick().sent == 0  # still trying
    world.clock.advance(timedelta(minutes=31))

    assert world.tick().sent == 2
    # The open never reached the app: both went down "no", and each contact says why.
    assert "Did this get buried?" in last_body(world, "ann@acme.io")
    with world.workspace.sessions() as session:
        unchecked = list(session.scalars(select(Event).where(Event.kind == "relay_unreachable")))
    assert len(unchecked) == 2 and "cannot reach the relay" in unchecked[0].detail["error"]


def test_a_one_click_unsubscribe_stops_every_campaign_and_suppresses_the_address(make_world, relay):
    world = tracked_world(
        make_world, relay, email("Hi", BODY, id="e1"), delay(3, "days"), email("", "Again")
    )
    world.tick()
    target = re.findall(r"<([^>]+)>", world.received_by("ann@acme.io")[0]["List-Unsubscribe"])[0]
    path = target.split(str(relay.port), 1)[1]

    assert relay.get(path, BROWSER).status == 200  # the confirmation page: no unsubscribe yet
    assert pull_tracking(world.workspace).report.unsubscribes == 0
    answer = relay.request(
        "POST",
        path,
        {"Content-Type": "application/x-www-form-urlencoded"},
        b"List-Unsubscribe=One-Click",
    )
    assert answer.status == 200

    assert pull_tracking(world.workspace).report.unsubscribes == 1
    assert world.enrollment("ann@acme.io").state == "unsubscribed"
    assert world.enrollment("bob@globex.io").state == "in_progress"
    with world.workspace.sessions() as session:
        assert session.scalar(select(Suppression.value)) == "ann@acme.io"
    world.clock.advance(timedelta(days=3, minutes=1))
    world.tick()
    assert len(world.received_by("ann@acme.io")) == 1


def test_a_week_offline_is_caught_up_in_one_pull(make_world, relay):
    world = tracked_world(make_world, relay, emails=["ann@acme.io"])
    world.tick()
    (pixel,) = relay_paths(world.received_by("ann@acme.io")[0], "o")
    for _ in range(1_203):  # three pages of hits and a bit, gathered while the laptop slept
        relay.get(pixel, GMAIL_IMAGE_PROXY)
    world.clock.advance(timedelta(days=7))

    report = pull_tracking(world.workspace).report

    assert report.opens == 1_203
    assert report.cursor == relay.events()[-1]["id"]
    assert len(events_of(world, "opened")) == 1_203


def test_tracking_without_a_relay_is_refused_up_front_and_pauses_if_the_relay_goes(
    make_world, relay
):
    world = tracked_world(make_world, relay, emails=["ann@acme.io"])
    forget_relay(world.workspace)
    assert world.tick().sent == 0
    campaign = world.campaign()
    assert campaign.status == "paused"
    assert "tracking relay" in campaign.status_reason
    with world.workspace.session() as session, pytest.raises(ActivationRefused) as refused:
        change_status(session, session.get(Campaign, campaign.id), "resume")
    assert [problem.code for problem in refused.value.problems] == ["tracking_needs_relay"]
    with world.workspace.sessions() as session:
        assert session.scalars(select(OutboxMessage)).first() is None


def test_a_relay_redeployed_with_a_new_database_is_read_from_its_start(
    make_world, relay, start_relay, tmp_path
):
    world = tracked_world(make_world, relay, emails=["ann@acme.io"])
    world.tick()
    (pixel,) = relay_paths(world.received_by("ann@acme.io")[0], "o")
    for _ in range(3):
        relay.get(pixel, GMAIL_IMAGE_PROXY)
    assert pull_tracking(world.workspace).report.opens == 3
    relay.stop()
    # Same address and key, but the hits file was not kept: its ids count from 1 again.
    redeployed = start_relay("--port", str(relay.port), db=tmp_path / "new-hits.db")
    for _ in range(2):
        redeployed.get(pixel, GMAIL_IMAGE_PROXY)

    report = pull_tracking(world.workspace).report
    assert report.relay_restarted and report.opens == 2
    assert len(events_of(world, "opened")) == 5
