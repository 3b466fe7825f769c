"""Dates for tests, always relative to today: a suite that passes only until next week is broken.

Times are naive UTC, as the database stores them; local times are computed with zoneinfo,
so a date that falls on a DST change is handled the way the product must handle it.
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")
MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)


def utc_of(day: date, hour: int, minute: int = 0, zone: ZoneInfo = PARIS) -> datetime:
    """Local `hour:minute` of `day` in `zone`, as naive UTC."""
    local = datetime.combine(day, time(hour, minute), tzinfo=zone)
    return local.astimezone(UTC).replace(tzinfo=None)


def local_of(when: datetime, zone: ZoneInfo = PARIS) -> datetime:
    """A naive UTC time seen in `zone` (aware)."""
    return when.replace(tzinfo=UTC).astimezone(zone)


def next_weekday(weekday: int, after: date | None = None) -> date:
    """The first date of this weekday strictly after `after` (default: today in Paris)."""
    start = after or datetime.now(PARIS).date()
    return start + timedelta(days=(weekday - start.weekday() - 1) % 7 + 1)


def next_weekday_at(weekday: int, hour: int, minute: int = 0, zone: ZoneInfo = PARIS) -> datetime:
    """E.g. next Wednesday 10:00 in Paris, as naive UTC."""
    return utc_of(next_weekday(weekday, datetime.now(zone).date()), hour, minute, zone)


def next_dst_change(zone: ZoneInfo = PARIS, *, back: bool, after: date | None = None) -> date:
    """The next day on which `zone`'s clocks go back (or forward)."""
    day = after or datetime.now(zone).date()
    for _ in range(800):
        day += timedelta(days=1)
        before = datetime.combine(day, time(0), tzinfo=zone).utcoffset()
        later = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone).utcoffset()
        if before != later and (later < before) == back:
            return day
    raise AssertionError(f"{zone} has no DST change in the next two years")


def real_utc_now() -> datetime:
    """The real time (naive UTC) even while the test process is moved by time-machine.

    Servers started by the tests (Dovecot) live on the real clock; the kernel's file
    timestamps are not moved by time-machine.
    """
    descriptor, path = tempfile.mkstemp(prefix="fluenzr-now-")
    try:
        return datetime.fromtimestamp(os.fstat(descriptor).st_mtime, UTC).replace(tzinfo=None)
    finally:
        os.close(descriptor)
        os.unlink(path)
