"""`fluenzr account …`: add, list and test sending accounts (passwords go to the keyring)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..domain.errors import FluenzrError
from .common import one_line, workspace_of
from .output import Output, table


def register(groups, common: argparse.ArgumentParser) -> None:
    """Add the `account` verbs."""
    group = groups.add_parser("account", help="sending accounts (SMTP/IMAP)", parents=[common])
    verbs = group.add_subparsers(dest="verb", metavar="VERB", parser_class=type(group))
    verbs.required = True

    adding = verbs.add_parser("add", help="add an account", parents=[common])
    adding.add_argument("--name", required=True)
    adding.add_argument("--email", required=True, metavar="ADDR")
    adding.add_argument("--from-name", metavar="NAME")
    adding.add_argument("--reply-to", metavar="ADDR")
    adding.add_argument("--smtp-host", required=True, metavar="H")
    adding.add_argument("--smtp-port", type=int, required=True, metavar="P")
    adding.add_argument("--smtp-security", choices=["ssl", "starttls", "none"], required=True)
    adding.add_argument("--imap-host", metavar="H")
    adding.add_argument("--imap-port", type=int, metavar="P")
    adding.add_argument("--imap-security", choices=["ssl", "starttls", "none"])
    adding.add_argument("--username", required=True, metavar="U")
    secret = adding.add_mutually_exclusive_group(required=True)
    secret.add_argument("--password-stdin", action="store_true", help="read it from stdin")
    secret.add_argument("--password-env", metavar="VAR", help="read it from this variable")
    adding.add_argument("--daily-cap", type=int, metavar="N")
    adding.add_argument("--timezone", metavar="ZONE", help="for the daily cap's day")
    adding.add_argument("--signature-file", metavar="F")
    adding.add_argument(
        "--append-to-sent",
        action="store_true",
        help="put a copy of each sent email in the IMAP Sent folder",
    )
    adding.set_defaults(handler=add_command)

    verbs.add_parser("list", help="every account", parents=[common]).set_defaults(
        handler=list_command
    )
    testing = verbs.add_parser("test", help="log in to SMTP and IMAP", parents=[common])
    testing.add_argument("id", metavar="ID")
    testing.set_defaults(handler=test_command)


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
    try:
        return Path(path_text).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise FluenzrError(f"{path_text}: no such file") from None
    except UnicodeDecodeError:
        raise FluenzrError(f"{path_text}: not UTF-8 text") from None
    except OSError as error:
        raise FluenzrError(f"{path_text}: cannot read ({error.strerror})") from None


def add_command(args: argparse.Namespace, output: Output) -> int:
    from ..store.accounts import add_account

    password = _read_password(args)
    signature = _read_signature(args.signature_file)
    imap_given = [args.imap_host, args.imap_port, args.imap_security]
    if any(imap_given) and not all(imap_given):
        raise FluenzrError("--imap-host, --imap-port and --imap-security go together")
    with workspace_of(args) as workspace:
        secrets = workspace.secret_store()
        with workspace.session() as session:
            account = add_account(
                session,
                name=args.name,
                email=args.email,
                from_name=args.from_name,
                reply_to=args.reply_to,
                smtp_host=args.smtp_host,
                smtp_port=args.smtp_port,
                smtp_security=args.smtp_security,
                imap_host=args.imap_host,
                imap_port=args.imap_port,
                imap_security=args.imap_security,
                username=args.username,
                daily_cap=args.daily_cap,
                timezone=args.timezone,
                signature=signature,
                options={"append_to_sent": bool(args.append_to_sent)},
            )
            # Stored before the account commits: if the keyring refuses, no account
            # without its password is left behind.
            secrets.set_password(account.id, password)
            account_id = account.id
        if secrets.notice:
            output.detail(f"note: {secrets.notice}")
    output.result({"id": account_id}, f"account {account_id} added")
    return 0


def list_command(args: argparse.Namespace, output: Output) -> int:
    from ..store.accounts import account_dict, list_accounts

    with workspace_of(args) as workspace, workspace.session() as session:
        accounts = [account_dict(a) for a in list_accounts(session)]
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
    from ..engine.connections import check_account
    from ..store.accounts import get_account

    with workspace_of(args) as workspace:
        with workspace.session() as session:
            account = get_account(session, args.id)
        password = workspace.secret_store().get_password(account.id)
        results = check_account(account, password)
    if password is None and account.username:
        # Without a password check_account only greets the server: not a login test.
        results["smtp"] = {
            "ok": False,
            "answer": f"no password stored for account {account.id} in the password store",
        }
    lines = []
    for server in ("smtp", "imap"):
        result = results[server]
        status = "ok" if result["ok"] else ("skipped" if result["ok"] is None else "FAILED")
        lines.append(f"{server.upper()}: {status} — {result['answer']}")
    output.result(results, "\n".join(lines))
    return 0 if all(r["ok"] is not False for r in results.values()) else 1
