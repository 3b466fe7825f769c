"""Persistence: SQLAlchemy models, Alembic migrations, queries and CSV import/export."""
