"""The one place that reads the wall clock: every domain time comes from a `Clock`.

Enrolment stamps, events, outbox rows, settings stamps and the `Date:` header all ask
the clock of the workspace they are written to (`Workspace.clock`), so `--now`, a
forecast or a test moves all of them together. A test in the suite walks the package
and fails if any other module reads the wall clock.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Gives the current time as naive UTC (the database's convention)."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real time."""

    def now(self) -> datetime:
        return datetime.now(UTC).replace(tzinfo=None)


class ManualClock:
    """A clock that only moves when told: a 5-day delay is tested in milliseconds."""

    def __init__(self, start: datetime) -> None:
        self._now = _naive_utc(start)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def set(self, when: datetime) -> None:
        with self._lock:
            self._now = _naive_utc(when)

    def advance(self, delta: timedelta) -> datetime:
        with self._lock:
            self._now += delta
            return self._now


def wall_time() -> float:
    """Seconds since the epoch, for what is not a domain time: file names, start-up probes."""
    return time.time()


def wall_datetime() -> datetime:
    """The real time, aware UTC, for what is not a domain time (schedulers, backup names)."""
    return datetime.now(UTC)


def _naive_utc(when: datetime) -> datetime:
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when
