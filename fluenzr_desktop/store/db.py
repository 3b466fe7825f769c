"""Opening a workspace database: pragmas, Alembic migrations with a backup copy first.

Guarantees: the schema is at `SCHEMA_HEAD` after `open_database`; before any
migration of an existing file, a consistent copy of it is written beside it.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Column, Engine, MetaData, String, Table, create_engine, event

from ..domain.clock import wall_datetime
from ..domain.errors import FluenzrError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

# Alembic's head revision. A test checks it equals the newest migration script, so
# opening an up-to-date workspace never has to import Alembic (≈150 ms saved).
SCHEMA_HEAD = "0004"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004")
BUSY_TIMEOUT_MS = 10_000

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
log = logging.getLogger(__name__)


def _set_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # WAL + NORMAL is durable across application crashes (only an OS crash can lose
    # the last transactions) and much faster than FULL for imports.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(path: Path) -> Engine:
    """An engine on a workspace file with WAL, foreign keys and a busy timeout on every connection."""
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    return engine


def current_revision(path: Path) -> str | None:
    """The Alembic revision stamped in the file, None for a new or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as error:
        raise FluenzrError(f"{path}: cannot open the database: {error}") from None
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            if tables:
                raise FluenzrError(f"{path}: not a FluenzR workspace database")
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError as error:
        raise FluenzrError(f"{path}: not a readable SQLite database ({error})") from None
    finally:
        connection.close()


def backup_copy(path: Path, revision: str) -> Path:
    """Write a consistent copy of the database (WAL included) beside it; returns its path."""
    # Real time, not the workspace's clock: a file name on disk, not a domain time.
    stamp = wall_datetime().strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.{revision}.{stamp}.bak")
    source = sqlite3.connect(path, timeout=10)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the Alembic migrations up to `revision` on this engine."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def open_database(path: Path) -> Engine:
    """Open (creating or migrating) a workspace database and return its engine."""
    revision = current_revision(path)
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise FluenzrError(
            f"{path}: made by a newer FluenzR (schema {revision}); update the app to open it"
        )
    engine = make_engine(path)
    if revision is None:
        create_at_head(engine)
    elif revision != SCHEMA_HEAD:
        copy = backup_copy(path, revision)
        log.info("schema %s → %s; backup written to %s", revision, SCHEMA_HEAD, copy)
        upgrade(engine)
    return engine


def create_at_head(engine: Engine) -> None:
    """Create a new database straight from the models and stamp it at SCHEMA_HEAD.

    Alembic's recipe for a database built from scratch ("create_all, then stamp"); a
    test checks the models and the migrations produce the same schema. Skipping
    Alembic here saves ~150 ms on the first start.
    """
    from .schema import metadata

    version_table = Table(
        "alembic_version",
        MetaData(),
        Column("version_num", String(32), primary_key=True),
    )
    with engine.begin() as connection:
        metadata.create_all(connection)
        version_table.create(connection)
        connection.execute(version_table.insert().values(version_num=SCHEMA_HEAD))


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit (the GUI and CLI read them)."""
    from sqlalchemy.orm import sessionmaker

    # The ORM classes must be mapped before the first query names them.
    from . import models  # noqa: F401

    return sessionmaker(engine, expire_on_commit=False)
