"""Status changes recorded as events by triggers: whoever writes a status, it is told once.

A campaign's status and a contact's state in a campaign change in many places (the
user's verbs, the engine's pauses and completions, the inbox, a simulation). Rather than
one event call at each of them, an SQLite trigger records every change as an `events`
row, which outgoing webhooks (`campaign.status_changed`, `lead.status_changed`) and the
API's event feed read like any other event:

- `campaign_status`: campaign_id, detail {"from", "to", "reason"};
- `lead_status`: campaign, enrollment, contact and current node, detail {"from", "to",
  "reason"} (the contact's last error, for Error).

The time is the row's `updated_at`, stamped by the workspace's clock on every update
(schema `_updated`), so the event has the one clock's time. A migration that rebuilds
`campaigns` or `enrollments` drops these triggers and must call `install` again.
"""

from __future__ import annotations

from sqlalchemy import Connection

CAMPAIGN_STATUS_EVENT = "campaign_status"
LEAD_STATUS_EVENT = "lead_status"
STATUS_EVENTS = (CAMPAIGN_STATUS_EVENT, LEAD_STATUS_EVENT)

TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS campaign_status_event AFTER UPDATE OF status ON campaigns "
    "WHEN OLD.status IS NOT NEW.status BEGIN "
    "INSERT INTO events (kind, occurred_at, campaign_id, detail) VALUES "
    f"('{CAMPAIGN_STATUS_EVENT}', NEW.updated_at, NEW.id, "
    "json_object('from', OLD.status, 'to', NEW.status, 'reason', NEW.status_reason)); END",
    "CREATE TRIGGER IF NOT EXISTS lead_status_event AFTER UPDATE OF state ON enrollments "
    "WHEN OLD.state IS NOT NEW.state BEGIN "
    "INSERT INTO events (kind, occurred_at, campaign_id, enrollment_id, contact_id, node_id, "
    f"detail) VALUES ('{LEAD_STATUS_EVENT}', NEW.updated_at, NEW.campaign_id, NEW.id, "
    "NEW.contact_id, NEW.current_node, "
    "json_object('from', OLD.state, 'to', NEW.state, 'reason', NEW.last_error)); END",
)


def install(connection: Connection) -> None:
    """Create the triggers (idempotent)."""
    for statement in TRIGGERS:
        connection.exec_driver_sql(statement)
