"""A/B variants as sent: the split, the stored choice, threads, winners and the plan."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import insert, select

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.store.ab_winners import current_winners, record_winner
from fluenzr_desktop.store.campaigns import change_status, enroll
from fluenzr_desktop.store.models import Campaign, Contact, Enrollment
from fluenzr_desktop.store.schema import events, outbox_messages
from fluenzr_desktop.store.settings import set_setting

from .conftest import delay, email, linear

# Run once per make test, not again on the moved dates: they send hundreds of emails
# and depend on no calendar date.
pytestmark = pytest.mark.heavy


def two_variants(**ab_test) -> dict:
    node = email(
        "Hello {{firstName}}",
        "Hi {{firstName}}",
        id="a",
        variants=[
            {"id": "A", "subject": "Quick question, {{firstName}}"},
            {"id": "B", "subject": "An idea for {{company}}", "body": "Bonjour {{firstName}}"},
        ],
    )
    if ab_test:
        node["ab_test"] = ab_test
    return linear(node, delay(1, "days", id="d"), email("", "Any thoughts?", id="b"))


def contacts(world, count: int, prefix: str = "c") -> list[str]:
    rows = [f"{prefix}{n}@client{n}.io,Name{n},Co{n}" for n in range(count)]
    world.add_contacts(rows, tag=prefix)
    return [row.split(",")[0] for row in rows]


def enroll_and_activate(world, campaign_id: int, emails: list[str]) -> None:
    """Enroll these contacts in the (draft) campaign, then start it."""
    with world.workspace.session() as session:
        campaign = session.get(Campaign, campaign_id)
        enroll(
            session,
            campaign,
            list(session.scalars(select(Contact).where(Contact.email.in_(emails)))),
        )
        change_status(session, campaign, "activate")


def test_400_contacts_split_about_evenly_and_each_keeps_its_variant(make_world, grant_plan):
    world = make_world()
    grant_plan(world.workspace, "starter")
    with world.workspace.session() as session:
        set_setting(session, "plan_daily_cap", "10000")
    emails = contacts(world, 400)
    world.new_campaign(two_variants())
    world.tick()

    sent = world.outbox()
    assert len(sent) == 400
    split = Counter(message.variant for message in sent)
    assert set(split) == {"A", "B"} and all(160 <= n <= 240 for n in split.values()), split
    # What was sent is the variant's own text, rendered for the contact.
    by_address = {message.to_address: message for message in sent}
    first = by_address[emails[0]]
    received = world.received_by(emails[0])[0]
    if first.variant == "A":
        assert received["Subject"] == "Quick question, Name0"
    else:
        assert received["Subject"] == "An idea for Co0"
        assert "Bonjour Name0" in received.get_payload(decode=False) or "Bonjour Name0" in str(
            received
        )
    # The choice is stored on the enrollment.
    assert world.enrollment(emails[0]).variants == {"a": first.variant}


def test_a_retry_composes_the_stored_variant_and_the_follow_up_keeps_its_subject(
    make_world, grant_plan
):
    world = make_world()
    grant_plan(world.workspace, "starter")
    [address] = contacts(world, 1)
    campaign_id = world.new_campaign(two_variants())
    with world.workspace.session() as session:
        enrollment = session.scalars(select(Enrollment)).one()
        stored = "B" if enrollment.variants.get("a") != "B" else "A"
        # As a crash between the `sending` commit and the send leaves it: chosen, unsent.
        enrollment.variants = {"a": stored}
    world.tick()
    assert [m.variant for m in world.outbox()] == [stored]
    assert world.enrollment(address).variants == {"a": stored}
    # The follow-up replies under the subject of the variant that started the thread.
    world.clock.advance(timedelta(days=1, minutes=1))
    world.tick()
    first, follow_up = world.received_by(address)
    expected = "Quick question, Name0" if stored == "A" else "An idea for Co0"
    assert first["Subject"] == expected
    assert follow_up["Subject"] == f"Re: {expected}"
    assert world.campaign(campaign_id).status == "completed"


def _seed_results(world, campaign_id: int, replies: dict[str, int], sends: int) -> None:
    """`sends` sent messages per variant at node a, of which `replies[v]` were answered."""
    with world.workspace.engine.begin() as db:
        enrollment_ids = list(
            db.scalars(
                select(Enrollment.id)
                .where(Enrollment.campaign_id == campaign_id)
                .order_by(Enrollment.id)
            )
        )
        at = world.clock.now() - timedelta(days=2)
        index = 0
        for variant, answered in replies.items():
            for n in range(sends):
                enrollment_id = enrollment_ids[index]
                index += 1
                message = f"<seed.{variant}.{n}@startup.io>"
                db.execute(
                    insert(outbox_messages).values(
                        enrollment_id=enrollment_id,
                        campaign_id=campaign_id,
                        account_id=world.account_id,
                        node_id="a",
                        message_id=message,
                        state="sent",
                        to_address="x@y.io",
                        sent_at=at,
                        variant=variant,
                        created_at=at,
                    )
                )
                if n < answered:
                    db.execute(
                        insert(events).values(
                            kind="replied",
                            occurred_at=at + timedelta(hours=1),
                            campaign_id=campaign_id,
                            enrollment_id=enrollment_id,
                            message_id=f"<in.{variant}.{n}@client.io>",
                            detail={},
                        )
                    )
                db.execute(
                    Enrollment.__table__.update()
                    .where(Enrollment.id == enrollment_id)
                    .values(state="completed", next_action_at=None)
                )


def test_with_automatic_winner_on_a_clear_winner_goes_to_everyone_not_yet_sent(
    make_world, grant_plan
):
    world = make_world()
    grant_plan(world.workspace, "starter")
    with world.workspace.session() as session:
        set_setting(session, "plan_daily_cap", "10000")
    contacts(world, 230, "seed")
    campaign_id = world.new_campaign(two_variants(auto_winner=True), activate=False)
    _seed_results(world, campaign_id, {"A": 2, "B": 14}, sends=110)
    later = contacts(world, 30, "late")
    enroll_and_activate(world, campaign_id, later)
    world.tick()

    # Everyone not yet sent at the node (10 seeded contacts left over, 30 enrolled later).
    new = [m for m in world.outbox() if not m.message_id.startswith("<seed.")]
    assert len(new) == 40 and {m.variant for m in new} == {"B"}
    with world.workspace.engine.connect() as db:
        winner = current_winners(db, campaign_id)["a"]
    assert (winner.variant, winner.manual) == ("B", False) and winner.probability >= 0.95
    # Contacts sent before the decision keep what they were sent.
    seeded = [m for m in world.outbox() if m.message_id.startswith("<seed.")]
    assert Counter(m.variant for m in seeded) == {"A": 110, "B": 110}


def test_without_automatic_winner_the_split_goes_on_and_a_manual_pick_overrides(
    make_world, grant_plan
):
    world = make_world()
    grant_plan(world.workspace, "starter")
    with world.workspace.session() as session:
        set_setting(session, "plan_daily_cap", "10000")
    contacts(world, 240, "seed")
    campaign_id = world.new_campaign(two_variants(), activate=False)
    _seed_results(world, campaign_id, {"A": 2, "B": 14}, sends=110)
    with world.workspace.engine.begin() as db:
        record_winner(db, campaign_id, "a", "A", manual=True, at=world.clock.now())
    later = contacts(world, 20, "late")
    enroll_and_activate(world, campaign_id, later)
    world.tick()
    new = [m for m in world.outbox() if m.to_address in later]
    assert {m.variant for m in new} == {"A"}  # the manual pick, though B does better
    with world.workspace.engine.connect() as db:
        assert current_winners(db, campaign_id)["a"].manual is True


def test_on_the_free_plan_variants_cannot_be_activated_and_an_expired_licence_pauses(
    make_world, grant_plan
):
    world = make_world()
    contacts(world, 3)
    campaign_id = world.new_campaign(two_variants(), activate=False)

    def activate() -> None:
        with world.workspace.session() as session:
            change_status(session, session.get(Campaign, campaign_id), "activate")

    try:
        activate()
    except FluenzrError as error:
        assert str(error) == "A/B variants need Starter"
    else:
        raise AssertionError("activation was not refused on the Free plan")
    assert world.campaign(campaign_id).status == "draft"
    # With a Starter licence that ends tomorrow, it runs today and pauses the day after.
    grant_plan(world.workspace, "starter", expires=world.clock.now().date() + timedelta(days=1))
    activate()
    world.tick()
    assert len(world.outbox()) == 3
    world.clock.advance(timedelta(days=1, minutes=1))
    report = world.tick()
    campaign = world.campaign(campaign_id)
    assert campaign.status == "paused"
    assert campaign.status_reason.startswith("A/B variants need Starter")
    assert "expired" in campaign.status_reason
    assert report.paused and not [m for m in world.outbox() if m.node_id == "b"]


def test_the_free_plan_sends_50_a_day_whatever_the_cap_chosen(make_world):
    world = make_world()
    with world.workspace.session() as session:
        set_setting(session, "plan_daily_cap", "10000")
    contacts(world, 60)
    world.new_campaign(linear(email()))
    world.tick()
    assert len([m for m in world.outbox() if m.state == "sent"]) == 50


def test_thompson_allocation_favours_the_better_variant_and_keeps_a_floor(make_world, grant_plan):
    world = make_world()
    grant_plan(world.workspace, "starter")
    with world.workspace.session() as session:
        set_setting(session, "plan_daily_cap", "10000")
    contacts(world, 40, "seed")
    campaign_id = world.new_campaign(two_variants(allocation="thompson"), activate=False)
    _seed_results(world, campaign_id, {"A": 1, "B": 6}, sends=20)  # B likely better, unsure
    later = contacts(world, 200, "late")
    enroll_and_activate(world, campaign_id, later)
    world.tick()
    split = Counter(m.variant for m in world.outbox() if m.to_address in later)
    assert split["B"] > split["A"] >= 10, split  # B favoured, A never under about 10%
    with world.workspace.engine.connect() as db:
        assert current_winners(db, campaign_id) == {}  # no winner: 20 sends each is too few
