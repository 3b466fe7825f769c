"""The API application: its routers, problem documents, and the guard in front of them.

The guard refuses, before any route runs and as problem documents:
- a request with an `Origin` header (a web page in the user's browser): 403;
- a `Host` other than 127.0.0.1:PORT or localhost:PORT (DNS rebinding): 421;
- a missing or wrong `Authorization: Bearer <token>` (compared in constant time): 401;
- any request while the plan in force lacks the API: 403 `plan_required`.
There is no CORS: no answer ever carries `Access-Control-Allow-*`.
"""

from __future__ import annotations

import hmac
import json
import time
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from pydantic.json_schema import models_json_schema
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from ..domain.plans import Gate
from ..ops.api_access import API_DEFAULT_PORT, api_gate
from ..workspace import Workspace
from . import campaigns, contacts, enrollments, events, stats, webhooks
from .problems import (
    PROBLEM_MEDIA_TYPE,
    ApiProblem,
    Problem,
    ProblemItem,
    install_problem_handlers,
    problem_response,
)

API_TITLE = "FluenzR Desktop local API"
API_VERSION = "1.0.0"
# How long the plan in force is trusted before it is read again (a licence change).
PLAN_CHECK_SECONDS = 2.0


class AccessGuard:
    """ASGI middleware: loopback host, no browser origin, the bearer token, the Pro plan."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        workspace: Workspace,
        token: Callable[[], str],
        port: int,
    ) -> None:
        self.app = app
        self.workspace = workspace
        self.token = token
        self.hosts = {f"127.0.0.1:{port}".encode(), f"localhost:{port}".encode()}
        self._gate: Gate | None = None
        self._gate_read_at = float("-inf")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope["headers"])
        if refusal is None:
            gate = await self._plan_gate()
            if gate is not None:
                refusal = ApiProblem(
                    403,
                    "plan_required",
                    "Plan required",
                    gate.message,
                    [
                        ProblemItem(
                            code="plan_required",
                            params={"feature": gate.feature, "plan_needed": gate.plan_needed},
                            message=gate.message,
                        )
                    ],
                )
        if refusal is not None:
            await problem_response(refusal)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _refusal(self, headers: list[tuple[bytes, bytes]]) -> ApiProblem | None:
        """Why the headers alone refuse the request (origin, host, token), or None."""
        hosts = [value for name, value in headers if name == b"host"]
        authorizations = [value for name, value in headers if name == b"authorization"]
        if any(name == b"origin" for name, _ in headers):
            return ApiProblem(
                403,
                "origin_refused",
                "Browser requests refused",
                "this API serves programs on this computer, not web pages (Origin header sent)",
            )
        if len(hosts) != 1 or hosts[0].lower() not in self.hosts:
            return ApiProblem(
                421,
                "foreign_host",
                "Misdirected request",
                "this API answers only on 127.0.0.1 or localhost at its port",
            )
        given = authorizations[0] if len(authorizations) == 1 else b""
        scheme, _, credentials = given.partition(b" ")
        expected = self.token().encode()
        if (
            not expected  # never "no token set, so anything goes"
            or scheme.lower() != b"bearer"
            or not hmac.compare_digest(credentials.strip(), expected)
        ):
            return ApiProblem(
                401,
                "unauthorized",
                "Token required",
                "send Authorization: Bearer <token> (see `fluenzr api token` or Settings → API)",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return None

    async def _plan_gate(self) -> Gate | None:
        """The API's plan gate, read again every PLAN_CHECK_SECONDS."""
        now = time.monotonic()
        if now - self._gate_read_at >= PLAN_CHECK_SECONDS:
            self._gate = await run_in_threadpool(api_gate, self.workspace)
            self._gate_read_at = now
        return self._gate


def create_app(
    workspace: Workspace | None, *, token: str | Callable[[], str], port: int
) -> FastAPI:
    """The API for `workspace`, answering on 127.0.0.1:`port` to requests bearing `token`.

    `token` may be a callable giving the current token (a server that follows
    regenerations, `ops.api_access.ApiTokenReader`). No workspace: an app that only
    describes itself (`openapi_document`).
    """
    app = FastAPI(
        title=API_TITLE,
        version=API_VERSION,
        description=(
            "FluenzR Desktop's local REST API: loopback only, bearer token, Pro plan. "
            "Every refusal is an RFC 9457 problem document (application/problem+json) "
            "with a `code`. Lists are paged with opaque cursors."
        ),
        docs_url=None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )
    app.state.workspace = workspace
    for module in (contacts, campaigns, enrollments, events, stats, webhooks):
        app.include_router(module.router)
    install_problem_handlers(app)
    current = token if callable(token) else (lambda: token)
    app.add_middleware(AccessGuard, workspace=workspace, token=current, port=port)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document: routes, the bearer scheme, problem answers as problem+json."""
    if app.openapi_schema is not None:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    schema = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
    )
    components = schema.setdefault("components", {})
    _, definitions = models_json_schema(
        [(Problem, "serialization"), (ProblemItem, "serialization")],
        ref_template="#/components/schemas/{model}",
    )
    components.setdefault("schemas", {}).update(definitions.get("$defs", {}))
    components["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
    schema["security"] = [{"bearer": []}]
    problem = {"schema": {"$ref": "#/components/schemas/Problem"}}
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            for status, answer in operation.get("responses", {}).items():
                if status[:1] in "45":
                    answer["content"] = {PROBLEM_MEDIA_TYPE: problem}
    app.openapi_schema = schema
    return schema


def openapi_document() -> dict[str, Any]:
    """The API's OpenAPI document (the same whatever the workspace, port or token)."""
    return create_app(None, token="", port=API_DEFAULT_PORT).openapi()


def openapi_text() -> str:
    """The OpenAPI document as checked in at docs/api/openapi.json (sorted, indent 2)."""
    return json.dumps(openapi_document(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
