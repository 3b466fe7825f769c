"""A/B tests of a campaign (ops/ab_tests.py) against hand-counted rows.

The fixture (times relative to the workspace clock; T0 = five days ago, 10:00 UTC), email
node e1 with variants A and B (metric: replies), e2 a plain follow-up:

    contact  variant  account  what happened to its e1 email
    a1       A        acc1     a reply (attributed to e1 by time)
    a2       A        acc1     a human open
    a3       A        acc1     a hard bounce (final)
    a4       A        acc2     a human click (which implies an open)
    b1       B        acc1     a reply
    b2       B        acc2     a reply
    b3       B        acc1     an Apple proxied open (never a human open)
    b4       B        acc1     a soft bounce (final)

Counted by hand: A sent 4, delivered 3, replied 1, opened 2, clicked 1; B sent 4,
delivered 3, replied 2, opened 0, clicked 0. Replies per delivered: 1/3 against 2/3.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert

from fluenzr_desktop.domain.ab_test import Metric, decide
from fluenzr_desktop.domain.clock import ManualClock
from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.engine.ab_allocation import decide_automatic_winners
from fluenzr_desktop.ops.ab_tests import ab_test_report, pick_variant, verdict_text
from fluenzr_desktop.store.ab_winners import current_winners
from fluenzr_desktop.store.accounts import add_account
from fluenzr_desktop.store.campaigns import create_campaign
from fluenzr_desktop.store.models import Campaign
from fluenzr_desktop.store.schema import contacts, enrollments, events, outbox_messages


def ab_document(metric: str = "replies", auto_winner: bool = False) -> dict:
    """Start → e1 (A/B) → 3 days → e2 → End."""
    return {
        "version": 1,
        "settings": {"timezone": "Europe/Paris"},
        "nodes": [
            {"id": "start", "type": "start"},
            {
                "id": "e1",
                "type": "email",
                "subject": "Quick question",
                "body": "Hi",
                "variants": [
                    {"id": "A", "weight": 1},
                    {"id": "B", "subject": "A faster way to book demos", "weight": 1},
                ],
                "ab_test": {"metric": metric, "auto_winner": auto_winner},
            },
            {"id": "d1", "type": "delay", "amount": 3, "unit": "days"},
            {"id": "e2", "type": "email", "subject": "", "body": "Any thoughts?"},
            {"id": "end", "type": "end"},
        ],
        "edges": [
            {"from": "start", "to": "e1"},
            {"from": "e1", "to": "d1"},
            {"from": "d1", "to": "e2"},
            {"from": "e2", "to": "end"},
        ],
    }


class AbWorld:
    """A campaign whose e1 messages carry their variant, written as the engine writes them."""

    def __init__(self, workspace, document: dict | None = None) -> None:
        self.workspace = workspace
        self.now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        workspace.clock = ManualClock(self.now)
        self.t0 = (self.now - timedelta(days=5)).replace(hour=10, minute=0, second=0)
        with workspace.session() as session:
            self.acc1 = add_account(
                session, name="One", email="one@ab.io", smtp_host="127.0.0.1"
            ).id
            self.acc2 = add_account(
                session, name="Two", email="two@ab.io", smtp_host="127.0.0.1"
            ).id
            self.campaign = create_campaign(session, "A/B", document or ab_document(), self.acc1).id
        self.enrollment: dict[str, int] = {}
        self.contact: dict[str, int] = {}
        self.count = 0

    def send(
        self, db, name: str, variant: str, account: int | None = None, step: str = "e1"
    ) -> datetime:
        """Contact `name` is enrolled and sent `step` with `variant`; returns when."""
        if name not in self.enrollment:
            self.contact[name] = db.execute(
                insert(contacts).values(email=f"{name}@client.com")
            ).inserted_primary_key[0]
            self.enrollment[name] = db.execute(
                insert(enrollments).values(
                    campaign_id=self.campaign, contact_id=self.contact[name], state="in_progress"
                )
            ).inserted_primary_key[0]
        self.count += 1
        at = self.t0 + timedelta(minutes=self.count)
        message = f"<{name}.{step}@ab.io>"
        db.execute(
            insert(outbox_messages).values(
                enrollment_id=self.enrollment[name],
                campaign_id=self.campaign,
                account_id=account or self.acc1,
                node_id=step,
                variant=variant,
                message_id=message,
                state="sent",
                to_address=f"{name}@client.com",
                sent_at=at,
                track_opens=True,
                tracked_links=1,
            )
        )
        self.event(db, name, "sent", at, step, message, {})
        return at

    def hit(self, db, name: str, kind: str, **detail) -> None:
        at = self.t0 + timedelta(days=1)
        self.event(db, name, kind, at, "e1", f"<{name}.e1@ab.io>", detail)

    def inbound(self, db, name: str, kind: str, detail: dict | None = None) -> None:
        at = self.t0 + timedelta(days=2)
        message = f"<in.{name}.{kind}@client.com>"
        self.event(db, name, kind, at, None, message, detail or {})

    def event(self, db, name, kind, at, step, message, detail) -> None:
        db.execute(
            insert(events).values(
                kind=kind,
                occurred_at=at,
                campaign_id=self.campaign,
                enrollment_id=self.enrollment[name],
                contact_id=self.contact[name],
                node_id=step,
                message_id=message,
                detail=detail,
            )
        )

    def bulk(self, variant: str, sends: int, replies: int) -> None:
        """`sends` contacts sent e1 with `variant`, the first `replies` of them replying."""
        with self.workspace.engine.begin() as db:
            for index in range(sends):
                name = f"{variant.lower()}{index}"
                self.send(db, name, variant)
                if index < replies:
                    self.inbound(db, name, "replied")

    def campaign_row(self, session) -> Campaign:
        return session.get(Campaign, self.campaign)


COUNTED = ("replied", "opened", "clicked", "proxied")


def hand_counted(workspace) -> AbWorld:
    """The hand-counted fixture of the module docstring."""
    world = AbWorld(workspace)
    with workspace.engine.begin() as db:
        for name, variant, account in [
            ("a1", "A", world.acc1),
            ("a2", "A", world.acc1),
            ("a3", "A", world.acc1),
            ("a4", "A", world.acc2),
            ("b1", "B", world.acc1),
            ("b2", "B", world.acc2),
            ("b3", "B", world.acc1),
            ("b4", "B", world.acc1),
        ]:
            world.send(db, name, variant, account)
        world.send(db, "a1", None, world.acc1, step="e2")  # a later plain email: not in e1
        world.inbound(db, "b1", "replied")
        world.inbound(db, "b2", "replied")
        world.hit(db, "a2", "opened")
        world.inbound(db, "a3", "bounced", {"hard": True, "final": True})
        world.hit(db, "a4", "clicked", link=0, url="https://ab.io/demo")
        world.hit(db, "b3", "open_proxied")
        world.inbound(db, "b4", "bounced", {"hard": False, "final": True})
    # a1's reply comes after its e1 (T0 + 1 min), before its e2 (T0 + 9 min): it answers e1.
    with workspace.engine.begin() as db:
        world.event(db, "a1", "replied", world.t0 + timedelta(minutes=5), None, "<in.a1@c.com>", {})
    return world


@pytest.fixture
def world(workspace) -> AbWorld:
    return hand_counted(workspace)


def test_each_variant_s_figures_match_the_hand_count(workspace, world) -> None:
    [test] = ab_test_report(workspace, world.campaign)
    assert (test.node_id, test.label, test.metric) == ("e1", "Email 1: Quick question", "replies")
    assert not test.opens_reliable
    shown = {
        v.id: (v.sent, v.delivered, *(getattr(v.figures.counts, name) for name in COUNTED))
        for v in test.variants
    }
    assert shown == {"A": (4, 3, 1, 2, 1, 0), "B": (4, 3, 2, 0, 0, 1)}
    a, b = test.variants
    assert a.figures.rates()["reply_rate"] == pytest.approx(1 / 3)
    assert b.figures.rates()["reply_rate"] == pytest.approx(2 / 3)
    # The test runs on (delivered, replies) of each variant.
    expected = decide([("A", 3, 1), ("B", 3, 2)])
    assert test.decision == expected
    assert (a.test.sends, a.test.successes) == (3, 1)
    assert b.test.probability_best == pytest.approx(expected.variants[1].probability_best)
    assert a.test.interval_low < 1 / 3 < a.test.interval_high
    assert test.decision.winner is None and test.winner is None
    assert verdict_text(test) == (
        "not enough data yet: each variant needs 100 sends (A has 3); 5 replies in all are "
        "needed (3 so far); no variant is 95% likely to be best (B: 75.7%); about "
        f"{expected.more_sends_needed} more sends per variant would typically settle it"
    )
    record = test.to_dict()
    assert record["variants"][0]["interval_90"] == [a.test.interval_low, a.test.interval_high]
    assert record["decision"]["reasons"] == ["too_few_sends", "too_few_successes", "not_confident"]


def test_clicks_as_the_metric_count_clicks_per_delivered_tracked_message(workspace) -> None:
    world = AbWorld(workspace, ab_document(metric="clicks"))
    with workspace.engine.begin() as db:
        world.send(db, "a1", "A")
        world.send(db, "b1", "B")
        world.hit(db, "a1", "clicked", link=0, url="https://ab.io/demo")
    [test] = ab_test_report(workspace, world.campaign)
    assert test.metric is Metric.CLICKS
    assert [(v.test.sends, v.test.successes) for v in test.variants] == [(1, 1), (1, 0)]
    assert "5 clicks in all are needed (1 so far)" in verdict_text(test)


def test_a_campaign_without_variants_has_no_test(workspace, world) -> None:
    with workspace.session() as session:
        plain = create_campaign(session, "Plain", {"version": 1, "nodes": []}, world.acc1).id
    assert ab_test_report(workspace, plain) == []


@pytest.mark.parametrize(
    ("a", "b", "winner", "reasons"),
    [
        ((100, 2), (100, 8), "B", ()),  # P(B best) = 0.971, 10 replies, 100 sends each
        ((100, 2), (99, 8), None, ("too_few_sends",)),  # one send short
        ((100, 0), (100, 4), None, ("too_few_successes",)),  # P = 0.970 but 4 replies
        ((100, 2), (100, 7), None, ("not_confident",)),  # P(B best) = 0.9497
    ],
)
def test_the_winner_rule_holds_at_its_edges_through_real_rows(
    workspace, a, b, winner, reasons
) -> None:
    world = AbWorld(workspace)
    world.bulk("A", *a)
    world.bulk("B", *b)
    [test] = ab_test_report(workspace, world.campaign)
    assert [v.delivered for v in test.variants] == [a[0], b[0]]
    assert (test.decision.winner, test.decision.reasons) == (winner, reasons)
    if winner:
        assert verdict_text(test) == "winner: B (P=0.97, replies)"
    else:
        assert verdict_text(test).startswith("not enough data yet: ")
        assert test.decision.more_sends_needed is not None


def test_a_manual_pick_overrides_the_automatic_winner_and_clearing_resumes_the_split(
    workspace,
) -> None:
    world = AbWorld(workspace, ab_document(auto_winner=True))
    world.bulk("A", 100, 2)
    world.bulk("B", 100, 8)
    with workspace.session() as session:
        [decided] = decide_automatic_winners(
            session.connection(), world.campaign_row(session), world.now
        )
    assert (decided.node_id, decided.variant, decided.manual) == ("e1", "B", False)
    assert decided.probability == pytest.approx(0.971, abs=0.001)

    workspace.clock.advance(timedelta(hours=1))
    pick = pick_variant(workspace, world.campaign, "e1", "A")
    assert pick.changes.campaigns and pick.at == world.now + timedelta(hours=1)
    [test] = ab_test_report(workspace, world.campaign)
    assert (test.winner.variant, test.winner.manual, test.winner.at) == ("A", True, pick.at)
    assert test.decision.winner == "B"  # the figures still say B; the user's pick holds
    assert "in force: A (picked by hand" in verdict_text(test)
    with workspace.session() as session:  # an automatic decision never overrides a pick
        assert (
            decide_automatic_winners(session.connection(), world.campaign_row(session), world.now)
            == []
        )

    pick_variant(workspace, world.campaign, "e1", None)
    [test] = ab_test_report(workspace, world.campaign)
    assert test.winner is None
    # Back to the split, and to automatic decisions (on here): recorded once, then held.
    later = world.now + timedelta(hours=2)
    with workspace.session() as session:
        campaign = world.campaign_row(session)
        resumed = decide_automatic_winners(session.connection(), campaign, later)
        again = decide_automatic_winners(session.connection(), campaign, later)
    assert [(w.variant, w.manual) for w in resumed] == [("B", False)]
    assert again == []


def test_automatic_winners_are_recorded_once_and_only_where_asked(workspace) -> None:
    world = AbWorld(workspace, ab_document(auto_winner=True))
    world.bulk("A", 100, 2)
    world.bulk("B", 100, 7)  # P = 0.9497: not yet
    with workspace.session() as session:
        assert (
            decide_automatic_winners(session.connection(), world.campaign_row(session), world.now)
            == []
        )
    with workspace.engine.begin() as db:  # one more reply from B tips it (8 of 100)
        world.inbound(db, "b7", "replied")
    with workspace.session() as session:
        first = decide_automatic_winners(
            session.connection(), world.campaign_row(session), world.now
        )
        again = decide_automatic_winners(
            session.connection(), world.campaign_row(session), world.now
        )
    assert [(w.variant, w.manual, w.metric) for w in first] == [("B", False, "replies")]
    assert again == []
    with workspace.sessions() as session:
        winners = current_winners(session.connection(), world.campaign)
    assert winners["e1"].variant == "B" and winners["e1"].at == world.now


def test_automatic_winner_off_records_nothing(workspace) -> None:
    world = AbWorld(workspace)
    world.bulk("A", 100, 2)
    world.bulk("B", 100, 8)
    with workspace.session() as session:
        assert (
            decide_automatic_winners(session.connection(), world.campaign_row(session), world.now)
            == []
        )
    [test] = ab_test_report(workspace, world.campaign)
    assert test.decision.winner == "B" and test.winner is None


def test_picking_an_unknown_node_or_variant_is_refused_in_one_line(workspace, world) -> None:
    with pytest.raises(FluenzrError) as unknown_node:
        pick_variant(workspace, world.campaign, "e2", "A")
    assert str(unknown_node.value) == (
        f"campaign {world.campaign} has no A/B tested email node 'e2' (its A/B tested nodes: e1)"
    )
    with pytest.raises(FluenzrError) as unknown_variant:
        pick_variant(workspace, world.campaign, "e1", "C")
    assert str(unknown_variant.value) == "node e1 has no variant 'C' (its variants: A, B)"
    with workspace.sessions() as session:
        assert current_winners(session.connection(), world.campaign) == {}
