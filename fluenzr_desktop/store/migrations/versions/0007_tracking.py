"""Opens and clicks pulled from the tracking relay: where each hit came from, what each
message was tracked with, and how far each relay has been read.

- `events.source_id`: a relay hit's id ("relay:<kid>:<id>"), unique, so a hit pulled
  twice (a cursor lost with a restored database) is recorded once.
- `outbox_messages.track_opens` / `tracked_links`: what the message carried (a pixel; how
  many rewritten links, NULL when none), so rates count only tracked messages and the
  scanner rule "every link hit within seconds" knows how many links there were.
- `relay_cursors`: the id of the last hit read from each relay URL, and which of the relay's
  databases it counts in (`instance`: a new database restarts its ids at 1).

Only ADD COLUMN and new tables: no table is rebuilt, so a large workspace migrates at once.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("events", sa.Column("source_id", sa.String(96)))
    op.create_index("ix_events_source_id", "events", ["source_id"], unique=True)
    op.add_column(
        "outbox_messages",
        sa.Column("track_opens", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("outbox_messages", sa.Column("tracked_links", sa.Integer()))
    op.create_table(
        "relay_cursors",
        sa.Column("relay_url", sa.String(2048), primary_key=True),
        sa.Column("cursor", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("pulled_at", sa.DateTime()),
        sa.Column("instance", sa.String(64)),
        sa.PrimaryKeyConstraint("relay_url", name="pk_relay_cursors"),
    )


def downgrade() -> None:
    op.drop_table("relay_cursors")
    with op.batch_alter_table("outbox_messages") as batch:
        batch.drop_column("tracked_links")
        batch.drop_column("track_opens")
    op.drop_index("ix_events_source_id", table_name="events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("source_id")
