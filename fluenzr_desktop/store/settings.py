"""Reading and writing workspace settings (typed by `domain.settings`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..domain.settings import SETTINGS, parse_setting, setting_spec
from ..domain.states import ACTIVE_STATE_VALUES
from .models import Campaign, Enrollment, Setting
from .schema import now_of


def get_setting(session: Session, key: str) -> Any:
    """The value of a known setting, its default when never set."""
    spec = setting_spec(key)
    row = session.get(Setting, key)
    return spec.default if row is None else row.value


def set_setting(session: Session, key: str, text: str) -> Any:
    """Parse and store a setting typed by the user; returns the stored value."""
    value = parse_setting(key, text)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    if key == "plan_daily_cap":
        # Contacts held back by the old cap are told at once, not tomorrow.
        wake_waiting(session)
    return value


def wake_waiting(session: Session, campaign_ids: list[int] | None = None) -> int:
    """Make the waiting contacts of active campaigns due now, so new limits apply at once.

    Safe for every kind of wait: a contact in a delay keeps its `waiting_until` and
    simply waits again; one outside the window or over a cap is re-checked.
    """
    now = now_of(session)
    statement = (
        update(Enrollment)
        .where(
            Enrollment.state.in_(ACTIVE_STATE_VALUES),
            Enrollment.next_action_at > now,
            Enrollment.campaign_id.in_(select(Campaign.id).where(Campaign.status == "active")),
        )
        .values(next_action_at=now)
    )
    if campaign_ids is not None:
        statement = statement.where(Enrollment.campaign_id.in_(campaign_ids))
    return session.execute(statement).rowcount


def all_settings(session: Session) -> dict[str, Any]:
    """Every known setting with its current value (defaults included)."""
    stored = {row.key: row.value for row in session.scalars(select(Setting))}
    return {key: stored.get(key, spec.default) for key, spec in sorted(SETTINGS.items())}
