"""Caps and pacing: may this account send now, and if not, when?

Counts come from the outbox (rows sent or being sent), so every campaign of an
account shares its daily cap, and a restart forgets nothing. Within a tick the
counts are cached and bumped after each send.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.schedule import local_day_bounds
from ..store.schema import outbox_messages

_COUNTED_STATES = ("sent", "sending")


@dataclass
class CapCounter:
    """Emails sent per scope (plan, account, campaign) and local day, cached for one tick."""

    session: Session
    _counts: dict[tuple[str, int, datetime], int] = field(default_factory=dict)

    def count(self, scope: str, key: int, day: tuple[datetime, datetime]) -> int:
        """Emails counted in this scope ('plan', 'account' or 'campaign') on that day."""
        cache_key = (scope, key, day[0])
        if cache_key not in self._counts:
            statement = select(func.count()).where(
                outbox_messages.c.state.in_(_COUNTED_STATES),
                outbox_messages.c.sent_at >= day[0],
                outbox_messages.c.sent_at < day[1],
            )
            if scope == "account":
                statement = statement.where(outbox_messages.c.account_id == key)
            elif scope == "campaign":
                statement = statement.where(outbox_messages.c.campaign_id == key)
            # Through the connection: counting needs no autoflush of pending changes.
            self._counts[cache_key] = self.session.connection().execute(statement).scalar_one()
        return self._counts[cache_key]

    def bump(self, scopes: list[tuple[str, int, tuple[datetime, datetime]]]) -> None:
        """Count one more email in each scope (after a send)."""
        for scope, key, day in scopes:
            cache_key = (scope, key, day[0])
            self._counts[cache_key] = self.count(scope, key, day) + 1

    def forget(self) -> None:
        self._counts.clear()


@dataclass(frozen=True)
class CapCheck:
    """The outcome of checking the caps: allowed, or blocked until `until` (UTC)."""

    allowed: bool
    until: datetime | None = None
    reason: str = ""
    scopes: tuple[tuple[str, int, tuple[datetime, datetime]], ...] = ()


def check_caps(
    counter: CapCounter,
    now: datetime,
    *,
    plan_cap: int,
    account_id: int,
    account_cap: int | None,
    account_zone,
    campaign_id: int,
    campaign_cap: int | None,
    campaign_zone,
) -> CapCheck:
    """Whether one more email may go now under the plan, account and campaign caps."""
    scopes = (
        ("plan", 0, local_day_bounds(now, account_zone), plan_cap, "the plan's daily cap"),
        ("account", account_id, local_day_bounds(now, account_zone), account_cap,
         "the account's daily cap"),
        ("campaign", campaign_id, local_day_bounds(now, campaign_zone), campaign_cap,
         "the campaign's daily cap"),
    )  # fmt: skip
    blocked_until: datetime | None = None
    reasons: list[str] = []
    for scope, key, day, cap, label in scopes:
        if cap is None:
            continue
        if counter.count(scope, key, day) >= cap:
            reasons.append(f"{label} ({cap}) is reached")
            blocked_until = max(blocked_until or day[1], day[1])
    if blocked_until is not None:
        return CapCheck(False, blocked_until, "; ".join(reasons))
    return CapCheck(True, scopes=tuple((s, k, d) for s, k, d, _c, _l in scopes))
