"""What every API endpoint depends on: the workspace the server was started for."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ..workspace import Workspace


def get_workspace(request: Request) -> Workspace:
    """The workspace this API serves (set on `app.state` by `create_app`)."""
    return request.app.state.workspace


WorkspaceDep = Annotated[Workspace, Depends(get_workspace)]
