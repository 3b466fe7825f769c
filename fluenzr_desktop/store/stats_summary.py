"""Campaign figures kept up to date by SQLite triggers, so reading them costs a few rows.

`message_figures` holds one row per sent message (and one per inbound event that no sent
message explains) with what happened to it: opened, clicked, proxied or machine hits,
replied, bounced… `campaign_figures` holds their sums per campaign, step and account.

Guarantees callers rely on:
- **Every writer is covered.** Triggers on `events` and `outbox_messages` recompute the
  rows of the enrollment a change touches (a handful of index lookups), whoever writes:
  the engine, the inbox watcher, the relay pull, a CSV import, a cascade delete.
- **Same rules as the event queries.** The per-message flags use `store.stats`'s kinds
  and attribution (`attributed_message`), compiled into the triggers' SQL, so the
  figures equal `store.stats`'s counts over the same events (tests/store compare them).
- Figures over a period (`--from/--to`) or per day are still counted from the events by
  `store.stats`: a message's hits fall on several days, which sums per message can't split.

A migration that rebuilds `events` or `outbox_messages` (Alembic batch mode on SQLite)
drops their triggers: it must call `install` again (tests/store checks a migrated
workspace has every trigger).
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

from sqlalchemy import (
    Integer,
    String,
    and_,
    case,
    cast,
    column,
    exists,
    func,
    literal,
    null,
    select,
    table,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection

from ..domain.stats import Counts
from .schema import FIGURE_COLUMNS, campaign_figures, events, message_figures, outbox_messages
from .stats import (
    INBOUND_KINDS,
    MACHINE_KINDS,
    OPEN_KINDS,
    TRACKING_KINDS,
    attributed_message,
    is_final_bounce,
    is_hard_bounce,
)


def _flag(condition: Any) -> Any:
    return cast(condition, Integer)


def _attributions() -> Any:
    """Every inbound event with the sent message it is attributed to (`store.stats`)."""
    e = events.c
    return select(
        e.id.label("event_id"),
        e.enrollment_id,
        e.campaign_id,
        e.kind,
        e.occurred_at,
        _flag(is_final_bounce(e)).label("final_bounce"),
        _flag(is_hard_bounce(e)).label("hard"),
        attributed_message(events).label("message_id"),
    ).where(e.kind.in_(INBOUND_KINDS))


ATTRIBUTIONS = table(
    "inbound_attributions",
    *(
        column(name)
        for name in (
            "event_id",
            "enrollment_id",
            "campaign_id",
            "kind",
            "occurred_at",
            "final_bounce",
            "hard",
            "message_id",
        )
    ),
)
ROW_COLUMNS = (
    "message_key",
    "campaign_id",
    "enrollment_id",
    "node_id",
    "account_id",
    "variant",
    "first_reply_seconds",
    *FIGURE_COLUMNS,
)


def _first_reply_seconds(enrollment: Any, reply_here: Any) -> Any:
    """Seconds from the enrollment's first email to its first reply when `reply_here` (this
    row's earliest reply) is that first reply; NULL otherwise."""
    earliest = outbox_messages.alias("earliest").c
    first_sent = (
        select(func.min(earliest.sent_at))
        .where(earliest.enrollment_id == enrollment, earliest.state == "sent")
        .scalar_subquery()
    )
    replies = events.alias("reply").c
    first_reply = (
        select(func.min(replies.occurred_at))
        .where(replies.enrollment_id == enrollment, replies.kind == "replied")
        .scalar_subquery()
    )
    seconds = func.round((func.julianday(reply_here) - func.julianday(first_sent)) * 86400, 3)
    return case((reply_here == first_reply, seconds), else_=null())


def _sent_rows() -> Any:
    """One row per sent message, with what happened to it."""
    o = outbox_messages.c
    hit = events.alias("hit").c
    inbound = ATTRIBUTIONS.alias("inbound").c

    def hits(kinds: tuple[str, ...]) -> Any:
        return (
            select(func.count())
            .where(hit.message_id == o.message_id, hit.kind.in_(kinds))
            .scalar_subquery()
        )

    def any_hit(kinds: tuple[str, ...]) -> Any:
        return _flag(exists().where(hit.message_id == o.message_id, hit.kind.in_(kinds)))

    mine = [inbound.enrollment_id == o.enrollment_id, inbound.message_id == o.message_id]

    def answered(condition: Any) -> Any:
        return _flag(exists().where(*mine, condition))

    final = inbound.final_bounce == 1
    bounced = answered(final)
    values = {
        "message_key": o.message_id,
        "campaign_id": o.campaign_id,
        "enrollment_id": o.enrollment_id,
        "node_id": o.node_id,
        "account_id": o.account_id,
        "variant": o.variant,
        "first_reply_seconds": _first_reply_seconds(
            o.enrollment_id,
            select(func.min(inbound.occurred_at))
            .where(*mine, inbound.kind == "replied")
            .scalar_subquery(),
        ),
        "sent": literal(1),
        "sent_tracked_opens": _flag(o.track_opens),
        "sent_tracked_clicks": _flag(o.tracked_links.is_not(None)),
        "bounced_hard": answered(and_(final, inbound.hard == 1)),
        "bounced_soft": answered(and_(final, inbound.hard == 0)),
        "bounced_tracked_opens": bounced * _flag(o.track_opens),
        "bounced_tracked_clicks": bounced * _flag(o.tracked_links.is_not(None)),
        "opened": any_hit(OPEN_KINDS),
        "clicked": any_hit(("clicked",)),
        "click_hits": hits(("clicked",)),
        "proxied": any_hit(("open_proxied",)),
        "proxied_hits": hits(("open_proxied",)),
        "machine": any_hit(MACHINE_KINDS),
        "machine_hits": hits(MACHINE_KINDS),
        "replied": answered(inbound.kind == "replied"),
        "auto_replied": answered(inbound.kind == "auto_replied"),
        "unsubscribed": answered(inbound.kind == "unsubscribed"),
        "complained": answered(inbound.kind == "complained"),
    }
    return _in_row_order(values).where(o.state == "sent", o.sent_at.is_not(None))


def _unexplained_rows() -> Any:
    """One row per inbound event that no sent message of its enrollment explains."""
    a = ATTRIBUTIONS.c
    sent = outbox_messages.alias("sent").c
    explained = exists().where(
        sent.enrollment_id == a.enrollment_id,
        sent.state == "sent",
        sent.sent_at.is_not(None),
        sent.message_id == a.message_id,
    )
    final = a.final_bounce == 1
    values = {
        "message_key": literal("event:") + cast(a.event_id, String),
        "campaign_id": a.campaign_id,
        "enrollment_id": a.enrollment_id,
        "first_reply_seconds": _first_reply_seconds(
            a.enrollment_id, case((a.kind == "replied", a.occurred_at), else_=null())
        ),
        "bounced_hard": _flag(and_(final, a.hard == 1)),
        "bounced_soft": _flag(and_(final, a.hard == 0)),
        "replied": _flag(a.kind == "replied"),
        "auto_replied": _flag(a.kind == "auto_replied"),
        "unsubscribed": _flag(a.kind == "unsubscribed"),
        "complained": _flag(a.kind == "complained"),
    }
    return _in_row_order(values).select_from(ATTRIBUTIONS).where(~explained)


def _in_row_order(values: dict[str, Any]) -> Any:
    """A SELECT of every `message_figures` column (0 or NULL where `values` has none)."""
    zero = {name: literal(0) for name in FIGURE_COLUMNS}
    picked = {name: values.get(name, zero.get(name, null())) for name in ROW_COLUMNS}
    return select(*(value.label(name) for name, value in picked.items()))


def _sql(statement: Any) -> str:
    compiled = statement.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})
    return str(compiled)


VIEWS = {
    "inbound_attributions": _attributions,
    "message_figures_sent": _sent_rows,
    "message_figures_unexplained": _unexplained_rows,
}


def _recompute_sql(enrollment_sql: str) -> list[str]:
    """The statements that rebuild one enrollment's rows (`enrollment_sql` names it)."""
    names = ", ".join(ROW_COLUMNS)
    return [
        f"DELETE FROM message_figures WHERE enrollment_id IS {enrollment_sql}",
        *(
            f"INSERT INTO message_figures ({names}) SELECT {names} FROM {view} "
            f"WHERE enrollment_id IS {enrollment_sql}"
            for view in ("message_figures_sent", "message_figures_unexplained")
        ),
    ]


def _rollup_triggers() -> list[str]:
    """Keep `campaign_figures` the sum of `message_figures` per campaign, step, account."""
    names = ", ".join(FIGURE_COLUMNS)
    added = ", ".join(f"NEW.{name}" for name in FIGURE_COLUMNS)
    summed = ", ".join(f"{name} = {name} + excluded.{name}" for name in FIGURE_COLUMNS)
    taken = ", ".join(f"{name} = {name} - OLD.{name}" for name in FIGURE_COLUMNS)
    return [
        "CREATE TRIGGER IF NOT EXISTS message_figures_added AFTER INSERT ON message_figures "
        "WHEN NEW.campaign_id IS NOT NULL BEGIN "
        "INSERT INTO campaign_figures (campaign_id, node_key, account_key, variant_key, "
        f"{names}) VALUES (NEW.campaign_id, coalesce(NEW.node_id, ''), "
        f"coalesce(NEW.account_id, 0), coalesce(NEW.variant, ''), {added}) "
        "ON CONFLICT (campaign_id, node_key, account_key, variant_key) "
        f"DO UPDATE SET {summed}; "
        "END",
        "CREATE TRIGGER IF NOT EXISTS message_figures_removed AFTER DELETE ON message_figures "
        "WHEN OLD.campaign_id IS NOT NULL BEGIN "
        f"UPDATE campaign_figures SET {taken} WHERE campaign_id = OLD.campaign_id "
        "AND node_key = coalesce(OLD.node_id, '') AND account_key = coalesce(OLD.account_id, 0) "
        "AND variant_key = coalesce(OLD.variant, ''); "
        "END",
    ]


_COUNTED_KINDS = ", ".join(f"'{kind}'" for kind in TRACKING_KINDS + INBOUND_KINDS)
_OUTBOX_COLUMNS = (
    "state, sent_at, message_id, node_id, account_id, campaign_id, enrollment_id, "
    "track_opens, tracked_links, variant"
)


def _trigger(name: str, when_table: str, condition: str, enrollments: tuple[str, ...]) -> str:
    body = "; ".join(
        statement for enrollment in enrollments for statement in _recompute_sql(enrollment)
    )
    return f"CREATE TRIGGER IF NOT EXISTS {name} {when_table} WHEN {condition} BEGIN {body}; END"


def trigger_statements() -> list[str]:
    """Every trigger of the statistics summary, as CREATE TRIGGER IF NOT EXISTS."""
    counted_new = f"NEW.kind IN ({_COUNTED_KINDS})"
    counted_old = f"OLD.kind IN ({_COUNTED_KINDS})"
    sent = "(OLD.state = 'sent' OR NEW.state = 'sent')"
    return [
        *_rollup_triggers(),
        _trigger(
            "events_figures_added", "AFTER INSERT ON events", counted_new, ("NEW.enrollment_id",)
        ),
        _trigger(
            "events_figures_removed", "AFTER DELETE ON events", counted_old, ("OLD.enrollment_id",)
        ),
        _trigger(
            "events_figures_changed",
            "AFTER UPDATE OF kind, enrollment_id, message_id, node_id, occurred_at, detail "
            "ON events",
            f"{counted_old} OR {counted_new}",
            ("OLD.enrollment_id", "NEW.enrollment_id"),
        ),
        _trigger(
            "outbox_figures_added",
            "AFTER INSERT ON outbox_messages",
            "NEW.state = 'sent'",
            ("NEW.enrollment_id",),
        ),
        _trigger(
            "outbox_figures_removed",
            "AFTER DELETE ON outbox_messages",
            "OLD.state = 'sent'",
            ("OLD.enrollment_id",),
        ),
        _trigger(
            "outbox_figures_changed",
            f"AFTER UPDATE OF {_OUTBOX_COLUMNS} ON outbox_messages",
            sent,
            ("OLD.enrollment_id", "NEW.enrollment_id"),
        ),
    ]


TRIGGER_NAMES = (
    "message_figures_added",
    "message_figures_removed",
    "events_figures_added",
    "events_figures_removed",
    "events_figures_changed",
    "outbox_figures_added",
    "outbox_figures_removed",
    "outbox_figures_changed",
)


@functools.cache
def _ddl() -> tuple[str, ...]:
    """The views' and triggers' DDL, compiled once per process (every new workspace runs it)."""
    views = [
        f"CREATE VIEW IF NOT EXISTS {name} AS {_sql(query())}" for name, query in VIEWS.items()
    ]
    return (*views, *trigger_statements())


def install(connection: Connection) -> None:
    """Create the views and triggers (idempotent)."""
    for statement in _ddl():
        connection.exec_driver_sql(statement)


def rebuild(connection: Connection) -> None:
    """Recompute every row from the events and the outbox (a migration's backfill)."""
    connection.execute(message_figures.delete())
    connection.execute(campaign_figures.delete())
    names = ", ".join(ROW_COLUMNS)
    for view in ("message_figures_sent", "message_figures_unexplained"):
        connection.exec_driver_sql(
            f"INSERT INTO message_figures ({names}) SELECT {names} FROM {view}"
        )


class FigureRow(NamedTuple):
    """The figures of one campaign's messages at one step, from one account, of one variant
    (None where there is none)."""

    step: str | None
    account: int | None
    variant: str | None
    counts: Counts


def figure_rows(connection: Connection, campaign_id: int) -> list[FigureRow]:
    """Every non-zero row of a campaign's figures."""
    c = campaign_figures.c
    query = select(
        c.node_key, c.account_key, c.variant_key, *(c[name] for name in FIGURE_COLUMNS)
    ).where(c.campaign_id == campaign_id)
    # A row whose messages all moved to another step (or were deleted) stays, at zero.
    return [
        FigureRow(
            row[0] or None,
            row[1] or None,
            row[2] or None,
            Counts(**dict(zip(FIGURE_COLUMNS, row[3:], strict=True))),
        )
        for row in connection.execute(query)
        if any(row[3:])
    ]


def first_reply_delays(connection: Connection, campaign_id: int) -> list[tuple[Any, Any, float]]:
    """(step, account, seconds from first email to first reply) of each contact who
    replied; the row is the message the contact's first reply is attributed to.

    Read through the driver's cursor from a covering index: tens of thousands of rows in
    a few milliseconds (no result-row objects).
    """
    result = connection.exec_driver_sql(
        "SELECT node_id, account_id, first_reply_seconds FROM message_figures "
        "WHERE campaign_id = ? AND first_reply_seconds IS NOT NULL",
        (campaign_id,),
    )
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


__all__ = [
    "FigureRow",
    "figure_rows",
    "first_reply_delays",
    "install",
    "rebuild",
    "trigger_statements",
]
