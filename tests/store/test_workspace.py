"""The workspace folder: what opening it creates, its SQLite settings, which folder, bad files."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.store.contacts import count_contacts
from fluenzr_desktop.store.models import Contact
from fluenzr_desktop.workspace import (
    ENVIRONMENT_VARIABLE,
    open_workspace,
    resolve_workspace_dir,
)


def test_opening_a_new_folder_creates_the_database_and_the_logs(tmp_path):
    root = tmp_path / "nested" / "workspace"
    with open_workspace(root) as workspace:
        assert workspace.root == root
        assert (root / "fluenzr.db").is_file()
        assert (root / "logs").is_dir()
        with workspace.engine.connect() as connection:
            tables = set(
                connection.execute(
                    text("SELECT name FROM sqlite_master WHERE type = 'table'")
                ).scalars()
            )
    assert {"contacts", "campaigns", "enrollments", "events", "suppressions"} <= tables


def test_every_connection_uses_wal_foreign_keys_and_a_busy_timeout(workspace):
    with workspace.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() > 0


def test_a_foreign_key_violation_is_refused(workspace):
    with pytest.raises(IntegrityError), workspace.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO contact_tags (contact_id, tag) VALUES (:id, 'orphan')"),
            {"id": 424242},
        )
    with workspace.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM contact_tags")).scalar() == 0


def test_data_survives_closing_and_reopening_without_a_backup(workspace_dir):
    with open_workspace(workspace_dir) as workspace, workspace.session() as session:
        session.add(Contact(email="keep@example.com", custom_fields={}))
    with open_workspace(workspace_dir) as workspace, workspace.session() as session:
        assert count_contacts(session) == 1
    # Already at the newest schema: no migration, so no backup copy either.
    assert list(workspace_dir.glob("*.bak")) == []


def test_the_explicit_folder_wins_over_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(tmp_path / "from-env"))
    assert resolve_workspace_dir(tmp_path / "explicit") == tmp_path / "explicit"
    with open_workspace(tmp_path / "explicit"):
        pass
    assert (tmp_path / "explicit" / "fluenzr.db").is_file()
    assert not (tmp_path / "from-env").exists()


def test_the_environment_variable_is_used_without_an_explicit_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(tmp_path / "from-env"))
    with open_workspace() as workspace:
        assert workspace.root == tmp_path / "from-env"
    assert (tmp_path / "from-env" / "fluenzr.db").is_file()


def test_without_folder_or_variable_the_user_data_folder_is_used():
    data_home = Path(os.environ["XDG_DATA_HOME"])
    with open_workspace() as workspace:
        root = workspace.root
    assert root.is_relative_to(data_home)
    assert (root / "fluenzr.db").is_file()


def test_a_path_that_is_a_file_is_refused(tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("not a folder")
    with pytest.raises(FluenzrError, match="not a folder") as caught:
        open_workspace(target)
    assert str(target) in str(caught.value)
    assert target.read_text() == "not a folder"


def _assert_one_line_naming(error: FluenzrError, path: Path) -> None:
    message = str(error)
    assert str(path) in message
    assert "\n" not in message


def test_a_sqlite_file_of_another_application_is_refused_and_left_alone(workspace_dir):
    workspace_dir.mkdir()
    database = workspace_dir / "fluenzr.db"
    connection = sqlite3.connect(database)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.execute("INSERT INTO recipes VALUES ('crêpes')")
    connection.commit()
    connection.close()
    before = database.read_bytes()

    with pytest.raises(FluenzrError, match="not a FluenzR workspace") as caught:
        open_workspace(workspace_dir)

    _assert_one_line_naming(caught.value, database)
    assert database.read_bytes() == before
    assert list(workspace_dir.glob("*.bak")) == []


def test_a_garbage_database_file_is_refused_with_one_line(workspace_dir):
    workspace_dir.mkdir()
    database = workspace_dir / "fluenzr.db"
    garbage = b"this is not SQLite at all\n" * 200
    database.write_bytes(garbage)
    backup = workspace_dir / "fluenzr.db.0004.20250101T000000000000Z.bak"
    backup.write_bytes(b"")

    for check in (False, True):
        with pytest.raises(FluenzrError) as caught:
            open_workspace(workspace_dir, check=check)
        _assert_one_line_naming(caught.value, database)
        assert "not an SQLite database" in str(caught.value)
        assert backup.name in str(caught.value)
    assert database.read_bytes() == garbage
    assert sorted(p.name for p in workspace_dir.iterdir()) == [
        "fluenzr.db",
        backup.name,
        "logs",
    ]
