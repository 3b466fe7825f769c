"""Documents, files and assertions shared by the end-to-end tests of the `fluenzr` command."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from fluenzr_desktop.store.models import Suppression
from fluenzr_desktop.workspace import open_workspace

# The sample of the issue: a valid document (zero problems).
SAMPLE_DOCUMENT: dict = {
    "version": 1,
    "settings": {
        "account": None,
        "timezone": "Europe/Paris",
        "window": {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "18:00"},
        "gap_seconds": [60, 180],
        "daily_cap": 50,
        "stop_on_reply": True,
        "stop_on_auto_reply": False,
    },
    "nodes": [
        {"id": "start", "type": "start", "position": [0, 0]},
        {
            "id": "e1",
            "type": "email",
            "subject": "Quick question, {{firstName}}",
            "body": "Hi {{ firstName | default('there') }}, ...",
            "position": [0, 120],
        },
        {"id": "d1", "type": "delay", "amount": 3, "unit": "days"},
        {
            "id": "c1",
            "type": "condition",
            "condition": {"kind": "field", "field": "company", "op": "is_not_empty"},
        },
        {"id": "end", "type": "end"},
    ],
    "edges": [
        {"from": "start", "to": "e1"},
        {"from": "e1", "to": "d1"},
        {"from": "d1", "to": "c1"},
        {"from": "c1", "port": "yes", "to": "end"},
        {"from": "c1", "port": "no", "to": "end"},
    ],
}


def sample_document() -> dict:
    """A fresh copy of the valid sample document."""
    return copy.deepcopy(SAMPLE_DOCUMENT)


def broken_document() -> dict:
    """The sample with two problems: e1 has no subject, c1 has no 'no' branch."""
    document = sample_document()
    document["nodes"][1]["subject"] = ""
    document["edges"] = [edge for edge in document["edges"] if edge.get("port") != "no"]
    return document


def write_json(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write CSV text byte for byte (no newline translation)."""
    path.write_bytes(text.encode(encoding))
    return path


def assert_refused(result, *, json_mode: bool = False, code: int = 1) -> str:
    """A user's mistake: non-zero exit, one `fluenzr…` line on stderr, no traceback.

    With --json, stdout is exactly `{"error": ...}`. Returns the error text.
    """
    assert result.code == code, (result.code, result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("fluenzr"), lines[0]
    if json_mode:
        payload = result.json
        assert set(payload) == {"error"}, payload
        assert isinstance(payload["error"], str) and payload["error"].strip()
        assert "\n" not in payload["error"]
        return payload["error"]
    assert result.stdout == ""
    return lines[0]


def add_suppression(workspace_dir: Path, value: str, kind: str = "address", reason=None) -> None:
    """Put an address (or a domain) on the workspace's suppression list."""
    workspace = open_workspace(workspace_dir)
    try:
        with workspace.session() as session:
            session.add(Suppression(value=value, kind=kind, reason=reason))
    finally:
        workspace.close()


CONTACTS_CSV = (
    "Email,Prénom,Nom,Société,LinkedIn,Tags\r\n"
    "ann@acme.com,Ann,Lee,Acme,https://linkedin.com/ann,vip;fr\r\n"
    "BOB@Globex.com,Bob,Martin,Globex,,fr\r\n"
    "carol@initech.com,Carol,,{{ 7*7 }},,\r\n"
)
