"""The counting queries behind campaign statistics: a few GROUP BY queries per request.

Each function returns raw counts keyed by the row they belong to (None for the campaign
as a whole, a step's node id, an account id, a day index, a link's URL); the arithmetic
is in `domain.stats`. Every count is of *messages* (distinct Message-IDs), hits aside.

Attribution of inbound mail (a reply, an auto-reply, a bounce, an unsubscribe or a
complaint by mail) to a step and an account: such an event is recorded under the inbound
mail's own Message-ID and no step, so it is attributed to **the latest sent outbox
message of the same enrollment at or before the event's time**.
An event that already names one of our messages (a one-click unsubscribe through the
relay) counts for that message. An inbound event with no earlier sent message counts in
the campaign's totals under no step and no account.

Per day, `day_starts` gives each local day's midnight as naive UTC (the campaign's time
zone, DST included): a row is bucketed by comparing its time with them (a balanced CASE,
portable SQL), so a day is always a local calendar day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Integer,
    String,
    and_,
    case,
    cast,
    false,
    func,
    literal,
    select,
    true,
)
from sqlalchemy.engine import Connection

from ..domain.stats import Counts
from .schema import enrollments, events, outbox_messages

# A human click implies a human open: the SQL form of `domain.tracking_verdicts.implied_open`.
OPEN_KINDS = ("opened", "clicked")
MACHINE_KINDS = ("open_machine", "click_machine")
TRACKING_KINDS = ("opened", "clicked", "open_proxied", "open_machine", "click_machine")
INBOUND_KINDS = ("replied", "auto_replied", "bounced", "unsubscribed", "complained")
DIMENSIONS = ("step", "day", "account", "link")


def day_bucket(column: Any, day_starts: Sequence[datetime]) -> Any:
    """The index of the local day a time falls in (0 for the first), as a balanced CASE."""

    def build(low: int, high: int) -> Any:
        if high - low == 1:
            return literal(low, Integer)
        middle = (low + high) // 2
        return case((column < day_starts[middle], build(low, middle)), else_=build(middle, high))

    return build(0, len(day_starts))


def _window(column: Any, start: datetime | None, end: datetime | None) -> list[Any]:
    clauses = []
    if start is not None:
        clauses.append(column >= start)
    if end is not None:
        clauses.append(column < end)
    return clauses


def _count_if(condition: Any) -> Any:
    return func.sum(case((condition, 1), else_=0))


def _distinct_if(condition: Any, value: Any) -> Any:
    return func.count(func.distinct(case((condition, value), else_=None)))


def _key(dimension: str | None, step: Any, account: Any, time_column: Any, days) -> Any:
    """The GROUP BY expression of a dimension; for the whole campaign the step, whose rows
    `_collapse` adds up (grouping in the index's order is faster than one big group)."""
    if dimension in ("step", None):
        return step
    if dimension == "account":
        return account
    if dimension == "day":
        return day_bucket(time_column, days)
    return literal(None, String)


def _collapse(dimension: str | None, rows: dict[Any, Counts]) -> dict[Any, Counts]:
    """Per-step rows added up into the campaign's (key None) when no dimension was asked."""
    if dimension is not None:
        return rows
    total = Counts()
    for counts in rows.values():
        total.add(counts)
    return {None: total}


def sent_counts(
    connection: Connection,
    campaign_id: int,
    dimension: str | None,
    start: datetime | None,
    end: datetime | None,
    days: Sequence[datetime] = (),
) -> dict[Any, Counts]:
    """Sent messages per row, and how many of them carried a pixel / rewritten links."""
    o = outbox_messages
    key = _key(dimension, o.c.node_id, o.c.account_id, o.c.sent_at, days).label("key")
    query = (
        select(
            key,
            func.count().label("sent"),
            _count_if(o.c.track_opens == true()).label("opens"),
            _count_if(o.c.tracked_links.is_not(None)).label("clicks"),
        )
        .where(o.c.campaign_id == campaign_id, o.c.state == "sent", o.c.sent_at.is_not(None))
        .where(*_window(o.c.sent_at, start, end))
        .group_by(key)
    )
    rows = {
        row.key: Counts(
            sent=row.sent, sent_tracked_opens=row.opens or 0, sent_tracked_clicks=row.clicks or 0
        )
        for row in connection.execute(query)
    }
    return _collapse(dimension, rows)


def tracking_counts(
    connection: Connection,
    campaign_id: int,
    dimension: str | None,
    start: datetime | None,
    end: datetime | None,
    days: Sequence[datetime] = (),
) -> dict[Any, Counts]:
    """Unique human opens and clicks, proxied and machine hits per row (per day: by hit day).

    Two queries, both read from `ix_events_stats` alone: hits and distinct messages per
    kind, then the messages a human click makes opened though they have no human open
    (and the machine-clicked ones without a machine open), so each message counts once.
    """
    e = events
    counts: dict[Any, Counts] = {}
    for key, kind, hits, messages in connection.execute(
        _per_kind(e, campaign_id, dimension, TRACKING_KINDS, start, end, days)
    ):
        row = counts.setdefault(key, Counts())
        if kind in OPEN_KINDS:
            row.opened += messages if kind == "opened" else 0
        if kind == "clicked":
            row.clicked, row.click_hits = messages, hits
        elif kind == "open_proxied":
            row.proxied, row.proxied_hits = messages, hits
        elif kind in MACHINE_KINDS:
            row.machine += messages if kind == "open_machine" else 0
            row.machine_hits += hits
    for key, kind, messages in connection.execute(
        _clicks_without_open(campaign_id, dimension, start, end, days)
    ):
        row = counts.setdefault(key, Counts())
        if kind == "clicked":
            row.opened += messages  # a human click implies a human open
        else:
            row.machine += messages
    return _collapse(dimension, counts)


def _tracked_source(e: Any, dimension: str | None) -> tuple[Any, Any]:
    """The events (joined to their message only per account) and the account column."""
    if dimension != "account":
        return e, None
    o = outbox_messages
    return e.outerjoin(o, o.c.message_id == e.c.message_id), o.c.account_id


def _per_kind(e, campaign_id, dimension, kinds, start, end, days) -> Any:
    source, account = _tracked_source(e, dimension)
    key = _key(dimension, e.c.node_id, account, e.c.occurred_at, days).label("key")
    return (
        select(key, e.c.kind, func.count(), func.count(func.distinct(e.c.message_id)))
        .select_from(source)
        .where(e.c.campaign_id == campaign_id, e.c.kind.in_(kinds))
        .where(*_window(e.c.occurred_at, start, end))
        .group_by(e.c.kind, key)
    )


def _clicks_without_open(campaign_id, dimension, start, end, days) -> Any:
    """Distinct messages clicked (human / machine) with no open of the same kind in the row."""
    e = events.alias("click")
    f = events.alias("open")
    partner = case((e.c.kind == "clicked", "opened"), else_="open_machine")
    same_row = [
        f.c.campaign_id == campaign_id,
        f.c.kind == partner,
        f.c.node_id == e.c.node_id,
        f.c.message_id == e.c.message_id,
        *_window(f.c.occurred_at, start, end),
    ]
    if dimension == "day":
        same_row.append(day_bucket(f.c.occurred_at, days) == day_bucket(e.c.occurred_at, days))
    opened = select(f.c.id).where(*same_row).exists()
    source, account = _tracked_source(e, dimension)
    key = _key(dimension, e.c.node_id, account, e.c.occurred_at, days).label("key")
    return (
        select(key, e.c.kind, func.count(func.distinct(e.c.message_id)))
        .select_from(source)
        .where(e.c.campaign_id == campaign_id, e.c.kind.in_(("clicked", "click_machine")))
        .where(*_window(e.c.occurred_at, start, end), ~opened)
        .group_by(e.c.kind, key)
    )


def link_clicks(
    connection: Connection, campaign_id: int, start: datetime | None, end: datetime | None
) -> list[dict[str, Any]]:
    """Clicks per link (its destination URL): unique and total human clicks, machine clicks."""
    e = events
    url = e.c.detail["url"].as_string().label("url")
    human = e.c.kind == "clicked"
    query = (
        select(
            url,
            _distinct_if(human, e.c.message_id).label("unique"),
            _count_if(human).label("total"),
            _count_if(e.c.kind == "click_machine").label("machine"),
        )
        .where(e.c.campaign_id == campaign_id, e.c.kind.in_(("clicked", "click_machine")))
        .where(*_window(e.c.occurred_at, start, end))
        .group_by(url)
        .order_by(_distinct_if(human, e.c.message_id).desc(), url)
    )
    return [
        {"url": row.url, "unique": row.unique, "total": row.total or 0, "machine": row.machine or 0}
        for row in connection.execute(query)
    ]


def _latest_sent_before(enrollment_id: Any, at: Any) -> Any:
    """The Message-ID of the latest email sent to an enrollment at or before `at`: the one
    rule of attribution (module docstring)."""
    o = outbox_messages.alias("latest")
    return (
        select(o.c.message_id)
        .where(o.c.enrollment_id == enrollment_id, o.c.state == "sent", o.c.sent_at <= at)
        .order_by(o.c.sent_at.desc())
        .limit(1)
        .correlate_except(o)
        .scalar_subquery()
    )


def attributed_message(event_table: Any) -> Any:
    """The Message-ID an inbound event counts for (the attribution rule, module docstring)."""
    latest = _latest_sent_before(event_table.c.enrollment_id, event_table.c.occurred_at)
    return case((event_table.c.node_id.is_not(None), event_table.c.message_id), else_=latest)


def is_final_bounce(event: Any) -> Any:
    """A bounce that ends delivery (not a "delayed" warning): the only bounces counted."""
    return and_(event.kind == "bounced", event.detail["final"].as_boolean() == true())


def is_hard_bounce(event: Any) -> Any:
    """A permanent failure; anything else (false or unknown) counts as soft."""
    return func.coalesce(event.detail["hard"].as_boolean(), false()) == true()


def _inbound(campaign_id: int, kinds: Sequence[str], start, end) -> Any:
    """The campaign's inbound events with the message each is attributed to."""
    e = events
    return (
        select(
            e.c.id,
            e.c.kind,
            e.c.enrollment_id,
            e.c.occurred_at,
            e.c.detail,
            attributed_message(e).label("attributed"),
        )
        .where(e.c.campaign_id == campaign_id, e.c.kind.in_(kinds))
        .where(*_window(e.c.occurred_at, start, end))
        # Materialized: the attribution is looked up once per event, not once per use.
        .cte("inbound")
        .prefix_with("MATERIALIZED")
    )


def inbound_counts(
    connection: Connection,
    campaign_id: int,
    dimension: str | None,
    start: datetime | None,
    end: datetime | None,
    days: Sequence[datetime] = (),
) -> dict[Any, Counts]:
    """Replies, auto-replies, final bounces (hard/soft), unsubscribes, complaints per row."""
    inbound = _inbound(campaign_id, INBOUND_KINDS, start, end)
    o = outbox_messages
    i = inbound.c
    if dimension is None:  # the campaign's row: only a bounce needs its message's flags
        key: Any = literal(None, String).label("key")
        joined = and_(o.c.message_id == i.attributed, i.kind == "bounced")
    else:
        key = _key(dimension, o.c.node_id, o.c.account_id, i.occurred_at, days).label("key")
        joined = o.c.message_id == i.attributed
    # Counted per message; an event without an earlier message counts once for itself.
    message = func.coalesce(i.attributed, cast(i.id, String))
    final_bounce = is_final_bounce(i)
    hard = is_hard_bounce(i)
    soft = ~hard
    query = (
        select(
            key,
            _distinct_if(i.kind == "replied", message).label("replied"),
            _distinct_if(i.kind == "auto_replied", message).label("auto_replied"),
            _distinct_if(and_(final_bounce, hard), message).label("hard"),
            _distinct_if(and_(final_bounce, soft), message).label("soft"),
            _distinct_if(and_(final_bounce, o.c.track_opens == true()), message).label("b_opens"),
            _distinct_if(and_(final_bounce, o.c.tracked_links.is_not(None)), message).label(
                "b_clicks"
            ),
            _distinct_if(i.kind == "unsubscribed", message).label("unsubscribed"),
            _distinct_if(i.kind == "complained", message).label("complained"),
        )
        .select_from(inbound.outerjoin(o, joined))
        .group_by(key)
    )
    return {
        row.key: Counts(
            replied=row.replied,
            auto_replied=row.auto_replied,
            bounced_hard=row.hard,
            bounced_soft=row.soft,
            bounced_tracked_opens=row.b_opens,
            bounced_tracked_clicks=row.b_clicks,
            unsubscribed=row.unsubscribed,
            complained=row.complained,
        )
        for row in connection.execute(query)
    }


def first_replies(
    connection: Connection,
    campaign_id: int,
    dimension: str | None,
    start: datetime | None,
    end: datetime | None,
    days: Sequence[datetime] = (),
) -> list[tuple[Any, datetime, datetime]]:
    """(row key, first email sent, first reply) of each contact who replied in the period.

    The row is the one the first reply is attributed to.
    """
    e = events
    o = outbox_messages
    first = (
        select(e.c.enrollment_id, func.min(e.c.occurred_at).label("replied_at"))
        .where(e.c.campaign_id == campaign_id, e.c.kind == "replied")
        .where(*_window(e.c.occurred_at, start, end))
        .group_by(e.c.enrollment_id)
        .subquery("first_reply")
    )
    first_sent = (
        select(func.min(o.c.sent_at))
        .where(o.c.enrollment_id == first.c.enrollment_id, o.c.state == "sent")
        .scalar_subquery()
    )
    if dimension is None:
        query = select(literal(None, String), first_sent, first.c.replied_at)
        return [(key, sent, replied) for key, sent, replied in connection.execute(query) if sent]
    attributed = _latest_sent_before(first.c.enrollment_id, first.c.replied_at)
    pairs = select(
        first.c.replied_at, first_sent.label("sent_at"), attributed.label("attributed")
    ).subquery("pairs")
    key = _key(dimension, o.c.node_id, o.c.account_id, pairs.c.replied_at, days).label("key")
    query = select(key, pairs.c.sent_at, pairs.c.replied_at).select_from(
        pairs.outerjoin(o, o.c.message_id == pairs.c.attributed)
    )
    return [
        (row.key, row.sent_at, row.replied_at)
        for row in connection.execute(query)
        if row.sent_at is not None
    ]


def error_counts(
    connection: Connection, campaign_id: int, dimension: str | None
) -> dict[Any, Counts]:
    """Enrollments in Error now, per step they stopped at (no day or account: a state)."""
    if dimension not in (None, "step"):
        return {}
    en = enrollments
    key = (en.c.current_node if dimension == "step" else literal(None, String)).label("key")
    query = (
        select(key, func.count().label("errors"))
        .where(en.c.campaign_id == campaign_id, en.c.state == "error")
        .group_by(key)
    )
    return {row.key: Counts(errors=row.errors) for row in connection.execute(query)}


def time_span(connection: Connection, campaign_id: int) -> tuple[datetime | None, datetime | None]:
    """The first and last instants a campaign has figures for (sends and events)."""
    o = outbox_messages
    sends = connection.execute(
        select(func.min(o.c.sent_at), func.max(o.c.sent_at)).where(
            o.c.campaign_id == campaign_id, o.c.state == "sent"
        )
    ).one()
    seen = connection.execute(
        select(func.min(events.c.occurred_at), func.max(events.c.occurred_at)).where(
            events.c.campaign_id == campaign_id
        )
    ).one()
    firsts = [value for value in (sends[0], seen[0]) if value is not None]
    lasts = [value for value in (sends[1], seen[1]) if value is not None]
    return (min(firsts) if firsts else None, max(lasts) if lasts else None)
