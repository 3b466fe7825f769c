"""Caps and pacing: the plan, the account and the campaign limits; gaps; no bursts."""

from __future__ import annotations

import itertools
from datetime import timedelta

from fluenzr_desktop.store.settings import set_setting
from tests.timing import FRIDAY, MONDAY, local_of, next_weekday, next_weekday_at, utc_of

from .conftest import delay, email, linear


def contacts(count: int, prefix: str = "p") -> list[str]:
    return [f"{prefix}{i}@acme.io,{prefix.upper()}{i},Acme" for i in range(count)]


def test_account_cap_is_shared_by_all_its_campaigns_and_nothing_is_dropped(make_world):
    world = make_world(daily_cap=5, timezone="Europe/Paris")
    world.add_contacts(contacts(4, "a") + contacts(4, "b"))
    world.new_campaign(linear(email()), [f"a{i}@acme.io" for i in range(4)])
    world.new_campaign(linear(email()), [f"b{i}@acme.io" for i in range(4)])

    report = world.tick()

    assert report.sent == 5 and len(world.server.messages) == 5
    waiting = [e for e in (world.enrollment(f"{p}{i}@acme.io") for p in "ab" for i in range(4))
               if e.state == "in_progress"]  # fmt: skip
    assert len(waiting) == 3
    # They wait for the next day of the account's time zone (midnight in Paris).
    paris_midnight = utc_of(local_of(world.clock.now()).date() + timedelta(days=1), 0)
    assert {e.next_action_at for e in waiting} == {paris_midnight}
    world.clock.set(paris_midnight)
    assert world.tick().sent == 3
    assert len({m.rcpt_tos for m in world.server.messages}) == 8


def test_the_free_plan_caps_the_day_at_50_and_a_paid_plan_at_the_chosen_cap(make_world, grant_plan):
    world = make_world()
    world.add_contacts(contacts(70))
    world.new_campaign(linear(email()))
    with world.workspace.session() as session:
        set_setting(session, "plan_daily_cap", "55")
    assert world.tick().sent == 50  # the Free plan's cap, whatever the setting says
    world.clock.advance(timedelta(minutes=1))
    assert world.tick().sent == 0
    grant_plan(world.workspace, "starter")  # no plan cap: the workspace's own, 55
    world.clock.advance(timedelta(minutes=1))
    assert world.tick().sent == 5


def test_campaign_cap_limits_one_campaign(make_world):
    world = make_world()
    world.add_contacts(contacts(10))
    world.new_campaign(linear(email(), daily_cap=3))
    assert world.tick().sent == 3


def test_follow_ups_go_before_first_emails_when_the_cap_is_tight(make_world):
    world = make_world(daily_cap=4)
    world.add_contacts(contacts(4, "old"))
    world.new_campaign(linear(email(), delay(1, "days"), email("", "Follow-up")))
    assert world.tick().sent == 4
    world.add_contacts(contacts(4, "new"))
    world.new_campaign(linear(email("Intro")), [f"new{i}@acme.io" for i in range(4)])
    world.clock.advance(timedelta(days=1, minutes=1))

    world.tick()

    subjects = [m["Subject"] for m in world.server.messages[4:]]
    assert len(subjects) == 4
    assert all(subject.startswith("Re:") for subject in subjects)


def test_gap_paces_sends_and_a_backlog_drains_without_a_burst(make_world):
    world = make_world()
    world.add_contacts(contacts(6))
    world.new_campaign(linear(email(), gap_seconds=[60, 120]))

    assert world.tick().sent == 1
    # The laptop slept for hours: the backlog goes out one gap at a time, never at once.
    world.clock.advance(timedelta(hours=5))
    assert world.tick().sent == 1
    sent_times = [world.clock.now()]
    for _ in range(40):
        if len(world.server.messages) == 6:
            break
        world.clock.advance(timedelta(seconds=15))
        if world.tick().sent:
            sent_times.append(world.clock.now())
    assert len(world.server.messages) == 6
    gaps = [b - a for a, b in itertools.pairwise(sent_times)]
    assert all(timedelta(seconds=60) <= gap <= timedelta(seconds=135) for gap in gaps), gaps


def test_window_blocks_and_the_contact_waits_for_the_next_opening(make_world):
    world = make_world(start=next_weekday_at(FRIDAY, 19))
    world.add_contacts(contacts(2))
    window = {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "18:00"}
    world.new_campaign(linear(email(), window=window, timezone="Europe/Paris"))
    assert world.tick().sent == 0
    monday_9h = utc_of(next_weekday(MONDAY, local_of(world.clock.now()).date()), 9)
    assert {world.enrollment(f"p{i}@acme.io").next_action_at for i in range(2)} == {monday_9h}
    world.clock.set(monday_9h)
    assert world.tick().sent == 2
