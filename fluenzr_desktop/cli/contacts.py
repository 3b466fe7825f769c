"""`fluenzr contacts …`: import, list and export contacts."""

from __future__ import annotations

import argparse

from .common import iso_utc, one_line, workspace_of
from .output import Output, table


def register(groups, common: argparse.ArgumentParser) -> None:
    """Add the `contacts` verbs."""
    group = groups.add_parser("contacts", help="import, list and export contacts", parents=[common])
    verbs = group.add_subparsers(dest="verb", metavar="VERB", parser_class=type(group))
    verbs.required = True

    importing = verbs.add_parser("import", help="import a CSV file", parents=[common])
    importing.add_argument("file", metavar="FILE")
    importing.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="map a column to a field (email, firstName, company, tags, custom:NAME, ignore…)",
    )
    importing.add_argument("--on-duplicate", choices=["update", "skip"], default="update")
    importing.add_argument("--tag", action="append", default=[], metavar="TAG")
    importing.add_argument("--delimiter", choices=[",", ";", "tab"], help="skip detection")
    importing.set_defaults(handler=import_command)

    listing = verbs.add_parser("list", help="list contacts", parents=[common])
    listing.add_argument("--tag", metavar="T")
    listing.add_argument("--search", metavar="Q", help="text in email, names or company")
    listing.set_defaults(handler=list_command)

    showing = verbs.add_parser(
        "show", help="one contact, its campaigns and events", parents=[common]
    )
    showing.add_argument("email", metavar="EMAIL")
    showing.add_argument("--events", type=int, default=20, metavar="N", help="latest N events")
    showing.set_defaults(handler=show_command)

    exporting = verbs.add_parser("export", help="export contacts to a UTF-8 CSV", parents=[common])
    exporting.add_argument("file", metavar="FILE")
    exporting.add_argument("--tag", metavar="T")
    exporting.set_defaults(handler=export_command)


def import_command(args: argparse.Namespace, output: Output) -> int:
    from ..domain.contacts import parse_map_option
    from ..ops.contacts import import_csv

    overrides = dict(parse_map_option(text) for text in args.map)
    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    with workspace_of(args) as workspace:
        report = import_csv(
            workspace,
            args.file,
            overrides=overrides,
            on_duplicate=args.on_duplicate,
            tags=args.tag,
            delimiter=delimiter,
        ).report
    lines = [
        f"{report.imported} imported, {report.updated} updated, {report.skipped} skipped, "
        f"{len(report.errors)} rejected"
    ]
    lines += [f"  line {error.line}: {error.reason}" for error in report.errors]
    output.result(report.to_dict(), "\n".join(lines))
    return 0


def list_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.contacts import list_contacts

    with workspace_of(args) as workspace:
        contacts = list_contacts(workspace, args.tag, args.search)
    rows = [
        [
            c["email"],
            one_line(" ".join(filter(None, [c["first_name"], c["last_name"]]))),
            one_line(c["company"]),
            ", ".join(c["tags"]),
            one_line(", ".join(f"{k}={v}" for k, v in c["custom_fields"].items())),
        ]
        for c in contacts
    ]
    text = table(rows, ["EMAIL", "NAME", "COMPANY", "TAGS", "CUSTOM"]) if rows else "no contacts"
    output.result(contacts, text)
    return 0


def export_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.contacts import export_csv

    with workspace_of(args) as workspace:
        count = export_csv(workspace, args.file, args.tag)
    output.result(
        {"exported": count, "file": args.file}, f"{count} contacts written to {args.file}"
    )
    return 0


def show_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.contacts import contact_card

    with workspace_of(args) as workspace:
        shown = contact_card(workspace, args.email, args.events)
    opted_out = shown["suppressed"]
    if opted_out is not None:
        opted_out["since"] = iso_utc(opted_out["since"])
    if "contact" in shown:  # only the card of a deleted contact has `contact: None`
        # The contact is gone; its opt-out stays, and says so.
        text = f"{shown['email']}: no contact; never mailed again since {opted_out['since']}"
        output.result(shown, f"{text} ({opted_out['reason']})")
        return 0
    for enrollment in shown["enrollments"]:
        enrollment["next_action_at"] = iso_utc(enrollment["next_action_at"])
    for event in shown["events"]:
        event["at"] = iso_utc(event["at"])
    lines = [shown["email"]]
    name = " ".join(filter(None, [shown["first_name"], shown["last_name"]]))
    if name or shown["company"]:
        lines.append(
            f"  {name}{' — ' if name and shown['company'] else ''}{shown['company'] or ''}"
        )
    if shown["tags"]:
        lines.append(f"  tags: {', '.join(shown['tags'])}")
    if opted_out is not None:
        lines.append(f"  never mailed again since {opted_out['since']}: {opted_out['reason']}")
    lines.append("campaigns:" if shown["enrollments"] else "campaigns: none")
    for e in shown["enrollments"]:
        extra = f" (next {e['next_action_at']})" if e["next_action_at"] else ""
        error = f" — {one_line(e['last_error'])}" if e["last_error"] else ""
        lines.append(f"  {e['campaign']} {e['campaign_name']}: {e['state']}{extra}{error}")
    lines.append("latest events:" if shown["events"] else "events: none")
    for event in shown["events"]:
        detail = event["detail"]
        text = detail.get("text") or detail.get("subject") or detail.get("url") or ""
        if detail.get("reason"):  # a tracking hit judged a machine's: say why
            text = f"({detail['reason']}) {text}"
        lines.append(f"  {event['at']} {event['kind']}  {one_line(text)[:80]}")
    output.result(shown, "\n".join(lines))
    return 0
