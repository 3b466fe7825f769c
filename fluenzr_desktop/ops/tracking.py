"""The tracking relay: set it, check it, and pull its hits (opens, clicks, unsubscribes)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from fluenzr_relay.tokens import KeyFileError, RelayKeys

from ..domain.errors import FluenzrError
from ..domain.settings import parse_setting
from ..engine.tracking import PullReport, Relay, RelayClient, TrackingPull, load_relay
from ..store import settings as store
from ..workspace import Workspace
from . import Changes

SETTINGS = Changes(settings=True)
TRACKING_DATA = Changes(campaigns=True, enrollments=True, contacts=True)


@dataclass(frozen=True)
class RelayState:
    """The workspace's relay as the user sees it: its URL and the key that signs (never the key)."""

    url: str
    signing_kid: str | None
    key_file: Path
    changes: Changes = SETTINGS


@dataclass(frozen=True)
class RelayCheck:
    """What `tracking test` found: the relay's version, and how many hits it holds for us."""

    url: str
    version: str
    events_ok: bool
    newest_hit: int


@dataclass(frozen=True)
class PullDone:
    """One pull of the relay, with the screens it changes."""

    report: PullReport
    changes: Changes = TRACKING_DATA


def relay_state(workspace: Workspace) -> RelayState | None:
    """The relay set for this workspace, None when there is none."""
    relay = load_relay(workspace)
    if relay is None:
        return None
    return RelayState(relay.url, relay.keys.signing_kid, workspace.relay_key_path)


def set_relay(workspace: Workspace, url: str, key_text: str, source: str) -> RelayState:
    """Use the relay at `url` with the keys of its key file (`source` names it in errors).

    The key file is checked before anything is written; it is copied into the workspace
    folder, readable by the owner only, then the URL is saved.
    """
    try:
        keys = RelayKeys.parse(key_text, source=source)
    except KeyFileError as error:
        raise FluenzrError(str(error)) from None
    # The URL is checked (https, host…) before the key file is replaced.
    parsed = parse_setting("tracking_relay_url", url)
    if not parsed:
        raise FluenzrError("tracking: give the relay's URL, e.g. https://relay.example.com")
    _write_private(workspace.relay_key_path, keys.to_text())
    with workspace.session() as session:
        store.set_setting(session, "tracking_relay_url", parsed)
    return RelayState(parsed, keys.signing_kid, workspace.relay_key_path)


def forget_relay(workspace: Workspace) -> Changes:
    """Stop using a relay: campaigns that track refuse to activate until one is set again."""
    with workspace.session() as session:
        store.set_setting(session, "tracking_relay_url", "")
    workspace.relay_key_path.unlink(missing_ok=True)
    return SETTINGS


def _write_private(path: Path, text: str) -> None:
    """Write a file readable by its owner only, replacing any older one in one step."""
    temporary = path.with_name(path.name + ".new")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)


def _relay_or_refuse(workspace: Workspace) -> Relay:
    relay = load_relay(workspace)
    if relay is None:
        raise FluenzrError(
            "no tracking relay is set: run `fluenzr tracking set-relay URL --token-file FILE` "
            "(packaging/relay/README.md shows how to deploy one)"
        )
    return relay


def check_relay(workspace: Workspace) -> RelayCheck:
    """Ask the relay for its health, then for one page of hits with the shared key."""
    relay = _relay_or_refuse(workspace)
    client = RelayClient(relay)
    health = client.health()
    if health.get("ok") is not True:
        raise FluenzrError(f"the relay at {relay.url} says it is not healthy: {health!r}"[:300])
    page = client.events(0, limit=1)
    newest = page["events"][-1]["id"] if page["events"] else 0
    return RelayCheck(relay.url, str(health.get("version", "?")), True, int(newest))


def pull_tracking(workspace: Workspace) -> PullDone:
    """Read every new hit from the relay and record it (what the engine does each minute)."""
    relay = _relay_or_refuse(workspace)
    puller = TrackingPull(workspace.sessions, workspace.clock, RelayClient(relay))
    return PullDone(puller.pull())
