"""The trigger-kept campaign figures (store.stats_summary) against the events they sum.

Every check compares the figures read from the summary (all time, per campaign, step or
account) with the same figures counted from the events (a period wide enough to hold
everything goes through `store.stats`'s event queries), on the hand-counted workspace of
tests/ops/test_stats.py, after the writes that must keep them equal.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import delete, insert, text, update

from fluenzr_desktop.ops.stats import campaign_stats
from fluenzr_desktop.store import stats_summary
from fluenzr_desktop.store.db import MIGRATIONS_DIR, upgrade
from fluenzr_desktop.store.schema import enrollments, events, outbox_messages
from tests.ops.test_stats import World


@pytest.fixture
def world(workspace) -> World:
    return World(workspace)


def _both(workspace, world, by):
    """(summary figures, event-counted figures) of the campaign, as dicts."""
    summed = campaign_stats(workspace, world.campaign, by)
    start = world.day0 - timedelta(days=30)
    end = world.day0 + timedelta(days=60)
    counted = campaign_stats(workspace, world.campaign, by, start, end)

    def flat(stats):
        return {
            "total": stats.total.to_dict(),
            "rows": {row.key: row.figures.to_dict() for row in stats.rows},
        }

    return flat(summed), flat(counted)


def assert_summary_matches_events(workspace, world) -> None:
    for by in (None, "step", "account"):
        summed, counted = _both(workspace, world, by)
        assert summed == counted, by


def test_the_summary_gives_the_event_counts_per_campaign_step_and_account(workspace, world):
    assert_summary_matches_events(workspace, world)
    total = campaign_stats(workspace, world.campaign).total.to_dict()
    assert (total["sent"], total["replied"], total["opened"]) == (8, 2, 3)


def test_an_event_recorded_before_its_message_is_marked_sent_is_attributed_once_sent(
    workspace, world
):
    # A reply lands for G while G's message is still queued: it counts under no step…
    g_reply = world.t0 + timedelta(days=5)
    with workspace.engine.begin() as db:
        world.db = db
        world.inbound("G", "replied", g_reply)
    by_step = {
        row.key: row.figures for row in campaign_stats(workspace, world.campaign, "step").rows
    }
    assert by_step[None].counts.replied == 1
    # …until the message is recorded as sent before it: then it is e1's reply.
    with workspace.engine.begin() as db:
        db.execute(
            update(outbox_messages)
            .where(outbox_messages.c.message_id == "<G.e1@startup.io>")
            .values(state="sent", sent_at=world.t0 + timedelta(days=4))
        )
    by_step = {
        row.key: row.figures for row in campaign_stats(workspace, world.campaign, "step").rows
    }
    assert None not in by_step or by_step[None].counts.replied == 0
    assert by_step["e1"].counts.replied == 2  # B's and G's
    assert_summary_matches_events(workspace, world)


def test_deleting_a_contacts_enrollment_takes_its_figures_away(workspace, world):
    with workspace.engine.begin() as db:
        db.execute(delete(enrollments).where(enrollments.c.id == world.enrollment["A"]))
    total = campaign_stats(workspace, world.campaign).total.to_dict()
    assert (total["sent"], total["opened"], total["clicked"]) == (6, 1, 0)
    assert_summary_matches_events(workspace, world)


def test_a_removed_event_and_a_changed_event_are_counted_again(workspace, world):
    with workspace.engine.begin() as db:
        db.execute(
            delete(events).where(
                events.c.kind == "replied", events.c.enrollment_id == world.enrollment["B"]
            )
        )
        db.execute(
            update(events)
            .where(events.c.kind == "bounced", events.c.enrollment_id == world.enrollment["F"])
            .values(detail={"hard": False, "final": True})
        )
    total = campaign_stats(workspace, world.campaign).total.to_dict()
    assert (total["replied"], total["bounced_hard"], total["bounced_soft"]) == (1, 1, 1)
    assert_summary_matches_events(workspace, world)


def test_a_rebuild_from_scratch_gives_the_same_figures(workspace, world):
    before = campaign_stats(workspace, world.campaign, "step")
    with workspace.engine.begin() as db:
        db.execute(text("DELETE FROM message_figures"))
        db.execute(text("DELETE FROM campaign_figures"))
    assert campaign_stats(workspace, world.campaign).total.counts.sent == 0
    with workspace.engine.begin() as db:
        stats_summary.rebuild(db)
    assert campaign_stats(workspace, world.campaign, "step") == before


def test_a_workspace_migrated_from_0008_gets_its_figures_filled(workspace, world):
    before = campaign_stats(workspace, world.campaign, "account")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with workspace.engine.begin() as db:
        config.attributes["connection"] = db
        command.downgrade(config, "0008")
    with workspace.engine.connect() as db:
        names = {name for (name,) in db.execute(text("SELECT name FROM sqlite_master"))}
    assert "message_figures" not in names and "events_figures_added" not in names
    upgrade(workspace.engine, "head")
    assert campaign_stats(workspace, world.campaign, "account") == before


def test_activity_without_a_message_counts_as_the_events_do(workspace, world):
    # The other campaign has one reply of no contact: it counts once, for itself.
    with workspace.engine.begin() as db:
        db.execute(insert(events).values(kind="opened", campaign_id=world.other))
    figures = campaign_stats(workspace, world.other).total.to_dict()
    assert (figures["sent"], figures["replied"], figures["opened"]) == (0, 1, 0)
    world.campaign = world.other
    assert_summary_matches_events(workspace, world)
