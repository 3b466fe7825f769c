"""Campaign statistics: the figures of a campaign (as a whole, per step, day, account or
link) for the window, `fluenzr stats` and the CSV export.

The counting rules (what a message, a unique open, a bounce is; how inbound mail is
attributed to a step and an account) are in `store.stats`; the arithmetic in
`domain.stats`; docs/statistics.md explains both to users.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..domain.errors import FluenzrError
from ..domain.schedule import zone
from ..domain.stats import (
    Counts,
    DayRange,
    Figures,
    check_period,
    delay_median,
    local_date,
    local_midnight_utc,
    percent_text,
)
from ..domain.workflow import email_steps
from ..store import stats as queries
from ..store import stats_summary as summary
from ..store.lookup import get_by_id
from ..store.models import Account, Campaign
from ..workspace import Workspace

DIMENSIONS = queries.DIMENSIONS


@dataclass(frozen=True)
class StatsRow:
    """One row of a breakdown: what it is about (`key`, `label`) and its figures."""

    key: Any
    label: str
    figures: Figures


@dataclass(frozen=True)
class CampaignStats:
    """A campaign's figures over a period: the total, and the rows of one breakdown."""

    campaign_id: int
    name: str
    timezone: str
    by: str | None
    start: date | None
    end: date | None
    total: Figures
    rows: list[StatsRow] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: every count, rates as fractions (null without a denominator)."""
        record: dict[str, Any] = {
            "campaign_id": self.campaign_id,
            "name": self.name,
            "timezone": self.timezone,
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
            "rates_against": {
                "reply_rate": "delivered",
                "open_rate": "delivered messages tracked for opens",
                "click_rate": "delivered messages tracked for clicks",
            },
            "total": self.total.to_dict(),
        }
        if self.by is not None:
            record["by"] = self.by
            if self.by == "link":
                record["links"] = self.links
            else:
                record["rows"] = [
                    {self.by: _json_key(self.by, row.key), "label": row.label}
                    | row.figures.to_dict()
                    for row in self.rows
                ]
        return record


def _json_key(by: str, key: Any) -> Any:
    return key.isoformat() if isinstance(key, date) else key


def campaign_stats(
    workspace: Workspace,
    campaign_id: int | str,
    by: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> CampaignStats:
    """The figures of one campaign from local day `start` to `end` (inclusive, optional).

    Days are those of the campaign's time zone (its settings' `timezone`).
    """
    if by is not None and by not in DIMENSIONS:
        raise FluenzrError(f"--by: expected one of {', '.join(DIMENSIONS)}, got {by!r}")
    check_period(start, end)
    with workspace.sessions() as session:
        campaign = get_by_id(session, Campaign, campaign_id, "campaign")
        settings = (campaign.document or {}).get("settings") or {}
        zone_name = str(settings.get("timezone") or "UTC")
        tz = zone(zone_name)
        connection = session.connection()
        start_utc = local_midnight_utc(start, tz) if start is not None else None
        end_utc = local_midnight_utc(end + timedelta(days=1), tz) if end is not None else None
        period = _days(connection, campaign.id, tz, start, end) if by == "day" else None
        partition: dict[Any, Figures] = {}
        if by in ("step", "account"):
            delays = _reply_delays(connection, campaign.id, by, start_utc, end_utc, [])
            partition = _figures(connection, campaign.id, by, start_utc, end_utc, [], delays)
            total = _total_of(connection, campaign.id, by, partition, delays, start_utc, end_utc)
        else:
            total = _figures(connection, campaign.id, None, start_utc, end_utc, [])[None]
        if period is not None:
            bounds = period.boundaries_utc()[:-1]
            partition = _figures(
                connection, campaign.id, "day", period.start_utc, period.end_utc, bounds
            )
        links = (
            queries.link_clicks(connection, campaign.id, start_utc, end_utc) if by == "link" else []
        )
        rows = _rows(session, campaign, by, partition, period)
        return CampaignStats(
            campaign_id=campaign.id,
            name=campaign.name,
            timezone=tz.key,
            by=by,
            start=start,
            end=end,
            total=total,
            rows=rows,
            links=links,
        )


def _days(connection, campaign_id: int, tz, start, end) -> DayRange | None:
    """The local days of a daily breakdown: those asked for, else every day with figures."""
    if start is None or end is None:
        first, last = queries.time_span(connection, campaign_id)
        if first is None or last is None:
            return None
        start = start or local_date(first, tz)
        end = end or local_date(last, tz)
        if start > end:
            return None
    return DayRange(start, end, tz)


def _figures(
    connection, campaign_id: int, dimension: str | None, start, end, bounds, delays=None
) -> dict[Any, Figures]:
    """Every count of one partition (or the whole campaign, key None), merged into Figures.

    Over all time per campaign, step or account, the counts are the trigger-kept sums
    (`store.stats_summary`); over a period or per day, they are counted from the events.
    """
    parts: dict[Any, Counts] = {}
    if start is None and end is None and dimension in (None, "step", "account"):
        _summed(connection, campaign_id, dimension, parts)
    else:
        _counted(connection, campaign_id, dimension, start, end, bounds, parts)
    for key, counts in queries.error_counts(connection, campaign_id, dimension).items():
        parts.setdefault(key, Counts()).add(counts)
    if dimension is None:
        parts.setdefault(None, Counts())
    if delays is None:
        delays = _reply_delays(connection, campaign_id, dimension, start, end, bounds)
    result = {}
    for key, counts in parts.items():
        median, contacts = delay_median(delays.get(key, []))
        result[key] = Figures(counts, median, contacts)
    return result


def _key_of(dimension: str | None, step: str | None, account: int | None) -> Any:
    """A summary row's key in a partition by step, by account, or none (the campaign)."""
    return {"step": step, "account": account}.get(dimension or "")


def _summed(connection, campaign_id: int, dimension, parts) -> None:
    """The trigger-kept sums of a campaign, grouped by step, account or not at all."""
    for row in summary.figure_rows(connection, campaign_id):
        parts.setdefault(_key_of(dimension, row.step, row.account), Counts()).add(row.counts)


def _counted(connection, campaign_id: int, dimension, start, end, bounds, parts) -> None:
    """The counts of a period or a daily breakdown, from the events themselves."""
    counters: list[Callable[..., dict[Any, Counts]]] = [
        queries.sent_counts,
        queries.tracking_counts,
        queries.inbound_counts,
    ]
    for counter in counters:
        for key, counts in counter(connection, campaign_id, dimension, start, end, bounds).items():
            parts.setdefault(key, Counts()).add(counts)


def _reply_delays(connection, campaign_id: int, dimension, start, end, bounds) -> dict:
    """Seconds from first email to first reply of each contact, per row key."""
    delays: dict[Any, list[float]] = {}
    if start is None and end is None and dimension in (None, "step", "account"):
        rows = summary.first_reply_delays(connection, campaign_id)
        if dimension is None:
            return {None: [seconds for _, _, seconds in rows]}
        position = 0 if dimension == "step" else 1  # (step, account, seconds)
        for row in rows:
            key = row[position]
            if key not in delays:
                delays[key] = []
            delays[key].append(row[2])
        return delays
    for key, sent_at, replied_at in queries.first_replies(
        connection, campaign_id, dimension, start, end, bounds
    ):
        delays.setdefault(key, []).append((replied_at - sent_at).total_seconds())
    return delays


def _total_of(
    connection, campaign_id: int, by: str, partition, partition_delays, start, end
) -> Figures:
    """The campaign's figures as the sum of its steps' (or accounts') rows: each message
    belongs to one step and one account, so the sums are the totals; only the median
    (and, per account, the errors) are read again."""
    counts = Counts()
    for figures in partition.values():
        counts.add(figures.counts)
    if by != "step":
        for extra in queries.error_counts(connection, campaign_id, None).values():
            counts.add(extra)
    if start is None and end is None:
        # Every contact's delay is in one row of the partition: their union is the total's.
        delays = [seconds for row in partition_delays.values() for seconds in row]
    else:
        delays = _reply_delays(connection, campaign_id, None, start, end, []).get(None, [])
    median, contacts = delay_median(delays)
    return Figures(counts, median, contacts)


def _rows(session, campaign: Campaign, by, partition, period) -> list[StatsRow]:
    """The breakdown's rows in reading order, each with a label a user recognises."""
    if by == "step":
        order = email_steps(campaign.document or {})
        names = dict(order)
        position = {node_id: index for index, (node_id, _) in enumerate(order)}
        for node_id, _ in order:  # every email step, even one nothing was sent from yet
            partition.setdefault(node_id, Figures(Counts()))
        keys = sorted(partition, key=lambda k: (position.get(k, len(position)), str(k)))
        return [StatsRow(k, names.get(k) or _step_label(k), partition[k]) for k in keys]
    if by == "account":
        labels = {
            account.id: f"{account.name} <{account.email}>"
            for account in session.query(Account).filter(Account.id.in_(list(partition)))
        }
        keys = sorted(partition, key=lambda k: (k is None, k or 0))
        return [StatsRow(k, labels.get(k, _account_label(k)), partition[k]) for k in keys]
    if by == "day" and period is not None:
        days = period.days()
        return [
            StatsRow(day, day.isoformat(), partition.get(index) or Figures(Counts()))
            for index, day in enumerate(days)
        ]
    return []


def _step_label(node_id: Any) -> str:
    return "(no step)" if node_id is None else str(node_id)


def _account_label(account_id: Any) -> str:
    return "(no account)" if account_id is None else f"account {account_id}"


def all_campaigns_stats(
    workspace: Workspace, start: date | None = None, end: date | None = None
) -> list[CampaignStats]:
    """Every campaign's totals, ranked by reply rate (then by sent), archived ones included."""
    check_period(start, end)
    with workspace.sessions() as session:
        ids = [campaign_id for (campaign_id,) in session.query(Campaign.id)]
    found = [campaign_stats(workspace, campaign_id, None, start, end) for campaign_id in ids]

    def rank(stats: CampaignStats) -> tuple[float, int, int]:
        reply = stats.total.rates()["reply_rate"]
        return (
            -(reply if reply is not None else -1.0),
            -stats.total.counts.sent,
            stats.campaign_id,
        )

    return sorted(found, key=rank)


CSV_COLUMNS = (
    "by",
    "key",
    "label",
    "sent",
    "delivered",
    "bounced_hard",
    "bounced_soft",
    "replied",
    "reply_rate",
    "auto_replied",
    "opened",
    "open_rate",
    "clicked",
    "click_rate",
    "click_hits",
    "proxied_opens",
    "machine",
    "machine_hits",
    "unsubscribed",
    "complained",
    "errors",
    "time_to_first_reply_seconds",
)


def export_stats_csv(workspace: Workspace, campaign_id: int | str, path: str | Path) -> int:
    """Write a campaign's total, per-step, per-account and per-day figures and its links to
    a CSV file (UTF-8, rates as fractions); returns the number of data rows written."""
    target = Path(path)
    sections = [campaign_stats(workspace, campaign_id, by) for by in ("step", "account", "day")]
    links = campaign_stats(workspace, campaign_id, "link").links
    lines: list[dict[str, Any]] = [_csv_line("total", "", "campaign", sections[0].total)]
    for section in sections:
        for row in section.rows:
            lines.append(
                _csv_line(section.by or "", _json_key("", row.key), row.label, row.figures)
            )
    for link in links:
        lines.append(
            {
                "by": "link",
                "key": link["url"],
                "label": link["url"],
                "clicked": link["unique"],
                "click_hits": link["total"],
                "machine_hits": link["machine"],
            }
        )
    try:
        with target.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            writer.writerows(lines)
    except OSError as error:
        raise FluenzrError(f"{path}: cannot write ({error.strerror})") from None
    return len(lines)


def _csv_line(by: str, key: Any, label: str, figures: Figures) -> dict[str, Any]:
    data = figures.to_dict()
    rates = data.pop("rates")
    line = {column: data.get(column) for column in CSV_COLUMNS if column in data}
    line.update(
        by=by,
        key="" if key is None else key,
        label=label,
        reply_rate=_fraction(rates["reply_rate"]),
        open_rate=_fraction(rates["open_rate"]),
        click_rate=_fraction(rates["click_rate"]),
    )
    return line


def _fraction(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


__all__ = [
    "DIMENSIONS",
    "CampaignStats",
    "StatsRow",
    "all_campaigns_stats",
    "campaign_stats",
    "email_steps",
    "export_stats_csv",
    "percent_text",
]
