"""The workspace's licence: install a signed licence file, read it back, and the plan in force.

A licence file is UTF-8 JSON:

    {
      "licence": {"plan": "starter", "licensee": "Acme SAS", "email": "ann@acme.io",
                  "issued": "2025-01-31", "expires": "2026-01-31" | null,
                  "features": ["ab_tests", "analytics"]},
      "signature": "<base64 of the 64-byte Ed25519 signature>"
    }

The signature covers `domain.plans.canonical_licence_bytes(licence)`: the "licence"
object as JSON with sorted keys, separators (",", ":"), UTF-8, non-ASCII kept. Other
top-level keys are ignored. `packaging/licences/mint.py` makes such files.

The app ships the public key only (`SHIPPED_PUBLIC_KEY`, base64 of the raw 32-byte key).
Run from a source checkout (not a frozen build), a key in `FLUENZR_LICENCE_PUBLIC_KEY`
(same encoding) is trusted beside it, so tests and developers mint their own licences; a
frozen build ignores that variable.

The file's text is stored in the workspace database (setting row "licence", never shown
by `settings list` and never settable there) and verified again on every read, so a
database edited by hand grants nothing. An expired licence installs, and reads as
expired: the plan in force is then Free.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..domain.errors import FluenzrError
from ..domain.plans import Licence
from ..store.licence import (
    LICENCE_FILE_MAX_BYTES,
    LICENCE_SETTING,
    PUBLIC_KEY_VARIABLE,
    SHIPPED_PUBLIC_KEY,
    LicenceRefused,
    PlanStatus,
    plan_in_force,
    stored_licence,
    trusted_public_keys,
    verify_licence,
)
from ..store.models import Setting
from ..store.settings import wake_waiting
from ..workspace import Workspace
from . import Changes

LICENCE_CHANGES = Changes(settings=True, campaigns=True)


@dataclass(frozen=True)
class LicenceInstalled:
    """A licence just installed, whether it has already expired, and the screens it changes."""

    licence: Licence
    expired: bool
    changes: Changes = LICENCE_CHANGES


def read_licence_file(path: Path) -> str:
    """The text of a licence file the user named, or one line saying why it cannot be read."""
    try:
        with path.open("rb") as handle:
            data = handle.read(LICENCE_FILE_MAX_BYTES + 1)
    except FileNotFoundError:
        raise LicenceRefused(f"{path}: no such file") from None
    except IsADirectoryError:
        raise LicenceRefused(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise LicenceRefused(f"{path}: cannot read ({error.strerror})") from None
    if len(data) > LICENCE_FILE_MAX_BYTES:
        raise LicenceRefused(f"{path}: not a FluenzR licence (far too large)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LicenceRefused(
            f"{path}: not a FluenzR licence (not UTF-8 text, byte {error.start})"
        ) from None


def install_licence(workspace: Workspace, path: Path | str) -> LicenceInstalled:
    """Verify the licence file at `path`, then keep it in the workspace (replacing any other)."""
    path = Path(path)
    return install_licence_text(workspace, read_licence_file(path), str(path))


def install_licence_text(workspace: Workspace, text: str, source: str) -> LicenceInstalled:
    """Verify a licence file's text (`source` names it in errors), then store it.

    Nothing is written when the file is refused. An expired licence is installed: it
    shows as expired and the plan in force stays Free.
    """
    licence = verify_licence(text, source)
    with workspace.session() as session:
        row = session.get(Setting, LICENCE_SETTING)
        if row is None:
            session.add(Setting(key=LICENCE_SETTING, value=text))
        else:
            row.value = text
        # Contacts held back by the old plan's cap are told at once, not tomorrow.
        wake_waiting(session)
    return LicenceInstalled(licence, licence.expired(_today(workspace)))


def current_licence(workspace: Workspace) -> Licence | None:
    """The installed licence, None when there is none; LicenceRefused if it no longer verifies."""
    with workspace.sessions() as session:
        return stored_licence(session)


def plan_status(workspace: Workspace, today: date | None = None) -> PlanStatus:
    """The plan in force on `today` (default: today by the workspace's clock, UTC), and why.

    Never raises for a stored licence that no longer verifies (a key change, a hand-edited
    database): the plan is then Free and `problem` says why, so nothing fails silently.
    """
    with workspace.sessions() as session:
        return plan_in_force(session, today if today is not None else _today(workspace))


def _today(workspace: Workspace) -> date:
    """Today's date (UTC) by the workspace's clock."""
    return workspace.clock.now().date()


__all__ = [
    "LICENCE_FILE_MAX_BYTES",
    "LICENCE_SETTING",
    "PUBLIC_KEY_VARIABLE",
    "SHIPPED_PUBLIC_KEY",
    "FluenzrError",
    "LicenceInstalled",
    "LicenceRefused",
    "PlanStatus",
    "current_licence",
    "install_licence",
    "install_licence_text",
    "plan_status",
    "read_licence_file",
    "trusted_public_keys",
    "verify_licence",
]
