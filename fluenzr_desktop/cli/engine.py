"""`fluenzr engine run`: the sending engine without the window."""

from __future__ import annotations

import argparse
import signal
import threading
from datetime import UTC, datetime

from ..domain.errors import FluenzrError
from .common import workspace_of
from .output import Output


def register(groups, common: argparse.ArgumentParser) -> None:
    """Add the `engine` verbs."""
    group = groups.add_parser("engine", help="run the sending engine", parents=[common])
    verbs = group.add_subparsers(dest="verb", metavar="VERB", parser_class=type(group))
    verbs.required = True
    running = verbs.add_parser("run", help="send what is due (until stopped)", parents=[common])
    running.add_argument("--once", action="store_true", help="process what is due, then exit")
    running.add_argument(
        "--now", metavar="ISO8601", help="with --once: the instant to process (default: now)"
    )
    running.set_defaults(handler=run_command)


def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant as naive UTC; without an offset it is taken as UTC."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise FluenzrError(f"--now: not an ISO 8601 date and time: {text!r}") from None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def run_command(args: argparse.Namespace, output: Output) -> int:
    """Exit status 1 when a campaign was paused for an error the user must fix."""
    from ..domain.clock import ManualClock
    from ..engine.report import TickReport
    from ..engine.service import EngineService

    if args.now is not None and not args.once:
        raise FluenzrError("--now goes with --once")
    clock = ManualClock(parse_instant(args.now)) if args.now is not None else None
    # The engine writes on every tick: a damaged database is refused before it starts.
    with workspace_of(args, clock, check=True) as workspace:
        service = EngineService(
            workspace, owner=f"fluenzr engine run{' --once' if args.once else ''}"
        )
        # One engine per workspace: a second one says which process sends, and stops.
        service.exclusive()
        stop = threading.Event()

        def request_stop(_signum, _frame) -> None:
            # Finish the message in flight, then stop: never cut an SMTP exchange.
            service.runner.stop_requested.set()
            stop.set()

        previous = {
            sig: signal.signal(sig, request_stop) for sig in (signal.SIGTERM, signal.SIGINT)
        }
        total = TickReport()
        try:
            if args.once:
                total = service.tick()
            else:
                service.bus.subscribe(_EventPrinter(output, total))
                service.start()
                stop.wait()
        finally:
            service.stop()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
    result = total.to_dict()
    lines = [_summary(result)]
    if args.once:
        # A long run printed each pause as it happened.
        lines += [f"paused campaign {p['campaign']} ({p['name']}): {p['reason']}"
                  for p in result["paused"]]  # fmt: skip
    output.result(result, "\n".join(lines))
    return 1 if result["paused"] else 0


def _summary(result: dict) -> str:
    waiting = result["waiting"]
    causes = ", ".join(f"{cause} {count}" for cause, count in result["waiting_by"].items() if count)
    return (
        f"{result['sent']} sent, {result['failed']} failed, "
        f"{waiting} waiting{f' ({causes})' if causes else ''}, {result['completed']} completed"
    )


class _EventPrinter:
    """Prints each sent, failed or paused event as one line (a JSON line with --json)."""

    def __init__(self, output: Output, total) -> None:
        self.output = output
        self.total = total
        self._lock = threading.Lock()

    def __call__(self, event) -> None:
        data = event.data
        if event.kind == "tick":
            with self._lock:
                self.total.sent += data.get("sent", 0)
                self.total.failed += data.get("failed", 0)
                self.total.completed += data.get("completed", 0)
                self.total.paused += data.get("paused", [])
            return
        if event.kind == "sent":
            text = f"sent: campaign {data['campaign']} step {data['node']} to {data['to']}"
        elif event.kind == "failed":
            text = (
                f"failed: campaign {data.get('campaign')} step {data.get('node')} "
                f"to {data.get('to')}: {data.get('reason')}"
            )
        elif event.kind == "paused":
            text = f"paused: campaign {data['campaign']} ({data.get('name')}): {data['reason']}"
        else:
            return
        with self._lock:
            self.output.event({"event": event.kind, **data}, text)
