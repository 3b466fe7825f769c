"""Status changes recorded as events by triggers (store.status_events): whoever writes them."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from fluenzr_desktop.domain.clock import ManualClock, wall_datetime
from fluenzr_desktop.ops.campaigns import change_campaign_status, create_campaign
from fluenzr_desktop.ops.enrollments import enroll_contacts
from fluenzr_desktop.store.accounts import add_account
from fluenzr_desktop.store.models import Contact, Enrollment, Event
from tests.cli.helpers import sample_document

pytestmark = pytest.mark.usefixtures("pro_workspace")


def _status_events(workspace, kind: str) -> list[tuple[datetime, dict, int | None]]:
    with workspace.session() as session:
        rows = session.execute(
            select(Event.occurred_at, Event.detail, Event.enrollment_id)
            .where(Event.kind == kind)
            .order_by(Event.id)
        )
        return [tuple(row) for row in rows]


def test_campaign_and_contact_status_changes_are_events_at_the_clocks_time(workspace):
    start = wall_datetime().replace(hour=9, minute=0, second=0, microsecond=0, tzinfo=None)
    workspace.clock = ManualClock(start)
    with workspace.session() as session:
        account = add_account(
            session, name="Relay", email="founder@startup.io", smtp_host="127.0.0.1",
            smtp_port=2525, smtp_security="none",
        ).id  # fmt: skip
        session.add(Contact(email="ann@acme.io", first_name="Ann", custom_fields={}))
    campaign = create_campaign(workspace, "Launch", sample_document(), account)
    enroll_contacts(workspace, campaign.id, everyone=True)

    change_campaign_status(workspace, campaign.id, "activate", confirmed=True)
    workspace.clock.advance(timedelta(hours=2))
    change_campaign_status(workspace, campaign.id, "pause")
    with workspace.session() as session:  # an engine-style write, without any ops call
        enrollment = session.scalars(select(Enrollment)).one()
        enrollment.state = "replied"
    with workspace.session() as session:
        session.scalars(select(Enrollment)).one().current_node = "elsewhere"  # not a state

    assert _status_events(workspace, "campaign_status") == [
        (start, {"from": "draft", "to": "active", "reason": None}, None),
        (start + timedelta(hours=2), {"from": "active", "to": "paused", "reason": None}, None),
    ]
    [(when, detail, enrollment_id)] = _status_events(workspace, "lead_status")
    assert when == start + timedelta(hours=2)
    assert detail == {"from": "added", "to": "replied", "reason": None}
    assert enrollment_id == enrollment.id
