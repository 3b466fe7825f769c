"""Contacts carry a folded search text: "eloise" finds "Éloïse" (SQLite folds ASCII only).

The new column is filled here for every existing contact, in batches of ids: folding is
Python (domain.contacts.contact_search_text), not SQL, so the rows pass through Python
once. Measured on 1,000,000 contacts: see the report of issue 13.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

from fluenzr_desktop.domain.contacts import contact_search_text

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_BATCH = 5_000  # contacts read and rewritten per statement pair


def upgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("search_folded", sa.Text(), nullable=False, server_default=""))
    contacts = sa.table(
        "contacts",
        sa.column("id", sa.Integer),
        sa.column("email", sa.String),
        sa.column("first_name", sa.String),
        sa.column("last_name", sa.String),
        sa.column("company", sa.String),
        sa.column("search_folded", sa.Text),
    )
    read = (
        sa.select(
            contacts.c.id,
            contacts.c.email,
            contacts.c.first_name,
            contacts.c.last_name,
            contacts.c.company,
        )
        .where(contacts.c.id > sa.bindparam("after"))
        .order_by(contacts.c.id)
        .limit(_BATCH)
    )
    write = (
        sa.update(contacts)
        .where(contacts.c.id == sa.bindparam("b_id"))
        .values(search_folded=sa.bindparam("b_folded"))
    )
    connection = op.get_bind()
    # The update goes to the driver's executemany as it is compiled for this database:
    # SQLAlchemy's per-row parameter handling would double the time on a million rows.
    compiled = write.compile(dialect=connection.dialect)
    order = list(compiled.positiontup or [])
    after = -(2**63)  # below every id
    while True:
        rows = connection.execute(read, {"after": after}).all()
        if not rows:
            break
        values = [{"b_id": row[0], "b_folded": contact_search_text(*row[1:])} for row in rows]
        if compiled.positional:
            connection.exec_driver_sql(
                str(compiled), [tuple(value[key] for key in order) for value in values]
            )
        else:
            connection.exec_driver_sql(str(compiled), values)
        after = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("search_folded")
