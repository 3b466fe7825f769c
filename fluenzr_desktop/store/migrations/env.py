"""Alembic environment: migrations run on the connection handed over by `store.db.upgrade`."""

from alembic import context

from fluenzr_desktop.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite alters tables by copy; batch mode does that for us.
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
