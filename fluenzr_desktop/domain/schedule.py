"""Time rules of sending: windows in a time zone, delays, local days for caps, pacing gaps.

Every datetime here is naive UTC, as stored in the database; time zones are applied
only inside these functions (DST included, through zoneinfo).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import FluenzrError

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_UNITS = {"minutes": 60, "hours": 3600, "days": 86400}


def zone(name: str | None, fallback: str = "UTC") -> ZoneInfo:
    """The ZoneInfo for an IANA name; the fallback when the name is empty or unknown."""
    for candidate in (name, fallback):
        if candidate:
            try:
                return ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return ZoneInfo("UTC")


def to_local(at_utc: datetime, tz: ZoneInfo) -> datetime:
    """A naive UTC instant as an aware local datetime."""
    return at_utc.replace(tzinfo=UTC).astimezone(tz)


def to_utc(local: datetime) -> datetime:
    """An aware local datetime as a naive UTC instant."""
    return local.astimezone(UTC).replace(tzinfo=None)


def _parse_hhmm(text: str, field: str) -> time:
    try:
        hours, minutes = (int(part) for part in str(text).split(":"))
        return time(hours, minutes)
    except (ValueError, TypeError):
        raise FluenzrError(f"{field}: expected HH:MM, got {text!r}") from None


@dataclass(frozen=True)
class SendingWindow:
    """The days and hours, in one time zone, during which emails may go out."""

    timezone: ZoneInfo
    days: frozenset[int]  # 0 = Monday
    start: time
    end: time

    @classmethod
    def from_settings(
        cls, settings: Mapping[str, object], timezone_override: str | None = None
    ) -> SendingWindow:
        """The window of a campaign's settings, in the contact's zone when one is given."""
        window = settings.get("window") or {}
        if not isinstance(window, Mapping):
            raise FluenzrError("settings.window: expected an object")
        days = frozenset(
            WEEKDAY_NAMES.index(day) for day in window.get("days", WEEKDAY_NAMES[:5])
            if day in WEEKDAY_NAMES
        )  # fmt: skip
        if not days:
            raise FluenzrError("settings.window.days: no day to send on")
        start = _parse_hhmm(window.get("start", "09:00"), "settings.window.start")
        end = _parse_hhmm(window.get("end", "18:00"), "settings.window.end")
        if end <= start:
            raise FluenzrError("settings.window: the end must be after the start")
        campaign_zone = str(settings.get("timezone") or "UTC")
        return cls(zone(timezone_override, campaign_zone), days, start, end)

    def _bounds(self, day: date) -> tuple[datetime, datetime]:
        """UTC start and end of the window on a local calendar day (DST-correct)."""
        opening = datetime.combine(day, self.start, tzinfo=self.timezone)
        closing = datetime.combine(day, self.end, tzinfo=self.timezone)
        return to_utc(opening), to_utc(closing)

    def contains(self, at_utc: datetime) -> bool:
        """Whether an email may go out at this instant."""
        local = to_local(at_utc, self.timezone)
        if local.weekday() not in self.days:
            return False
        opening, closing = self._bounds(local.date())
        return opening <= at_utc < closing

    def next_open(self, at_utc: datetime) -> datetime:
        """`at_utc` itself when inside the window, else the start of the next open slot."""
        local_day = to_local(at_utc, self.timezone).date()
        for offset in range(0, 8):
            day = local_day + timedelta(days=offset)
            if day.weekday() not in self.days:
                continue
            opening, closing = self._bounds(day)
            if at_utc < closing:
                return max(at_utc, opening)
        raise AssertionError("a window with at least one day always opens within 8 days")


def delay_delta(amount: float, unit: str) -> timedelta:
    """The length of a delay node."""
    if unit not in _UNITS:
        raise FluenzrError(f"unknown delay unit {unit!r}")
    try:
        return timedelta(seconds=float(amount) * _UNITS[unit])
    except (OverflowError, ValueError):  # a document stored before delays were bounded
        raise FluenzrError(f"a delay of {amount!r} {unit} is out of range") from None


def local_day_bounds(at_utc: datetime, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """UTC start and end of the local calendar day that contains `at_utc` (23–25 h with DST)."""
    day = to_local(at_utc, tz).date()
    start = to_utc(datetime.combine(day, time(0), tzinfo=tz))
    end = to_utc(datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz))
    return start, end


def pick_gap(gap_seconds: Sequence[float], rng: random.Random) -> timedelta:
    """A random pause between two sends of one account, inside [min, max] seconds."""
    low, high = (float(gap_seconds[0]), float(gap_seconds[1])) if gap_seconds else (0.0, 0.0)
    if high <= low:
        return timedelta(seconds=max(low, 0.0))
    return timedelta(seconds=rng.uniform(low, high))
