"""Opening a workspace database: pragmas, Alembic migrations with a backup copy first.

Guarantees:
- the schema is at `SCHEMA_HEAD` after `open_database`; before any migration of an
  existing file, a consistent copy of it is written beside it;
- a new database is made only where no file exists, complete or not at all (built
  beside it, then linked into place: two processes starting at once never both make
  one, and nobody ever sees a half-made file); an existing file is never replaced;
- an empty (0-byte), foreign or damaged file is refused with one line naming it and
  the newest backup beside it;
- a read-only database is opened read-only (no migration, no backup); writing to it
  raises `ReadOnlyWorkspace`, and SQLite's "malformed" errors raise `DamagedWorkspace`
  from any statement of the engine;
- the files made here (database, its -wal/-shm, backups) are readable by their owner only.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Column, Engine, MetaData, String, Table, create_engine, event
from sqlalchemy.engine import URL

from ..domain.clock import wall_datetime
from ..domain.errors import FluenzrError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

# Alembic's head revision. A test checks it equals the newest migration script, so
# opening an up-to-date workspace never has to import Alembic (≈150 ms saved).
SCHEMA_HEAD = "0010"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010")
BUSY_TIMEOUT_MS = 10_000
PRIVATE_FILE = 0o600

# SQLite's primary result codes (an extended code's low byte).
SQLITE_READONLY = 8
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26
CHECK_LIMIT = 100  # problems integrity_check lists at most

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
log = logging.getLogger(__name__)


class DamagedWorkspace(FluenzrError):
    """The workspace database is damaged: SQLite finds malformed pages, or no database at all."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = " ".join(detail.split())
        super().__init__(
            f"{path}: the database is damaged ({self.detail}); check it with "
            f"`fluenzr workspace check --workspace {path.parent}`, then {restore_hint(path)}"
        )


class ReadOnlyWorkspace(FluenzrError):
    """A write to a workspace opened read-only (a mounted backup, a folder of another user)."""

    def __init__(self, root: Path, what: str = "cannot save changes") -> None:
        self.root = root
        super().__init__(
            f"the workspace {root} is read-only (a mounted backup?): {what}; "
            "copy it to a writable folder to change it"
        )


def backups_of(path: Path) -> list[Path]:
    """The backup copies written beside `path` (`NAME.<revision>.<time>.bak`), newest first."""
    found = [p for p in path.parent.glob(f"{path.name}.*.bak") if p.is_file()]

    def age(backup: Path) -> tuple[str, float]:
        # The time in the name, then the file's: copying a folder keeps the first.
        parts = backup.name[len(path.name) + 1 : -len(".bak")].split(".")
        stamp = parts[-1] if len(parts) >= 2 else ""
        try:
            return stamp, backup.stat().st_mtime
        except OSError:
            return stamp, 0.0

    return sorted(found, key=age, reverse=True)


def restore_hint(path: Path) -> str:
    """How to get the data back: the newest backup beside `path`, or that there is none."""
    backups = backups_of(path)
    if backups:
        return (
            f"copy the newest backup beside it ({backups[0].name}) over {path.name} "
            "while the app is closed"
        )
    return f"there is no backup ({path.name}.*.bak) beside it: restore it from your own backups"


def sqlite_error_code(error: BaseException) -> int | None:
    """SQLite's primary result code of a sqlite3 error (None when it has none)."""
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_damage(error: BaseException) -> bool:
    """Whether a sqlite3 error says the file is damaged or not a database at all."""
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    if sqlite_error_code(error) in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return True
    text = str(error)
    return "malformed" in text or "file is not a database" in text


def is_read_only_write(error: BaseException) -> bool:
    """Whether a sqlite3 error is a write refused because the database is read-only."""
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    return sqlite_error_code(error) == SQLITE_READONLY or "readonly database" in str(error)


def translate_error(error: BaseException, path: Path) -> FluenzrError | None:
    """The one-line error a user gets for a damaged or read-only database, else None."""
    if is_damage(error):
        return DamagedWorkspace(path, str(error))
    if is_read_only_write(error):
        return ReadOnlyWorkspace(path.parent)
    return None


def database_path(bind) -> Path:
    """The file of an engine (or connection) made by `make_engine`."""
    from urllib.parse import unquote, urlsplit
    from urllib.request import url2pathname

    database = str(bind.engine.url.database)
    if database.startswith("file:"):
        return Path(url2pathname(unquote(urlsplit(database).path)))
    return Path(database)


def _set_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # WAL + NORMAL is durable across application crashes (only an OS crash can lose
    # the last transactions) and much faster than FULL for imports.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _set_read_only_pragmas(dbapi_connection, _record) -> None:
    # Changing the journal mode or synchronous writes: a read-only file keeps its own.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def read_only_uri(path: Path) -> str:
    """An SQLite URI that reads `path` without writing anything beside it.

    `mode=ro` still needs the -shm file of a WAL database, and makes it when it is
    missing: in a read-only folder it can only use one that exists (the database was
    in use when it was copied or mounted). Otherwise `immutable=1` reads the file
    alone (checked on a read-only bind mount: `mode=ro` alone fails there with
    "unable to open database file").
    """
    uri = f"{path.absolute().as_uri()}?mode=ro"
    wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    if wal.exists() and shm.exists():
        return uri
    if os.access(path.parent, os.W_OK):
        return uri
    return uri + "&immutable=1"


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine on a workspace file with WAL, foreign keys and a busy timeout on every connection.

    Read-only: opened with `mode=ro` (see `read_only_uri`). On every statement, SQLite's
    "malformed"/"not a database" errors become `DamagedWorkspace` and a refused write to
    a read-only file `ReadOnlyWorkspace`, one line each.
    """
    if read_only:
        file_uri, _, query = read_only_uri(path).partition("?")
        options = dict(item.split("=", 1) for item in query.split("&"))
        engine = create_engine(
            URL.create("sqlite", database=file_uri, query={**options, "uri": "true"})
        )
        event.listen(engine, "connect", _set_read_only_pragmas)
    else:
        engine = create_engine(f"sqlite:///{path}")
        event.listen(engine, "connect", _set_pragmas)

    def translate(context) -> None:
        translated = translate_error(context.original_exception, path)
        if translated is not None:
            log.info("%s: %s", path, context.original_exception)
            raise translated from None

    event.listen(engine, "handle_error", translate)
    return engine


def _connect_read_only(path: Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(read_only_uri(path), uri=True, timeout=10)
    except sqlite3.Error as error:
        raise FluenzrError(f"{path}: cannot open the database: {error}") from None


def current_revision(path: Path) -> str | None:
    """The Alembic revision stamped in the file; None when there is no file.

    Refuses (one line naming the file) an empty file, a file that is not SQLite, a
    damaged one, and an SQLite database of another application.
    """
    if not path.exists():
        return None
    if path.stat().st_size == 0:
        raise FluenzrError(
            f"{path}: the database file is empty (0 bytes: a failed sync or a full disk?) "
            f"and was not opened as a new workspace; {restore_hint(path)}"
        )
    connection = _connect_read_only(path)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            if tables:
                raise FluenzrError(f"{path}: not a FluenzR workspace database")
            raise FluenzrError(
                f"{path}: an SQLite database without any table, not a FluenzR workspace; "
                "move it away to start a new workspace here"
            )
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError as error:
        if sqlite_error_code(error) == SQLITE_NOTADB or "not a database" in str(error):
            raise FluenzrError(
                f"{path}: not an SQLite database (damaged, or another file named like it); "
                f"{restore_hint(path)}"
            ) from None
        if is_damage(error):
            raise DamagedWorkspace(path, str(error)) from None
        raise FluenzrError(f"{path}: not a readable SQLite database ({error})") from None
    finally:
        connection.close()


def _private_new_file(path: Path) -> None:
    """Make `path` empty and readable by its owner only; FileExistsError if it exists."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(descriptor)


def backup_copy(path: Path, revision: str) -> Path:
    """Write a consistent copy of the database (WAL included) beside it; returns its path."""
    # Real time, not the workspace's clock: a file name on disk, not a domain time.
    stamp = wall_datetime().strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.{revision}.{stamp}.bak")
    _private_new_file(target)
    try:
        source = sqlite3.connect(path, timeout=10)
        try:
            destination = sqlite3.connect(target)
            try:
                source.backup(destination)
            finally:
                destination.close()
        finally:
            source.close()
    except BaseException as error:
        target.unlink(missing_ok=True)  # a half copy must never pass for a backup
        translated = translate_error(error, path)
        if translated is not None:
            raise translated from None
        raise
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


def open_database(path: Path, *, read_only: bool = False, check: bool = False) -> Engine:
    """Open (creating or migrating) a workspace database and return its engine.

    `read_only`: nothing is written (no creation, migration or backup); a file at an
    older schema is refused. `check`: run SQLite's quick_check first and refuse a
    damaged file (`DamagedWorkspace`), for the engine, which would otherwise meet the
    damage half-way through a send. The check also runs before any migration.
    """
    revision = current_revision(path)
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise FluenzrError(
            f"{path}: made by a newer FluenzR (schema {revision}); update the app to open it"
        )
    if read_only:
        if revision is None:
            raise ReadOnlyWorkspace(path.parent, f"there is no {path.name} in it to open")
        if revision != SCHEMA_HEAD:
            raise FluenzrError(
                f"{path}: made by an older version of FluenzR (schema {revision}) and the "
                "workspace is read-only; open it writable once to upgrade"
            )
    elif revision is None:
        create_new(path)
    engine = make_engine(path, read_only=read_only)
    migrating = revision is not None and revision != SCHEMA_HEAD
    if check or migrating:  # a migration would rewrite damaged pages: never on those
        _refuse_damage(engine, path)
    if migrating:
        copy = backup_copy(path, revision)
        log.info("schema %s → %s; backup written to %s", revision, SCHEMA_HEAD, copy)
        upgrade(engine)
    return engine


def _refuse_damage(engine: Engine, path: Path) -> None:
    try:
        problems = integrity_problems(engine, quick=True, limit=1)
    except BaseException:
        engine.dispose()
        raise
    if problems:
        engine.dispose()
        raise DamagedWorkspace(path, problems[0])


def integrity_problems(
    engine: Engine, *, quick: bool = False, limit: int = CHECK_LIMIT
) -> list[str]:
    """SQLite's integrity_check (or the faster quick_check): [] when the file is sound."""
    from sqlalchemy import text

    pragma = "quick_check" if quick else "integrity_check"
    try:
        with engine.connect() as connection:
            rows = [row[0] for row in connection.execute(text(f"PRAGMA {pragma}({int(limit)})"))]
    except DamagedWorkspace as damage:
        return [damage.detail]
    return _problems(rows)


def _problems(rows: list[object]) -> list[str]:
    """integrity_check's rows as one problem each ([] for "ok")."""
    if rows == ["ok"]:
        return []
    # SQLite 3.40 returns several problems in one row, one per line, after a header.
    lines = (line.strip() for row in rows for line in str(row).splitlines())
    return [line for line in lines if line and not line.startswith("*** in database")]


def create_new(path: Path) -> None:
    """Make a new database at `path`, at SCHEMA_HEAD, only if no file is there.

    It is built in a private file beside `path` and hard-linked into place, which fails
    when `path` exists: a process that loses the race to another one opens that one's
    complete database, and an existing file is never written over.
    """
    temporary = path.with_name(f".{path.name}.new-{os.getpid()}-{os.urandom(4).hex()}")
    _private_new_file(temporary)
    try:
        engine = make_engine(temporary)
        try:
            create_at_head(engine)
        finally:
            engine.dispose()  # the last connection checkpoints the WAL into the file
        try:
            os.link(temporary, path)
        except FileExistsError:
            log.info("%s was made by another process meanwhile", path)
        except OSError:  # a file system without hard links
            _copy_exclusively(temporary, path)
    finally:
        for suffix in ("", "-wal", "-shm"):
            temporary.with_name(temporary.name + suffix).unlink(missing_ok=True)


def _copy_exclusively(source: Path, target: Path) -> None:
    try:
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(source.read_bytes())
        handle.flush()
        os.fsync(handle.fileno())


def create_at_head(engine: Engine) -> None:
    """Create a new database straight from the models and stamp it at SCHEMA_HEAD.

    Alembic's recipe for a database built from scratch ("create_all, then stamp"); a
    test checks the models and the migrations produce the same schema. Skipping
    Alembic here saves ~150 ms on the first start.
    """
    from . import stats_summary, status_events
    from .schema import metadata

    version_table = Table(
        "alembic_version",
        MetaData(),
        Column("version_num", String(32), primary_key=True),
    )
    with engine.begin() as connection:
        metadata.create_all(connection)
        stats_summary.install(connection)
        status_events.install(connection)
        version_table.create(connection)
        connection.execute(version_table.insert().values(version_num=SCHEMA_HEAD))


@dataclass(frozen=True)
class Backup:
    """A backup copy beside the database: its path, size in bytes and modification time."""

    path: Path
    size: int
    modified: float  # seconds since the epoch (the file's own time)


def list_backups(path: Path) -> list[Backup]:
    """The backups beside `path`, newest first, with their sizes and times."""
    found = []
    for backup in backups_of(path):
        try:
            status = backup.stat()
        except OSError:
            continue
        found.append(Backup(backup, status.st_size, status.st_mtime))
    return found


def check_file(path: Path, limit: int = CHECK_LIMIT) -> list[str]:
    """SQLite's integrity_check of the file at `path`, read-only: [] when sound.

    Never creates nor changes anything; an empty file or one that is not SQLite is a
    problem like any other.
    """
    if not path.exists():
        raise FluenzrError(f"{path}: no such file; there is no workspace database to check")
    if path.stat().st_size == 0:
        return ["the file is empty (0 bytes)"]
    connection = _connect_read_only(path)
    try:
        rows = [row[0] for row in connection.execute(f"PRAGMA integrity_check({int(limit)})")]
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        connection.close()
    return _problems(rows)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit (the GUI and CLI read them)."""
    from sqlalchemy.orm import sessionmaker

    # The ORM classes must be mapped before the first query names them.
    from . import models  # noqa: F401

    return sessionmaker(engine, expire_on_commit=False)
