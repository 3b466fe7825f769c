"""Use cases: one plain function per user action, called by every front end.

Each function takes the open `Workspace` (and its arguments) and returns a plain result;
a write returns (or carries, as `.changes`) a `Changes` saying which subjects moved, so
the window can refresh every open screen from one signal (Anki's `OpChanges`). Errors a
user can fix are `FluenzrError`s with one line; front ends show them, never a traceback.
The window calls these through `gui.changes.run_op` (in a worker); the CLI calls them
directly. Front ends never touch SQLAlchemy or the store's models: only this layer and
below do.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    """Which subjects a write touched; a screen refreshes when one it shows is set."""

    contacts: bool = False
    campaigns: bool = False
    enrollments: bool = False
    accounts: bool = False
    settings: bool = False
    outbox: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


NOTHING = Changes()
