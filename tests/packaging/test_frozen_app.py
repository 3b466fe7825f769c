"""The frozen app, installed from its .deb, starts, finds its keyring, migrates and sends.

`packaging/linux/build.sh --fast` builds the PyInstaller folder, the .tar.gz and the .deb
once per session into build/frozen-test/, and that build is reused by later sessions while
a fingerprint of what goes into it (our sources and resources, the recipes, the installed
packages, the Python) is unchanged; a fresh clone (CI) always builds. The .deb is unpacked
into a throw-away root (`dpkg-deb -x`) and its executables run as separate processes, as
a user would run them: what freezing usually loses (keyring backends found through entry
points, Alembic's scripts, Qt's plugins, translations, tzdata) shows up here.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest
from sqlalchemy import text

from fluenzr_desktop import __version__
from fluenzr_desktop.store.db import SCHEMA_HEAD, backups_of, make_engine, upgrade
from tests.fixtures.smtp_server import (  # noqa: F401  (fixtures)
    SMTP_PASSWORD,
    SMTP_USER,
    smtp_certificate,
    smtp_server_factory,
)

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "build" / "frozen-test"
# What goes into the bundle: a change to any of these makes the next session build again.
BUILD_INPUTS = (
    "fluenzr_desktop",
    "fluenzr_relay",
    "resources",
    "packaging/fluenzr.spec",
    "packaging/linux",
    "pyproject.toml",
    "Makefile",
)

# The whole module: one build (about 2 minutes on two cores), then each test runs the
# frozen programs for a few seconds.
pytestmark = [pytest.mark.heavy, pytest.mark.timeout(900)]


def _fingerprint() -> str:
    digest = hashlib.sha256(sys.version.encode())
    for name in BUILD_INPUTS:
        path = ROOT / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts and file.suffix != ".pyc":
                digest.update(str(file.relative_to(ROOT)).encode())
                digest.update(file.read_bytes())
    installed = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    digest.update("\n".join(installed).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Release:
    """The built artefacts and the .deb unpacked into a throw-away root."""

    dist: Path
    deb: Path
    tarball: Path
    root: Path  # where the .deb was unpacked

    def command(self, name: str) -> Path:
        """The executable /usr/bin/NAME points to, inside the unpacked root."""
        target = Path(os.readlink(self.root / "usr" / "bin" / name))
        return self.root / target.relative_to("/")


def _build() -> Path:
    """Build into the cache unless its fingerprint says it is already this build."""
    dist, stamp = CACHE / "dist", CACHE / "fingerprint"
    fingerprint = _fingerprint()
    if stamp.is_file() and stamp.read_text() == fingerprint and any(dist.glob("*.deb")):
        return dist
    shutil.rmtree(CACHE, ignore_errors=True)
    CACHE.mkdir(parents=True)
    build = subprocess.run(
        ["bash", str(ROOT / "packaging" / "linux" / "build.sh"), "--fast",
         "--dist", str(dist), "--work", str(CACHE / "work")],
        capture_output=True, text=True, env={**os.environ, "PYTHON": sys.executable},
        timeout=1500,
    )  # fmt: skip
    if build.returncode != 0:
        pytest.fail(
            f"packaging/linux/build.sh failed:\n{build.stdout[-3000:]}{build.stderr[-3000:]}"
        )
    stamp.write_text(fingerprint)
    return dist


@pytest.fixture(scope="session")
def release(tmp_path_factory) -> Release:
    dist = _build()
    (deb,) = dist.glob(f"fluenzr-desktop_{_deb_version(__version__)}_amd64.deb")
    (tarball,) = dist.glob(f"fluenzr-desktop-{__version__}-linux-x86_64.tar.gz")
    root = tmp_path_factory.mktemp("installed")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True, timeout=300)
    return Release(dist, deb, tarball, root)


def _deb_version(version: str) -> str:
    """Debian's spelling of a Python version: 1.0rc1 → 1.0~rc1 (sorts before 1.0)."""
    for tag in ("dev", "rc", "a", "b"):
        if tag in version:
            head, tail = version.split(tag, 1)
            return f"{head.rstrip('.')}~{tag}{tail}"
    return version


@dataclass
class Ran:
    code: int
    stdout: str
    stderr: str

    @property
    def json(self):
        return json.loads(self.stdout)


def run(release: Release, name: str, *args, env: dict[str, str] | None = None) -> Ran:
    """Run a frozen program as installed by the .deb; a clean environment plus `env`."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("FLUENZR")}
    environment.update(env or {})
    completed = subprocess.run(
        [str(release.command(name)), *map(str, args)],
        capture_output=True, text=True, env=environment, timeout=120,
    )  # fmt: skip
    return Ran(completed.returncode, completed.stdout, completed.stderr)


def fluenzr(release: Release, workspace: Path, *args, env: dict[str, str] | None = None) -> Ran:
    """`fluenzr ARGS --workspace WORKSPACE`, which must succeed."""
    result = run(release, "fluenzr", *args, "--workspace", workspace, env=env)
    assert result.code == 0, (args, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result


# -- the installers ------------------------------------------------------------------------


def test_the_deb_puts_both_commands_on_the_path_with_a_menu_entry_and_icons(release):
    fields = subprocess.run(
        ["dpkg-deb", "-f", str(release.deb), "Package", "Version", "Architecture", "Depends"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "Package: fluenzr-desktop" in fields
    assert f"Version: {_deb_version(__version__)}" in fields
    assert "Architecture: amd64" in fields
    assert "libxcb-cursor0" in fields  # what Qt's xcb platform needs from the system

    root = release.root
    assert os.readlink(root / "usr/bin/fluenzr-desktop") == "/opt/fluenzr/fluenzr-desktop"
    assert os.readlink(root / "usr/bin/fluenzr") == "/opt/fluenzr/fluenzr"
    for name in ("fluenzr-desktop", "fluenzr"):
        assert os.access(release.command(name), os.X_OK)
    entry = (root / "usr/share/applications/fluenzr-desktop.desktop").read_text(encoding="utf-8")
    assert "\nExec=fluenzr-desktop" in entry
    assert "\nIcon=fluenzr-desktop" in entry
    sizes = [p.stem.split("-")[1] for p in (ROOT / "resources/icons").glob("fluenzr-*.png")]
    assert sizes
    for size in sizes:
        assert (root / f"usr/share/icons/hicolor/{size}x{size}/apps/fluenzr-desktop.png").is_file()

    with tarfile.open(release.tarball) as archive:
        names = set(archive.getnames())
    assert {"fluenzr/fluenzr-desktop", "fluenzr/fluenzr"} <= names
    assert all(name == "fluenzr" or name.startswith("fluenzr/") for name in names)


def test_the_bundle_keeps_what_freezing_loses_and_leaves_out_what_the_app_does_not_use(release):
    from PyInstaller.archive.readers import CArchiveReader

    internal = release.root / "opt/fluenzr/_internal"
    modules = set(
        CArchiveReader(str(release.command("fluenzr-desktop"))).open_embedded_archive("PYZ.pyz").toc
    )
    # keyring looks its backends up through entry points: its metadata must be there.
    (entry_points,) = internal.glob("keyring-*.dist-info/entry_points.txt")
    assert "SecretService = keyring.backends.SecretService" in entry_points.read_text()
    assert {"keyring.backends.SecretService", "keyrings.cryptfile.cryptfile", "alembic.op"} <= (
        modules
    )
    # Alembic reads its scripts as files; package data of ours (templates…) travels too.
    package = ROOT / "fluenzr_desktop"
    shipped = {
        path.relative_to(package)
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
        and (path.suffix != ".py" or "migrations" in path.parts)
    }  # fmt: skip
    assert shipped == {
        path.relative_to(internal / "fluenzr_desktop")
        for path in (internal / "fluenzr_desktop").rglob("*")
        if path.is_file()
    }
    for path in (
        "resources/translations/fluenzr_fr.qm",
        "resources/translations/fluenzr_en.qm",
        "resources/icons/fluenzr-256.png",
        "PySide6/Qt/translations/qtbase_fr.qm",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "tzdata/zoneinfo/Europe/Paris",
    ):
        assert (internal / path).is_file(), path

    left_out = {"tkinter", "pytest", "PySide6.QtQml", "PySide6.QtNetwork", "pygments", "yaml"}
    assert not left_out & modules
    assert not list(internal.rglob("*WebEngine*")) + list(internal.rglob("_tkinter*"))
    assert not (internal / "PySide6/Qt/plugins/platformthemes/libqgtk3.so").exists()
    assert not list(internal.glob("libgtk-3*"))
    assert not (internal / "PySide6/Qt/translations/qtbase_de.qm").exists()
    assert [link for link in internal.rglob("*") if link.is_symlink() and not link.exists()] == []


def test_the_command_says_its_version(release):
    result = run(release, "fluenzr", "--version")
    assert (result.code, result.stdout.strip()) == (0, f"fluenzr {__version__}")


# -- the window ----------------------------------------------------------------------------


def _picture_colours(path: Path) -> int:
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), path
    colours = {
        image.pixel(x, y)
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }  # fmt: skip
    return len(colours)


def test_the_window_opens_on_a_new_workspace_in_english_and_in_french(release, tmp_path):
    workspace = tmp_path / "workspace"
    offscreen = {"QT_QPA_PLATFORM": "offscreen", "LANG": "en_US.UTF-8", "LANGUAGE": "en"}
    english, french = tmp_path / "en.png", tmp_path / "fr.png"

    shown = run(release, "fluenzr-desktop", "--workspace", workspace, "--screenshot", english,
                "--view", "campaigns", env=offscreen)  # fmt: skip
    assert shown.code == 0, shown.stderr
    assert (workspace / "fluenzr.db").is_file()
    assert _picture_colours(english) > 10  # text, a list, buttons: not a blank picture

    fluenzr(release, workspace, "settings", "set", "interface_language", "fr")
    shown = run(release, "fluenzr-desktop", "--workspace", workspace, "--screenshot", french,
                "--view", "campaigns", env=offscreen)  # fmt: skip
    assert shown.code == 0, shown.stderr
    assert _picture_colours(french) > 10
    # The French catalogue was found in the bundle: the same screen reads differently.
    assert french.read_bytes() != english.read_bytes()


# -- contacts, an older workspace ----------------------------------------------------------


def test_a_csv_file_is_imported(release, tmp_path):
    workspace = tmp_path / "workspace"
    source = tmp_path / "contacts.csv"
    source.write_text(
        "email,first name,company\nchloe@example.fr,Chloé,Société Générale\nann@acme.io,Ann,Acme\n",
        encoding="utf-8",
    )

    fluenzr(release, workspace, "contacts", "import", source)

    listed = fluenzr(release, workspace, "contacts", "list", "--json").json
    assert sorted((c["email"], c["first_name"], c["company"]) for c in listed) == [
        ("ann@acme.io", "Ann", "Acme"),
        ("chloe@example.fr", "Chloé", "Société Générale"),
    ]


def test_the_campaign_templates_travel_with_the_app(release, tmp_path):
    from dataclasses import asdict

    from fluenzr_desktop.ops.templates import list_templates

    workspace = tmp_path / "workspace"
    listed = fluenzr(release, workspace, "campaign", "templates", "--language", "fr", "--json")
    assert listed.json == [asdict(template) for template in list_templates("fr")]
    assert listed.json  # the data files are in the bundle, not only the code

    created = fluenzr(release, workspace, "campaign", "create", "--template", listed.json[0]["id"],
                      "--language", "fr", "--json").json  # fmt: skip
    exported = json.loads(fluenzr(release, workspace, "campaign", "export", created["id"]).stdout)
    emails = [node for node in exported["nodes"] if node["type"] == "email"]
    assert len(emails) == listed.json[0]["steps"]


def _workspace_of_revision_0008(root: Path) -> None:
    """A workspace left by a FluenzR whose newest migration was 0008: a campaign that sent."""
    root.mkdir()
    engine = make_engine(root / "fluenzr.db")
    upgrade(engine, "0008")
    now = "2025-03-01 10:00:00"
    document = {
        "version": 1,
        "settings": {"timezone": "Europe/Paris"},
        "nodes": [{"id": "start", "type": "start"},
                  {"id": "e1", "type": "email", "subject": "Bonjour", "body": "Salut"},
                  {"id": "end", "type": "end"}],
        "edges": [{"from": "start", "to": "e1"}, {"from": "e1", "to": "end"}],
    }  # fmt: skip
    statements = [
        "INSERT INTO accounts (id, name, email, options, created_at)"
        " VALUES (1, 'Main', 'me@example.com', '{}', :now)",
        "INSERT INTO contacts (id, email, first_name, company, custom_fields, created_at,"
        " updated_at) VALUES (1, 'eloise@acme.fr', 'Éloïse', 'Crème & Co', '{}', :now, :now)",
        "INSERT INTO campaigns (id, name, status, account_id, document, document_revision,"
        " created_at, updated_at) VALUES (1, 'Printemps', 'active', 1, :document, 1, :now, :now)",
        "INSERT INTO enrollments (id, campaign_id, contact_id, state, current_node, variants,"
        " created_at, updated_at) VALUES (1, 1, 1, 'replied', 'e1', '{}', :now, :now)",
        "INSERT INTO outbox_messages (enrollment_id, account_id, node_id, message_id, state,"
        " to_address, subject, attempts, created_at) VALUES (1, 1, 'e1', '<m1@example.com>',"
        " 'sent', 'eloise@acme.fr', 'Bonjour', 1, :now)",
        "INSERT INTO events (kind, occurred_at, campaign_id, enrollment_id, contact_id, node_id,"
        " detail) VALUES ('sent', :now, 1, 1, 1, 'e1', '{}'), ('replied', :now, 1, 1, 1, 'e1',"
        " '{}')",
    ]
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement), {"now": now, "document": json.dumps(document)})
    engine.dispose()


def test_a_workspace_made_by_an_older_version_is_migrated_with_a_backup(release, tmp_path):
    workspace = tmp_path / "old"
    _workspace_of_revision_0008(workspace)

    contacts = fluenzr(release, workspace, "contacts", "list", "--json").json

    assert [(c["email"], c["first_name"]) for c in contacts] == [("eloise@acme.fr", "Éloïse")]
    database = workspace / "fluenzr.db"
    with sqlite3.connect(database) as connection:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == (SCHEMA_HEAD,)
    assert [backup.name.split(".")[2] for backup in backups_of(database)] == ["0008"]
    # Migration 0009 filled the campaign's figures from its events.
    assert fluenzr(release, workspace, "stats", "1", "--json").json["total"]["replied"] == 1


# -- sending ---------------------------------------------------------------------------------


def test_one_email_goes_out_with_the_password_kept_in_the_encrypted_file(
    release,
    tmp_path,
    smtp_server_factory,  # noqa: F811
):
    server = smtp_server_factory(auth=True)
    workspace = tmp_path / "workspace"
    # No OS keyring on purpose: the frozen fallback (keyrings.cryptfile) keeps the password.
    secrets = {"FLUENZR_KEYRING": "file", "FLUENZR_MASTER_PASSWORD": "a master password",
               "SMTP_SECRET": SMTP_PASSWORD}  # fmt: skip
    source = tmp_path / "contacts.csv"
    source.write_text("email,first name,company\nann@acme.io,Ann,Acme\n", encoding="utf-8")
    fluenzr(release, workspace, "contacts", "import", source, env=secrets)
    account = fluenzr(release, workspace, "account", "add", "--name", "Me",
                      "--email", "me@startup.io", "--smtp-host", server.host,
                      "--smtp-port", server.port, "--smtp-security", "none",
                      "--username", SMTP_USER, "--password-env", "SMTP_SECRET", "--json",
                      env=secrets).json["id"]  # fmt: skip
    sequence = tmp_path / "sequence.json"
    sequence.write_text(json.dumps({
        "version": 1,
        "settings": {"timezone": "Europe/Paris",
                     "window": {"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                                "start": "00:00", "end": "23:59"},
                     "gap_seconds": [0, 0]},
        "nodes": [{"id": "start", "type": "start"},
                  {"id": "e1", "type": "email", "subject": "Hello {{ firstName }}",
                   "body": "Hi {{ firstName }} at {{ company }}"},
                  {"id": "end", "type": "end"}],
        "edges": [{"from": "start", "to": "e1"}, {"from": "e1", "to": "end"}],
    }), encoding="utf-8")  # fmt: skip
    campaign = fluenzr(release, workspace, "campaign", "create", "--name", "First",
                       "--from-file", sequence, "--account", account, "--json",
                       env=secrets).json["id"]  # fmt: skip
    fluenzr(release, workspace, "campaign", "enroll", campaign, "--all", env=secrets)
    fluenzr(release, workspace, "campaign", "activate", campaign, env=secrets)

    sent = fluenzr(release, workspace, "engine", "run", "--once", "--json", env=secrets).json

    assert sent["sent"] == 1
    (message,) = server.messages
    assert (message["Subject"], message.rcpt_tos) == ("Hello Ann", ("ann@acme.io",))
    assert "Hi Ann at Acme" in message.message.get_body().get_content()
    # The password went to the encrypted file, and nowhere in the clear.
    assert (workspace / "secrets.cfg").is_file()
    for path in workspace.rglob("*"):
        if path.is_file():
            assert SMTP_PASSWORD.encode() not in path.read_bytes(), path
