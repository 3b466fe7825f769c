"""`fluenzr inbox sync`: read what came back to the accounts and act on it."""

from __future__ import annotations

import argparse

from ..domain.errors import FluenzrError
from .common import workspace_of
from .output import Output


def register(groups, common: argparse.ArgumentParser) -> None:
    """Add the `inbox` verbs."""
    group = groups.add_parser("inbox", help="replies, bounces, unsubscribes", parents=[common])
    verbs = group.add_subparsers(dest="verb", metavar="VERB", parser_class=type(group))
    verbs.required = True
    syncing = verbs.add_parser("sync", help="read new mail now", parents=[common])
    syncing.add_argument("--account", metavar="ID", help="only this account")
    syncing.set_defaults(handler=sync_command)


def sync_command(args: argparse.Namespace, output: Output) -> int:
    from ..engine.connections import Connections
    from ..engine.inbox import InboxSync, SyncReport
    from ..ops.accounts import inbox_accounts

    with workspace_of(args) as workspace:
        accounts = inbox_accounts(workspace, args.account)
        connections = Connections(workspace.secret_store())
        inbox = InboxSync(
            workspace.sessions,
            workspace.clock,
            connections.mailbox,
            unsubscribe_secret=workspace.unsubscribe_secret,
        )
        total = SyncReport()
        failures: list[dict[str, object]] = []
        for account in accounts:
            # One unreachable or refused account must not hide what the others found.
            try:
                total.add(inbox.sync_account(account))
            except FluenzrError as error:
                failures.append({"account": account.id, "error": str(error)})
    result: dict[str, object] = dict(total.to_dict())
    text = ", ".join(f"{value} {key.replace('_', '-')}" for key, value in total.to_dict().items())
    if failures:
        result["errors"] = failures
        for failure in failures:
            output.detail(f"fluenzr: error: account {failure['account']}: {failure['error']}")
    output.result(result, text)
    return 1 if failures else 0
