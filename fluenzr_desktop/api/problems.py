"""Errors as RFC 9457 problem documents (`application/problem+json`) with the app's codes.

Every refusal of the API is one of these: a `code` a program can test ("plan_required",
"not_found", "invalid_request", …) and, for validation, `problems` carrying the same codes
and parameters as campaign validation (`domain.problems`), so a script reads them the way
the window and the CLI do.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..domain.errors import (
    ActivationRefused,
    DocumentError,
    FluenzrError,
    IllegalTransition,
    NotEditable,
    NotFound,
)
from ..domain.plans import PlanRequired
from ..domain.problems import Problem as DomainProblem

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:fluenzr:problem:"


class ProblemItem(BaseModel):
    """One thing to fix: a validation code with its parameters, on a node and field."""

    code: str
    params: dict[str, Any] = Field(default_factory=dict)
    node: str | None = None
    field: str | None = None
    message: str | None = None


class Problem(BaseModel):
    """An RFC 9457 problem document: what went wrong, as a code and a readable line."""

    type: str = Field(description="A URN naming the problem: urn:fluenzr:problem:<code>.")
    title: str
    status: int
    detail: str | None = None
    code: str = Field(description="What went wrong, for programs (e.g. plan_required).")
    problems: list[ProblemItem] = Field(default_factory=list)


class ApiProblem(Exception):
    """A refusal the API answers with a problem document."""

    def __init__(
        self,
        status: int,
        code: str,
        title: str,
        detail: str | None = None,
        problems: Sequence[ProblemItem | dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail or title)
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.problems = [
            item if isinstance(item, ProblemItem) else ProblemItem(**item)
            for item in problems or ()
        ]
        self.headers = headers

    def document(self) -> Problem:
        """The problem document this refusal answers with."""
        return Problem(
            type=TYPE_PREFIX + self.code,
            title=self.title,
            status=self.status,
            detail=self.detail,
            code=self.code,
            problems=self.problems,
        )


def problem_response(problem: ApiProblem) -> JSONResponse:
    """The HTTP answer of a problem: its status, its document, the problem media type."""
    return JSONResponse(
        problem.document().model_dump(mode="json"),
        status_code=problem.status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=problem.headers,
    )


def problem_items(problems: Sequence[object]) -> list[ProblemItem]:
    """Domain problems (or anything with code/params) as problem-document items."""
    items = []
    for problem in problems:
        if isinstance(problem, DomainProblem):
            items.append(
                ProblemItem(
                    code=problem.code,
                    params=_json_ready(dict(problem.params)),
                    node=problem.node_id,
                    field=problem.field,
                    message=problem.message,
                )
            )
        elif isinstance(problem, dict) and "code" in problem:
            items.append(ProblemItem(code=str(problem["code"]), params=problem.get("params") or {}))
    return items


def _json_ready(params: dict[str, Any]) -> dict[str, Any]:
    """Parameters with anything JSON cannot hold turned into text."""
    ready: dict[str, Any] = {}
    for key, value in params.items():
        if value is None or isinstance(value, (str, int, float, bool)):
            ready[key] = value
        elif isinstance(value, (list, tuple)):
            ready[key] = [v if isinstance(v, (str, int, float, bool)) else str(v) for v in value]
        else:
            ready[key] = str(value)
    return ready


def is_not_found(error: FluenzrError) -> bool:
    """Whether an error says a named row does not exist (a 404 rather than a 400)."""
    return isinstance(error, NotFound)


def from_error(error: FluenzrError) -> ApiProblem:
    """The problem an ops error stands for: plan gate, validation, state, missing row, bad input."""
    detail = str(error)
    if isinstance(error, PlanRequired):
        gate = error.gate
        return ApiProblem(
            403,
            "plan_required",
            "Plan required",
            detail,
            [
                ProblemItem(
                    code="plan_required",
                    params={"feature": gate.feature, "plan_needed": gate.plan_needed},
                    message=gate.message,
                )
            ],
        )
    problems = getattr(error, "problems", None) or []
    if isinstance(error, ActivationRefused):
        return ApiProblem(
            422, "activation_refused", "Campaign has problems", detail, problem_items(problems)
        )
    if problems:
        return ApiProblem(
            422, "validation_failed", "Invalid value", detail, problem_items(problems)
        )
    if isinstance(error, DocumentError):
        return ApiProblem(422, "invalid_document", "Invalid campaign document", detail)
    if isinstance(error, IllegalTransition):
        return ApiProblem(409, "illegal_transition", "Not allowed in this state", detail)
    if isinstance(error, NotEditable):
        return ApiProblem(409, "not_editable", "Not allowed in this state", detail)
    if is_not_found(error):
        return ApiProblem(404, "not_found", "Not found", detail)
    return ApiProblem(400, "bad_request", "Refused", detail)


def _problem_handler(_request: Request, error: Exception) -> JSONResponse:
    """ApiProblem → its document."""
    assert isinstance(error, ApiProblem)
    return problem_response(error)


def _fluenzr_handler(_request: Request, error: Exception) -> JSONResponse:
    """A FluenzrError from ops → the problem it stands for."""
    assert isinstance(error, FluenzrError)
    return problem_response(from_error(error))


def _validation_handler(_request: Request, error: Exception) -> JSONResponse:
    """A request FastAPI could not read (types, ranges, missing fields) → 422 invalid_request."""
    assert isinstance(error, RequestValidationError)
    items = []
    for issue in error.errors():
        where = ".".join(str(part) for part in issue.get("loc", ()))
        items.append(
            ProblemItem(
                code="invalid_request",
                params={"type": str(issue.get("type", ""))},
                field=where or None,
                message=str(issue.get("msg", "")),
            )
        )
    first = items[0] if items else None
    detail = f"{first.field}: {first.message}" if first and first.field else "invalid request"
    return problem_response(ApiProblem(422, "invalid_request", "Invalid request", detail, items))


_HTTP_CODES = {
    404: ("not_found", "Not found"),
    405: ("method_not_allowed", "Method not allowed"),
    413: ("too_large", "Request too large"),
    415: ("unsupported_media_type", "Unsupported media type"),
}


def _http_handler(_request: Request, error: Exception) -> JSONResponse:
    """Starlette's own refusals (unknown path, wrong method) as problem documents."""
    assert isinstance(error, StarletteHTTPException)
    code, title = _HTTP_CODES.get(error.status_code, ("http_error", "Refused"))
    detail = error.detail if isinstance(error.detail, str) else None
    return problem_response(
        ApiProblem(error.status_code, code, title, detail, headers=error.headers)
    )


def _unexpected_handler(_request: Request, error: Exception) -> JSONResponse:
    """A bug: logged with its traceback, answered as a 500 problem without details."""
    log.exception("API request failed", exc_info=error)
    return problem_response(
        ApiProblem(500, "internal_error", "Internal error", "see the workspace log")
    )


def install_problem_handlers(app: FastAPI) -> None:
    """Make every refusal of `app` a problem document."""
    app.add_exception_handler(ApiProblem, _problem_handler)
    app.add_exception_handler(FluenzrError, _fluenzr_handler)
    app.add_exception_handler(RequestValidationError, _validation_handler)
    app.add_exception_handler(StarletteHTTPException, _http_handler)
    app.add_exception_handler(Exception, _unexpected_handler)


def _answer(description: str) -> dict[str, Any]:
    """One documented problem answer for `responses=`."""
    return {"description": description}


# Pass as `responses=` on a route (or router) so the OpenAPI lists the problem answers.
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _answer("Refused input (code bad_request, invalid_cursor, …)"),
    401: _answer("Missing or wrong bearer token (code unauthorized)"),
    403: _answer("Refused origin or host, or the plan lacks the API (code plan_required)"),
    404: _answer("No such item (code not_found)"),
    409: _answer("Not allowed in the item's current state (code illegal_transition)"),
    421: _answer("Request for a host this server does not serve (code misdirected)"),
    422: _answer("Invalid request or document; `problems` lists validation codes"),
    500: _answer("A bug (code internal_error); details are in the workspace log"),
}
