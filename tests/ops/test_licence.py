"""Installing a signed licence in a real workspace: verified, stored, read back as the plan in force.

Licences are made by `packaging/licences/mint.py` (its `mint` function) with a key pair made
by the test, whose public half is given in FLUENZR_LICENCE_PUBLIC_KEY.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fluenzr_desktop.domain.clock import ManualClock
from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.domain.plans import Licence, plan_features
from fluenzr_desktop.ops import Changes
from fluenzr_desktop.ops.licence import (
    LicenceRefused,
    current_licence,
    install_licence,
    plan_status,
)
from fluenzr_desktop.ops.settings import list_settings
from fluenzr_desktop.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]
MINT_SCRIPT = ROOT / "packaging" / "licences" / "mint.py"


def _load_mint():
    spec = importlib.util.spec_from_file_location("licence_mint", MINT_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


mint_module = _load_mint()


@dataclass
class LicenceKey:
    """A test's own key pair: the private key (and its PEM file) and the public key's base64."""

    private: Ed25519PrivateKey
    pem_file: Path
    public_base64: str


def make_key(folder: Path, name: str = "key") -> LicenceKey:
    private = Ed25519PrivateKey.generate()
    pem_file = folder / f"{name}.pem"
    pem_file.write_bytes(
        private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return LicenceKey(private, pem_file, base64.b64encode(raw).decode())


def trusted_key(folder: Path, monkeypatch: pytest.MonkeyPatch) -> LicenceKey:
    """A new key pair whose public key the app trusts (a source checkout reads the variable)."""
    key = make_key(folder)
    monkeypatch.setenv("FLUENZR_LICENCE_PUBLIC_KEY", key.public_base64)
    return key


@pytest.fixture
def licence_key(tmp_path, monkeypatch) -> LicenceKey:
    return trusted_key(tmp_path, monkeypatch)


def write_licence(
    path: Path,
    key: LicenceKey,
    plan: str,
    *,
    issued: date,
    expires: date | None = None,
    licensee: str = "Acme SAS",
) -> Path:
    """A licence file signed with `key`, as mint.py writes it."""
    licence = Licence(
        plan, licensee, "ann@acme.io", issued, expires, tuple(sorted(plan_features(plan)))
    )
    path.write_text(mint_module.mint(key.private, licence), encoding="utf-8")
    return path


@pytest.fixture
def today(workspace) -> date:
    """The workspace runs on a manual clock; licence dates are relative to its day."""
    noon = datetime.now(UTC).replace(tzinfo=None, hour=12, minute=0, second=0, microsecond=0)
    workspace.clock = ManualClock(noon)
    return workspace.clock.now().date()


@pytest.mark.parametrize("plan", ["free", "starter", "pro"])
def test_a_valid_licence_installs_and_is_the_plan_in_force(
    workspace, licence_key, tmp_path, today, plan
):
    file = write_licence(tmp_path / "licence.json", licence_key, plan, issued=today)

    installed = install_licence(workspace, file)

    assert installed.licence.plan == plan and not installed.expired
    assert installed.changes == Changes(settings=True, campaigns=True)
    status = plan_status(workspace)
    assert (status.plan, status.expired, status.problem) == (plan, False, None)
    assert status.licence == Licence(
        plan, "Acme SAS", "ann@acme.io", today, None, tuple(sorted(plan_features(plan)))
    )
    assert status.features == plan_features(plan)
    # The licence is the workspace's, kept across openings; not a user-settable setting.
    with open_workspace(workspace.root) as again:
        assert current_licence(again) == status.licence
    assert "licence" not in list_settings(workspace)


def test_without_a_licence_the_plan_is_free(workspace, today):
    status = plan_status(workspace)
    assert (status.plan, status.licence, status.expired, status.problem) == (
        "free",
        None,
        False,
        None,
    )
    assert current_licence(workspace) is None


def test_an_expired_licence_installs_but_the_plan_is_free(workspace, licence_key, tmp_path, today):
    file = write_licence(
        tmp_path / "licence.json",
        licence_key,
        "pro",
        issued=today - timedelta(days=365),
        expires=today - timedelta(days=1),
    )

    installed = install_licence(workspace, file)

    assert installed.expired
    status = plan_status(workspace)
    assert (status.plan, status.expired, status.licence.plan) == ("free", True, "pro")
    assert status.features == {"analytics"}  # Free's own, not the expired licence's


def test_a_licence_expires_when_the_workspace_clock_reaches_its_end(
    workspace, licence_key, tmp_path, today
):
    ends = today + timedelta(days=3)
    install_licence(
        workspace, write_licence(tmp_path / "l.json", licence_key, "starter", issued=today,
                                 expires=ends)
    )  # fmt: skip
    assert plan_status(workspace).plan == "starter"
    workspace.clock.advance(timedelta(days=3))
    assert plan_status(workspace).plan == "free" and plan_status(workspace).expired
    assert plan_status(workspace, today).plan == "starter"


def test_a_tampered_licence_is_refused_in_one_line_and_nothing_is_stored(
    workspace, licence_key, tmp_path, today
):
    install_licence(workspace, write_licence(tmp_path / "old.json", licence_key, "starter",
                                             issued=today))  # fmt: skip
    file = write_licence(tmp_path / "licence.json", licence_key, "starter", issued=today)
    document = json.loads(file.read_text(encoding="utf-8"))
    document["licence"]["plan"] = "pro"
    file.write_text(json.dumps(document), encoding="utf-8")

    with pytest.raises(LicenceRefused) as refused:
        install_licence(workspace, file)

    message = str(refused.value)
    assert message == (
        f"{file}: the signature does not match — this file was altered or not issued for FluenzR"
    )
    assert "\n" not in message
    assert plan_status(workspace).plan == "starter"  # the licence already there stays


def test_a_licence_signed_with_another_key_is_refused(workspace, licence_key, tmp_path, today):
    stranger = make_key(tmp_path, "stranger")
    file = write_licence(tmp_path / "licence.json", stranger, "pro", issued=today)

    with pytest.raises(LicenceRefused, match="the signature does not match"):
        install_licence(workspace, file)

    assert current_licence(workspace) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"licence": {"plan": "pro"', "not JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"licence": {"plan": "pro"}}', 'needs a "licence" object and a "signature"'),
        ('{"licence": {"plan": "pro"}, "signature": "%%%"}', "the signature does not match"),
    ],
)
def test_a_malformed_file_is_refused_naming_it(workspace, licence_key, tmp_path, text, reason):
    file = tmp_path / "licence.json"
    file.write_text(text, encoding="utf-8")

    with pytest.raises(LicenceRefused) as refused:
        install_licence(workspace, file)

    assert str(refused.value).startswith(f"{file}: ")
    assert reason in str(refused.value)
    assert current_licence(workspace) is None


def test_a_missing_or_binary_file_is_refused_naming_it(workspace, licence_key, tmp_path):
    with pytest.raises(LicenceRefused, match="no such file"):
        install_licence(workspace, tmp_path / "nowhere.json")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    with pytest.raises(LicenceRefused, match=r"photo\.jpg: not a FluenzR licence \(not UTF-8"):
        install_licence(workspace, binary)


def test_a_signed_licence_with_a_bad_field_names_the_field(workspace, licence_key, tmp_path):
    body = {"plan": "gold", "licensee": "Acme", "email": "a@acme.io", "issued": "2020-01-01",
            "expires": None, "features": []}  # fmt: skip
    from fluenzr_desktop.domain.plans import canonical_licence_bytes

    signature = base64.b64encode(licence_key.private.sign(canonical_licence_bytes(body)))
    file = tmp_path / "licence.json"
    file.write_text(json.dumps({"licence": body, "signature": signature.decode()}))

    with pytest.raises(LicenceRefused, match=r"licence\.json: unknown plan 'gold'"):
        install_licence(workspace, file)


def test_a_frozen_build_ignores_the_environment_key(
    workspace, licence_key, tmp_path, today, monkeypatch
):
    file = write_licence(tmp_path / "licence.json", licence_key, "pro", issued=today)
    install_licence(workspace, file)
    monkeypatch.setattr(sys, "frozen", True, raising=False)

    with pytest.raises(LicenceRefused, match="the signature does not match"):
        install_licence(workspace, file)
    # A licence installed from a checkout does not count in a frozen build: said, not hidden.
    status = plan_status(workspace)
    assert status.plan == "free"
    assert "the installed licence: the signature does not match" in status.problem


def test_a_malformed_environment_key_is_said_in_one_line(workspace, tmp_path, monkeypatch):
    monkeypatch.setenv("FLUENZR_LICENCE_PUBLIC_KEY", "not-a-key")
    file = tmp_path / "licence.json"
    file.write_text('{"licence": {}, "signature": ""}', encoding="utf-8")

    with pytest.raises(FluenzrError, match="FLUENZR_LICENCE_PUBLIC_KEY: not the base64 of a raw"):
        install_licence(workspace, file)


def test_mint_run_as_a_command_makes_a_file_that_installs(workspace, licence_key, tmp_path,
                                                          today):  # fmt: skip
    import subprocess

    output = tmp_path / "acme.licence.json"
    expires = today + timedelta(days=365)
    completed = subprocess.run(
        [sys.executable, str(MINT_SCRIPT), "--private-key", str(licence_key.pem_file),
         "--plan", "starter", "--to", "Acme SAS", "--email", "ann@acme.io",
         "--expires", expires.isoformat(), "--issued", today.isoformat(), "-o", str(output)],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr

    installed = install_licence(workspace, output)

    assert installed.licence == Licence(
        "starter", "Acme SAS", "ann@acme.io", today, expires, ("ab_tests", "analytics")
    )
    assert plan_status(workspace).plan == "starter"


def test_mint_refuses_a_bad_key_file_in_one_line(tmp_path):
    import subprocess

    not_a_key = tmp_path / "key.pem"
    not_a_key.write_text("hello", encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, str(MINT_SCRIPT), "--private-key", str(not_a_key), "--plan", "pro",
         "--to", "A", "--email", "a@b.c", "-o", str(tmp_path / "out.json")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert completed.returncode == 1
    assert completed.stderr.count("\n") == 1 and "key.pem: not an unencrypted PEM" in (
        completed.stderr
    )
    assert not (tmp_path / "out.json").exists()
