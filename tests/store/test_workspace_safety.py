"""A workspace in trouble: an empty or damaged file, a read-only folder, loose permissions.

Every case uses real files on disk (truncated, overwritten, chmod-ed); each refusal is one
line naming the file, and nothing is created over, or written into, what is there.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import stat
import threading
from pathlib import Path

import pytest
from sqlalchemy import select, text

from fluenzr_desktop import workspace as workspace_module
from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.store import db
from fluenzr_desktop.store.csv_io import import_contacts
from fluenzr_desktop.store.db import DamagedWorkspace, ReadOnlyWorkspace, make_engine, upgrade
from fluenzr_desktop.store.models import Contact
from fluenzr_desktop.store.schema import contacts
from fluenzr_desktop.store.settings import get_setting, set_setting
from fluenzr_desktop.workspace import READ_ONLY_VARIABLE, check_workspace, open_workspace

CONTACTS = 5000
PAGE = 4096
BACKUP_NAME = "fluenzr.db.0004.20250101T120000000000Z.bak"


def _one_line_naming(error: BaseException, *names: object) -> str:
    message = str(error)
    assert "\n" not in message, message
    for name in names:
        assert str(name) in message, (name, message)
    return message


def fill_workspace(root: Path, count: int = CONTACTS) -> Path:
    """A closed workspace holding `count` contacts; returns its database."""
    rows = "".join(f"p{i}@example.com,Name{i}\n" for i in range(count))
    source = root.parent / f"{root.name}-contacts.csv"
    source.write_text("email,first name\n" + rows, encoding="utf-8")
    with open_workspace(root) as workspace:
        assert import_contacts(workspace.engine, source).imported == count
    database = root / "fluenzr.db"
    assert not database.with_name("fluenzr.db-wal").exists()  # checkpointed on close
    return database


def damage_pages(database: Path) -> None:
    """Overwrite part of every page in the middle third of the file (never page 1)."""
    pages = database.stat().st_size // PAGE
    assert pages > 30
    with database.open("r+b") as handle:
        for page in range(pages // 3, pages * 2 // 3):
            handle.seek(page * PAGE + 100)
            handle.write(b"\xff" * 1000)
    assert database.read_bytes()[:16] == b"SQLite format 3\x00"


def damaged_workspace(root: Path) -> Path:
    """A workspace with a sound backup beside it, then damaged; returns its database."""
    database = fill_workspace(root)
    shutil.copy(database, root / BACKUP_NAME)
    damage_pages(database)
    return database


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- An empty file ------------------------------------------------------------------------------


def test_an_empty_database_file_is_refused_naming_it_and_the_newest_backup(workspace_dir):
    database = fill_workspace(workspace_dir)
    older = workspace_dir / "fluenzr.db.0003.20240101T000000000000Z.bak"
    shutil.copy(database, older)
    shutil.copy(database, workspace_dir / BACKUP_NAME)
    os.utime(older, (4_000_000_000, 4_000_000_000))  # the name's time wins over the file's
    database.write_bytes(b"")  # a failed sync, a full disk

    with pytest.raises(FluenzrError) as caught:
        open_workspace(workspace_dir)

    message = _one_line_naming(caught.value, database, BACKUP_NAME)
    assert "empty (0 bytes" in message
    assert "over fluenzr.db while the app is closed" in message
    assert "20240101" not in message
    assert database.stat().st_size == 0  # not made into a new, empty workspace
    assert sorted(p.name for p in workspace_dir.glob("fluenzr.db*")) == sorted(
        ["fluenzr.db", older.name, BACKUP_NAME]
    )


def test_an_empty_database_file_without_backups_says_so(workspace_dir):
    workspace_dir.mkdir()
    database = workspace_dir / "fluenzr.db"
    database.touch()

    for check in (False, True):
        with pytest.raises(FluenzrError) as caught:
            open_workspace(workspace_dir, check=check)
        message = _one_line_naming(caught.value, database, "empty")
        assert "no backup (fluenzr.db.*.bak)" in message
    assert database.stat().st_size == 0


def test_an_sqlite_file_without_any_table_is_not_taken_over(workspace_dir):
    workspace_dir.mkdir()
    database = workspace_dir / "fluenzr.db"
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA user_version = 7")  # writes the header, no table
    connection.close()
    before = database.read_bytes()

    with pytest.raises(FluenzrError) as caught:
        open_workspace(workspace_dir)

    _one_line_naming(caught.value, database, "not a FluenzR workspace")
    assert database.read_bytes() == before


def test_a_new_database_is_never_made_over_a_file_that_appeared_meanwhile(tmp_path):
    database = tmp_path / "fluenzr.db"
    database.write_bytes(b"someone else's bytes")

    db.create_new(database)  # as if another process made the file after our check

    assert database.read_bytes() == b"someone else's bytes"
    assert [p.name for p in tmp_path.iterdir()] == ["fluenzr.db"]  # no temporary file left


def test_workspaces_opened_at_once_on_a_new_folder_all_open_the_same_database(workspace_dir):
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def open_one() -> None:
        try:
            start.wait()
            with open_workspace(workspace_dir) as opened, opened.engine.connect() as connection:
                connection.execute(select(contacts.c.id)).all()
        except BaseException as error:  # the test reports them all
            errors.append(error)

    threads = [threading.Thread(target=open_one) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    names = {p.name for p in workspace_dir.iterdir()} - {"fluenzr.db-wal", "fluenzr.db-shm"}
    assert names == {"fluenzr.db", "logs"}
    assert db.current_revision(workspace_dir / "fluenzr.db") == db.SCHEMA_HEAD


# --- A damaged file -----------------------------------------------------------------------------


def test_opening_for_the_engine_refuses_a_damaged_database_in_one_line(workspace_dir):
    database = damaged_workspace(workspace_dir)
    before = database.read_bytes()

    with pytest.raises(DamagedWorkspace) as caught:
        open_workspace(workspace_dir, check=True)

    message = _one_line_naming(
        caught.value, database, "damaged", f"fluenzr workspace check --workspace {workspace_dir}"
    )
    assert f"copy the newest backup beside it ({BACKUP_NAME}) over fluenzr.db" in message
    assert database.read_bytes() == before


def test_a_sound_workspace_passes_the_check(workspace_dir):
    fill_workspace(workspace_dir, count=50)
    with open_workspace(workspace_dir, check=True) as workspace, workspace.session() as session:
        assert session.query(Contact).count() == 50


def test_a_query_meeting_a_damaged_page_raises_one_line_instead_of_sql(workspace_dir):
    database = damaged_workspace(workspace_dir)

    with open_workspace(workspace_dir) as workspace:  # the first page is sound: it opens
        with pytest.raises(DamagedWorkspace) as caught, workspace.engine.connect() as connection:
            connection.execute(select(contacts.c.email, contacts.c.first_name)).all()
        message = _one_line_naming(caught.value, database, "malformed", BACKUP_NAME)
        assert "SELECT" not in message

        with pytest.raises(DamagedWorkspace), workspace.session() as session:
            session.query(Contact).filter(Contact.first_name == "Name2999").all()


def test_damage_met_by_the_sqlite_driver_itself_is_translated_on_leaving_the_workspace(
    workspace_dir,
):
    database = damaged_workspace(workspace_dir)

    with pytest.raises(DamagedWorkspace) as caught, open_workspace(workspace_dir) as workspace:
        raw = sqlite3.connect(workspace.database_path)
        try:
            raw.execute("SELECT * FROM contacts WHERE first_name = 'x'").fetchall()
        finally:
            raw.close()

    _one_line_naming(caught.value, database, "damaged")


def test_check_workspace_lists_the_problems_and_the_backups(workspace_dir):
    database = damaged_workspace(workspace_dir)

    report = check_workspace(workspace_dir)

    assert not report.ok
    assert report.database == database
    assert len(report.problems) > 1
    assert all("\n" not in problem for problem in report.problems)
    assert not any(problem.startswith("***") for problem in report.problems)
    assert [backup.path.name for backup in report.backups] == [BACKUP_NAME]
    assert report.backups[0].size == (workspace_dir / BACKUP_NAME).stat().st_size


def test_check_workspace_never_creates_a_workspace(tmp_path):
    with pytest.raises(FluenzrError, match="no workspace here"):
        check_workspace(tmp_path / "nothing")
    assert not (tmp_path / "nothing").exists()


# --- A read-only workspace ----------------------------------------------------------------------


@pytest.fixture
def filled(workspace_dir) -> Path:
    """A closed workspace of 50 contacts whose files are all older than the test."""
    database = fill_workspace(workspace_dir, count=50)
    shutil.rmtree(workspace_dir / "logs")
    return database


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() if p.is_file() else b"<dir>"
        for p in sorted(root.rglob("*"))
    }


def test_a_forced_read_only_workspace_reads_and_refuses_writes_in_one_line(
    filled, workspace_dir, monkeypatch
):
    monkeypatch.setenv(READ_ONLY_VARIABLE, "1")
    before = _snapshot(workspace_dir)

    with open_workspace(workspace_dir) as workspace:
        assert workspace.read_only
        with workspace.session() as session:
            assert session.query(Contact).count() == 50
            assert get_setting(session, "plan_daily_cap") == 50
        with pytest.raises(ReadOnlyWorkspace) as caught, workspace.session() as session:
            set_setting(session, "plan_daily_cap", "40")
        message = _one_line_naming(caught.value, f"the workspace {workspace_dir} is read-only")
        assert "(a mounted backup?)" in message
        with pytest.raises(ReadOnlyWorkspace):
            import_contacts(workspace.engine, filled.parent.parent / "workspace-contacts.csv")
        with pytest.raises(ReadOnlyWorkspace, match=r"unsubscribe\.key"):
            _ = workspace.unsubscribe_secret

    # No log, no key, no backup: nothing beside the database changed (SQLite's own
    # -wal/-shm aside, which a read-only connection may leave empty in a writable folder).
    after = {k: v for k, v in _snapshot(workspace_dir).items() if not k.endswith(("-wal", "-shm"))}
    assert after == before


def test_a_folder_the_user_cannot_write_opens_read_only_without_logs(
    filled, workspace_dir, monkeypatch
):
    monkeypatch.setattr(workspace_module, "_writable", lambda path: False)
    # As root, permission bits do not stop SQLite: the folder reads as not writable,
    # the way a read-only mount does (where `immutable=1` is what lets SQLite read).
    monkeypatch.setattr(db.os, "access", lambda path, mode: False)

    with open_workspace(workspace_dir) as workspace:
        assert workspace.read_only
        with workspace.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM contacts")).scalar() == 50
        with pytest.raises(ReadOnlyWorkspace), workspace.engine.begin() as connection:
            connection.execute(text("DELETE FROM contacts"))
    assert not (workspace_dir / "logs").exists()
    assert "immutable=1" in db.read_only_uri(filled)


def test_a_read_only_workspace_of_an_older_schema_is_refused_untouched(workspace_dir, monkeypatch):
    workspace_dir.mkdir()
    database = workspace_dir / "fluenzr.db"
    engine = make_engine(database)
    upgrade(engine, "0003")
    engine.dispose()
    before = database.read_bytes()
    monkeypatch.setenv(READ_ONLY_VARIABLE, "1")

    with pytest.raises(FluenzrError) as caught:
        open_workspace(workspace_dir)

    message = _one_line_naming(caught.value, database, "0003")
    assert "older version" in message and "open it writable once to upgrade" in message
    assert database.read_bytes() == before
    assert list(workspace_dir.glob("*.bak")) == []
    assert not (workspace_dir / "logs").exists()


def test_a_read_only_folder_without_a_database_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv(READ_ONLY_VARIABLE, "1")
    with pytest.raises(ReadOnlyWorkspace) as caught:
        open_workspace(tmp_path / "new")
    _one_line_naming(caught.value, tmp_path / "new", "read-only")
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("blocker", ["logs is a file", "the log is a folder"])
def test_a_log_file_that_cannot_be_opened_is_not_an_error(workspace_dir, blocker):
    workspace_dir.mkdir()
    if blocker == "logs is a file":
        (workspace_dir / "logs").write_text("not a folder")
    else:
        (workspace_dir / "logs" / "fluenzr.log").mkdir(parents=True)

    with open_workspace(workspace_dir) as workspace, workspace.session() as session:
        logging.getLogger("fluenzr_desktop.test").warning("goes nowhere")
        assert session.query(Contact).count() == 0
    assert (workspace_dir / "fluenzr.db").is_file()


# --- Permissions --------------------------------------------------------------------------------

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


@posix_only
def test_a_new_workspace_is_readable_by_its_owner_only(tmp_path):
    previous = os.umask(0o022)
    try:
        root = tmp_path / "new"
        with open_workspace(root) as workspace, workspace.session() as session:
            session.add(Contact(email="ann@example.com", custom_fields={}))
            session.flush()
            logging.getLogger("fluenzr_desktop.test").warning("a line in the log")
            assert workspace.unsubscribe_secret
            modes = {
                path.name: _mode(path)
                for path in [root, *root.iterdir(), *(root / "logs").iterdir()]
            }
    finally:
        os.umask(previous)
    assert modes == {
        "new": 0o700,
        "fluenzr.db": 0o600,
        "fluenzr.db-wal": 0o600,
        "fluenzr.db-shm": 0o600,
        "logs": 0o700,
        "fluenzr.log": 0o600,
        "unsubscribe.key": 0o600,
    }


@posix_only
def test_a_rotated_log_file_stays_private(workspace_dir):
    with open_workspace(workspace_dir) as workspace:
        handler = workspace._log_handler
        handler.doRollover()
    logs = sorted((workspace_dir / "logs").iterdir())
    assert [p.name for p in logs] == ["fluenzr.log", "fluenzr.log.1"]
    assert {_mode(p) for p in logs} == {0o600}


@posix_only
def test_a_migration_backup_is_private(workspace_dir):
    workspace_dir.mkdir(mode=0o700)
    engine = make_engine(workspace_dir / "fluenzr.db")
    upgrade(engine, "0003")
    engine.dispose()
    with open_workspace(workspace_dir):
        pass
    (backup,) = workspace_dir.glob("fluenzr.db.0003.*.bak")
    assert _mode(backup) == 0o600


@posix_only
def test_opening_an_existing_workspace_writable_tightens_its_permissions(
    filled, workspace_dir, monkeypatch
):
    (workspace_dir / "logs").mkdir()
    loose = {
        workspace_dir: 0o755,
        workspace_dir / "logs": 0o755,
        workspace_dir / "logs" / "fluenzr.log": 0o644,
        workspace_dir / "logs" / "fluenzr.log.1": 0o644,
        filled: 0o644,
        workspace_dir / BACKUP_NAME: 0o644,
        workspace_dir / "unsubscribe.key": 0o644,
        workspace_dir / "secrets.cfg": 0o644,
    }
    for path, mode in loose.items():
        if not path.exists():
            path.write_bytes(b"x")
        os.chmod(path, mode)
    notes = workspace_dir / "notes.txt"  # not the app's: left as it is
    notes.write_text("mine")
    os.chmod(notes, 0o644)

    monkeypatch.setenv(READ_ONLY_VARIABLE, "1")
    with open_workspace(workspace_dir):  # read-only: nothing is changed
        pass
    assert {path: _mode(path) for path in loose} == loose

    monkeypatch.delenv(READ_ONLY_VARIABLE)
    with open_workspace(workspace_dir):
        pass

    expected = {path: 0o700 if path.is_dir() else 0o600 for path in loose}
    assert {path: _mode(path) for path in loose} == expected
    assert _mode(notes) == 0o644


def test_a_damaged_workspace_of_an_older_schema_is_not_migrated(workspace_dir):
    workspace_dir.mkdir()
    database = workspace_dir / "fluenzr.db"
    engine = make_engine(database)
    upgrade(engine, "0003")
    engine.dispose()
    connection = sqlite3.connect(database)
    connection.executemany(
        "INSERT INTO contacts (email, first_name, custom_fields, created_at, updated_at)"
        " VALUES (?, ?, '{}', '2025-01-01 00:00:00', '2025-01-01 00:00:00')",
        [(f"p{i}@example.com", f"Name{i}") for i in range(CONTACTS)],
    )
    connection.commit()
    connection.close()
    damage_pages(database)
    before = database.read_bytes()

    with pytest.raises(DamagedWorkspace) as caught:
        open_workspace(workspace_dir)

    _one_line_naming(caught.value, database, "damaged")
    assert database.read_bytes() == before
    assert list(workspace_dir.glob("*.bak")) == []  # no backup of a damaged file either
    assert db.current_revision(database) == "0003"
