"""The Dashboard's figures against a hand-counted workspace (days in Paris, by the workspace clock).

The fixture: the workspace clock is today 18:00 in Paris; D-n is the Paris date n days
before today; the 30 days shown are D-29 … today (index 0 … 29).

    campaign  contact  sent (Paris time)               then
    Good      A        D-29 12:00                      opened twice D-3 12:30/12:40;
                                                       replies at 23:30 UTC on D-3 (D-2 in Paris)
    Good      B        D-29 13:00                      opened and clicked D-29 14:00/14:05
    Good      C        D-3 12:00                       clicked D-3 13:00 (no open: implied);
                                                       replies today 11:00
    Weak      D        D-3 12:00                       replies D-3 15:00
    Weak      E        D-30 12:00 (outside), today 10:00 by the capped account
    Silent    F        D-5 12:00                       nothing
    Empty     -        nothing (a draft)
    Old       G        D-4 12:00 (archived campaign)   replies D-4 13:00

Counted by hand: sent 2 on D-29, 2 on D-3, 1 on D-5, 1 on D-4, 1 today; opened 1 on D-29
(B), 2 on D-3 (A, C by its click); clicked 1 on D-29, 1 on D-3; replied 1 on D-4, 1 on D-3
(D), 1 on D-2 (A), 1 today (C). Replies newest first: C, A, D, G. Reply rates: Good 2/3,
Weak 1/3, Silent 0/1, Empty none; Old is archived and left out.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert, update

from fluenzr_desktop.domain.clock import ManualClock
from fluenzr_desktop.domain.workflow import new_document
from fluenzr_desktop.ops.dashboard import dashboard, excerpt
from fluenzr_desktop.store.accounts import add_account
from fluenzr_desktop.store.campaigns import create_campaign
from fluenzr_desktop.store.schema import campaigns, contacts, enrollments, events, outbox_messages
from fluenzr_desktop.store.settings import set_setting

PARIS = ZoneInfo("Europe/Paris")


def paris(day: date, hour: int, minute: int = 0) -> datetime:
    """A Paris wall-clock time as the naive UTC the database stores."""
    local = datetime.combine(day, time(hour, minute), tzinfo=PARIS)
    return local.astimezone(UTC).replace(tzinfo=None)


class World:
    """The hand-counted workspace, with the ids and days the assertions need."""

    def __init__(self, workspace) -> None:
        self.today = datetime.now(PARIS).date()
        workspace.clock = ManualClock(paris(self.today, 18))
        with workspace.session() as session:
            set_setting(session, "campaign_timezone", "Europe/Paris")
            set_setting(session, "plan_daily_cap", "40")
            self.capped = add_account(
                session, name="Capped", email="one@startup.io", smtp_host="127.0.0.1", daily_cap=20
            ).id
            self.free = add_account(
                session, name="Free", email="two@startup.io", smtp_host="127.0.0.1"
            ).id
            self.campaign = {
                name: create_campaign(session, name, new_document(), self.free).id
                for name in ("Good", "Weak", "Silent", "Empty", "Old")
            }
        self.contact: dict[str, int] = {}
        self.enrollment: dict[str, int] = {}
        with workspace.engine.begin() as db:
            self.db = db
            db.execute(
                update(campaigns)
                .where(campaigns.c.id == self.campaign["Old"])
                .values(status="archived")
            )
            people = {"A": "Good", "B": "Good", "C": "Good", "D": "Weak", "E": "Weak"}
            people |= {"F": "Silent", "G": "Old"}
            for name, campaign in people.items():
                self.contact[name] = db.execute(
                    insert(contacts).values(
                        email=f"{name.lower()}@client.com", first_name=name, last_name="Client"
                    )
                ).inserted_primary_key[0]
                self.enrollment[name] = db.execute(
                    insert(enrollments).values(
                        campaign_id=self.campaign[campaign],
                        contact_id=self.contact[name],
                        state="in_progress",
                    )
                ).inserted_primary_key[0]
            self.people = people
            d = self.day
            self.send("A", "e1", paris(d(29), 12))
            self.send("B", "e1", paris(d(29), 13))
            self.send("C", "e1", paris(d(3), 12))
            self.send("D", "e1", paris(d(3), 12))
            self.send("E", "e1", paris(d(30), 12))
            self.send("E", "e2", paris(d(0), 10), account=self.capped)
            self.send("F", "e1", paris(d(5), 12))
            self.send("G", "e1", paris(d(4), 12))
            self.hit("A", "e1", "opened", paris(d(3), 12, 30))
            self.hit("A", "e1", "opened", paris(d(3), 12, 40))
            self.hit("B", "e1", "opened", paris(d(29), 14))
            self.hit("B", "e1", "clicked", paris(d(29), 14, 5))
            self.hit("C", "e1", "clicked", paris(d(3), 13))
            late = datetime.combine(d(3), time(23, 30))  # UTC: already D-2 in Paris
            self.reply("A", late, "Thanks, <b>x</b> let's talk\nnext week")
            self.reply("C", paris(d(0), 11), "Sure")
            self.reply("D", paris(d(3), 15), "Not now")
            self.reply("G", paris(d(4), 13), "Old news")

    def day(self, days_ago: int) -> date:
        return self.today - timedelta(days=days_ago)

    def send(self, name: str, step: str, at: datetime, account: int | None = None) -> None:
        self.db.execute(
            insert(outbox_messages).values(
                enrollment_id=self.enrollment[name],
                campaign_id=self.campaign[self.people[name]],
                account_id=account or self.free,
                node_id=step,
                message_id=f"<{name}.{step}@startup.io>",
                state="sent",
                to_address=f"{name.lower()}@client.com",
                sent_at=at,
                track_opens=True,
                tracked_links=1,
            )
        )

    def hit(self, name: str, step: str, kind: str, at: datetime) -> None:
        self.event(name, kind, at, step, f"<{name}.{step}@startup.io>", {})

    def reply(self, name: str, at: datetime, text: str) -> None:
        message = f"<in.{name}.{int(at.timestamp())}@client.com>"
        self.event(name, "replied", at, None, message, {"from": f"{name}@client.com", "text": text})

    def event(self, name, kind, at, step, message, detail) -> None:
        self.db.execute(
            insert(events).values(
                kind=kind,
                occurred_at=at,
                campaign_id=self.campaign[self.people[name]],
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


def test_the_30_days_end_today_in_the_default_zone_and_count_each_day(workspace, world):
    series = dashboard(workspace).series
    assert series.timezone == "Europe/Paris"
    assert series.days[0] == world.day(29) and series.days[-1] == world.today
    assert len(series.days) == 30

    def on(name: str) -> dict[int, int]:  # days ago → count, the days with any
        return {29 - index: n for index, n in enumerate(series.counts[name]) if n}

    assert on("sent") == {29: 2, 5: 1, 4: 1, 3: 2, 0: 1}  # E's D-30 email is outside
    assert on("opened") == {29: 1, 3: 2}  # A twice counts once; C's click implies its open
    assert on("clicked") == {29: 1, 3: 1}
    assert on("replied") == {4: 1, 3: 1, 2: 1, 0: 1}  # A's 23:30 UTC reply is D-2 in Paris


def test_replies_come_newest_first_with_who_where_and_their_first_words(workspace, world):
    replies = dashboard(workspace).replies
    assert [reply.contact_id for reply in replies] == [
        world.contact[name] for name in ("C", "A", "D", "G")
    ]
    a = replies[1]
    assert (a.contact_name, a.contact_email, a.campaign_name) == (
        "A Client",
        "a@client.com",
        "Good",
    )
    assert a.campaign_id == world.campaign["Good"]
    assert a.excerpt == "Thanks, <b>x</b> let's talk next week"  # as written, on one line
    assert a.received_at == datetime.combine(world.day(3), time(23, 30))


def test_campaigns_are_ranked_by_reply_rate_without_the_archived_ones(workspace, world):
    ranked = dashboard(workspace).campaigns
    assert [(c.name, c.status, c.sent) for c in ranked] == [
        ("Good", "draft", 3),
        ("Weak", "draft", 3),
        ("Silent", "draft", 1),
        ("Empty", "draft", 0),
    ]
    assert [c.reply_rate for c in ranked] == [pytest.approx(2 / 3), pytest.approx(1 / 3), 0.0, None]
    assert ranked[0].open_rate == pytest.approx(1.0)  # A, B and C (by its click) of 3 tracked


def test_today_s_sends_against_the_plan_s_cap_and_each_capped_account(workspace, world):
    caps = dashboard(workspace).caps
    assert [(c.account_id, c.name, c.email, c.sent, c.cap) for c in caps] == [
        (None, "", "", 1, 40),  # the plan's: every account today
        (world.capped, "Capped", "one@startup.io", 1, 20),  # the uncapped one is not listed
    ]


def test_an_empty_workspace_has_an_empty_dashboard(workspace):
    board = dashboard(workspace)
    assert board.replies == [] and board.campaigns == [] and not board.has_campaigns
    assert [c.sent for c in board.caps] == [0]
    assert all(sum(values) == 0 for values in board.series.counts.values())


def test_an_excerpt_keeps_the_first_words_on_one_line():
    assert excerpt("  Hello\n\nthere  ") == "Hello there"
    long = "word " * 100
    cut = excerpt(long, 40)
    assert cut.endswith("…") and len(cut) <= 40 and cut[:-1].split() == ["word"] * 8
    assert excerpt("wording " * 10, 20) == "wording wording…"  # never half a word
    assert excerpt(None) == ""
