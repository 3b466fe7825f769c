"""`fluenzr workspace check`: is the database sound, and which backups lie beside it."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from .output import Output

PROBLEMS_SHOWN = 20


def register(groups, common: argparse.ArgumentParser) -> None:
    """Add the `workspace` verbs."""
    group = groups.add_parser("workspace", help="the workspace folder itself", parents=[common])
    verbs = group.add_subparsers(dest="verb", metavar="VERB", parser_class=type(group))
    verbs.required = True
    checking = verbs.add_parser(
        "check",
        help="check the database for damage (exit 1 when damaged) and list its backups",
        parents=[common],
    )
    checking.set_defaults(handler=check_command)


def _size(count: int) -> str:
    size = float(count)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{count} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{count} bytes"  # unreachable


def _when(seconds: float) -> datetime:
    # A file's own time, shown in UTC (not a domain time: no clock is read).
    return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)


def check_command(args: argparse.Namespace, output: Output) -> int:
    """Exit status 1 when the database is damaged."""
    from ..workspace import check_workspace

    report = check_workspace(getattr(args, "workspace", None))
    database = report.database
    backups = [
        {
            "path": str(backup.path),
            "modified": _when(backup.modified).isoformat() + "Z",
            "size": backup.size,
        }
        for backup in report.backups
    ]
    restore = (
        f"to restore one: close the app and stop `fluenzr engine run`, then copy the backup "
        f"over {database}"
    )
    lines = [f"{database}: ok" if report.ok else f"{database}: damaged"]
    shown = report.problems[:PROBLEMS_SHOWN]
    lines += [f"  {' '.join(problem.split())}" for problem in shown]
    if len(report.problems) > len(shown):
        lines.append(f"  … and {len(report.problems) - len(shown)} more")
    if backups:
        lines.append(f"backups beside it ({len(backups)}, newest first):")
        lines += [
            f"  {backup.path.name}  {_when(backup.modified):%Y-%m-%d %H:%M} UTC  {_size(backup.size)}"
            for backup in report.backups
        ]
        lines.append(restore)
    else:
        lines.append(f"no backup beside it ({database.name}.*.bak)")
    output.result(
        {
            "database": str(database),
            "ok": report.ok,
            "problems": report.problems,
            "backups": backups,
            "restore": restore if backups else None,
        },
        "\n".join(lines),
    )
    return 0 if report.ok else 1
