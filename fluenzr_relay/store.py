"""The relay's hits, in one SQLite file, written by group commit before any answer is sent.

One connection, used only by one writer thread (a single-thread executor). Requests that
arrive while a commit is in flight are queued and written together in the next transaction,
so a burst of N concurrent hits costs a few commits, not N; each request is resolved only
after the transaction holding its hit has committed.

Durability: `journal_mode=WAL` with `synchronous=NORMAL`. A committed transaction survives a
crash or `kill -9` of the relay process (it is in the WAL file, which the OS keeps), so a hit
that got its answer is never lost across a restart. It is NOT guaranteed to survive a power
loss or kernel crash (the last commits may not be fsynced yet); `synchronous=FULL` would pay
an fsync per batch for that.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS hits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    token_json TEXT NOT NULL,
    kid TEXT NOT NULL,
    at TEXT NOT NULL,
    ip TEXT,
    user_agent TEXT,
    method TEXT NOT NULL,
    purpose TEXT
);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('instance', lower(hex(randomblob(16))));
"""
INSERT_HIT = (
    "INSERT INTO hits (kind, token_json, kid, at, ip, user_agent, method, purpose)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
SELECT_AFTER = (
    "SELECT id, kind, token_json, kid, at, ip, user_agent, method, purpose"
    " FROM hits WHERE id > ? ORDER BY id LIMIT ?"
)
# (kind, token_json, kid, at, ip, user_agent, method, purpose)
HitRow = tuple[str, str, str, str, str | None, str | None, str, str | None]


class StoreError(Exception):
    """The hits database cannot be opened or used; the message is one line."""


class HitStore:
    """The hits table: group-committed writes and reads by cursor, off the event loop."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        # Made once with the database: its hit ids count from 1 again in a new one, so the
        # app keys its cursor and its de-duplication on this (`/healthz`, `/v1/events`).
        self.instance = ""
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hits-writer")
        self._pending: list[tuple[HitRow, asyncio.Future[None]]] = []
        self._flushing: asyncio.Task[None] | None = None
        self._closed = False
        try:
            self._connection = self._executor.submit(self._open).result()
        except (sqlite3.Error, OSError) as error:
            self._executor.shutdown()
            raise StoreError(f"{self.path}: cannot open the hits database ({error})") from None

    def _open(self) -> sqlite3.Connection:
        if not self.path.parent.is_dir():
            raise OSError(f"no folder {self.path.parent}")
        connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            connection.execute("PRAGMA busy_timeout = 5000")
            mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise sqlite3.OperationalError(f"WAL journal mode refused (got {mode})")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.executescript(SCHEMA)
            self.instance = connection.execute(
                "SELECT value FROM meta WHERE key = 'instance'"
            ).fetchone()[0]
        except BaseException:
            connection.close()
            raise
        return connection

    async def record(self, row: HitRow) -> None:
        """Store one hit; returns once the transaction holding it has committed."""
        if self._closed:
            raise StoreError("the hits database is closed")
        future = asyncio.get_running_loop().create_future()
        self._pending.append((row, future))
        if self._flushing is None:
            self._flushing = asyncio.create_task(self._flush())
        await future

    async def _flush(self) -> None:
        """Commit queued hits batch after batch until none is waiting (group commit)."""
        loop = asyncio.get_running_loop()
        try:
            while self._pending:
                batch, self._pending = self._pending, []
                try:
                    await loop.run_in_executor(self._executor, self._write, [r for r, _ in batch])
                except Exception as error:  # every waiting request answers with the error
                    for _, future in batch:
                        if not future.done():
                            future.set_exception(error)
                else:
                    for _, future in batch:
                        if not future.done():
                            future.set_result(None)
        finally:
            self._flushing = None

    def _write(self, rows: list[HitRow]) -> None:
        connection = self._connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.executemany(INSERT_HIT, rows)
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    async def events_after(self, after: int, limit: int) -> tuple[list[dict], bool]:
        """Up to `limit` hits with id > `after`, ascending, and whether more follow."""
        loop = asyncio.get_running_loop()
        rows = await loop.run_in_executor(self._executor, self._select, after, limit + 1)
        events = [
            {
                "id": row[0],
                "kind": row[1],
                "token": json.loads(row[2]),
                "kid": row[3],
                "at": row[4],
                "ip": row[5],
                "user_agent": row[6],
                "method": row[7],
                "purpose": row[8],
            }
            for row in rows[:limit]
        ]
        return events, len(rows) > limit

    def _select(self, after: int, limit: int) -> list[tuple]:
        return self._connection.execute(SELECT_AFTER, (after, limit)).fetchall()

    async def close(self) -> None:
        """Refuse new hits, commit every queued one, then close the database."""
        self._closed = True
        while self._flushing is not None:
            await self._flushing
        await asyncio.get_running_loop().run_in_executor(self._executor, self._connection.close)
        self._executor.shutdown()

    def close_now(self) -> None:
        """Close without an event loop (nothing can be queued then)."""
        self._closed = True
        self._executor.submit(self._connection.close).result()
        self._executor.shutdown()
