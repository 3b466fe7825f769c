"""Engine bookkeeping: account pacing, delays in progress, per-campaign send counts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("next_send_at", sa.DateTime()))
    with op.batch_alter_table("enrollments") as batch:
        batch.add_column(sa.Column("waiting_until", sa.DateTime()))
    with op.batch_alter_table("outbox_messages") as batch:
        batch.add_column(sa.Column("campaign_id", sa.Integer()))
        batch.create_foreign_key(
            "fk_outbox_messages_campaign_id_campaigns",
            "campaigns",
            ["campaign_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_index("ix_outbox_messages_campaign_id_sent_at", ["campaign_id", "sent_at"])
        batch.create_index("ix_outbox_messages_account_id_sent_at", ["account_id", "sent_at"])


def downgrade() -> None:
    with op.batch_alter_table("outbox_messages") as batch:
        batch.drop_index("ix_outbox_messages_account_id_sent_at")
        batch.drop_index("ix_outbox_messages_campaign_id_sent_at")
        batch.drop_constraint("fk_outbox_messages_campaign_id_campaigns", type_="foreignkey")
        batch.drop_column("campaign_id")
    with op.batch_alter_table("enrollments") as batch:
        batch.drop_column("waiting_until")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("next_send_at")
