"""The Dashboard's figures in one read: today's sends against the caps, the replies to
answer, campaigns ranked by reply rate, and 30 days of activity over every campaign.

Dates follow the workspace's clock; the 30 days are calendar days in the workspace's
default time zone (the `campaign_timezone` setting). The counting rules are those of the
campaign statistics (docs/statistics.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..domain.schedule import local_day_bounds, zone
from ..domain.stats import DayRange, local_date
from ..engine.limits import CapCounter
from ..engine.status import sending_status
from ..store import dashboard as queries
from ..store.models import Account
from ..store.settings import get_setting
from ..workspace import Workspace
from .stats import all_campaigns_stats

CHART_DAYS = 30
REPLIES_SHOWN = 50
EXCERPT_CHARS = 140


@dataclass(frozen=True)
class CapUsage:
    """Emails sent today under one cap: the plan's (account_id None) or an account's."""

    account_id: int | None
    name: str  # the account's name and address; empty for the plan
    email: str
    sent: int
    cap: int


@dataclass(frozen=True)
class ReplyItem:
    """One reply to answer: who wrote, in which campaign, its first words, when (UTC)."""

    event_id: int
    contact_id: int | None
    contact_name: str
    contact_email: str
    campaign_id: int | None
    campaign_name: str
    excerpt: str  # plain text on one line, as written (never markup)
    received_at: datetime


@dataclass(frozen=True)
class RankedCampaign:
    """A campaign's line in the ranking (rates as fractions, None without a denominator)."""

    campaign_id: int
    name: str
    status: str
    sent: int
    reply_rate: float | None
    open_rate: float | None


@dataclass(frozen=True)
class DailySeries:
    """Counts per local day (oldest first) for each series of `store.dashboard.SERIES`."""

    days: list[date]
    counts: dict[str, list[int]]
    timezone: str


@dataclass(frozen=True)
class Dashboard:
    """Everything the Dashboard page shows."""

    caps: list[CapUsage]  # the plan's first, then each account that has a daily cap
    replies: list[ReplyItem]  # newest first
    campaigns: list[RankedCampaign]  # best reply rate first; archived ones left out
    series: DailySeries

    @property
    def has_campaigns(self) -> bool:
        return bool(self.campaigns)


def dashboard(workspace: Workspace) -> Dashboard:
    """Read the Dashboard's four parts (several queries: run it off the GUI thread)."""
    now = workspace.clock.now()
    with workspace.sessions() as session:
        tz = zone(str(get_setting(session, "campaign_timezone") or ""))
        status = sending_status(session, now, None)
        caps = [CapUsage(None, "", "", status.sent_today, status.daily_cap)]
        counter = CapCounter(session)
        for account in session.query(Account).order_by(Account.id):
            if account.daily_cap is None:
                continue
            # The day the engine counts this account's cap in: its zone, else the default.
            day = local_day_bounds(now, zone(account.timezone, tz.key))
            sent = counter.count("account", account.id, day)
            caps.append(
                CapUsage(account.id, account.name, account.email, sent, int(account.daily_cap))
            )
        connection = session.connection()
        replies = [_reply(row) for row in queries.latest_replies(connection, REPLIES_SHOWN)]
        today = local_date(now, tz)
        period = DayRange(today - timedelta(days=CHART_DAYS - 1), today, tz)
        found = queries.daily_activity(connection, period.boundaries_utc())
        statuses = queries.campaign_statuses(connection)
    days = period.days()
    series = DailySeries(
        days,
        {name: [found[name].get(index, 0) for index in range(len(days))] for name in found},
        tz.key,
    )
    ranked = [
        RankedCampaign(
            stats.campaign_id,
            stats.name,
            statuses.get(stats.campaign_id, ""),
            stats.total.counts.sent,
            stats.total.rates()["reply_rate"],
            stats.total.rates()["open_rate"],
        )
        for stats in all_campaigns_stats(workspace)
        if statuses.get(stats.campaign_id) != "archived"
    ]
    return Dashboard(caps, replies, ranked, series)


def _reply(row: dict) -> ReplyItem:
    detail = row["detail"] if isinstance(row["detail"], dict) else {}
    name = " ".join(part for part in (row["first_name"], row["last_name"]) if part)
    return ReplyItem(
        event_id=row["id"],
        contact_id=row["contact_id"],
        contact_name=name,
        contact_email=row["email"] or str(detail.get("from") or ""),
        campaign_id=row["campaign_id"],
        campaign_name=row["campaign_name"] or "",
        excerpt=excerpt(detail.get("text")),
        received_at=row["occurred_at"],
    )


def excerpt(text: object, limit: int = EXCERPT_CHARS) -> str:
    """The first words of a text on one line, cut at a word with an ellipsis."""
    line = " ".join(str(text or "").split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    if line[limit - 1] != " " and " " in cut[limit // 2 :]:  # not at a word's end: back one
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"
