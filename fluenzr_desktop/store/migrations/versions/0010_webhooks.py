"""Outgoing webhooks (issue 16): endpoints, a persisted delivery queue, status events.

- `webhook_endpoints`: URL, subscribed event types and campaigns, enabled or why not.
  The signing secret is in the keyring, never in this file.
- `webhook_deliveries`: one row per event and endpoint, kept until delivered or given up,
  so no event is lost when the app quits.
- Triggers record every campaign status and contact state change as an event
  (`store.status_events`), the source of `campaign.status_changed` and
  `lead.status_changed`.

Only new tables and triggers: no table is rebuilt.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

from fluenzr_desktop.store import status_events

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "webhook_endpoints",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("url", sa.String(2048), nullable=False),
        sa.Column("description", sa.String(200)),
        sa.Column("event_types", sa.JSON(), nullable=False),
        sa.Column("campaign_ids", sa.JSON(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False, server_default="1"),
        sa.Column("disabled_reason", sa.String(300)),
        sa.Column("previous_secret_until", sa.DateTime()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "webhook_deliveries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "endpoint_id",
            sa.Integer(),
            sa.ForeignKey("webhook_endpoints.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("webhook_id", sa.String(64), nullable=False),
        sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("event_id", sa.Integer()),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("last_attempt_at", sa.DateTime()),
        sa.Column("last_status", sa.Integer()),
        sa.Column("last_response", sa.String(1000)),
        sa.Column("last_error", sa.String(300)),
        sa.Column("delivered_at", sa.DateTime()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        "ix_webhook_deliveries_queue", "webhook_deliveries", ["endpoint_id", "state", "id"]
    )
    status_events.install(op.get_bind())


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS lead_status_event")
    op.execute("DROP TRIGGER IF EXISTS campaign_status_event")
    op.drop_index("ix_webhook_deliveries_queue", table_name="webhook_deliveries")
    op.drop_table("webhook_deliveries")
    op.drop_table("webhook_endpoints")
