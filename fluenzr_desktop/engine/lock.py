"""One engine per workspace: an OS file lock that the OS releases when its process dies.

The lock file `WORKSPACE/engine.lock` also says who holds it (the window, or
`fluenzr engine run` with its PID), so a second engine can name the first in one line.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..domain.errors import FluenzrError

LOCK_NAME = "engine.lock"


class EngineBusy(FluenzrError):
    """Another process already runs the engine of this workspace."""


class EngineLock:
    """An exclusive, non-blocking lock on the workspace's engine (flock / LockFileEx)."""

    def __init__(self, root: Path, owner: str) -> None:
        self.path = root / LOCK_NAME
        self.owner = owner
        self._handle: int | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        """Take the lock, or raise EngineBusy naming the process that has it."""
        if self._handle is not None:
            return
        handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(handle):
            os.close(handle)
            raise EngineBusy(f"sending is handled by another FluenzR process: {self.holder()}")
        # Who holds it, for the next one to ask; written only while holding the lock.
        os.ftruncate(handle, 0)
        os.write(handle, json.dumps({"pid": os.getpid(), "owner": self.owner}).encode())
        os.fsync(handle)
        self._handle = handle

    def release(self) -> None:
        """Let go of the lock (safe to call twice); the OS also does it at exit."""
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        try:
            os.ftruncate(handle, 0)
        finally:
            _unlock(handle)
            os.close(handle)

    def holder(self) -> str:
        """Who holds the lock, as read from the file: "the window (PID 12)" or similar."""
        try:
            described = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            described = {}
        pid = described.get("pid")
        owner = described.get("owner") or "another process"
        return f"{owner} (PID {pid})" if pid else owner

    def __enter__(self) -> EngineLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised by the Windows build
    import msvcrt

    def _try_lock(handle: int) -> bool:
        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: int) -> None:
        os.lseek(handle, 0, os.SEEK_SET)
        msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: int) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: int) -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)
