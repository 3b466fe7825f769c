"""The arithmetic of campaign statistics: derived figures, rates, medians, local days.

Pure (no I/O): the store counts rows (`Counts`), this module turns them into what a user
reads. Every figure counts *messages* (one email of one contact at one step), so each rate
is "per delivered message" in the row's scope (campaign, step, day, account):

- delivered = sent − bounced (final bounces only; a "delayed" warning is not a bounce);
- the reply, auto-reply and unsubscribe rates are against delivered messages;
- the open rate is against delivered messages that carried a pixel, the click rate against
  delivered messages whose links were rewritten (tracking is per campaign and may change).

A rate whose denominator is 0 is None (shown as "—"), never 0 % or an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .errors import FluenzrError


@dataclass
class Counts:
    """What the store counts for one row of statistics (all in messages unless named hits)."""

    sent: int = 0
    sent_tracked_opens: int = 0  # sent messages that carried a pixel
    sent_tracked_clicks: int = 0  # sent messages whose links were rewritten
    bounced_hard: int = 0
    bounced_soft: int = 0
    bounced_tracked_opens: int = 0
    bounced_tracked_clicks: int = 0
    opened: int = 0  # unique human opens: a human open or a human click
    clicked: int = 0  # unique human clicks
    click_hits: int = 0  # every human click
    proxied: int = 0  # messages with an Apple MPP open
    proxied_hits: int = 0
    machine: int = 0  # messages with a machine open or click
    machine_hits: int = 0
    replied: int = 0
    auto_replied: int = 0
    unsubscribed: int = 0
    complained: int = 0
    errors: int = 0  # enrollments in Error

    def add(self, other: Counts) -> None:
        """Add another row's counts into this one (summing rows of a partition)."""
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))


def rate(part: int, whole: int) -> float | None:
    """`part / whole` as a fraction; None when `whole` is 0 (nothing to measure against)."""
    return part / whole if whole > 0 else None


def percent_text(value: float | None) -> str:
    """A rate as a percentage with one decimal ("12.5%"), "—" when it has no denominator."""
    return "—" if value is None else f"{value * 100:.1f}%"


def median(values: Sequence[float]) -> float | None:
    """The median of `values` (mean of the two middle ones for an even count); None if empty."""
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def duration_parts(seconds: float) -> tuple[str, int, int]:
    """A duration as the units a reader wants: ("min", m, 0) under an hour, ("h", h, m)
    under two days, else ("d", d, h). The one rule the CLI and the window both format."""
    minutes = round(seconds / 60)
    if minutes < 60:
        return "min", minutes, 0
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return "h", hours, minutes
    days, hours = divmod(hours, 24)
    return "d", days, hours


def duration_text(seconds: float | None) -> str:
    """A duration for a table: "3 h 20 min", "2 d 4 h", "—" when unknown."""
    if seconds is None:
        return "—"
    unit, big, small = duration_parts(seconds)
    if unit == "min":
        return f"{big} min"
    return f"{big} h {small:02d} min" if unit == "h" else f"{big} d {small} h"


@dataclass(frozen=True)
class Figures:
    """One row of statistics as a user reads it: counts, derived figures and rates."""

    counts: Counts
    reply_seconds_median: float | None = None  # time to first reply
    replied_contacts: int = 0  # contacts whose first reply the median is over

    @property
    def bounced(self) -> int:
        return self.counts.bounced_hard + self.counts.bounced_soft

    @property
    def delivered(self) -> int:
        return max(self.counts.sent - self.bounced, 0)

    @property
    def delivered_tracked_opens(self) -> int:
        return max(self.counts.sent_tracked_opens - self.counts.bounced_tracked_opens, 0)

    @property
    def delivered_tracked_clicks(self) -> int:
        return max(self.counts.sent_tracked_clicks - self.counts.bounced_tracked_clicks, 0)

    def rates(self) -> dict[str, float | None]:
        """Each rate as a fraction (None without a denominator), reply rate first."""
        c = self.counts
        return {
            "reply_rate": rate(c.replied, self.delivered),
            "open_rate": rate(c.opened, self.delivered_tracked_opens),
            "click_rate": rate(c.clicked, self.delivered_tracked_clicks),
            "auto_reply_rate": rate(c.auto_replied, self.delivered),
            "unsubscribe_rate": rate(c.unsubscribed + c.complained, self.delivered),
            "bounce_rate": rate(self.bounced, c.sent),
        }

    def to_dict(self) -> dict[str, object]:
        """The figures as JSON has them (rates as fractions, durations in seconds)."""
        c = self.counts
        return {
            "sent": c.sent,
            "delivered": self.delivered,
            "bounced": self.bounced,
            "bounced_hard": c.bounced_hard,
            "bounced_soft": c.bounced_soft,
            "replied": c.replied,
            "auto_replied": c.auto_replied,
            "opened": c.opened,
            "clicked": c.clicked,
            "click_hits": c.click_hits,
            "proxied_opens": c.proxied,
            "proxied_open_hits": c.proxied_hits,
            "machine": c.machine,
            "machine_hits": c.machine_hits,
            "unsubscribed": c.unsubscribed,
            "complained": c.complained,
            "errors": c.errors,
            "delivered_tracked_opens": self.delivered_tracked_opens,
            "delivered_tracked_clicks": self.delivered_tracked_clicks,
            "rates": self.rates(),
            "time_to_first_reply_seconds": self.reply_seconds_median,
        }


def delay_median(seconds: Iterable[float]) -> tuple[float | None, int]:
    """Median of first-reply delays in seconds and how many; negative ones are skipped."""
    delays = [value for value in seconds if value >= 0]
    return median(delays), len(delays)


# --- days in the campaign's time zone ---------------------------------------------------


@dataclass(frozen=True)
class DayRange:
    """Local calendar days first..last (inclusive) of a time zone, and their UTC bounds."""

    first: date
    last: date
    timezone: ZoneInfo

    @property
    def start_utc(self) -> datetime:
        """The first day's local midnight, as naive UTC."""
        return local_midnight_utc(self.first, self.timezone)

    @property
    def end_utc(self) -> datetime:
        """The local midnight after the last day, as naive UTC (exclusive)."""
        return local_midnight_utc(self.last + timedelta(days=1), self.timezone)

    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def boundaries_utc(self) -> list[datetime]:
        """Each day's local midnight as naive UTC, then the one after the last day."""
        return [local_midnight_utc(day, self.timezone) for day in self.days()] + [self.end_utc]


def local_midnight_utc(day: date, tz: ZoneInfo) -> datetime:
    """The start of a local calendar day (DST-aware) as naive UTC."""
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC).replace(tzinfo=None)


def local_date(at_utc: datetime, tz: ZoneInfo) -> date:
    """The local calendar date of a naive UTC instant."""
    return at_utc.replace(tzinfo=UTC).astimezone(tz).date()


def parse_day(text: str, option: str) -> date:
    """A YYYY-MM-DD date typed by the user, or one line saying what is wrong."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise FluenzrError(f"{option}: expected a date as YYYY-MM-DD, got {text!r}") from None


def check_period(start: date | None, end: date | None) -> None:
    """Refuse a period that ends before it starts."""
    if start is not None and end is not None and start > end:
        raise FluenzrError(f"--from {start.isoformat()} is after --to {end.isoformat()}")
