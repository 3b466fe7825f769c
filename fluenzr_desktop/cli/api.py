"""`fluenzr api …`: serve the local REST API headless, show its token, write its OpenAPI."""

from __future__ import annotations

import argparse
import signal
import threading
from pathlib import Path

from ..domain.errors import FluenzrError
from .common import workspace_of
from .output import Output


def register(groups, common: argparse.ArgumentParser) -> None:
    """Add the `api` verbs."""
    group = groups.add_parser(
        "api", help="the local REST API (Pro): serve it, its token, its OpenAPI", parents=[common]
    )
    verbs = group.add_subparsers(dest="verb", metavar="VERB", parser_class=type(group))
    verbs.required = True
    serving = verbs.add_parser(
        "serve", help="serve the API on 127.0.0.1 until Ctrl-C", parents=[common]
    )
    serving.add_argument(
        "--port", type=int, metavar="P", help="port on 127.0.0.1 (default: the api_port setting)"
    )
    serving.set_defaults(handler=serve_command)
    token = verbs.add_parser("token", help="print the API's bearer token", parents=[common])
    token.add_argument(
        "--regenerate", action="store_true", help="make a new token (the old one stops working)"
    )
    token.set_defaults(handler=token_command)
    describing = verbs.add_parser(
        "openapi", help="write the API's OpenAPI document (JSON)", parents=[common]
    )
    describing.add_argument("--output", metavar="FILE", help="write to FILE (default: stdout)")
    describing.set_defaults(handler=openapi_command)


def serve_command(args: argparse.Namespace, output: Output) -> int:
    from ..domain.plans import PlanRequired
    from ..domain.settings import API_PORT_RANGE
    from ..ops.api_access import api_gate

    low, high = API_PORT_RANGE
    if args.port is not None and not low <= args.port <= high:
        raise FluenzrError(f"--port: a port from {low} to {high}, got {args.port}")
    with workspace_of(args) as workspace:
        gate = api_gate(workspace)
        if gate is not None:
            raise PlanRequired(gate)
        from ..api.server import ApiServer  # FastAPI and uvicorn cost start-up time

        server = ApiServer(workspace, args.port)
        stop = threading.Event()

        def request_stop(_signum, _frame) -> None:
            stop.set()

        previous = {
            sig: signal.signal(sig, request_stop) for sig in (signal.SIGTERM, signal.SIGINT)
        }
        try:
            server.start()
            output.event(
                {"serving": server.url},
                f"serving the API on {server.url} (token: `fluenzr api token`); Ctrl-C stops",
            )
            while not stop.wait(0.5):
                if not server.running:
                    raise FluenzrError(f"the API server on {server.url} stopped")
        finally:
            server.stop()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
    output.result({"stopped": server.url}, "API server stopped")
    return 0


def token_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.api_access import api_token, regenerate_api_token

    with workspace_of(args) as workspace:
        token = regenerate_api_token(workspace) if args.regenerate else api_token(workspace)
    # Printed because it was asked for; never logged.
    output.result({"token": token, "regenerated": bool(args.regenerate)}, token)
    return 0


def openapi_command(args: argparse.Namespace, output: Output) -> int:
    from ..api.app import openapi_text

    text = openapi_text()
    if args.output is None:
        print(text, end="")
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as error:
        raise FluenzrError(f"{args.output}: cannot write ({error.strerror})") from None
    output.result({"file": args.output}, f"OpenAPI written to {args.output}")
    return 0
