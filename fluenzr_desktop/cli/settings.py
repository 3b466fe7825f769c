"""`fluenzr settings …`: read and change workspace settings."""

from __future__ import annotations

import argparse

from .common import workspace_of
from .output import Output


def register(groups, common: argparse.ArgumentParser) -> None:
    """Add the `settings` verbs."""
    group = groups.add_parser("settings", help="workspace settings", parents=[common])
    verbs = group.add_subparsers(dest="verb", metavar="VERB", parser_class=type(group))
    verbs.required = True
    listing = verbs.add_parser("list", help="every setting and its value", parents=[common])
    listing.set_defaults(handler=list_command)
    getting = verbs.add_parser("get", help="one setting's value", parents=[common])
    getting.add_argument("key", metavar="KEY")
    getting.set_defaults(handler=get_command)
    setting = verbs.add_parser("set", help="change a setting", parents=[common])
    setting.add_argument("key", metavar="KEY")
    setting.add_argument("value", metavar="VALUE")
    setting.set_defaults(handler=set_command)


def list_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.settings import list_settings

    with workspace_of(args) as workspace:
        values = list_settings(workspace)
    output.result(values, "\n".join(f"{key} = {value}" for key, value in values.items()))
    return 0


def get_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.settings import get_setting

    with workspace_of(args) as workspace:
        value = get_setting(workspace, args.key)
    output.result({args.key: value}, str(value))
    return 0


def set_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.settings import set_setting

    with workspace_of(args) as workspace:
        changed = set_setting(workspace, args.key, args.value)
    output.result({changed.key: changed.value}, f"{changed.key} = {changed.value}")
    return 0
