"""What the window's status bar shows about sending: today's count, the cap, the next send."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.plans import workspace_daily_cap
from ..store.licence import plan_in_force
from ..store.schema import outbox_messages
from ..store.settings import get_setting


@dataclass(frozen=True)
class SendingStatus:
    """Emails sent in the last calendar day (UTC), the plan's cap, the next due time."""

    sent_today: int
    daily_cap: int
    next_send: datetime | None


def sending_status(session: Session, now: datetime, next_due: datetime | None) -> SendingStatus:
    """Today's sends (UTC day) against the plan's cap, and when the next send is due."""
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    sent = session.execute(
        select(func.count()).where(
            outbox_messages.c.state.in_(("sent", "sending")),
            outbox_messages.c.sent_at >= day_start,
            outbox_messages.c.sent_at < day_start + timedelta(days=1),
        )
    ).scalar_one()
    plan = plan_in_force(session, now.date()).plan
    cap = workspace_daily_cap(int(get_setting(session, "plan_daily_cap")), plan)
    return SendingStatus(sent, cap, next_due)
