"""`fluenzr stats`: a campaign's figures (or every campaign's), and their CSV export.

Two forms share the verb: `fluenzr stats [CAMPAIGN_ID] [--by …] [--from D --to D]` and
`fluenzr stats export CAMPAIGN_ID FILE`. They are told apart by the first word ("export"
is never a campaign id), checked while the command line is read, so a malformed one is a
usage error (exit 2) like any other.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..domain.errors import FluenzrError
from ..domain.stats import check_period, duration_text, parse_day, percent_text
from .ab_tests import variant_stats_command
from .common import workspace_of
from .output import Output, table

USAGE = (
    "fluenzr stats [CAMPAIGN_ID] [--by {step,day,link,account,variant}] "
    "[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]\n"
    "       fluenzr stats export CAMPAIGN_ID FILE.csv"
)
EPILOG = (
    "Without CAMPAIGN_ID: every campaign's totals, ranked by reply rate. Days are those of "
    "the campaign's time zone; --from and --to are inclusive. Rates are against delivered "
    "messages (sent minus bounced); open and click rates against delivered messages that "
    "were tracked for opens / for clicks. --by variant: each A/B tested email's variants, "
    "with 90% intervals, the probability to be best and the verdict (all time). "
    "See docs/statistics.md."
)


class _Words(argparse.Action):
    """Reads `[CAMPAIGN_ID]` or `export CAMPAIGN_ID FILE`; anything else is a usage error."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        words = list(values or [])
        if words and words[0] == "export":
            if len(words) != 3:
                parser.error(
                    "stats export needs CAMPAIGN_ID and FILE (fluenzr stats export 12 out.csv)"
                )
            namespace.export, namespace.campaign, namespace.file = True, words[1], words[2]
            return
        if len(words) > 1:
            parser.error(f"unexpected argument(s): {' '.join(words[1:])} (one CAMPAIGN_ID at most)")
        namespace.export, namespace.campaign, namespace.file = False, (words or [None])[0], None


def register(groups, common: argparse.ArgumentParser) -> None:
    """Add the `stats` verb."""
    parser = groups.add_parser(
        "stats",
        help="campaign statistics: replies, bounces, opens, clicks (export to CSV)",
        usage=USAGE,
        description="A campaign's figures, or every campaign's; `stats export` writes a CSV.",
        epilog=EPILOG,
        parents=[common],
    )
    parser.add_argument(
        "words",
        nargs="*",
        action=_Words,
        metavar="CAMPAIGN_ID | export CAMPAIGN_ID FILE",
        help="a campaign id (default: every campaign), or `export` then a campaign id and a file",
    )
    parser.add_argument(
        "--by",
        choices=("step", "day", "link", "account", "variant"),
        help="break the figures down per email step, local day, link, sending account or "
        "A/B variant",
    )
    parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day counted")
    parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day counted")
    parser.set_defaults(handler=stats_command, export=False, campaign=None, file=None)


def stats_command(args: argparse.Namespace, output: Output) -> int:
    """One campaign's figures, every campaign's, or the CSV export."""
    start = parse_day(args.start, "--from") if args.start is not None else None
    end = parse_day(args.end, "--to") if args.end is not None else None
    check_period(start, end)
    if args.export:
        if args.by or start or end:
            raise FluenzrError("stats export writes every figure: it takes no --by, --from or --to")
        return _export(args, output)
    if args.campaign is None:
        if args.by is not None:
            raise FluenzrError("--by needs a CAMPAIGN_ID (fluenzr stats 12 --by step)")
        return _all(args, output, start, end)
    if args.by == "variant":
        if start or end:
            raise FluenzrError("--by variant counts every send: it takes no --from or --to")
        return variant_stats_command(args, output)
    from ..ops.stats import campaign_stats

    with workspace_of(args) as workspace:
        stats = campaign_stats(workspace, args.campaign, args.by, start, end)
    output.result(stats.to_dict(), _campaign_text(stats))
    return 0


def _export(args: argparse.Namespace, output: Output) -> int:
    from ..ops.stats import export_stats_csv

    with workspace_of(args) as workspace:
        written = export_stats_csv(workspace, args.campaign, args.file)
    output.result(
        {"campaign_id": int(args.campaign), "file": args.file, "rows": written},
        f"wrote {written} rows to {args.file}",
    )
    return 0


def _all(args: argparse.Namespace, output: Output, start, end) -> int:
    from ..ops.stats import all_campaigns_stats

    with workspace_of(args) as workspace:
        found = all_campaigns_stats(workspace, start, end)
    rows = []
    for stats in found:
        figures, rates = stats.total, stats.total.rates()
        rows.append(
            [
                str(stats.campaign_id),
                stats.name[:40],
                percent_text(rates["reply_rate"]),
                str(figures.counts.replied),
                str(figures.counts.sent),
                str(figures.delivered),
                str(figures.bounced),
                percent_text(rates["open_rate"]),
                percent_text(rates["click_rate"]),
                str(figures.counts.unsubscribed + figures.counts.complained),
            ]
        )
    headers = ["ID", "CAMPAIGN", "REPLY RATE", "REPLIED", "SENT", "DELIVERED", "BOUNCED"]
    headers += ["OPEN RATE", "CLICK RATE", "UNSUBSCRIBED"]
    text = table(rows, headers) if rows else "no campaigns"
    output.result({"campaigns": [stats.to_dict() for stats in found]}, text)
    return 0


def _period_text(stats) -> str:
    if stats.start is None and stats.end is None:
        return "all time"
    first = stats.start.isoformat() if stats.start else "the start"
    last = stats.end.isoformat() if stats.end else "today"
    return f"{first} to {last}"


def _campaign_text(stats) -> str:
    title = (
        f'Campaign {stats.campaign_id} "{stats.name}": {_period_text(stats)} '
        f"(days in {stats.timezone})"
    )
    lines = [title, _headline(stats.total)]
    if stats.by == "link":
        rows = [
            [str(link["url"]), str(link["unique"]), str(link["total"]), str(link["machine"])]
            for link in stats.links
        ]
        lines.append("")
        lines.append(
            table(rows, ["LINK", "UNIQUE CLICKS", "CLICKS", "MACHINE CLICKS"])
            if rows
            else "no clicks on links"
        )
    elif stats.by is not None:
        lines.append("")
        lines.append(_breakdown(stats))
    return "\n".join(lines)


def _headline(figures) -> str:
    """The campaign's totals, one figure a line, reply rate first."""
    c, rates = figures.counts, figures.rates()
    entries: list[tuple[str, str, str]] = [
        (
            "reply rate",
            percent_text(rates["reply_rate"]),
            f"{c.replied} replied / {figures.delivered} delivered",
        ),
        (
            "open rate",
            percent_text(rates["open_rate"]),
            f"{c.opened} opened (unique, human) / {figures.delivered_tracked_opens} delivered "
            f"tracked for opens; apart: {c.proxied} proxied (Apple), {c.machine} with machine hits",
        ),
        (
            "click rate",
            percent_text(rates["click_rate"]),
            f"{c.clicked} clicked (unique, human; {c.click_hits} clicks) / "
            f"{figures.delivered_tracked_clicks} delivered tracked for clicks",
        ),
        (
            "bounce rate",
            percent_text(rates["bounce_rate"]),
            f"{figures.bounced} bounced ({c.bounced_hard} hard, {c.bounced_soft} soft) / {c.sent} sent",
        ),
        ("auto-replies", str(c.auto_replied), ""),
        ("unsubscribed", str(c.unsubscribed), f"spam complaints apart: {c.complained}"),
        ("errors", str(c.errors), "contacts in Error now"),
        (
            "first reply",
            duration_text(figures.reply_seconds_median),
            f"median time from first email, over {figures.replied_contacts} contacts"
            if figures.replied_contacts
            else "",
        ),
    ]
    width = max(len(name) for name, _, _ in entries)
    value_width = max(len(value) for _, value, _ in entries)
    return "\n".join(
        f"  {name.ljust(width)}  {value.rjust(value_width)}  {note}".rstrip()
        for name, value, note in entries
    )


def _breakdown(stats) -> str:
    headers = [
        {"step": "STEP", "day": "DAY", "account": "ACCOUNT"}[stats.by],
        "REPLY RATE",
        "REPLIED",
        "SENT",
        "DELIVERED",
        "BOUNCED H/S",
        "OPEN RATE",
        "OPENED",
        "CLICK RATE",
        "CLICKED",
        "PROXIED",
        "MACHINE",
        "AUTO",
        "UNSUB",
        "ERRORS",
        "FIRST REPLY",
    ]
    rows: list[list[str]] = []
    for row in stats.rows:
        figures: Any = row.figures
        c, rates = figures.counts, figures.rates()
        rows.append(
            [
                row.label,
                percent_text(rates["reply_rate"]),
                str(c.replied),
                str(c.sent),
                str(figures.delivered),
                f"{c.bounced_hard}/{c.bounced_soft}",
                percent_text(rates["open_rate"]),
                str(c.opened),
                percent_text(rates["click_rate"]),
                str(c.clicked),
                str(c.proxied),
                str(c.machine),
                str(c.auto_replied),
                str(c.unsubscribed + c.complained),
                str(c.errors),
                duration_text(figures.reply_seconds_median),
            ]
        )
    if not rows:
        return "nothing to show for this period"
    note = "rates per delivered message; open/click rates per delivered message tracked for opens/clicks"
    return table(rows, headers) + "\n" + note
