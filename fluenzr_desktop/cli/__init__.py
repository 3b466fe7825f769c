"""The `fluenzr` command: every headless verb, readable text or `--json`.

Exit status: 0 on success, 1 when the user's input or data is refused (one-line
error on stderr, and `{"error": ...}` on stdout with --json), 2 for a malformed
command line. A bug logs its traceback to the workspace log, never to the user.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence

from .. import __version__
from ..domain.errors import ActivationRefused, FluenzrError
from .output import Output

log = logging.getLogger("fluenzr_desktop.cli")
# Without a handler of its own, a bug raised before the workspace (and its log file) is
# open would reach logging's last-resort handler, which prints the traceback on stderr.
log.addHandler(logging.NullHandler())


class _UsageError(Exception):
    """A malformed command line: which (sub)command and what is wrong, on one line."""

    def __init__(self, prog: str, message: str) -> None:
        super().__init__(" ".join(message.split()))
        self.prog = prog


class _Parser(argparse.ArgumentParser):
    """argparse whose errors are one line, without the usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(self.prog, message)


def _wants_json(argv: Sequence[str]) -> bool:
    """Whether --json was asked for on a command line argparse could not read."""
    options = list(argv)
    if "--" in options:
        options = options[: options.index("--")]
    return "--json" in options


def _common_options() -> argparse.ArgumentParser:
    # SUPPRESS lets --workspace/--json appear before or after the verb without the
    # sub-parser's default overwriting a value given earlier.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--workspace",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="workspace folder (default: $FLUENZR_WORKSPACE, else the user data folder)",
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, each verb registered by its group module."""
    from . import (
        accounts,
        api,
        campaigns,
        contacts,
        engine,
        inbox,
        licence,
        outbox,
        settings,
        stats,
        tracking,
        webhooks,
        workspace_cmd,
    )

    common = _common_options()
    parser = _Parser(
        prog="fluenzr",
        description="FluenzR Desktop, headless: contacts, campaigns and settings of a workspace.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"fluenzr {__version__}")
    groups = parser.add_subparsers(dest="group", metavar="COMMAND", parser_class=_Parser)
    groups.required = True
    contacts.register(groups, common)
    campaigns.register(groups, common)
    settings.register(groups, common)
    accounts.register(groups, common)
    engine.register(groups, common)
    outbox.register(groups, common)
    inbox.register(groups, common)
    licence.register(groups, common)
    tracking.register(groups, common)
    stats.register(groups, common)
    webhooks.register(groups, common)
    api.register(groups, common)
    workspace_cmd.register(groups, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status (also used by the console script)."""
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(arguments)
    except _UsageError as error:
        print(f"{error.prog}: error: {error}", file=sys.stderr)
        if _wants_json(arguments):
            print(json.dumps({"error": str(error)}, ensure_ascii=False))
        return 2
    output = Output(json_mode=getattr(args, "json", False))
    try:
        return args.handler(args, output) or 0
    except ActivationRefused as refusal:
        output.error(str(refusal), problems=[p.to_dict() for p in refusal.problems])
        if len(refusal.problems) > 1:  # one problem is already in the error line
            for problem in refusal.problems:
                output.detail(f"  {problem}")
        if any(problem.field == "settings.account" for problem in refusal.problems):
            output.detail(
                "  choose one: fluenzr campaign update ID --account ACCOUNT "
                "(fluenzr account list; fluenzr account add to create one)"
            )
        return 1
    except FluenzrError as error:
        output.error(str(error), **getattr(error, "json_details", {}))
        for line in getattr(error, "detail_lines", ()):
            output.detail(line)
        return 1
    except KeyboardInterrupt:
        output.error("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug: keep the traceback for us, one line for the user
        log.exception("unexpected error in %s", " ".join(argv or sys.argv[1:]))
        name = type(error).__name__
        output.error(f"internal error ({name}: {error}); details in the workspace log")
        return 70


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
