"""Access to the local REST API: whether it is on, its port, its bearer token, its plan gate.

The token is a secret: it lives in the workspace's secret store (OS keyring or the
encrypted file) under `api_token`, never in the database or a log. A server reads it
through `ApiTokenReader`, which notices a regeneration at once in this process and
within a second from another one (`fluenzr api token --regenerate` while the window
serves).
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass

from ..domain.errors import FluenzrError
from ..domain.plans import Gate, feature_gate
from ..domain.settings import API_DEFAULT_PORT, API_PORT_RANGE
from ..store import settings as store
from ..workspace import Workspace
from .licence import plan_status

TOKEN_SECRET = "api_token"
TOKEN_BYTES = 32

__all__ = [
    "API_DEFAULT_PORT",
    "ApiSettings",
    "ApiTokenReader",
    "api_gate",
    "api_settings",
    "api_token",
    "regenerate_api_token",
    "save_api_settings",
]


@dataclass(frozen=True)
class ApiSettings:
    """Whether the window serves the API, and on which port of 127.0.0.1."""

    enabled: bool
    port: int


def api_settings(workspace: Workspace) -> ApiSettings:
    """The API's settings as stored (off, port 8787 until changed)."""
    with workspace.sessions() as session:
        return ApiSettings(
            bool(store.get_setting(session, "api_enabled")),
            int(store.get_setting(session, "api_port")),
        )


def save_api_settings(workspace: Workspace, *, enabled: bool, port: int) -> ApiSettings:
    """Switch the API on or off and choose its port (1024–65535, FluenzrError otherwise)."""
    low, high = API_PORT_RANGE
    if isinstance(port, bool) or not isinstance(port, int) or not low <= port <= high:
        raise FluenzrError(f"the API port must be a whole number from {low} to {high}, got {port}")
    with workspace.session() as session:
        store.set_setting(session, "api_enabled", "true" if enabled else "false")
        store.set_setting(session, "api_port", str(port))
    return ApiSettings(enabled, port)


# Regenerations made in this process, by workspace folder: a reader re-reads at once.
_generations: dict[str, int] = {}
_generations_lock = threading.Lock()


def _generation(workspace: Workspace) -> int:
    with _generations_lock:
        return _generations.get(str(workspace.root), 0)


def api_token(workspace: Workspace) -> str:
    """The API's bearer token, made (and stored in the secret store) on first ask."""
    store_ = workspace.secret_store()
    token = store_.get_secret(TOKEN_SECRET)
    if not token:
        token = secrets.token_urlsafe(TOKEN_BYTES)
        store_.set_secret(TOKEN_SECRET, token)
    return token


def regenerate_api_token(workspace: Workspace) -> str:
    """A new bearer token; the old one stops working at once (a running server re-reads it)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    workspace.secret_store().set_secret(TOKEN_SECRET, token)
    with _generations_lock:
        key = str(workspace.root)
        _generations[key] = _generations.get(key, 0) + 1
    return token


class ApiTokenReader:
    """The current token for a running server: cached, re-read after a regeneration.

    A regeneration in this process is seen on the next request; one made by another
    process (the command line) within `max_age` seconds.
    """

    def __init__(self, workspace: Workspace, max_age: float = 1.0) -> None:
        self._workspace = workspace
        self._max_age = max_age
        self._lock = threading.Lock()
        self._token = api_token(workspace)
        self._generation = _generation(workspace)
        self._read_at = time.monotonic()

    def __call__(self) -> str:
        """The token requests must carry now."""
        now = time.monotonic()
        generation = _generation(self._workspace)
        if generation == self._generation and now - self._read_at < self._max_age:
            return self._token
        with self._lock:
            self._token = api_token(self._workspace)
            self._generation = generation
            self._read_at = now
            return self._token


def api_gate(workspace: Workspace) -> Gate | None:
    """The plan gate the API meets (None when the plan in force includes the API)."""
    status = plan_status(workspace)
    return feature_gate("api", status.plan, status.features)
