"""A small world for engine tests: workspace, real SMTP server, account, campaign, clock."""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field
from datetime import datetime

import pytest
from sqlalchemy import select

from fluenzr_desktop.domain.clock import ManualClock
from fluenzr_desktop.domain.workflow import default_settings
from fluenzr_desktop.engine.connections import Connections
from fluenzr_desktop.engine.service import EngineService
from fluenzr_desktop.store.accounts import add_account
from fluenzr_desktop.store.campaigns import change_status, create_campaign, enroll
from fluenzr_desktop.store.csv_io import import_contacts
from fluenzr_desktop.store.models import Campaign, Contact, Enrollment, OutboxMessage
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401
from tests.fixtures.smtp_server import (  # noqa: F401
    smtp_auth_server,
    smtp_certificate,
    smtp_server,
    smtp_server_factory,
    smtp_starttls_server,
)
from tests.timing import WEDNESDAY, next_weekday_at

ALWAYS_OPEN = {"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "start": "00:00",
               "end": "23:59"}  # fmt: skip


def linear(*steps: dict, **settings) -> dict:
    """A document Start → steps… → End; each step a node dict without id (ids s1, s2…)."""
    nodes = [{"id": "start", "type": "start"}]
    for index, step in enumerate(steps, 1):
        nodes.append({"id": step.pop("id", f"s{index}"), **step})
    nodes.append({"id": "end", "type": "end"})
    edges = [{"from": a["id"], "to": b["id"]} for a, b in itertools.pairwise(nodes)]
    document_settings = default_settings()
    document_settings.update({"window": ALWAYS_OPEN, "gap_seconds": [0, 0], "daily_cap": 1000})
    document_settings.update(settings)
    return {"version": 1, "settings": document_settings, "nodes": nodes, "edges": edges}


def email(subject: str = "Hello {{firstName}}", body: str = "Hi {{firstName}}", **extra) -> dict:
    return {"type": "email", "subject": subject, "body": body, **extra}


def delay(amount: float, unit: str = "days", **extra) -> dict:
    return {"type": "delay", "amount": amount, "unit": unit, **extra}


@dataclass
class World:
    """Everything one engine test touches."""

    workspace: object
    server: object
    clock: ManualClock
    service: EngineService
    account_id: int
    campaigns: list[int] = field(default_factory=list)

    def tick(self):
        return self.service.tick()

    def received_by(self, address: str) -> list:
        return [m for m in self.server.messages if address in m.rcpt_tos]

    def enrollment(self, address: str, campaign_id: int | None = None) -> Enrollment:
        with self.workspace.sessions() as session:
            statement = (
                select(Enrollment)
                .join(Contact, Contact.id == Enrollment.contact_id)
                .where(Contact.email == address)
            )
            if campaign_id is not None:
                statement = statement.where(Enrollment.campaign_id == campaign_id)
            return session.scalars(statement).one()

    def campaign(self, campaign_id: int | None = None) -> Campaign:
        with self.workspace.sessions() as session:
            return session.get(Campaign, campaign_id or self.campaigns[0])

    def outbox(self) -> list[OutboxMessage]:
        with self.workspace.sessions() as session:
            return list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))

    def add_contacts(self, rows: list[str], tag: str | None = None) -> None:
        path = self.workspace.root / f"contacts-{len(rows)}-{tag}.csv"
        path.write_text("email,first name,company\n" + "\n".join(rows) + "\n", encoding="utf-8")
        import_contacts(self.workspace.engine, path, tags=[tag] if tag else [])

    def new_campaign(self, document: dict, emails: list[str] | None = None, activate=True) -> int:
        with self.workspace.session() as session:
            campaign = create_campaign(session, "Test", document, self.account_id)
            query = select(Contact)
            if emails is not None:
                query = query.where(Contact.email.in_(emails))
            enroll(session, campaign, list(session.scalars(query)))
            if activate:
                change_status(session, campaign, "activate")
            campaign_id = campaign.id
        self.campaigns.append(campaign_id)
        return campaign_id


@pytest.fixture
def make_world(workspace, memory_keyring, smtp_server_factory):  # noqa: F811
    """Build a world: `make_world(security="none", auth=True, daily_cap=None)`."""
    worlds: list[World] = []

    def build(*, security: str = "none", auth: bool = True, daily_cap=None,
              start: datetime | None = None, timezone: str | None = None,
              server=None) -> World:  # fmt: skip
        server = server or smtp_server_factory(security=security, auth=auth)
        # Next Wednesday, 10:00 in Paris, unless the test says otherwise; the workspace
        # and its engine share this clock, as `--now` makes them share one.
        clock = ManualClock(start or next_weekday_at(WEDNESDAY, 10))
        workspace.clock = clock
        with workspace.session() as session:
            account = add_account(
                session,
                name="Founder",
                email="founder@startup.io",
                from_name="Zoë Founder",
                smtp_host=server.host,
                smtp_port=server.port,
                smtp_security=security,
                username="founder",
                daily_cap=daily_cap,
                timezone=timezone,
                signature="-- \nZoë, Startup",
            )
            account_id = account.id
        secrets = workspace.secret_store()
        secrets.set_password(account_id, "s3cret!")
        service = EngineService(
            workspace,
            connections=Connections(secrets, ssl_context=server.client_context),
            rng=random.Random(7),
        )
        world = World(workspace, server, clock, service, account_id)
        worlds.append(world)
        return world

    yield build
    for world in worlds:
        world.service.stop()


# The mailroom (an account with a real IMAP inbox) and the Dovecot behind it.
from tests.fixtures.dovecot import dovecot_server  # noqa: E402, F401

from .inbox_world import mailroom  # noqa: E402, F401
