"""Campaign figures kept by triggers: a campaign's statistics read a few rows, not its events.

- `outbox_messages.variant`: the A/B variant a message was composed from, so figures
  are kept per variant too.
- `message_figures`: one row per sent message (or inbound event no message explains) with
  what happened to it; `campaign_figures`: their sums per campaign, step, account and variant.
- Triggers on `events` and `outbox_messages` keep both up to date (`store.stats_summary`).
- `enrollments (campaign_id, state, current_node)`: contacts in Error per step, and a
  campaign's contacts per state, counted from the index alone.
- Filled here from the existing events and messages (one INSERT … SELECT each).

Only a new column, new tables and triggers: no table is rebuilt.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

from fluenzr_desktop.store import stats_summary
from fluenzr_desktop.store.schema import FIGURE_COLUMNS

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _figures() -> list[sa.Column]:
    return [
        sa.Column(name, sa.Integer(), nullable=False, server_default="0") for name in FIGURE_COLUMNS
    ]


def upgrade() -> None:
    op.add_column("outbox_messages", sa.Column("variant", sa.String(16)))
    op.create_table(
        "message_figures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("message_key", sa.String(255), nullable=False),
        sa.Column("campaign_id", sa.Integer()),
        sa.Column("enrollment_id", sa.Integer()),
        sa.Column("node_id", sa.String(64)),
        sa.Column("account_id", sa.Integer()),
        sa.Column("variant", sa.String(16)),
        sa.Column("first_reply_seconds", sa.Float()),
        *_figures(),
        sa.PrimaryKeyConstraint("id", name="pk_message_figures"),
        sa.UniqueConstraint("message_key", name="uq_message_figures_message_key"),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name="fk_message_figures_campaign_id_campaigns",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["enrollment_id"],
            ["enrollments.id"],
            name="fk_message_figures_enrollment_id_enrollments",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_message_figures_enrollment_id", "message_figures", ["enrollment_id"])
    op.create_index(
        "ix_message_figures_first_reply",
        "message_figures",
        ["campaign_id", "first_reply_seconds", "node_id", "account_id"],
    )
    op.create_table(
        "campaign_figures",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("node_key", sa.String(64), nullable=False),
        sa.Column("account_key", sa.Integer(), nullable=False),
        sa.Column("variant_key", sa.String(16), nullable=False),
        *_figures(),
        sa.PrimaryKeyConstraint(
            "campaign_id", "node_key", "account_key", "variant_key", name="pk_campaign_figures"
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name="fk_campaign_figures_campaign_id_campaigns",
            ondelete="CASCADE",
        ),
    )
    op.create_index(
        "ix_enrollments_campaign_state", "enrollments", ["campaign_id", "state", "current_node"]
    )
    connection = op.get_bind()
    stats_summary.install(connection)
    stats_summary.rebuild(connection)


def downgrade() -> None:
    op.drop_index("ix_enrollments_campaign_state", table_name="enrollments")
    for name in stats_summary.TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name in reversed(stats_summary.VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {name}")
    op.drop_table("campaign_figures")
    op.drop_index("ix_message_figures_first_reply", table_name="message_figures")
    op.drop_index("ix_message_figures_enrollment_id", table_name="message_figures")
    op.drop_table("message_figures")
    with op.batch_alter_table("outbox_messages") as batch:
        batch.drop_column("variant")
