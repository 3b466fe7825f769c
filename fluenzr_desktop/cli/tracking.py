"""`fluenzr tracking …`: the tracking relay — set it, check it, pull its opens and clicks."""

from __future__ import annotations

import argparse

from .common import read_text_file, workspace_of
from .output import Output


def register(groups, common: argparse.ArgumentParser) -> None:
    """Add the `tracking` verbs."""
    group = groups.add_parser(
        "tracking",
        help="the tracking relay (opens, clicks, one-click unsubscribe)",
        parents=[common],
    )
    verbs = group.add_subparsers(dest="verb", metavar="VERB", parser_class=type(group))
    verbs.required = True
    setting = verbs.add_parser(
        "set-relay", help="use a relay: its URL and its key file", parents=[common]
    )
    setting.add_argument("url", metavar="URL", help="e.g. https://relay.example.com")
    setting.add_argument(
        "--token-file",
        required=True,
        metavar="FILE",
        help="the relay's key file (made on the relay by `fluenzr-relay keygen`)",
    )
    setting.set_defaults(handler=set_relay_command)
    forgetting = verbs.add_parser("forget-relay", help="stop using the relay", parents=[common])
    forgetting.set_defaults(handler=forget_relay_command)
    showing = verbs.add_parser("show", help="the relay in use", parents=[common])
    showing.set_defaults(handler=show_command)
    testing = verbs.add_parser(
        "test", help="check the relay answers and accepts this workspace's key", parents=[common]
    )
    testing.set_defaults(handler=test_command)
    pulling = verbs.add_parser("pull", help="read the relay's new hits now", parents=[common])
    pulling.set_defaults(handler=pull_command)


def set_relay_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.tracking import set_relay

    key_text = read_text_file(args.token_file)
    with workspace_of(args) as workspace:
        state = set_relay(workspace, args.url, key_text, source=args.token_file)
    output.result(
        {"url": state.url, "signing_key": state.signing_kid},
        f"tracking relay: {state.url} (signing key {state.signing_kid}); "
        "check it with `fluenzr tracking test`",
    )
    return 0


def forget_relay_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.tracking import forget_relay

    with workspace_of(args) as workspace:
        forget_relay(workspace)
    output.result({"url": None}, "tracking relay: none (campaigns that track cannot be activated)")
    return 0


def show_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.tracking import relay_state

    with workspace_of(args) as workspace:
        state = relay_state(workspace)
    if state is None:
        output.result({"url": None}, "tracking relay: none")
        return 0
    output.result(
        {"url": state.url, "signing_key": state.signing_kid, "key_file": str(state.key_file)},
        f"tracking relay: {state.url} (signing key {state.signing_kid}, kept in {state.key_file})",
    )
    return 0


def test_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.tracking import check_relay

    with workspace_of(args) as workspace:
        check = check_relay(workspace)
    output.result(
        {"url": check.url, "version": check.version, "events": check.events_ok},
        f"{check.url}: relay {check.version} is up and accepts this workspace's key",
    )
    return 0


def pull_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.tracking import pull_tracking

    with workspace_of(args) as workspace:
        done = pull_tracking(workspace)
    report = done.report
    text = (
        f"pulled: {report.opens} opens, {report.proxied_opens} proxied opens, "
        f"{report.clicks} clicks, {report.unsubscribes} unsubscribes, "
        f"{report.machine_hits} machine hits"
    )
    if report.unmatched:
        text += f", {report.unmatched} for messages this workspace does not have"
    if report.relay_restarted:
        text += " (the relay has a new hits database: it was read from its first hit)"
    output.result(report.to_dict(), text)
    return 0
