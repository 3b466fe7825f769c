"""`fluenzr account …`: add, update, delete, list and test sending accounts.

Passwords go to the keyring, never to the database or any output. An account without
`--username` sends without SMTP AUTH (a local relay, a test server) and has no password.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from ..domain.errors import FluenzrError
from .common import one_line, read_text_file, workspace_of
from .output import Output, table

# Options (as their argparse dest) that are the account field of the same name.
FIELD_OPTIONS = (
    "name", "email", "from_name", "reply_to", "smtp_host", "smtp_port", "smtp_security",
    "imap_host", "imap_port", "imap_security", "username", "daily_cap", "timezone",
)  # fmt: skip
IMAP_OPTIONS = ("imap_host", "imap_port", "imap_security")
# The store's SECURITY_MODES, repeated: importing the store to build the parser would slow
# down every command (tests/cli/test_account_cli.py checks both agree).
SECURITY_MODES = ("ssl", "starttls", "none")


def _cap_or_empty(text: str) -> int | str:
    """`--daily-cap` of update: a number, or '' to remove the account's cap."""
    if text.strip() == "":
        return ""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: {text!r}") from None


def _account_options(parser: argparse.ArgumentParser, *, adding: bool) -> None:
    """The options of `add`; for `update` all optional, '' clearing an optional text."""
    clear = "" if adding else " ('' removes it)"
    parser.add_argument("--name", required=adding)
    parser.add_argument("--email", required=adding, metavar="ADDR")
    parser.add_argument("--from-name", metavar="NAME", help=clear.strip() or None)
    parser.add_argument("--reply-to", metavar="ADDR", help=clear.strip() or None)
    parser.add_argument("--smtp-host", required=adding, metavar="H")
    parser.add_argument("--smtp-port", type=int, required=adding, metavar="P")
    parser.add_argument("--smtp-security", choices=SECURITY_MODES, required=adding)
    parser.add_argument(
        "--imap-host",
        metavar="H",
        help="reading the inbox needs --username"
        + ("" if adding else "; '' removes the IMAP server"),
    )
    parser.add_argument("--imap-port", type=int, metavar="P")
    parser.add_argument("--imap-security", choices=SECURITY_MODES)
    login = parser.add_mutually_exclusive_group() if not adding else parser
    login.add_argument(
        "--username",
        metavar="U",
        help="the SMTP/IMAP login; without one, sending goes without AUTH (local relay)",
    )
    if not adding:
        login.add_argument(
            "--no-username",
            action="store_true",
            help="send without login from now on (the stored password is deleted)",
        )
    secret = parser.add_mutually_exclusive_group()
    secret.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin"
    )
    secret.add_argument("--password-env", metavar="VAR", help="read the password from VAR")
    if adding:
        parser.add_argument("--daily-cap", type=int, metavar="N")
    else:
        parser.add_argument("--daily-cap", type=_cap_or_empty, metavar="N", help=clear.strip())
    parser.add_argument("--timezone", metavar="ZONE", help="for the daily cap's day" + clear)
    parser.add_argument(
        "--signature-file",
        metavar="F",
        help="the signature, from a UTF-8 text file" + ("" if adding else " ('' removes it)"),
    )
    sent_help = "put a copy of each sent email in the IMAP Sent folder"
    if adding:
        parser.add_argument("--append-to-sent", action="store_true", help=sent_help)
    else:
        sent = parser.add_mutually_exclusive_group()
        sent.add_argument("--append-to-sent", action="store_true", default=None, help=sent_help)
        sent.add_argument(
            "--no-append-to-sent",
            dest="append_to_sent",
            action="store_false",
            help="stop putting copies in the Sent folder",
        )


def register(groups, common: argparse.ArgumentParser) -> None:
    """Add the `account` verbs."""
    group = groups.add_parser("account", help="sending accounts (SMTP/IMAP)", parents=[common])
    verbs = group.add_subparsers(dest="verb", metavar="VERB", parser_class=type(group))
    verbs.required = True

    adding = verbs.add_parser("add", help="add an account", parents=[common])
    _account_options(adding, adding=True)
    adding.set_defaults(handler=add_command)

    updating = verbs.add_parser(
        "update", help="change an account (only the options given)", parents=[common]
    )
    updating.add_argument("id", metavar="ID")
    _account_options(updating, adding=False)
    updating.set_defaults(handler=update_command)

    deleting = verbs.add_parser(
        "delete", help="delete an account no running campaign uses", parents=[common]
    )
    deleting.add_argument("id", metavar="ID")
    deleting.add_argument("--yes", action="store_true", help="confirm: it cannot be undone")
    deleting.set_defaults(handler=delete_command)

    verbs.add_parser("list", help="every account", parents=[common]).set_defaults(
        handler=list_command
    )
    testing = verbs.add_parser("test", help="log in to SMTP and IMAP", parents=[common])
    testing.add_argument("id", metavar="ID")
    testing.set_defaults(handler=test_command)


def _password_option(args: argparse.Namespace) -> str | None:
    """The password option given, as typed ("--password-stdin"), or None."""
    if args.password_stdin:
        return "--password-stdin"
    if args.password_env is not None:
        return "--password-env"
    return None


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n") if sys.stdin else ""
        if not password:
            raise FluenzrError("--password-stdin: no password on standard input")
        return password
    password = os.environ.get(args.password_env, "")
    if not password:
        raise FluenzrError(f"--password-env: the variable {args.password_env} is empty or unset")
    return password


def _read_signature(path_text: str | None) -> str | None:
    if not path_text:
        return None
    return read_text_file(path_text)


def _check_imap_complete(fields: dict[str, Any]) -> None:
    """An IMAP server is given whole: host, port and security."""
    given = [fields.get(name) for name in IMAP_OPTIONS]
    if any(given) and not all(given):
        raise FluenzrError("--imap-host, --imap-port and --imap-security go together")


def _check_login(username: str | None, password_option: str | None, had_password: bool) -> None:
    """A password goes with a username; a username needs a password (given or kept)."""
    if password_option and not username:
        raise FluenzrError(
            f"{password_option}: a password goes with --username "
            "(without one the account sends without login)"
        )
    if username and not password_option and not had_password:
        raise FluenzrError(
            "--username: a login needs a password: give --password-stdin or --password-env VAR"
        )


def add_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.accounts import add_account

    username = (args.username or "").strip() or None
    password_option = _password_option(args)
    _check_login(username, password_option, had_password=False)
    _check_imap_complete(vars(args))
    password = _read_password(args) if password_option else None
    fields = {name: getattr(args, name) for name in FIELD_OPTIONS}
    fields.update(
        username=username,
        signature=_read_signature(args.signature_file),
        options={"append_to_sent": bool(args.append_to_sent)},
    )
    with workspace_of(args) as workspace:
        saved = add_account(workspace, fields, password=password)
    if saved.notice:
        output.detail(f"note: {saved.notice}")
    output.result({"id": saved.id}, f"account {saved.id} added")
    return 0


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    """The fields `update` was asked to change ('' clears an optional one)."""
    changes: dict[str, Any] = {}
    for name in FIELD_OPTIONS:
        value = getattr(args, name)
        if value is not None:
            changes[name] = None if value == "" else value
    if args.imap_host == "":
        extra = [f"--{name.replace('_', '-')}" for name in IMAP_OPTIONS[1:] if getattr(args, name)]
        if extra:
            raise FluenzrError(f"--imap-host '': removes the IMAP server; drop {extra[0]}")
        changes.update(imap_port=None, imap_security=None)
    if args.no_username:
        changes["username"] = None
    if args.signature_file is not None:
        changes["signature"] = _read_signature(args.signature_file)
    if args.append_to_sent is not None:
        changes["options"] = {"append_to_sent": args.append_to_sent}
    return changes


def update_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.accounts import account_fields, update_account

    changes = _changes(args)
    password_option = _password_option(args)
    if not changes and password_option is None:
        raise FluenzrError(
            "nothing to change: give the options to change, as for `fluenzr account add`"
        )
    password = _read_password(args) if password_option else None
    with workspace_of(args) as workspace:
        current = account_fields(workspace, args.id)
        if any(name in changes for name in IMAP_OPTIONS):
            _check_imap_complete({**current, **changes})
        username = str(changes.get("username", current["username"]) or "").strip() or None
        _check_login(username, password_option, had_password=bool(current["username"]))
        saved = update_account(workspace, args.id, changes, password=password)
    if saved.notice:
        output.detail(f"note: {saved.notice}")
    output.result(saved.account, f"account {saved.id} updated")
    return 0


def delete_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.accounts import check_deletable, delete_account

    with workspace_of(args) as workspace:
        check_deletable(workspace, args.id)
        if not args.yes:
            raise FluenzrError(
                f"account {int(args.id)}: deleting it cannot be undone; add --yes to confirm"
            )
        deleted = delete_account(workspace, args.id)
    if deleted.notice:
        output.detail(f"note: {deleted.notice}")
    output.result({"id": deleted.id, "deleted": True}, f"account {deleted.id} deleted")
    return 0


def list_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.accounts import list_accounts

    with workspace_of(args) as workspace:
        accounts = list_accounts(workspace)
    rows = [
        [
            str(a["id"]),
            one_line(a["name"]),
            a["email"],
            f"{a['smtp']['host']}:{a['smtp']['port']} ({a['smtp']['security']})",
            f"{a['imap']['host']}:{a['imap']['port']}" if a["imap"]["host"] else "",
            str(a["daily_cap"] or ""),
        ]
        for a in accounts
    ]
    text = (
        table(rows, ["ID", "NAME", "EMAIL", "SMTP", "IMAP", "DAILY CAP"]) if rows else "no accounts"
    )
    output.result(accounts, text)
    return 0


def test_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.accounts import check_connection

    with workspace_of(args) as workspace:
        results = check_connection(workspace, args.id)
    lines = []
    for server in ("smtp", "imap"):
        result = results[server]
        status = "ok" if result["ok"] else ("skipped" if result["ok"] is None else "FAILED")
        lines.append(f"{server.upper()}: {status} — {result['answer']}")
    output.result(results, "\n".join(lines))
    return 0 if all(r["ok"] is not False for r in results.values()) else 1
