"""Schema migrations: the head the app expects, models in step, and upgrading old workspaces."""

from __future__ import annotations

import json
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.store import db
from fluenzr_desktop.store.db import MIGRATIONS_DIR, SCHEMA_HEAD, make_engine, upgrade
from fluenzr_desktop.store.models import Base
from fluenzr_desktop.workspace import open_workspace


def _scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config)


def test_schema_head_is_the_newest_migration():
    scripts = _scripts()
    assert scripts.get_heads() == [SCHEMA_HEAD]
    every_revision = {script.revision for script in scripts.walk_revisions()}
    assert every_revision == set(db.KNOWN_REVISIONS)


def _migrated_engine(path):
    """A database built by running every Alembic migration (not by create_all)."""
    engine = make_engine(path)
    upgrade(engine)
    return engine


def test_the_migrated_schema_matches_the_models(tmp_path):
    engine = _migrated_engine(tmp_path / "migrated.db")
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def _schema(engine) -> dict[str, dict]:
    """Tables with their columns, keys, indexes and constraints, in comparable form."""
    with engine.connect() as connection:
        inspector = inspect(connection)
        return {
            table: {
                # Column order may differ (0002 appends status_reason); nothing relies on it.
                "columns": sorted(
                    (column["name"], str(column["type"]), column["nullable"])
                    for column in inspector.get_columns(table)
                ),
                "primary_key": inspector.get_pk_constraint(table)["constrained_columns"],
                "foreign_keys": sorted(
                    (
                        tuple(fk["constrained_columns"]),
                        fk["referred_table"],
                        tuple(fk["referred_columns"]),
                        (fk.get("options") or {}).get("ondelete"),
                    )
                    for fk in inspector.get_foreign_keys(table)
                ),
                "indexes": sorted(
                    (index["name"], tuple(index["column_names"]), bool(index["unique"]))
                    for index in inspector.get_indexes(table)
                ),
                "unique": sorted(
                    tuple(unique["column_names"])
                    for unique in inspector.get_unique_constraints(table)
                ),
            }
            for table in sorted(inspector.get_table_names())
        } | {
            # The statistics summary's views and triggers (store.stats_summary), by name and SQL.
            f"{kind} {name}": {"sql": " ".join(sql.split())}
            for kind, name, sql in connection.execute(
                text("SELECT type, name, sql FROM sqlite_master WHERE type IN ('view', 'trigger')")
            )
        }


def test_a_new_workspace_has_the_same_schema_as_a_migrated_one(workspace, tmp_path):
    migrated = _migrated_engine(tmp_path / "migrated.db")
    try:
        expected = _schema(migrated)
    finally:
        migrated.dispose()
    assert _schema(workspace.engine) == expected
    with workspace.engine.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version"))
        assert revision.scalar() == SCHEMA_HEAD


NOW = "2025-03-01 10:00:00"
DOCUMENT = {
    "version": 1,
    "settings": {"timezone": "Europe/Paris", "future_setting": {"x": 1}},
    "nodes": [
        {"id": "start", "type": "start"},
        {"id": "e1", "type": "email", "subject": "Bonjour {{firstName}}", "body": "Salut"},
        {"id": "end", "type": "end"},
    ],
    "edges": [{"from": "start", "to": "e1"}, {"from": "e1", "to": "end"}],
}


def _fill_revision_0001(path) -> None:
    """A workspace made by the first schema, holding one of everything (plain SQL)."""
    engine = make_engine(path)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            "0001"
        )
        connection.execute(
            text(
                "INSERT INTO accounts (id, name, email, options, created_at, signature)"
                " VALUES (1, 'Main', 'me@example.com', '{}', :now, '-- Me')"
            ),
            {"now": NOW},
        )
        for contact_id, email, first, custom in (
            (1, "alice@example.com", "Alice", {"LinkedIn": "in/alice", "Ville": "Lyon"}),
            (2, "bruno@example.fr", "Bruno", {}),
            (3, "chloe@example.org", "Chloé", {"Score": "42"}),
        ):
            connection.execute(
                text(
                    "INSERT INTO contacts (id, email, first_name, company, custom_fields,"
                    " created_at, updated_at) VALUES (:id, :email, :first, 'Société Générale',"
                    " :custom, :now, :now)"
                ),
                {
                    "id": contact_id,
                    "email": email,
                    "first": first,
                    "custom": json.dumps(custom),
                    "now": NOW,
                },
            )
        connection.execute(
            text(
                "INSERT INTO contact_tags (contact_id, tag) VALUES"
                " (1, 'vip'), (1, 'paris'), (3, 'salon-2025')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO campaigns (id, name, status, account_id, document,"
                " document_revision, created_at, updated_at)"
                " VALUES (1, 'Printemps', 'active', 1, :doc, 3, :now, :now)"
            ),
            {"doc": json.dumps(DOCUMENT), "now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO enrollments (id, campaign_id, contact_id, state, current_node,"
                " next_action_at, variants, created_at, updated_at) VALUES"
                " (1, 1, 1, 'in_progress', 'e1', '2025-03-02 09:00:00', '{}', :now, :now),"
                " (2, 1, 2, 'replied', 'e1', NULL, '{}', :now, :now)"
            ),
            {"now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO outbox_messages (enrollment_id, account_id, node_id, message_id,"
                " state, to_address, subject, attempts, created_at)"
                " VALUES (1, 1, 'e1', '<m1@example.com>', 'sent', 'alice@example.com',"
                " 'Bonjour Alice', 1, :now)"
            ),
            {"now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO events (kind, occurred_at, campaign_id, enrollment_id, contact_id,"
                " node_id, detail) VALUES"
                " ('sent', :now, 1, 1, 1, 'e1', '{}'),"
                " ('replied', :now, 1, 2, 2, 'e1', '{\"snippet\": \"Oui\"}')"
            ),
            {"now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO suppressions (value, kind, reason, created_at) VALUES"
                " ('no@example.com', 'address', 'asked', :now),"
                " ('competitor.com', 'domain', NULL, :now)"
            ),
            {"now": NOW},
        )
    engine.dispose()


SNAPSHOT_QUERIES = {
    "accounts": "SELECT id, name, email, signature FROM accounts ORDER BY id",
    "contacts": "SELECT id, email, first_name, company, custom_fields FROM contacts ORDER BY id",
    "contact_tags": "SELECT contact_id, tag FROM contact_tags ORDER BY contact_id, tag",
    "campaigns": "SELECT id, name, status, account_id, document, document_revision"
    " FROM campaigns ORDER BY id",
    "enrollments": "SELECT id, campaign_id, contact_id, state, current_node, next_action_at"
    " FROM enrollments ORDER BY id",
    "outbox_messages": "SELECT enrollment_id, message_id, state, subject FROM outbox_messages",
    "events": "SELECT kind, campaign_id, enrollment_id, contact_id, detail FROM events ORDER BY id",
    "suppressions": "SELECT value, kind, reason FROM suppressions ORDER BY value",
}


def _snapshot(path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(path)
    try:
        return {
            table: connection.execute(query).fetchall() for table, query in SNAPSHOT_QUERIES.items()
        }
    finally:
        connection.close()


def test_a_workspace_of_the_first_schema_opens_with_no_data_lost(workspace_dir):
    workspace_dir.mkdir()
    database = workspace_dir / "fluenzr.db"
    _fill_revision_0001(database)
    before = _snapshot(database)
    assert all(before.values()), "every table of the old workspace holds data"

    with open_workspace(workspace_dir) as workspace:
        with workspace.engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert revision.scalar() == SCHEMA_HEAD
            inspector = inspect(connection)
            assert "settings" in inspector.get_table_names()
            columns = {column["name"] for column in inspector.get_columns("campaigns")}
            assert "status_reason" in columns
            # Foreign keys still hold after the campaigns table was altered.
            assert connection.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        after = _snapshot(database)

    assert after == before
    # The JSON came through intact, unknown document fields included.
    assert json.loads(after["campaigns"][0][4]) == DOCUMENT
    assert json.loads(after["contacts"][0][4]) == {"LinkedIn": "in/alice", "Ville": "Lyon"}

    backups = list(workspace_dir.glob("*.bak"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    try:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
        assert "settings" not in tables
    finally:
        copy.close()
    assert _snapshot(backups[0]) == before


def test_the_migrated_workspace_works_through_the_models(workspace_dir):
    workspace_dir.mkdir()
    _fill_revision_0001(workspace_dir / "fluenzr.db")
    from fluenzr_desktop.store.campaigns import get_campaign, state_counts
    from fluenzr_desktop.store.contacts import find_contact
    from fluenzr_desktop.store.settings import get_setting, set_setting

    with open_workspace(workspace_dir) as workspace, workspace.session() as session:
        alice = find_contact(session, "ALICE@example.com")
        assert alice.tag_names == ["paris", "vip"]
        campaign = get_campaign(session, 1)
        assert campaign.status_reason is None
        assert state_counts(session, [1])[1]["replied"] == 1
        set_setting(session, "plan_daily_cap", "80")
        assert get_setting(session, "plan_daily_cap") == 80


def test_a_workspace_from_a_newer_app_is_refused_and_left_untouched(workspace_dir):
    workspace_dir.mkdir()
    database = workspace_dir / "fluenzr.db"
    engine = make_engine(database)
    upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0999'"))
        connection.execute(
            text(
                "INSERT INTO contacts (email, custom_fields, created_at, updated_at)"
                " VALUES ('future@example.com', '{}', :now, :now)"
            ),
            {"now": NOW},
        )
    engine.dispose()
    before = database.read_bytes()

    with pytest.raises(FluenzrError) as caught:
        open_workspace(workspace_dir)

    message = str(caught.value)
    assert str(database) in message
    assert "0999" in message
    assert "newer" in message
    assert "\n" not in message
    assert database.read_bytes() == before
    assert list(workspace_dir.glob("*.bak")) == []
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0999",)
        assert connection.execute("SELECT email FROM contacts").fetchall() == [
            ("future@example.com",)
        ]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert "settings" in tables  # nothing was dropped or re-created
    finally:
        connection.close()


def test_contacts_of_a_0005_workspace_are_found_without_their_accents(workspace_dir):
    from fluenzr_desktop.store.contacts import ContactQuery, list_contacts, query_ids

    workspace_dir.mkdir()
    engine = make_engine(workspace_dir / "fluenzr.db")
    upgrade(engine, "0005")
    with engine.begin() as connection:
        for contact_id, email, first, company in (
            (1, "eloise@acme.fr", "Éloïse", "Société Générale"),
            (2, "bob@acme.fr", "Bob", None),
            (7, "camille@acme.fr", None, "Crème & Co"),
        ):
            connection.execute(
                text(
                    "INSERT INTO contacts (id, email, first_name, company, custom_fields,"
                    " created_at, updated_at) VALUES (:id, :email, :first, :company, '{}',"
                    " :now, :now)"
                ),
                {"id": contact_id, "email": email, "first": first, "company": company, "now": NOW},
            )
    engine.dispose()

    with open_workspace(workspace_dir) as workspace:
        with workspace.session() as session:
            assert [c.email for c in list_contacts(session, search="eloise")] == ["eloise@acme.fr"]
            assert [c.email for c in list_contacts(session, search="societe generale")] == [
                "eloise@acme.fr"
            ]
        assert list(query_ids(workspace.engine, ContactQuery("creme"))) == [7]
        assert list(query_ids(workspace.engine, ContactQuery("BOB"))) == [2]
