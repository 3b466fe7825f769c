"""A workspace folder: its database (`fluenzr.db`), its logs, and which folder to use.

The folder is chosen by `--workspace DIR`, else `FLUENZR_WORKSPACE`, else the
platform's user data folder (platformdirs).

Guarantees:
- a new workspace folder is made readable by its owner only (0700, files 0600), and
  opening an existing one writable takes group and other permissions off the folder
  and the files the app writes in it (database, backups, keys, logs);
- a folder the user cannot write to (a mounted backup), or `FLUENZR_READ_ONLY=1`, is
  opened read-only: reading works, nothing is written (no migration, backup, key or
  log), and a write is refused with one line (`ReadOnlyWorkspace`);
- a log file that cannot be opened is not an error: the workspace then logs nowhere;
- a damaged database (SQLite "malformed") surfaces as one line (`DamagedWorkspace`),
  from any statement and from any block run in `with workspace:`; `check=True` looks
  for damage before anything else runs (the engine's callers pass it).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from .domain.clock import Clock, SystemClock
from .domain.errors import FluenzrError
from .store.db import (
    Backup,
    ReadOnlyWorkspace,
    backups_of,
    check_file,
    list_backups,
    open_database,
    session_factory,
    translate_error,
)
from .store.schema import with_clock

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from .store.secrets import SecretStore

DATABASE_NAME = "fluenzr.db"
SECRET_KEY_FILE = "unsubscribe.key"
# The keys shared with the tracking relay (`fluenzr tracking set-relay`), owner-only.
RELAY_KEY_FILE = "tracking-relay.key"
ENVIRONMENT_VARIABLE = "FLUENZR_WORKSPACE"
READ_ONLY_VARIABLE = "FLUENZR_READ_ONLY"
APP_NAME = "FluenzR"
LOG_FILE = "fluenzr.log"
SECRETS_FILE = "secrets.cfg"  # store/secrets.py writes it (0600 already)
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def default_workspace_dir() -> Path:
    """The per-user data folder of the app, from platformdirs."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "workspace"


def resolve_workspace_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`explicit`, else $FLUENZR_WORKSPACE, else the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    from_environment = os.environ.get(ENVIRONMENT_VARIABLE)
    if from_environment:
        return Path(from_environment).expanduser()
    return default_workspace_dir()


class Workspace:
    """An open workspace: its folder, database engine, session factory and clock.

    `clock` is the one clock of everything written through this workspace (stamps,
    enrolment, events, outbox, `Date:` headers); assigning another clock (`--now`, a
    test's ManualClock) moves all of them, sessions already made included.
    """

    def __init__(
        self,
        root: Path,
        engine: Engine,
        log_handler: logging.Handler | None = None,
        clock: Clock | None = None,
        *,
        read_only: bool = False,
    ):
        self.root = root
        self.read_only = read_only
        self.clock: Clock = clock or SystemClock()
        self._raw_engine = engine
        self.engine = with_clock(engine, _WorkspaceClock(self))
        self._log_handler = log_handler
        self._sessions: sessionmaker[Session] | None = None

    @property
    def sessions(self) -> sessionmaker[Session]:
        """The ORM session factory, made on first use (bulk paths never import the ORM)."""
        if self._sessions is None:
            self._sessions = session_factory(self.engine)
        return self._sessions

    @property
    def database_path(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session committed on success and rolled back on any error."""
        with self.sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def secret_store(self, prompt=None) -> SecretStore:
        """Where this workspace's account passwords live (OS keyring or encrypted file)."""
        from .store.secrets import SecretStore, workspace_id

        with self.engine.begin() as connection:
            key = workspace_id(connection)
        return SecretStore(self.root, key, prompt)

    @property
    def unsubscribe_secret(self) -> bytes:
        """The key that signs unsubscribe tokens: random, made once, readable by the owner only.

        Kept in the workspace folder rather than the database, so a shared copy of the
        database cannot forge tokens.
        """
        path = self.root / SECRET_KEY_FILE
        if not path.exists():
            if self.read_only:
                raise ReadOnlyWorkspace(self.root, f"cannot create its key file {SECRET_KEY_FILE}")
            try:
                descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:  # another process made it first
                pass
            else:
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(os.urandom(32))
        return path.read_bytes()

    @property
    def relay_key_path(self) -> Path:
        """Where the keys shared with the tracking relay are kept (like the unsubscribe key:
        in the workspace folder, not the database, so a copy of the database cannot forge)."""
        return self.root / RELAY_KEY_FILE

    def close(self) -> None:
        """Release the database and the log file (safe to call twice)."""
        self._raw_engine.dispose()
        if self._log_handler is not None:
            logging.getLogger("fluenzr_desktop").removeHandler(self._log_handler)
            self._log_handler.close()
            self._log_handler = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, exc_type: object, error: BaseException | None, _traceback: object) -> None:
        self.close()
        # A damaged page or a write to a read-only file met outside the engine's own
        # error hook (the sqlite3 driver used directly): the same one line.
        translated = _translated(error, self.database_path) if error is not None else None
        if translated is not None:
            raise translated from None


class _WorkspaceClock:
    """Reads whichever clock the workspace has now (bound once to its engine)."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def now(self):
        return self._workspace.clock.now()


def _translated(error: BaseException, path: Path) -> FluenzrError | None:
    if isinstance(error, FluenzrError):
        return None
    original = getattr(error, "orig", None)  # SQLAlchemy's wrapper of a driver error
    return translate_error(original if original is not None else error, path)


class _PrivateLogFile(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are readable by their owner only."""

    def _open(self):
        descriptor = os.open(
            self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE
        )
        return open(descriptor, self.mode, encoding=self.encoding, errors=self.errors)


def _attach_log_file(logs_dir: Path | None) -> logging.Handler:
    """The workspace's log file; a handler that drops everything when it cannot be opened."""
    root_logger = logging.getLogger("fluenzr_desktop")
    handler: logging.Handler
    try:
        if logs_dir is None:
            raise OSError("read-only workspace")
        handler = _PrivateLogFile(
            logs_dir / LOG_FILE, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        # No log is better than no app: a read-only folder (a mounted backup) still opens.
        handler = logging.NullHandler()
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root_logger.setLevel(logging.INFO)
    root_logger.addHandler(handler)
    return handler


def _writable(path: Path) -> bool:
    """Whether this process may write `path` (False on a read-only mount, even for root)."""
    return os.access(path, os.W_OK)


def _read_only_forced() -> bool:
    return os.environ.get(READ_ONLY_VARIABLE, "").strip().lower() in ("1", "true", "yes", "on")


def _is_read_only(root: Path) -> bool:
    if _read_only_forced():
        return True
    if not root.exists():
        return False  # to be created: creating it says whether the user may
    database = root / DATABASE_NAME
    return not _writable(root) or (database.exists() and not _writable(database))


def _tighten(path: Path, mode: int) -> None:
    """Take group/other permissions off a folder or file of ours (POSIX; else a no-op)."""
    if os.name != "posix":
        return
    try:
        status = path.lstat()
        if stat.S_ISLNK(status.st_mode) or status.st_uid != os.getuid():
            return
        current = stat.S_IMODE(status.st_mode)
        if current & ~mode:
            os.chmod(path, current & mode)
    except OSError:
        pass  # not ours to change, or gone meanwhile: opening goes on


def _tighten_workspace(root: Path) -> None:
    _tighten(root, PRIVATE_FOLDER)
    database = root / DATABASE_NAME
    files = [
        database,
        *(database.with_name(database.name + suffix) for suffix in ("-wal", "-shm")),
        *backups_of(database),
        root / SECRET_KEY_FILE,
        root / SECRETS_FILE,
    ]
    logs = root / "logs"
    if logs.is_dir():
        _tighten(logs, PRIVATE_FOLDER)
        files.extend(logs.glob(f"{LOG_FILE}*"))
    for path in files:
        if path.is_file():
            _tighten(path, PRIVATE_FILE)


def _make_folders(root: Path) -> Path | None:
    """Make the workspace folder (0700) if needed; returns its logs folder, None if unusable."""
    try:
        root.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    except OSError as error:
        raise FluenzrError(
            f"{root}: cannot create the workspace folder ({error.strerror})"
        ) from None
    logs = root / "logs"
    try:
        logs.mkdir(exist_ok=True, mode=PRIVATE_FOLDER)
    except OSError:
        return None
    return logs if logs.is_dir() else None


def open_workspace(
    explicit: str | os.PathLike[str] | None = None,
    clock: Clock | None = None,
    *,
    check: bool = False,
    read_only: bool | None = None,
) -> Workspace:
    """Open (creating and migrating if needed) the workspace chosen by the usual rules.

    `check=True` runs SQLite's quick_check first and refuses a damaged database in one
    line (the sending engine's callers pass it). `read_only`: None decides from the
    folder's permissions and `FLUENZR_READ_ONLY`; True opens without writing anything.
    """
    root = resolve_workspace_dir(explicit)
    if root.exists() and not root.is_dir():
        raise FluenzrError(f"{root}: not a folder")
    if read_only is None:
        read_only = _is_read_only(root)
    if read_only:
        if not (root / DATABASE_NAME).exists():
            raise ReadOnlyWorkspace(root, f"there is no {DATABASE_NAME} in it to open")
        logs_dir = None
    else:
        logs_dir = _make_folders(root)
        _tighten_workspace(root)
    handler = _attach_log_file(logs_dir)
    try:
        engine = open_database(root / DATABASE_NAME, read_only=read_only, check=check)
    except BaseException:
        logging.getLogger("fluenzr_desktop").removeHandler(handler)
        handler.close()
        raise
    return Workspace(root, engine, handler, clock, read_only=read_only)


@dataclass(frozen=True)
class WorkspaceCheck:
    """What `check_workspace` found: the database, its problems ([] = sound), its backups."""

    database: Path
    problems: list[str]
    backups: list[Backup]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_workspace(explicit: str | os.PathLike[str] | None = None) -> WorkspaceCheck:
    """SQLite's full integrity_check of a workspace's database, without opening it.

    Nothing is created, migrated or written (a damaged, empty or read-only workspace
    can be checked); a folder without a database is refused in one line.
    """
    root = resolve_workspace_dir(explicit)
    if root.exists() and not root.is_dir():
        raise FluenzrError(f"{root}: not a folder")
    database = root / DATABASE_NAME
    if not database.exists():
        raise FluenzrError(f"{root}: no workspace here (no {DATABASE_NAME})")
    return WorkspaceCheck(database, check_file(database), list_backups(database))
