"""`fluenzr campaign …`: create, inspect, validate, preview, enroll and change status."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import DocumentError, FluenzrError
from ..domain.states import EnrollmentState
from .ab_tests import register_pick
from .common import iso_utc, one_line, read_text_file, workspace_of
from .output import Output, table

if TYPE_CHECKING:
    from ..ops.campaigns import CampaignSaved

STATUS_VERBS = ("activate", "pause", "resume", "archive")
# The languages templates are written in (`ops.templates.LANGUAGES`).
TEMPLATE_LANGUAGES = ("en", "fr")


def register(groups, common: argparse.ArgumentParser) -> None:
    """Add the `campaign` verbs."""
    group = groups.add_parser("campaign", help="campaigns and their sequences", parents=[common])
    verbs = group.add_subparsers(dest="verb", metavar="VERB", parser_class=type(group))
    verbs.required = True

    creating = verbs.add_parser(
        "create", help="create a draft from a document or a template", parents=[common]
    )
    creating.add_argument("--name", help="required with --from-file; a template names its own")
    source = creating.add_mutually_exclusive_group(required=True)
    source.add_argument("--from-file", metavar="FILE")
    source.add_argument("--template", metavar="ID", help="a template (`campaign templates`)")
    creating.add_argument(
        "--language", choices=TEMPLATE_LANGUAGES, default="en", help="the template's language"
    )
    creating.add_argument("--account", type=int, metavar="ID")
    creating.set_defaults(handler=create_command)

    templates = verbs.add_parser(
        "templates", help="the ready-made sequences a campaign can start from", parents=[common]
    )
    templates.add_argument("--language", choices=TEMPLATE_LANGUAGES, default="en")
    templates.set_defaults(handler=templates_command)

    verbs.add_parser("list", help="every campaign", parents=[common]).set_defaults(
        handler=list_command
    )
    for name, handler, help_text in (
        ("show", show_command, "status, settings and contacts per state"),
        ("export", export_command, "print the campaign's document (JSON)"),
        ("validate", validate_command, "list the problems of the sequence"),
    ):
        verb = verbs.add_parser(name, help=help_text, parents=[common])
        verb.add_argument("id", metavar="ID")
        verb.set_defaults(handler=handler)

    previewing = verbs.add_parser(
        "preview", help="render every email for one contact", parents=[common]
    )
    previewing.add_argument("id", metavar="ID")
    previewing.add_argument("--contact", required=True, metavar="EMAIL")
    previewing.add_argument(
        "--variant", metavar="ID", help="show this A/B variant (default: the contact's own)"
    )
    previewing.set_defaults(handler=preview_command)
    register_pick(verbs, common)  # pick-variant (cli/ab_tests.py)

    enrolling = verbs.add_parser("enroll", help="add contacts to the campaign", parents=[common])
    enrolling.add_argument("id", metavar="ID")
    who = enrolling.add_mutually_exclusive_group(required=True)
    who.add_argument("--all", action="store_true", help="every contact")
    who.add_argument("--tag", metavar="T", help="contacts with this tag")
    who.add_argument("--email", action="append", metavar="E", help="this contact (repeatable)")
    enrolling.set_defaults(handler=enroll_command)

    listing = verbs.add_parser(
        "contacts", help="the campaign's contacts and where they stand", parents=[common]
    )
    listing.add_argument("id", metavar="ID")
    listing.add_argument("--state", choices=[state.value for state in EnrollmentState])
    listing.set_defaults(handler=contacts_command)

    forecasting = verbs.add_parser(
        "simulate", help="forecast the emails per day (sends nothing)", parents=[common]
    )
    forecasting.add_argument("id", metavar="ID")
    forecasting.add_argument("--days", type=int, default=30)
    forecasting.add_argument(
        "--from", dest="start", metavar="ISO8601", help="start of the forecast (default: now)"
    )
    forecasting.set_defaults(handler=simulate_command)

    for name in STATUS_VERBS:
        verb = verbs.add_parser(name, help=f"{name} the campaign", parents=[common])
        verb.add_argument("id", metavar="ID")
        if name in ("activate", "resume"):
            verb.add_argument(
                "--yes",
                action="store_true",
                help="go on even if some contacts lack a value the emails print",
            )
        verb.set_defaults(handler=status_command, status_verb=name)

    updating = verbs.add_parser(
        "update", help="rename, change the account or the document", parents=[common]
    )
    updating.add_argument("id", metavar="ID")
    updating.add_argument("--name")
    updating.add_argument("--account", type=int, metavar="ID", help="(draft or paused)")
    updating.add_argument(
        "--from-file", metavar="FILE", help="replace the document (draft or paused)"
    )
    updating.set_defaults(handler=update_command)

    deleting = verbs.add_parser(
        "delete", help="delete a draft or archived campaign", parents=[common]
    )
    deleting.add_argument("id", metavar="ID")
    deleting.add_argument("--yes", action="store_true", help="confirm the deletion")
    deleting.set_defaults(handler=delete_command)

    retrying = verbs.add_parser(
        "retry", help="put contacts in error back where they were", parents=[common]
    )
    retrying.add_argument("id", metavar="ID")
    which = retrying.add_mutually_exclusive_group(required=True)
    which.add_argument("--email", action="append", metavar="E", help="this contact (repeatable)")
    which.add_argument("--all-errors", action="store_true", help="every contact in error")
    retrying.set_defaults(handler=retry_command)


def _read_document(path_text: str) -> object:
    path = Path(path_text)
    text = read_text_file(path_text)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FluenzrError(
            f"{path} line {error.lineno} column {error.colno}: invalid JSON ({error.msg})"
        ) from None
    except RecursionError:
        raise FluenzrError(f"{path}: invalid JSON (nested too deeply)") from None


def create_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.campaigns import create_campaign
    from ..ops.templates import create_from_template

    if args.template is not None:
        with workspace_of(args) as workspace:
            created = create_from_template(
                workspace, args.template, args.name, args.account, args.language
            )
        return _report_created(created, output)
    if args.name is None:
        raise FluenzrError("--name: required with --from-file (a --template names its own)")
    document = _read_document(args.from_file)
    with workspace_of(args) as workspace:
        try:
            created = create_campaign(workspace, args.name, document, args.account)
        except DocumentError as error:  # name the file; --name/--account errors name the option
            raise FluenzrError(f"{args.from_file}: {error}") from None
    return _report_created(created, output)


def _report_created(created: CampaignSaved, output: Output) -> int:
    """`campaign N created (draft)`, with how many problems are left to fix."""
    problems = created.problems
    text = f"campaign {created.id} created (draft)"
    if problems:
        text += f"; {len(problems)} problem(s) to fix before activation (campaign validate)"
    output.result({"id": created.id, "problems": len(problems)}, text)
    return 0


def templates_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.templates import list_templates

    templates = list_templates(args.language)
    rows = [[t.id, t.name, str(t.steps), t.description] for t in templates]
    output.result(
        [asdict(template) for template in templates],
        table(rows, ["ID", "NAME", "EMAILS", "DESCRIPTION"]),
    )
    return 0


def list_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.campaigns import campaign_summaries

    with workspace_of(args) as workspace:
        summaries = campaign_summaries(workspace)
    rows = [
        [str(s["id"]), one_line(s["name"]), s["status"], str(s["enrollments"])] for s in summaries
    ]
    text = table(rows, ["ID", "NAME", "STATUS", "CONTACTS"]) if rows else "no campaigns"
    output.result(summaries, text)
    return 0


def show_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.campaigns import campaign_details

    with workspace_of(args) as workspace:
        summary = campaign_details(workspace, args.id)
    lines = [
        f"campaign {summary['id']}: {summary['name']}",
        f"status: {summary['status']}"
        + (f" ({summary['status_reason']})" if summary["status_reason"] else ""),
        f"account: {summary['account'] if summary['account'] is not None else 'none'}",
        f"nodes: {summary['nodes']}",
        "settings: " + json.dumps(summary["settings"], ensure_ascii=False),
        "contacts: " + ", ".join(f"{state} {n}" for state, n in summary["counts"].items()),
    ]
    output.result(summary, "\n".join(lines))
    return 0


def export_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.campaigns import campaign_document

    with workspace_of(args) as workspace:
        document = campaign_document(workspace, args.id)
    print(json.dumps(document, ensure_ascii=False, indent=None if output.json_mode else 2))
    return 0


def validate_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.campaigns import check_campaign

    with workspace_of(args) as workspace:
        check = check_campaign(workspace, args.id)
    problems, warnings = check.errors, check.warnings
    lines = [str(problem) for problem in problems]
    lines += [f"warning: {warning}" for warning in warnings]
    text = "\n".join(lines) if lines else f"campaign {check.id}: no problems"
    output.result(
        {
            "problems": [p.to_dict() for p in problems],
            "warnings": [p.to_dict() for p in warnings],
        },
        text,
    )
    return 1 if problems else 0


def preview_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.campaigns import preview_emails

    with workspace_of(args) as workspace:
        contact_email, emails = preview_emails(workspace, args.id, args.contact, args.variant)
    blocks = []
    for email in emails:
        heading = f"── {email['node']} ──"
        if email.get("variant") is not None:
            heading = f"── {email['node']} · variant {email['variant']} ──"
        if len(email.get("subjects", [])) > 1:
            # Paths merge here: the subject depends on the path the contact took.
            block = [heading, "Subject, by path:"]
            block += [f"  {subject}" for subject in email["subjects"]]
            block.append("")
        else:
            block = [heading, f"Subject: {email['subject']}", ""]
        block.append(email.get("body", f"(cannot render: {email.get('error')})"))
        if email["missing"]:
            block.append(f"Missing for this contact: {', '.join(email['missing'])}")
        blocks.append("\n".join(block))
    payload = {"contact": contact_email, "emails": emails}
    output.result(payload, "\n\n".join(blocks) if blocks else "this campaign has no email step")
    return 0


def enroll_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.enrollments import enroll_contacts

    with workspace_of(args) as workspace:
        outcome = enroll_contacts(
            workspace, args.id, everyone=args.all, tag=args.tag, emails=args.email or ()
        )
    skipped, by_cause = outcome.skipped, outcome.skipped_by_cause
    summary = f"{outcome.enrolled} enrolled, {len(skipped)} skipped"
    if by_cause:
        summary += ": " + ", ".join(f"{count} {cause}" for cause, count in by_cause.items())
    lines = [summary] + [f"  {s['email']}: {s['reason']}" for s in skipped]
    output.result(
        {"enrolled": outcome.enrolled, "skipped": skipped, "skipped_by": by_cause},
        "\n".join(lines),
    )
    return 0


def status_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.campaigns import change_campaign_status

    verb = args.status_verb
    with workspace_of(args) as workspace:
        # Problems first (no account…), then the values contacts lack: the op keeps the order.
        outcome = change_campaign_status(
            workspace, args.id, verb, confirmed=getattr(args, "yes", False)
        )
    if outcome.needs_confirmation:
        raise _PreflightRefused(outcome.id, verb, outcome.total, outcome.lacking)
    lacking = outcome.lacking
    if lacking:
        output.detail("warning: these contacts will not get the emails that print a missing value:")
    for line in _preflight_lines(outcome.total, lacking):
        output.detail(line)
    payload = {"id": outcome.id, "status": outcome.status}
    if lacking:
        payload["missing_values"] = [entry.to_dict() for entry in lacking]
    output.result(payload, f"campaign {outcome.id} is now {outcome.status}")
    return 0


class _PreflightRefused(FluenzrError):
    """Some enrolled contacts lack a value the emails print, and --yes was not given."""

    def __init__(self, campaign_id: int, verb: str, total: int, lacking: list) -> None:
        names = ", ".join(entry.variable for entry in lacking)
        done = "activated" if verb == "activate" else "resumed"
        super().__init__(
            f"campaign {campaign_id} not {done}: some of its {total} contact(s) lack a value "
            f"the emails print ({names}) and would not be sent those emails; fill the values, "
            f"give a default ({{{{ {lacking[0].variable} | default('…') }}}}) "
            "or add --yes to go on"
        )
        self.json_details = {"missing_values": [entry.to_dict() for entry in lacking]}
        self.detail_lines = _preflight_lines(total, lacking)


def _preflight_lines(total: int, lacking: list) -> list[str]:
    """Per variable: how many contacts lack it, which steps print it, a few examples."""
    lines = []
    for entry in lacking:
        examples = ", ".join(entry.examples)
        more = ", …" if entry.missing > len(entry.examples) else ""
        lines.append(
            f"  {entry.variable}: missing for {entry.missing} of {total} contact(s) "
            f"(steps {', '.join(entry.nodes)}; e.g. {examples}{more})"
        )
    return lines


def update_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.campaigns import update_campaign

    if args.name is None and args.account is None and args.from_file is None:
        raise FluenzrError("nothing to change: give --name, --account or --from-file")
    document = _read_document(args.from_file) if args.from_file else None
    with workspace_of(args) as workspace:
        try:
            updated = update_campaign(
                workspace, args.id, name=args.name, account_id=args.account, document=document
            )
        except DocumentError as error:
            raise FluenzrError(f"{args.from_file}: {error}") from None
    errors = updated.errors
    text = f"campaign {updated.id} updated"
    if errors:
        text += f"; {len(errors)} problem(s) to fix before activation (campaign validate)"
    output.result({"id": updated.id, "account": updated.account, "problems": len(errors)}, text)
    return 0


def delete_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.campaigns import campaign_header, delete_campaign

    with workspace_of(args) as workspace:
        campaign_header(workspace, args.id)  # an unknown id is named before --yes is asked
        campaign_id = int(args.id)
        if not args.yes:
            raise FluenzrError(
                f"campaign {campaign_id} and its history will be deleted: add --yes to confirm"
            )
        delete_campaign(workspace, campaign_id)
    output.result({"id": campaign_id, "deleted": True}, f"campaign {campaign_id} deleted")
    return 0


def retry_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.campaigns import retry_contacts

    with workspace_of(args) as workspace:
        outcome = retry_contacts(
            workspace, args.id, emails=args.email or (), all_errors=args.all_errors
        )
    retried, skipped, status = outcome.retried, outcome.skipped, outcome.status
    lines = [f"{len(retried)} contact(s) back in the sequence, {len(skipped)} skipped"]
    lines += [f"  {entry['email']}: {entry['reason']}" for entry in skipped]
    if retried and status != "active":
        lines.append(f"the campaign is {status}: they go on once it is resumed")
    output.result({"retried": retried, "skipped": skipped, "status": status}, "\n".join(lines))
    return 1 if skipped and not retried else 0


def contacts_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.campaigns import list_enrollments

    with workspace_of(args) as workspace:
        enrollments = [
            {
                "email": row.email,
                "state": row.state,
                "current_node": row.current_node,
                "next_action_at": iso_utc(row.next_action_at),
                "last_error": row.last_error,
            }
            for row in list_enrollments(workspace, args.id, args.state)
        ]
    rows = [
        [e["email"], e["state"], e["current_node"] or "", e["next_action_at"] or "",
         one_line(e["last_error"])]
        for e in enrollments
    ]  # fmt: skip
    text = (
        table(rows, ["EMAIL", "STATE", "NODE", "NEXT ACTION (UTC)", "LAST ERROR"])
        if rows
        else "no contacts in this campaign"
    )
    output.result(enrollments, text)
    return 0


def simulate_command(args: argparse.Namespace, output: Output) -> int:
    from ..ops.campaigns import simulate_campaign
    from .engine import parse_instant

    with workspace_of(args) as workspace:
        start = parse_instant(args.start) if args.start else workspace.clock.now()
        forecast = simulate_campaign(workspace, args.id, args.days, start)
    nodes = forecast["nodes"]
    rows = [
        [day["date"], *(str(day["emails"].get(node, 0)) for node in nodes), str(day["total"])]
        for day in forecast["days"]
    ]
    text = (
        table(rows, ["DATE", *nodes, "TOTAL"]) + f"\n{forecast['total']} emails in {args.days} days"
    )
    output.result(forecast, text)
    return 0
