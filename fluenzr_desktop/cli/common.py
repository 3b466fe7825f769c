"""What every verb shares: opening the workspace named on the command line."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from ..domain.clock import Clock
from ..domain.errors import FluenzrError
from ..workspace import Workspace, open_workspace


def workspace_of(
    args: argparse.Namespace, clock: Clock | None = None, *, check: bool = False
) -> Workspace:
    """The workspace chosen by --workspace, $FLUENZR_WORKSPACE or the platform default.

    `clock` (a `--now` instant) becomes the workspace's clock: everything the command
    writes is stamped with it. `check=True` (the engine's verbs) refuses a damaged
    database in one line before anything runs. A read-only workspace (a mounted
    backup) opens for reading; a write is refused in one line.
    """
    return open_workspace(getattr(args, "workspace", None), clock, check=check)


def one_line(value: object) -> str:
    """A value shown in a text table: None as empty, newlines flattened."""
    return "" if value is None else " ".join(str(value).split())


def iso_utc(value: datetime | None) -> str | None:
    """A stored (naive UTC) time as ISO 8601 with a Z, for JSON and tables."""
    return value.isoformat() + "Z" if value is not None else None


def read_text_file(path_text: str) -> str:
    """A UTF-8 text file the user named (a BOM is dropped), or one line saying why not."""
    path = Path(path_text)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise FluenzrError(f"{path_text}: no such file") from None
    except IsADirectoryError:
        raise FluenzrError(f"{path_text}: is a folder, not a file") from None
    except UnicodeDecodeError as error:
        raise FluenzrError(f"{path_text}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise FluenzrError(f"{path_text}: cannot read ({error.strerror})") from None
