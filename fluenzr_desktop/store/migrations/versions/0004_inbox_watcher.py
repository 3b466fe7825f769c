"""Inbox watcher: where each IMAP folder was last read; inbound events by Message-ID.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbox_folders",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("folder", sa.String(255), nullable=False),
        sa.Column("uidvalidity", sa.Integer(), nullable=False),
        sa.Column("last_uid", sa.Integer(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime()),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name="fk_inbox_folders_account_id_accounts",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("account_id", "folder", name="pk_inbox_folders"),
    )
    op.create_index("ix_events_message_id", "events", ["message_id"])


def downgrade() -> None:
    op.drop_index("ix_events_message_id", table_name="events")
    op.drop_table("inbox_folders")
