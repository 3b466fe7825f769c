"""`fluenzr outbox …`: messages the engine could not settle alone (held after a crash)."""

from __future__ import annotations

import argparse

from .common import iso_utc, one_line, workspace_of
from .output import Output, table


def register(groups, common: argparse.ArgumentParser) -> None:
    """Add the `outbox` verbs."""
    group = groups.add_parser("outbox", help="messages waiting or held", parents=[common])
    verbs = group.add_subparsers(dest="verb", metavar="VERB", parser_class=type(group))
    verbs.required = True
    listing = verbs.add_parser("list", help="outbox messages", parents=[common])
    listing.add_argument(
        "--state", choices=["queued", "sending", "sent", "failed", "held"], default=None
    )
    listing.set_defaults(handler=list_command)
    resolving = verbs.add_parser("resolve", help="decide on a held message", parents=[common])
    resolving.add_argument("message_id", metavar="MESSAGE_ID")
    decision = resolving.add_mutually_exclusive_group(required=True)
    decision.add_argument("--sent", action="store_true", help="it is in your Sent folder")
    decision.add_argument("--resend", action="store_true", help="it never left: send it")
    resolving.set_defaults(handler=resolve_command)


def list_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.outbox import list_outbox

    with workspace_of(args) as workspace:
        messages = [
            {**message, "sent_at": iso_utc(message["sent_at"])}
            for message in list_outbox(workspace, args.state)
        ]
    rows = [[m["state"], m["to"], one_line(m["subject"]), m["message_id"]] for m in messages]
    text = table(rows, ["STATE", "TO", "SUBJECT", "MESSAGE-ID"]) if rows else "no messages"
    output.result(messages, text)
    return 0


def resolve_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.outbox import resolve_held_message

    with workspace_of(args) as workspace:
        resolution = resolve_held_message(workspace, args.message_id, args.sent)
    output.result(
        {"message_id": args.message_id, "decision": resolution.decision}, resolution.decision
    )
    return 0
