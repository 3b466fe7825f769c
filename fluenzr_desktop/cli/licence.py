"""`fluenzr licence …`: install a signed licence file and show the plan in force."""

from __future__ import annotations

import argparse
from typing import Any

from .common import workspace_of
from .output import Output


def register(groups, common: argparse.ArgumentParser) -> None:
    """Add the `licence` verbs."""
    group = groups.add_parser("licence", help="your FluenzR licence and plan", parents=[common])
    verbs = group.add_subparsers(dest="verb", metavar="VERB", parser_class=type(group))
    verbs.required = True
    installing = verbs.add_parser(
        "install", help="install a licence file (it is checked first)", parents=[common]
    )
    installing.add_argument("file", metavar="FILE")
    installing.set_defaults(handler=install_command)
    showing = verbs.add_parser("show", help="the plan in force and its licence", parents=[common])
    showing.set_defaults(handler=show_command)


def install_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.licence import install_licence, plan_status

    with workspace_of(args) as workspace:
        install_licence(workspace, args.file)
        status = plan_status(workspace)
    output.result(
        {"installed": True, **_status_payload(status)}, f"licence installed: {_described(status)}"
    )
    return 0


def show_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.licence import plan_status

    with workspace_of(args) as workspace:
        status = plan_status(workspace)
    output.result(_status_payload(status), _status_text(status))
    return 0


def _described(status) -> str:
    """`Starter, licensed to Acme SAS` / `Free (the licence expired on …)` in one line."""
    from ..domain.plans import PLAN_NAMES

    licence = status.licence
    if licence is None:
        return PLAN_NAMES[status.plan]
    if status.expired:
        return (
            f"{PLAN_NAMES[status.plan]} (the {PLAN_NAMES[licence.plan]} licence of "
            f"{licence.licensee} expired on {licence.expires.isoformat()})"
        )
    return f"{PLAN_NAMES[status.plan]}, licensed to {licence.licensee}"


def _status_text(status) -> str:
    from ..domain.plans import FREE, FREE_DAILY_LIMIT, PLAN_NAMES

    lines = [f"plan: {PLAN_NAMES[status.plan]}"]
    licence = status.licence
    if licence is not None:
        expires = licence.expires.isoformat() if licence.expires is not None else "none"
        lines += [
            f"licence plan: {PLAN_NAMES[licence.plan]}",
            f"licensee: {licence.licensee}",
            f"email: {licence.email}",
            f"issued: {licence.issued.isoformat()}",
            f"expires: {expires}",
            f"features: {', '.join(licence.features) or 'none'}",
        ]
        if status.expired:
            lines.append(
                f"expired on {licence.expires.isoformat()}: the Free plan applies "
                "until a new licence is installed (fluenzr licence install FILE)"
            )
    else:
        lines.append("licence: none (fluenzr licence install FILE)")
    if status.problem is not None:
        lines.append(f"problem: {status.problem}; the Free plan applies until it is reinstalled")
    if status.plan == FREE:
        lines.append(f"limit: {FREE_DAILY_LIMIT} emails a day across the workspace")
    return "\n".join(lines)


def _status_payload(status) -> dict[str, Any]:
    licence = status.licence
    return {
        "plan": status.plan,
        "features": sorted(status.features),
        "expired": status.expired,
        "licence": licence.to_dict() if licence is not None else None,
        "problem": status.problem,
    }
