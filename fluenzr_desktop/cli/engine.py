"""`fluenzr engine run`: the sending engine without the window."""

from __future__ import annotations

import argparse
import signal
import threading
from datetime import UTC, datetime

from ..domain.errors import FluenzrError
from ..engine.events import EngineEvent, Failed, Paused, Sent, TickDone
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
                service.deliver_webhooks()  # what the tick's events queued, and earlier rows
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

    def __call__(self, event: EngineEvent) -> None:
        if isinstance(event, TickDone):
            with self._lock:
                self.total.sent += event.sent
                self.total.failed += event.failed
                self.total.completed += event.completed
                self.total.paused += list(event.paused)
            return
        # The line's JSON keeps the names `engine run` has always printed.
        if isinstance(event, Sent):
            record = {"enrollment": event.enrollment_id, "campaign": event.campaign_id,
                      "node": event.node_id, "to": event.contact_email,
                      "message_id": event.message_id}  # fmt: skip
            text = (
                f"sent: campaign {event.campaign_id} step {event.node_id} to {event.contact_email}"
            )
        elif isinstance(event, Failed):
            record = {"enrollment": event.enrollment_id, "campaign": event.campaign_id,
                      "to": event.contact_email, "node": event.node_id,
                      "reason": event.reason}  # fmt: skip
            text = (
                f"failed: campaign {event.campaign_id} step {event.node_id} "
                f"to {event.contact_email}: {event.reason}"
            )
        elif isinstance(event, Paused):
            record = {"campaign": event.campaign_id, "name": event.campaign_name,
                      "reason": event.reason}  # fmt: skip
            text = f"paused: campaign {event.campaign_id} ({event.campaign_name}): {event.reason}"
        else:
            return
        with self._lock:
            self.output.event({"event": event.kind.value, **record}, text)
