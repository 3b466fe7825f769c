"""Indexes for campaign statistics (issue 14): every figure read from an index alone.

- `events (campaign_id, kind, node_id, message_id, occurred_at)`: unique opens, clicks and
  machine hits of a campaign, per step and over a period, counted in index order without
  reading the rows (measured by bench/stats.py: 1,000,000 events).
- `outbox_messages (campaign_id, state, node_id, track_opens, tracked_links, account_id,
  sent_at)`: sent messages, and how many were tracked, per step or account.
- `outbox_messages (enrollment_id, state, sent_at, message_id)`: the message an inbound
  reply, bounce or unsubscribe is attributed to (the latest sent one of its enrollment at
  or before it), found without reading the rows.

Only new indexes: no table is rebuilt.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_events_stats",
        "events",
        ["campaign_id", "kind", "node_id", "message_id", "occurred_at"],
    )
    op.create_index(
        "ix_outbox_messages_stats",
        "outbox_messages",
        [
            "campaign_id",
            "state",
            "node_id",
            "track_opens",
            "tracked_links",
            "account_id",
            "sent_at",
        ],
    )
    op.create_index(
        "ix_outbox_messages_attribution",
        "outbox_messages",
        ["enrollment_id", "state", "sent_at", "message_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_outbox_messages_attribution", table_name="outbox_messages")
    op.drop_index("ix_outbox_messages_stats", table_name="outbox_messages")
    op.drop_index("ix_events_stats", table_name="events")
