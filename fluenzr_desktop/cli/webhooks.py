"""`fluenzr webhook …`: endpoints that receive the workspace's events (Standard Webhooks 1.0).

No verb prints a signing secret except `webhook secret ID`, an explicit request (like
`fluenzr api token`). Times are shown in UTC, like the other commands' tables.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from .common import one_line, workspace_of
from .output import Output, table

ANSWER_CHARS = 60
# What each type tells, for `webhook events` (docs/webhooks.md has the bodies).
EVENT_DESCRIPTIONS = {
    "email.sent": "an email of a sequence went out",
    "email.bounced": "an email bounced (reason: what the bounce said)",
    "email.opened": "an email was opened (machine, proxied: Apple's proxy, a prefetch)",
    "email.clicked": "a tracked link was clicked (url, suspected_bot)",
    "reply.received": "a lead replied (is_auto_reply, text: the reply's new text)",
    "lead.unsubscribed": "a lead unsubscribed or complained (reason)",
    "lead.status_changed": "a lead's state in a campaign changed (from, to, reason)",
    "sequence.completed": "a lead reached the end of a sequence",
    "campaign.status_changed": "a campaign was activated, paused, resumed, archived… (from, to)",
    "mailbox.error": "a sending or inbox account failed (error)",
}


def _event_list(text: str) -> list[str]:
    """`--events a,b`: the types named, spaces and empty items ignored."""
    return [item.strip() for item in text.split(",") if item.strip()]


def register(groups, common: argparse.ArgumentParser) -> None:
    """Add the `webhook` verbs."""
    group = groups.add_parser(
        "webhook",
        help="outgoing webhooks: send the workspace's events to your CRM, Zapier, n8n… (Pro)",
        parents=[common],
    )
    verbs = group.add_subparsers(dest="verb", metavar="VERB", parser_class=type(group))
    verbs.required = True

    adding = verbs.add_parser(
        "add", help="a new endpoint (prints its id, not its secret)", parents=[common]
    )
    adding.add_argument("url", metavar="URL")
    _subscription_options(adding)
    adding.add_argument("--description", metavar="TEXT")
    adding.set_defaults(handler=add_command)

    updating = verbs.add_parser("update", help="change an endpoint", parents=[common])
    updating.add_argument("id", type=int, metavar="ID")
    updating.add_argument("--url", metavar="URL")
    _subscription_options(updating)
    updating.add_argument(
        "--all-events", action="store_true", help="receive every event type from now on"
    )
    updating.add_argument(
        "--all-campaigns", action="store_true", help="receive events of every campaign"
    )
    updating.add_argument("--description", metavar="TEXT", help="'' removes it")
    updating.set_defaults(handler=update_command)

    verbs.add_parser("list", help="every endpoint", parents=[common]).set_defaults(
        handler=list_command
    )
    for name, handler, help_text in (
        ("show", show_command, "one endpoint: subscriptions, state, its queue"),
        ("test", test_command, "send a test.ping now and print the receiver's answer"),
        ("remove", remove_command, "delete an endpoint, its log and its secret"),
        ("enable", enable_command, "deliver to an endpoint again (its queued deliveries resume)"),
        ("disable", disable_command, "stop delivering (queued ones wait; new events skip it)"),
    ):
        parser = verbs.add_parser(name, help=help_text, parents=[common])
        parser.add_argument("id", type=int, metavar="ID")
        parser.set_defaults(handler=handler)

    log = verbs.add_parser("deliveries", help="an endpoint's delivery log", parents=[common])
    log.add_argument("id", type=int, metavar="ID")
    log.add_argument(
        "--failed", action="store_true", help="only failed ones and those waiting for a retry"
    )
    log.add_argument("--limit", type=int, default=50, metavar="N", help="at most N (default 50)")
    log.set_defaults(handler=deliveries_command)

    again = verbs.add_parser(
        "redeliver", help="queue a delivery again (same webhook-id and body)", parents=[common]
    )
    again.add_argument("delivery_id", type=int, metavar="DELIVERY_ID")
    again.set_defaults(handler=redeliver_command)

    secret = verbs.add_parser(
        "secret", help="print an endpoint's signing secret (whsec_…)", parents=[common]
    )
    secret.add_argument("id", type=int, metavar="ID")
    secret.add_argument(
        "--rotate",
        action="store_true",
        help="make a new secret; the old one keeps signing for 24 hours",
    )
    secret.set_defaults(handler=secret_command)

    listing = verbs.add_parser(
        "events", help="the event types you can subscribe to", parents=[common]
    )
    listing.set_defaults(handler=events_command)


def _subscription_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--events",
        action="append",
        metavar="TYPE[,TYPE…]",
        help="event types to receive (default: all; see `fluenzr webhook events`)",
    )
    parser.add_argument(
        "--campaign",
        action="append",
        type=int,
        metavar="ID",
        help="only events of this campaign (repeatable; default: every campaign)",
    )


def _types_of(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [name for value in values for name in _event_list(value)]


# --- Text ---------------------------------------------------------------------------------


def _when(value: datetime | None) -> str:
    """A stored time (naive UTC) for a table."""
    return f"{value:%Y-%m-%d %H:%M:%S}" if value is not None else ""


def _status_text(view) -> str:
    if view.enabled:
        return "enabled"
    return f"disabled: {view.disabled_reason}" if view.disabled_reason else "disabled"


def _subscribed(values: tuple, every: str) -> str:
    return ", ".join(map(str, values)) if values else every


def _answer(delivery) -> str:
    """The receiver's answer, else the error, on one short line."""
    text = one_line(delivery.last_response or delivery.last_error)
    return text if len(text) <= ANSWER_CHARS else text[: ANSWER_CHARS - 1] + "…"


def _show_text(view) -> str:
    counts = ", ".join(f"{state} {count}" for state, count in view.counts.items())
    lines = [
        f"webhook {view.id}: {view.url}",
        f"description: {view.description or ''}".rstrip(),
        f"events: {_subscribed(view.event_types, 'all')}",
        f"campaigns: {_subscribed(view.campaign_ids, 'all')}",
        f"status: {_status_text(view)}",
        f"deliveries: {counts}",
    ]
    if view.last_delivery is not None:
        last = view.last_delivery
        status = last.last_status if last.last_status is not None else "-"
        lines.append(
            f"last delivery: {last.id} {last.event_type} {last.state} (HTTP {status}) "
            f"at {_when(last.last_attempt_at or last.created_at)} UTC"
        )
    if view.previous_secret_until is not None:
        lines.append(f"previous secret signs too until {_when(view.previous_secret_until)} UTC")
    return "\n".join(line for line in lines if line != "description:")


def _delivery_line(delivery) -> str:
    status = f"HTTP {delivery.last_status}" if delivery.last_status is not None else "no answer"
    answer = _answer(delivery)
    return f"{status}{': ' + answer if answer else ''}"


# --- Verbs --------------------------------------------------------------------------------


def add_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.webhooks import add_webhook

    with workspace_of(args) as workspace:
        view = add_webhook(
            workspace,
            args.url,
            _types_of(args.events) or (),
            args.campaign or (),
            args.description,
        )
    command = f"fluenzr webhook secret {view.id}"
    output.result(
        {**view.to_dict(), "secret_command": command},
        f"webhook {view.id} added: {view.url}\n"
        f"events: {_subscribed(view.event_types, 'all')}; "
        f"campaigns: {_subscribed(view.campaign_ids, 'all')}\n"
        f"copy its signing secret into the receiver: {command}",
    )
    return 0


def update_command(args: argparse.Namespace, output: Output) -> int:
    from ..domain.errors import FluenzrError
    from ..ops.webhooks import update_webhook

    if args.all_events and args.events:
        raise FluenzrError("give --events or --all-events, not both")
    if args.all_campaigns and args.campaign:
        raise FluenzrError("give --campaign or --all-campaigns, not both")
    with workspace_of(args) as workspace:
        view = update_webhook(
            workspace,
            args.id,
            url=args.url,
            event_types=[] if args.all_events else _types_of(args.events),
            campaign_ids=[] if args.all_campaigns else args.campaign,
            description=args.description,
        )
    output.result(view.to_dict(), _show_text(view))
    return 0


def list_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.webhooks import list_webhooks

    with workspace_of(args) as workspace:
        views = list_webhooks(workspace)
    rows = [
        [
            str(view.id),
            view.url,
            _subscribed(view.event_types, "all"),
            _subscribed(view.campaign_ids, "all"),
            _status_text(view),
            str(view.counts["pending"] + view.counts["delivering"]),
            str(view.counts["failed"]),
            _when(view.last_delivery.created_at) if view.last_delivery else "",
        ]
        for view in views
    ]
    text = (
        table(
            rows, ["ID", "URL", "EVENTS", "CAMPAIGNS", "STATUS", "QUEUED", "FAILED", "LAST (UTC)"]
        )
        if rows
        else "no webhooks (add one: fluenzr webhook add URL)"
    )
    output.result([view.to_dict() for view in views], text)
    return 0


def show_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.webhooks import get_webhook

    with workspace_of(args) as workspace:
        view = get_webhook(workspace, args.id)
    output.result(view.to_dict(), _show_text(view))
    return 0


def test_command(args: argparse.Namespace, output: Output) -> int:
    """Exit status 1 when the receiver did not take the test.ping."""
    from ..ops.webhooks import test_webhook

    with workspace_of(args) as workspace:
        delivery = test_webhook(workspace, args.id)
    delivered = delivery.state == "delivered"
    if delivered:
        text = f"delivered test.ping {delivery.webhook_id}: {_delivery_line(delivery)}"
    else:
        text = f"not delivered: {_delivery_line(delivery)}"
        if delivery.state == "pending":
            text += f" (next attempt {_when(delivery.next_attempt_at)} UTC)"
    output.result({**delivery.to_dict(), "delivered": delivered}, text)
    return 0 if delivered else 1


def deliveries_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.webhooks import webhook_deliveries

    with workspace_of(args) as workspace:
        rows = webhook_deliveries(workspace, args.id, failed_only=args.failed, limit=args.limit)
    lines = [
        [
            str(row.id),
            row.event_type,
            row.state,
            str(row.attempts),
            str(row.last_status) if row.last_status is not None else "",
            _answer(row),
            _when(row.created_at),
            _when(row.last_attempt_at),
            _when(row.next_attempt_at) if row.state == "pending" else "",
        ]
        for row in rows
    ]
    headers = ["ID", "TYPE", "STATE", "ATTEMPTS", "STATUS", "ANSWER / ERROR"]
    headers += ["CREATED (UTC)", "LAST TRY (UTC)", "NEXT TRY (UTC)"]
    empty = "no failed deliveries" if args.failed else "no deliveries yet"
    output.result([row.to_dict() for row in rows], table(lines, headers) if lines else empty)
    return 0


def redeliver_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.webhooks import redeliver

    with workspace_of(args) as workspace:
        delivery = redeliver(workspace, args.delivery_id)
    output.result(
        delivery.to_dict(),
        f"queued as delivery {delivery.id} to webhook {delivery.endpoint_id} "
        f"(same webhook-id {delivery.webhook_id}); the engine sends it "
        "(the app, or fluenzr engine run)",
    )
    return 0


def remove_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.webhooks import remove_webhook

    with workspace_of(args) as workspace:
        remove_webhook(workspace, args.id)
    output.result(
        {"id": args.id, "removed": True},
        f"webhook {args.id} removed, with its delivery log and signing secret",
    )
    return 0


def _set_enabled(args: argparse.Namespace, output: Output, enabled: bool) -> int:
    from ..ops.webhooks import set_webhook_enabled

    with workspace_of(args) as workspace:
        view = set_webhook_enabled(workspace, args.id, enabled)
    output.result(view.to_dict(), f"webhook {view.id}: {_status_text(view)}")
    return 0


def enable_command(args: argparse.Namespace, output: Output) -> int:
    return _set_enabled(args, output, True)


def disable_command(args: argparse.Namespace, output: Output) -> int:
    return _set_enabled(args, output, False)


def secret_command(args: argparse.Namespace, output: Output) -> int:
    """The only verb that prints a secret: the user asked for it by name."""
    from ..ops.webhooks import get_webhook, rotate_webhook_secret, webhook_secret

    with workspace_of(args) as workspace:
        if args.rotate:
            secret = rotate_webhook_secret(workspace, args.id)
        else:
            secret = webhook_secret(workspace, args.id)
        view = get_webhook(workspace, args.id)
    payload: dict[str, Any] = {
        "id": view.id,
        "secret": secret,
        "rotated": args.rotate,
        "previous_secret_until": view.to_dict()["previous_secret_until"],
    }
    output.result(payload, secret)
    if args.rotate and view.previous_secret_until is not None:
        output.detail(
            f"the previous secret keeps signing until {_when(view.previous_secret_until)} UTC: "
            "put the new one in the receiver before then"
        )
    return 0


def events_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.webhooks import EVENT_TYPES

    rows = [[name, EVENT_DESCRIPTIONS.get(name, "")] for name in EVENT_TYPES]
    output.result(
        [{"type": name, "description": text} for name, text in rows],
        table(rows, ["TYPE", "WHAT"]),
    )
    return 0
