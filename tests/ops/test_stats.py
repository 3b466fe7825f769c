"""Campaign statistics against a hand-counted workspace: every figure, every breakdown.

The fixture (times relative to the workspace clock; T0 = ten days ago, 10:00 UTC):

    contact  email e1 (account)          email e2      what happened
    A        T0      acc1, tracked        T0+3d acc1    e1: 2 human opens, a human click on
                                                        /pricing, a scanner clicking both links
                                                        at +30 s; e2: a human click on /demo
                                                        and no open (the click implies it)
    B        T0+1h   acc2, tracked        -             Apple proxied open (2 hits); replies
                                                        at T0+2d (→ e1, acc2)
    C        T0+2h   acc1, tracked        T0+3d2h acc1  e1: machine open, human open at T0+1d;
                                                        replies at T0+3d5h (→ e2, not e1)
    D        T0+3h   acc2, NOT tracked    -             auto-reply at 23:30 UTC on T0's date
                                                        (the next day in Paris), unsubscribes
                                                        by mail at T0+1d
    E        T0+4h   acc1, tracked        -             hard bounce (final) at T0+4h5m; Error
    F        T0+5h   acc2, tracked        -             a delayed-delivery warning (not final:
                                                        not a bounce), a spam complaint at T0+2d
    G        queued, never sent           -             nothing

Counted by hand: sent 8 (7 tracked); bounced 1 hard → delivered 7 (6 tracked); opened 3
(A e1, A e2 by its click, C e1 — B's proxied open is not one); clicked 2; proxied 1 (2
hits); machine 2 messages (3 hits); replied 2; auto-replied 1; unsubscribed 1 + 1
complaint; errors 1; first reply after 47 h (B) and 75 h (C): median 61 h.
"""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert

from fluenzr_desktop.domain.clock import ManualClock
from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.ops.stats import all_campaigns_stats, campaign_stats, export_stats_csv
from fluenzr_desktop.store.accounts import add_account
from fluenzr_desktop.store.campaigns import create_campaign
from fluenzr_desktop.store.schema import contacts, enrollments, events, outbox_messages

PRICING = "https://startup.io/pricing"
DEMO = "https://startup.io/demo"


def stats_document() -> dict:
    """Start → e1 → 3 days → e2 → End, days in Paris."""
    return {
        "version": 1,
        "settings": {"timezone": "Europe/Paris"},
        "nodes": [
            {"id": "start", "type": "start"},
            {"id": "e1", "type": "email", "subject": "Quick question", "body": "Hi"},
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


class World:
    """The hand-counted campaign, with the ids and instants the assertions need."""

    def __init__(self, workspace) -> None:
        now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        workspace.clock = ManualClock(now)
        self.t0 = (now - timedelta(days=10)).replace(hour=10, minute=0, second=0)
        self.day0 = self.t0.date()  # T0 is 11:00 or 12:00 in Paris: the same date
        with workspace.session() as session:
            self.acc1 = add_account(
                session, name="One", email="one@startup.io", smtp_host="127.0.0.1"
            ).id
            self.acc2 = add_account(
                session, name="Two", email="two@startup.io", smtp_host="127.0.0.1"
            ).id
            self.campaign = create_campaign(session, "Hand count", stats_document(), self.acc1).id
            self.other = create_campaign(session, "Quiet", stats_document(), self.acc1).id
        self.enrollment: dict[str, int] = {}
        self.contact: dict[str, int] = {}
        with workspace.engine.begin() as db:
            for name in "ABCDEFG":
                self.contact[name] = db.execute(
                    insert(contacts).values(email=f"{name.lower()}@client.com")
                ).inserted_primary_key[0]
                state = {"E": "error", "G": "added"}.get(name, "in_progress")
                self.enrollment[name] = db.execute(
                    insert(enrollments).values(
                        campaign_id=self.campaign,
                        contact_id=self.contact[name],
                        state=state,
                        current_node="e1" if name == "E" else None,
                    )
                ).inserted_primary_key[0]
            self.db = db
            t = self.t0
            self.send("A", "e1", t, self.acc1)
            self.send("A", "e2", t + timedelta(days=3), self.acc1)
            self.send("B", "e1", t + timedelta(hours=1), self.acc2)
            self.send("C", "e1", t + timedelta(hours=2), self.acc1)
            self.send("C", "e2", t + timedelta(days=3, hours=2), self.acc1)
            self.send("D", "e1", t + timedelta(hours=3), self.acc2, tracked=False)
            self.send("E", "e1", t + timedelta(hours=4), self.acc1)
            self.send("F", "e1", t + timedelta(hours=5), self.acc2)
            self.send("G", "e1", None, self.acc1)  # queued: not sent
            # Tracking hits (node and message of the outbox row).
            self.hit("A", "e1", "opened", t + timedelta(hours=1))
            self.hit("A", "e1", "opened", t + timedelta(hours=5))
            self.hit("A", "e1", "clicked", t + timedelta(hours=2), link=0, url=PRICING)
            self.hit("A", "e1", "click_machine", t + timedelta(seconds=30), link=0, url=PRICING)
            self.hit("A", "e1", "click_machine", t + timedelta(seconds=30), link=1, url=DEMO)
            self.hit("A", "e2", "clicked", t + timedelta(days=3, hours=1), link=1, url=DEMO)
            self.hit("B", "e1", "open_proxied", t + timedelta(hours=1, minutes=1))
            self.hit("B", "e1", "open_proxied", t + timedelta(hours=1, minutes=2))
            self.hit("C", "e1", "open_machine", t + timedelta(hours=2, seconds=10))
            self.hit("C", "e1", "opened", t + timedelta(days=1))
            # Inbound mail (its own Message-ID, no node): attributed by time.
            self.inbound("B", "replied", t + timedelta(days=2))
            self.inbound("C", "replied", t + timedelta(days=3, hours=5))
            self.inbound("D", "auto_replied", t.replace(hour=23, minute=30))
            self.inbound("D", "unsubscribed", t + timedelta(days=1))
            self.inbound(
                "E", "bounced", t + timedelta(hours=4, minutes=5), {"hard": True, "final": True}
            )
            self.inbound("F", "bounced", t + timedelta(hours=6), {"hard": False, "final": False})
            self.inbound("F", "complained", t + timedelta(days=2))
            # Another campaign's activity never leaks into this one.
            db.execute(
                insert(events).values(
                    kind="replied", occurred_at=t, campaign_id=self.other, message_id="<x@y>"
                )
            )

    def send(self, name: str, step: str, at: datetime | None, account: int, tracked=True) -> None:
        message = f"<{name}.{step}@startup.io>"
        self.db.execute(
            insert(outbox_messages).values(
                enrollment_id=self.enrollment[name],
                campaign_id=self.campaign,
                account_id=account,
                node_id=step,
                message_id=message,
                state="sent" if at is not None else "queued",
                to_address=f"{name.lower()}@client.com",
                sent_at=at,
                track_opens=tracked,
                tracked_links=2 if tracked else None,
            )
        )
        if at is not None:
            self.event(name, "sent", at, step, message, {})

    def hit(self, name: str, step: str, kind: str, at: datetime, **detail) -> None:
        self.event(name, kind, at, step, f"<{name}.{step}@startup.io>", detail)

    def inbound(self, name: str, kind: str, at: datetime, detail: dict | None = None) -> None:
        self.event(
            name,
            kind,
            at,
            None,
            f"<in.{name}.{kind}.{int(at.timestamp())}@client.com>",
            detail or {},
        )

    def event(self, name, kind, at, step, message, detail) -> None:
        self.db.execute(
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


@pytest.fixture
def world(workspace) -> World:
    return World(workspace)


def test_campaign_totals_match_the_hand_count(workspace, world) -> None:
    figures = campaign_stats(workspace, world.campaign).total
    total = figures.to_dict()
    expected = {
        "sent": 8,
        "bounced": 1,
        "bounced_hard": 1,
        "bounced_soft": 0,  # F's delayed warning is no bounce
        "delivered": 7,
        "delivered_tracked_opens": 6,  # D carried no pixel, E bounced
        "delivered_tracked_clicks": 6,
        "opened": 3,  # A e1, A e2 (its click), C e1; never B's proxied open
        "clicked": 2,
        "click_hits": 2,
        "proxied_opens": 1,
        "proxied_open_hits": 2,
        "machine": 2,
        "machine_hits": 3,
        "replied": 2,
        "auto_replied": 1,
        "unsubscribed": 1,
        "complained": 1,
        "errors": 1,
    }
    assert {key: total[key] for key in expected} == expected
    assert total["rates"]["reply_rate"] == pytest.approx(2 / 7)
    assert total["rates"]["open_rate"] == pytest.approx(3 / 6)
    assert total["rates"]["click_rate"] == pytest.approx(2 / 6)
    assert figures.reply_seconds_median == 61 * 3600
    assert figures.replied_contacts == 2


def test_per_step_a_reply_counts_for_the_latest_email_before_it(workspace, world) -> None:
    rows = {row.key: row for row in campaign_stats(workspace, world.campaign, "step").rows}
    assert list(rows) == ["e1", "e2"]
    assert rows["e1"].label == "Email 1: Quick question"
    e1, e2 = rows["e1"].figures, rows["e2"].figures
    assert (e1.counts.sent, e1.delivered, e1.delivered_tracked_opens) == (6, 5, 4)
    assert (e1.counts.opened, e1.counts.clicked, e1.counts.replied) == (2, 1, 1)  # B
    assert (e1.counts.auto_replied, e1.counts.unsubscribed, e1.counts.complained) == (1, 1, 1)
    assert (e1.counts.proxied, e1.counts.machine, e1.counts.machine_hits) == (1, 2, 3)
    assert e1.counts.errors == 1
    assert e1.reply_seconds_median == 47 * 3600
    # C replied after e2 went out: the reply is e2's, though C was first mailed by e1.
    assert (e2.counts.sent, e2.delivered, e2.counts.replied) == (2, 2, 1)
    assert (e2.counts.opened, e2.counts.clicked) == (1, 1)  # A's click implies the open
    assert e2.reply_seconds_median == 75 * 3600
    assert e2.rates()["reply_rate"] == pytest.approx(1 / 2)


def test_per_account_inbound_mail_follows_the_message_it_answers(workspace, world) -> None:
    rows = {
        row.key: row.figures for row in campaign_stats(workspace, world.campaign, "account").rows
    }
    one, two = rows[world.acc1], rows[world.acc2]
    assert (one.counts.sent, one.bounced, one.delivered) == (5, 1, 4)
    assert (one.counts.opened, one.counts.clicked, one.counts.replied) == (3, 2, 1)
    assert (one.counts.machine, one.counts.proxied) == (2, 0)
    assert (two.counts.sent, two.delivered, two.delivered_tracked_opens) == (3, 3, 2)
    assert (two.counts.replied, two.counts.auto_replied) == (1, 1)
    assert (two.counts.unsubscribed, two.counts.complained, two.counts.proxied) == (1, 1, 1)


def test_per_link_unique_and_total_clicks_apart_from_scanners(workspace, world) -> None:
    links = {link["url"]: link for link in campaign_stats(workspace, world.campaign, "link").links}
    assert links[PRICING] == {"url": PRICING, "unique": 1, "total": 1, "machine": 1}
    assert links[DEMO] == {"url": DEMO, "unique": 1, "total": 1, "machine": 1}


def test_per_day_in_the_campaign_time_zone(workspace, world) -> None:
    stats = campaign_stats(workspace, world.campaign, "day")
    days = {row.key: row.figures.counts for row in stats.rows}
    day0 = world.day0
    assert list(days) == [day0 + timedelta(days=n) for n in range(4)]
    first, second, third, fourth = (days[day0 + timedelta(days=n)] for n in range(4))
    assert (first.sent, first.bounced_hard, first.opened, first.proxied, first.machine) == (
        6,
        1,
        1,
        1,
        2,
    )
    # D's auto-reply came at 23:30 UTC on day 0: past midnight in Paris, so day 1.
    assert (first.auto_replied, second.auto_replied) == (0, 1)
    assert (second.opened, second.unsubscribed) == (1, 1)
    assert (third.replied, third.complained) == (1, 1)
    assert (fourth.sent, fourth.opened, fourth.clicked, fourth.replied) == (2, 1, 1, 1)


def test_a_period_counts_only_its_days(workspace, world) -> None:
    last = world.day0 + timedelta(days=3)
    figures = campaign_stats(workspace, world.campaign, start=last, end=last).total
    assert (figures.counts.sent, figures.counts.replied) == (2, 1)
    assert (figures.counts.opened, figures.counts.clicked, figures.bounced) == (1, 1, 0)
    empty = campaign_stats(workspace, world.campaign, "day", start=last + timedelta(days=20))
    assert empty.total.counts.sent == 0


def test_every_campaign_ranked_by_reply_rate(workspace, world) -> None:
    ranked = all_campaigns_stats(workspace)
    assert [stats.campaign_id for stats in ranked] == [world.campaign, world.other]
    assert ranked[1].total.rates()["reply_rate"] is None  # nothing delivered


def test_unknown_campaign_and_bad_period_are_refused(workspace, world) -> None:
    with pytest.raises(FluenzrError, match="no campaign with id 999"):
        campaign_stats(workspace, 999)
    with pytest.raises(FluenzrError, match="is after"):
        campaign_stats(
            workspace, world.campaign, start=date.today(), end=date.today() - timedelta(1)
        )


def test_export_writes_every_breakdown(workspace, world, tmp_path) -> None:
    path = tmp_path / "stats.csv"
    written = export_stats_csv(workspace, world.campaign, path)
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == written
    total = rows[0]
    assert (total["by"], total["sent"], total["replied"], total["reply_rate"]) == (
        "total",
        "8",
        "2",
        f"{2 / 7:.4f}",
    )
    assert {row["key"] for row in rows if row["by"] == "step"} == {"e1", "e2"}
    assert {row["key"] for row in rows if row["by"] == "link"} == {PRICING, DEMO}
    assert sum(int(row["sent"]) for row in rows if row["by"] == "day") == 8


@pytest.mark.parametrize("by", ["step", "account", "link", "day"])
def test_a_breakdown_shows_the_same_totals(workspace, world, by) -> None:
    alone = campaign_stats(workspace, world.campaign).total.to_dict()
    assert campaign_stats(workspace, world.campaign, by).total.to_dict() == alone
