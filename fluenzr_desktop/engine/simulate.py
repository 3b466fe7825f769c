"""Forecast: run the real engine on an in-memory copy of the workspace and a virtual clock.

Nothing is sent and the workspace is not touched: the copy's transport accepts every
message. Windows, caps (shared with the account's other active campaigns), pacing
and delays all apply exactly as they would, because the same Runner does the work.
"""

from __future__ import annotations

import random
import sqlite3
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, select, update
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import StaticPool

from ..domain.clock import ManualClock
from ..domain.errors import FluenzrError, NotFound
from ..domain.schedule import to_local, zone
from ..domain.states import CampaignStatus, EnrollmentState, campaign_transition
from ..domain.validation import activation_problems
from ..domain.workflow import parse_document
from ..store.db import read_only_uri
from ..store.models import Account, Campaign, Enrollment, Event
from ..store.schema import with_clock
from .runner import Runner

# The forecast moves the clock from due time to due time; this bounds a runaway.
MAX_TICKS = 200_000


class _AcceptingTransport:
    """Accepts every message: nothing leaves the machine during a forecast."""

    def send(self, message: Any, sender: str, recipient: str) -> str:
        return "250 forecast"

    def close(self) -> None:
        pass


def _copy_in_memory(database_path: str) -> sqlite3.Connection:
    # Read-only: a forecast works on a mounted backup too, and never writes the workspace.
    source = sqlite3.connect(read_only_uri(Path(database_path)), uri=True)
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        source.backup(memory)
    finally:
        source.close()
    return memory


def simulate(
    database_path: str, campaign_id: int, days: int, start: datetime, seed: int = 1
) -> dict[str, Any]:
    """Emails per node per local day of the campaign, for `days` days from `start` (UTC)."""
    if days < 1 or days > 366:
        raise FluenzrError(f"--days: between 1 and 366, got {days}")
    memory = _copy_in_memory(database_path)
    raw_engine = create_engine("sqlite://", creator=lambda: memory, poolclass=StaticPool)
    event.listen(raw_engine, "connect", lambda conn, _r: conn.execute("PRAGMA foreign_keys=ON"))
    clock = ManualClock(start)
    # Everything the copy stamps follows the forecast's virtual clock.
    engine = with_clock(raw_engine, clock)
    sessions = sessionmaker(engine, expire_on_commit=False)
    with sessions() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise NotFound(f"no campaign with id {campaign_id}")
        workflow = parse_document(campaign.document)
        problems = activation_problems(workflow)
        if problems:
            raise FluenzrError(
                f"campaign {campaign_id} has {len(problems)} problem(s); "
                "fix them first (campaign validate)"
            )
        if campaign.account_id is None or session.get(Account, campaign.account_id) is None:
            # Drafting works offline, before any account exists: forecast with an
            # account that has no cap of its own (the plan's and campaign's still apply).
            stand_in = Account(name="forecast", email="forecast@example.com", smtp_host="-")
            session.add(stand_in)
            session.flush()
            campaign.account_id = stand_in.id
        if campaign.status in (CampaignStatus.DRAFT.value, CampaignStatus.PAUSED.value):
            # Forecast what activating (or resuming) now would do.
            campaign.status = campaign_transition(campaign.status, CampaignStatus.ACTIVE).value
        session.execute(
            update(Enrollment)
            .where(
                Enrollment.campaign_id == campaign_id,
                Enrollment.state == EnrollmentState.ADDED.value,
                Enrollment.next_action_at.is_(None),
            )
            .values(next_action_at=start)
        )
        campaign_zone = zone(workflow.effective_settings().get("timezone"))
        email_ids = [node.id for node in workflow.email_nodes()]
        session.commit()

    runner = Runner(
        sessions,
        clock,
        lambda account: _AcceptingTransport(),
        unsubscribe_secret=b"forecast",
        rng=random.Random(seed),
    )
    end = start + timedelta(days=days)
    for _ in range(MAX_TICKS):
        runner.tick()
        due = runner.next_due()
        if due is None or due >= end:
            break
        clock.set(max(due, clock.now() + timedelta(seconds=1)))

    with sessions() as session:
        rows = session.execute(
            select(Event.occurred_at, Event.node_id).where(
                Event.campaign_id == campaign_id,
                Event.kind == "sent",
                Event.occurred_at >= start,
                Event.occurred_at < end,
            )
        ).all()
    raw_engine.dispose()
    memory.close()
    per_day: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(email_ids, 0))
    for occurred_at, node_id in rows:
        day = to_local(occurred_at, campaign_zone).date().isoformat()
        per_day[day][node_id] = per_day[day].get(node_id, 0) + 1
    first_day = to_local(start, campaign_zone).date()
    forecast = []
    for offset in range(days):
        day = (first_day + timedelta(days=offset)).isoformat()
        emails = per_day.get(day, dict.fromkeys(email_ids, 0))
        forecast.append({"date": day, "emails": emails, "total": sum(emails.values())})
    return {
        "campaign": campaign_id,
        "timezone": campaign_zone.key,
        "nodes": email_ids,
        "days": forecast,
        "total": sum(day["total"] for day in forecast),
    }
