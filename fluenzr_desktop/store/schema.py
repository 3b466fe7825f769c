"""The workspace tables in SQLAlchemy Core: the one definition of the schema.

The ORM classes in `models.py` are mapped onto these tables; bulk paths (CSV import,
the engine's tick) use them directly without importing the ORM (~80 ms at start-up).
All datetimes are stored in UTC as naive values (SQLite has no time zone type). They
come from the clock bound to the database handle (`with_clock`): the workspace's clock,
a forecast's virtual clock or a test's. A handle without a clock refuses to stamp.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

from ..domain.contacts import search_text_of
from ..domain.stats import Counts

# Stable constraint names so Alembic batch migrations can find them on SQLite.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


# The execution option that carries a handle's clock (see `with_clock`).
CLOCK_OPTION = "fluenzr_clock"


def with_clock(bind: Any, clock: Any) -> Any:
    """The same engine (or connection) whose stamps and `now_of` read `clock`."""
    return bind.execution_options(**{CLOCK_OPTION: clock})


def _clock(options: Any) -> Any:
    clock = options.get(CLOCK_OPTION)
    if clock is None:
        # A wall-clock fallback here is how domain times drifted from `--now` and tests.
        raise RuntimeError("this database handle has no clock (open it through the workspace)")
    return clock


def now_of(bind: Any) -> datetime:
    """The current time (naive UTC) of the clock bound to a session, connection or engine."""
    if hasattr(bind, "get_bind"):  # an ORM session
        bind = bind.get_bind()
    return _clock(bind.get_execution_options()).now()


def _stamp(context: Any) -> datetime:
    """Column default: the time of the clock bound to the statement's connection."""
    return _clock(context.execution_options).now()


def _created() -> Column:
    return Column("created_at", DateTime, nullable=False, default=_stamp)


def _updated() -> Column:
    return Column("updated_at", DateTime, nullable=False, default=_stamp, onupdate=_stamp)


accounts = Table(
    "accounts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("email", String(320), nullable=False),
    Column("from_name", String(200)),
    Column("reply_to", String(320)),
    Column("smtp_host", String(255)),
    Column("smtp_port", Integer),
    Column("smtp_security", String(16)),
    Column("imap_host", String(255)),
    Column("imap_port", Integer),
    Column("imap_security", String(16)),
    Column("username", String(320)),
    Column("daily_cap", Integer),
    Column("timezone", String(64)),
    Column("signature", Text),
    Column("options", JSON, nullable=False, default=dict),
    _created(),
    # When this account may send again (the random gap between two sends); 0003.
    Column("next_send_at", DateTime),
)


def _search_folded(context: Any) -> str:
    """Column default: the search text of the contact being inserted (ORM or Core)."""
    return search_text_of(context.get_current_parameters())


contacts = Table(
    "contacts",
    metadata,
    Column("id", Integer, primary_key=True),
    # Unique after trim + lower-case (domain.contacts.normalise_email).
    Column("email", String(320), nullable=False, unique=True),
    Column("first_name", String(200)),
    Column("last_name", String(200)),
    Column("company", String(200)),
    Column("title", String(200)),
    Column("phone", String(64)),
    Column("timezone", String(64)),
    Column("custom_fields", JSON, nullable=False, default=dict),
    _created(),
    _updated(),
    # The folded email, names and company (domain.contacts.contact_search_text) that
    # the one search matches: SQLite folds only ASCII case, so "eloise" finds "Éloïse"
    # only here. Inserts fill it by default; every update of those fields sets it too.
    Column("search_folded", Text, nullable=False, default=_search_folded, server_default=""),
)

contact_tags = Table(
    "contact_tags",
    metadata,
    Column(
        "contact_id",
        Integer,
        ForeignKey("contacts.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    # Indexed so `--tag` filters stay fast.
    Column("tag", String(100), primary_key=True, index=True),
)

campaigns = Table(
    "campaigns",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("status", String(16), nullable=False, default="draft", index=True),
    Column("account_id", Integer, ForeignKey("accounts.id", ondelete="SET NULL")),
    Column("document", JSON, nullable=False),
    Column("document_revision", Integer, nullable=False, default=1),
    _created(),
    _updated(),
    Column("status_reason", Text),  # added by migration 0002
)

enrollments = Table(
    "enrollments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "campaign_id",
        Integer,
        ForeignKey("campaigns.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column(
        "contact_id",
        Integer,
        ForeignKey("contacts.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("state", String(16), nullable=False, default="added"),
    Column("current_node", String(64)),
    # The engine's tick asks for `next_action_at <= now`; the index keeps its cost
    # proportional to the number of due contacts, not to the workspace size.
    Column("next_action_at", DateTime, index=True),
    Column("variants", JSON, nullable=False, default=dict),
    Column("thread_message_id", String(255)),
    Column("last_message_id", String(255)),
    Column("last_error", Text),
    _created(),
    _updated(),
    # Set while the contact waits in a delay node: the node is left once it passes; 0003.
    Column("waiting_until", DateTime),
    # Bumped by the engine's claim before each send (a conditional UPDATE on the version
    # it read): of two engines that read the same contact, only one sends; 0005.
    Column("version", Integer, nullable=False, default=1, server_default="1"),
    UniqueConstraint("campaign_id", "contact_id"),
    # Contacts of a campaign per state (and step, for errors) from the index alone; 0009.
    Index("ix_enrollments_campaign_state", "campaign_id", "state", "current_node"),
)

outbox_messages = Table(
    "outbox_messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "enrollment_id",
        Integer,
        ForeignKey("enrollments.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("account_id", Integer, ForeignKey("accounts.id", ondelete="SET NULL")),
    Column("node_id", String(64), nullable=False),
    Column("message_id", String(255), nullable=False, unique=True),
    Column("state", String(16), nullable=False, default="queued", index=True),
    Column("to_address", String(320), nullable=False),
    Column("subject", Text, nullable=False, default=""),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", DateTime),
    Column("last_error", Text),
    _created(),
    Column("sent_at", DateTime),
    # Caps count today's sends per campaign and per account; 0003.
    Column("campaign_id", Integer, ForeignKey("campaigns.id", ondelete="CASCADE")),
    # What the message carried for the tracking relay: a pixel, how many links; 0007.
    Column("track_opens", Boolean, nullable=False, default=False, server_default=false()),
    Column("tracked_links", Integer),
    # The A/B variant of its email node the message was composed from (None: none); 0009.
    Column("variant", String(16)),
    Index("ix_outbox_messages_campaign_id_sent_at", "campaign_id", "sent_at"),
    Index("ix_outbox_messages_account_id_sent_at", "account_id", "sent_at"),
    # Statistics count sent and tracked messages per step from this index alone; 0008.
    Index(
        "ix_outbox_messages_stats",
        "campaign_id",
        "state",
        "node_id",
        "track_opens",
        "tracked_links",
        "account_id",
        "sent_at",
    ),
    # Statistics attribute a reply to the latest sent message of its enrollment; 0008.
    Index("ix_outbox_messages_attribution", "enrollment_id", "state", "sent_at", "message_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("occurred_at", DateTime, nullable=False, default=_stamp, index=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id", ondelete="CASCADE")),
    Column("enrollment_id", Integer, ForeignKey("enrollments.id", ondelete="CASCADE"), index=True),
    Column("contact_id", Integer, ForeignKey("contacts.id", ondelete="CASCADE"), index=True),
    Column("node_id", String(64)),
    Column("message_id", String(255)),
    Column("detail", JSON, nullable=False, default=dict),
    Index("ix_events_campaign_id_kind", "campaign_id", "kind"),
    # Inbound mail is recorded under its own Message-ID: seen once, counted once; 0004.
    Index("ix_events_message_id", "message_id"),
    # A relay hit's id: pulled twice, recorded once; 0007.
    Column("source_id", String(96)),
    Index("ix_events_source_id", "source_id", unique=True),
    # Statistics count unique opens and clicks per step in index order; 0008.
    Index("ix_events_stats", "campaign_id", "kind", "node_id", "message_id", "occurred_at"),
)

# Statistics kept up to date by triggers (`store.stats_summary`); 0009. One row per sent
# message (or per inbound event no sent message explains), and their sums per campaign,
# step, account and A/B variant: a campaign's figures read a handful of rows, not its events.
FIGURE_COLUMNS = tuple(item.name for item in fields(Counts) if item.name != "errors")


def _figure_columns() -> list[Column]:
    return [
        Column(name, Integer, nullable=False, default=0, server_default="0")
        for name in FIGURE_COLUMNS
    ]


message_figures = Table(
    "message_figures",
    metadata,
    Column("id", Integer, primary_key=True),
    # A sent message's Message-ID, or "event:<id>" for an inbound event of no message.
    Column("message_key", String(255), nullable=False, unique=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id", ondelete="CASCADE")),
    Column("enrollment_id", Integer, ForeignKey("enrollments.id", ondelete="CASCADE")),
    Column("node_id", String(64)),
    Column("account_id", Integer),
    Column("variant", String(16)),
    # Seconds from the contact's first email to its first reply, on the row that reply is
    # attributed to (NULL on every other row): the median time to first reply.
    Column("first_reply_seconds", Float),
    *_figure_columns(),
    Index("ix_message_figures_enrollment_id", "enrollment_id"),
    Index(
        "ix_message_figures_first_reply",
        "campaign_id",
        "first_reply_seconds",
        "node_id",
        "account_id",
    ),
)

campaign_figures = Table(
    "campaign_figures",
    metadata,
    Column(
        "campaign_id",
        Integer,
        ForeignKey("campaigns.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    # "", 0 and "" stand for no step, account or variant (a key column cannot be NULL).
    Column("node_key", String(64), primary_key=True),
    Column("account_key", Integer, primary_key=True),
    Column("variant_key", String(16), primary_key=True),
    *_figure_columns(),
)

# How far each tracking relay has been read (the id of its last hit); 0007.
relay_cursors = Table(
    "relay_cursors",
    metadata,
    Column("relay_url", String(2048), primary_key=True),
    Column("cursor", Integer, nullable=False, default=0, server_default="0"),
    Column("pulled_at", DateTime),
    # The relay database the cursor counts in (its ids restart in a new one).
    Column("instance", String(64)),
)

suppressions = Table(
    "suppressions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("value", String(320), nullable=False, unique=True),
    Column("kind", String(16), nullable=False, default="address"),
    Column("reason", Text),
    _created(),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", JSON, nullable=True),  # as migration 0002 made it
    _updated(),
)

# Where the inbox watcher stands in each IMAP folder of an account; 0004.
inbox_folders = Table(
    "inbox_folders",
    metadata,
    Column(
        "account_id",
        Integer,
        ForeignKey("accounts.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("folder", String(255), primary_key=True),
    Column("uidvalidity", Integer, nullable=False),
    Column("last_uid", Integer, nullable=False),
    Column("last_sync_at", DateTime),
)

# Outgoing webhooks (Standard Webhooks 1.0); 0010. An endpoint's signing secret lives in
# the keyring (store.secrets, entry "webhook:<id>"), never here.
webhook_endpoints = Table(
    "webhook_endpoints",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", String(2048), nullable=False),
    Column("description", String(200)),
    # Webhook event types it receives ([] = every type) and campaign ids ([] = every campaign).
    Column("event_types", JSON, nullable=False, default=list),
    Column("campaign_ids", JSON, nullable=False, default=list),
    Column("enabled", Boolean, nullable=False, default=True, server_default="1"),
    # Why delivery stopped (410 Gone, every retry failed), shown in the window and the CLI.
    Column("disabled_reason", String(300)),
    # Until then the previous secret signs too (key rotation: two space-separated signatures).
    Column("previous_secret_until", DateTime),
    _created(),
    _updated(),
)

# The persisted delivery queue: one row per (event, endpoint); a row outlives the app.
# `webhook_id` and `body` are fixed when the row is made, so every retry sends the
# same bytes under the same id (the receiver's idempotency key).
webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "endpoint_id",
        Integer,
        ForeignKey("webhook_endpoints.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("webhook_id", String(64), nullable=False),
    Column("event_type", String(64), nullable=False),
    # The events row it tells of (none for test.ping); no foreign key: the log outlives it.
    Column("event_id", Integer),
    Column("body", Text, nullable=False),
    # pending → delivering → delivered | failed (every retry used) | cancelled (endpoint gone)
    Column("state", String(16), nullable=False, default="pending"),
    Column("attempts", Integer, nullable=False, default=0, server_default="0"),
    Column("next_attempt_at", DateTime, nullable=False),
    Column("last_attempt_at", DateTime),
    Column("last_status", Integer),
    Column("last_response", String(1000)),
    Column("last_error", String(300)),
    Column("delivered_at", DateTime),
    _created(),
    # The head of an endpoint's queue (its oldest pending row), found from the index.
    Index("ix_webhook_deliveries_queue", "endpoint_id", "state", "id"),
)
