"""A workspace folder: its database (`fluenzr.db`), its logs, and which folder to use.

The folder is chosen by `--workspace DIR`, else `FLUENZR_WORKSPACE`, else the
platform's user data folder (platformdirs).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from .domain.clock import Clock, SystemClock
from .domain.errors import FluenzrError
from .store.db import open_database, session_factory
from .store.schema import with_clock

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from .store.secrets import SecretStore

DATABASE_NAME = "fluenzr.db"
SECRET_KEY_FILE = "unsubscribe.key"
ENVIRONMENT_VARIABLE = "FLUENZR_WORKSPACE"
APP_NAME = "FluenzR"


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
    ):
        self.root = root
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
            try:
                descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:  # another process made it first
                pass
            else:
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(os.urandom(32))
        return path.read_bytes()

    def close(self) -> None:
        """Release the database and the log file (safe to call twice)."""
        self._raw_engine.dispose()
        if self._log_handler is not None:
            logging.getLogger("fluenzr_desktop").removeHandler(self._log_handler)
            self._log_handler.close()
            self._log_handler = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _WorkspaceClock:
    """Reads whichever clock the workspace has now (bound once to its engine)."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def now(self):
        return self._workspace.clock.now()


def _attach_log_file(logs_dir: Path) -> logging.Handler:
    root_logger = logging.getLogger("fluenzr_desktop")
    handler = logging.handlers.RotatingFileHandler(
        logs_dir / "fluenzr.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root_logger.addHandler(handler)
    root_logger.setLevel(logging.INFO)
    return handler


def open_workspace(
    explicit: str | os.PathLike[str] | None = None, clock: Clock | None = None
) -> Workspace:
    """Open (creating and migrating if needed) the workspace chosen by the usual rules."""
    root = resolve_workspace_dir(explicit)
    if root.exists() and not root.is_dir():
        raise FluenzrError(f"{root}: not a folder")
    try:
        (root / "logs").mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FluenzrError(
            f"{root}: cannot create the workspace folder ({error.strerror})"
        ) from None
    handler = _attach_log_file(root / "logs")
    try:
        engine = open_database(root / DATABASE_NAME)
    except BaseException:
        logging.getLogger("fluenzr_desktop").removeHandler(handler)
        handler.close()
        raise
    return Workspace(root, engine, handler, clock)
