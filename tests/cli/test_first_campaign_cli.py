"""A first campaign never fails silently: what cannot work is refused up front, in one line.

End to end through the `fluenzr` command, against a real SMTP server (aiosmtpd).
"""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from fluenzr_desktop.store.models import Account
from fluenzr_desktop.workspace import open_workspace
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401
from tests.fixtures.smtp_server import (  # noqa: F401
    SMTP_PASSWORD,
    SMTP_USER,
    smtp_certificate,
    smtp_server_factory,
)
from tests.timing import MONDAY, SATURDAY, next_weekday_at

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


@pytest.fixture(autouse=True)
def os_keyring(memory_keyring, monkeypatch):  # noqa: F811
    monkeypatch.delenv("FLUENZR_KEYRING", raising=False)
    monkeypatch.setenv("SMTP_SECRET", SMTP_PASSWORD)
    return memory_keyring


@pytest.fixture
def server(smtp_server_factory):  # noqa: F811
    return smtp_server_factory(auth=True)


def add_account(cli, server, password_variable: str = "SMTP_SECRET") -> int:
    result = cli("account", "add", "--name", "Me", "--email", "me@startup.io",
                 "--smtp-host", server.host, "--smtp-port", str(server.port),
                 "--smtp-security", "none", "--username", SMTP_USER,
                 "--password-env", password_variable, "--json")  # fmt: skip
    assert result.code == 0, result.stderr
    return result.json["id"]


def document(subject: str = "Hello {{ firstName }}", body: str = "Hi {{ firstName }}") -> dict:
    """Start → email → End, sending every day of the week."""
    return {
        "version": 1,
        "settings": {
            "timezone": "Europe/Paris",
            "window": {"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                       "start": "00:00", "end": "23:59"},
            "gap_seconds": [0, 0],
        },
        "nodes": [{"id": "start", "type": "start"},
                  {"id": "e1", "type": "email", "subject": subject, "body": body},
                  {"id": "end", "type": "end"}],
        "edges": [{"from": "start", "to": "e1"}, {"from": "e1", "to": "end"}],
    }  # fmt: skip


def create(cli, tmp_path, content: dict, *options: str) -> str:
    path = tmp_path / "sequence.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    result = cli("campaign", "create", "--name", "First", "--from-file", path, *options, "--json")
    assert result.code == 0, result.stderr
    return str(result.json["id"])


def import_contacts(cli, tmp_path, rows: str) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text("email,first name,company\n" + rows, encoding="utf-8")
    assert cli("contacts", "import", path).code == 0


def one_line_error(result) -> str:
    assert result.code == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result.stderr.splitlines()[0]


# -- validation: what would only fail later is refused now --------------------------------------


def test_a_campaign_without_account_is_refused_at_validation_and_activation(cli, tmp_path):
    import_contacts(cli, tmp_path, "ann@acme.io,Ann,Acme\n")
    campaign = create(cli, tmp_path, document())
    cli("campaign", "enroll", campaign, "--all")

    validated = cli("campaign", "validate", campaign)
    assert validated.code == 1
    assert "settings.account: no sending account is chosen" in validated.stdout

    refused = cli("campaign", "activate", campaign)
    line = one_line_error(refused)
    assert line == (
        f"fluenzr: error: campaign {campaign} cannot be activated: "
        "settings.account: no sending account is chosen for this campaign"
    )
    assert "fluenzr campaign update ID --account" in refused.stderr
    assert cli("campaign", "show", campaign, "--json").json["status"] == "draft"


def test_an_account_that_no_longer_exists_is_named(cli, tmp_path, server):
    account = add_account(cli, server)
    campaign = create(cli, tmp_path, document(), "--account", str(account))
    with open_workspace(tmp_path / "workspace") as workspace, workspace.session() as session:
        session.delete(session.get(Account, account))

    problems = cli("campaign", "validate", campaign, "--json").json["problems"]
    assert problems == [{"node": None, "field": "settings.account", "code": "account_unknown",
                         "params": {"account": account},
                         "message": f"account {account} does not exist"}]  # fmt: skip


@pytest.mark.parametrize(
    ("written", "suggestion"),
    [("prenom", "firstName"), ("first_name", "firstName"), ("Compnay", "company"),
     ("société", "company"), ("ville", "Ville")],
)  # fmt: skip
def test_an_unknown_variable_is_refused_with_a_suggestion(cli, tmp_path, server, written,
                                                          suggestion):  # fmt: skip
    path = tmp_path / "contacts.csv"
    path.write_text("email,first name,Ville\nann@acme.io,Ann,Lyon\n", encoding="utf-8")
    cli("contacts", "import", path)
    account = add_account(cli, server)
    campaign = create(cli, tmp_path, document(body=f"Bonjour {{{{ {written} }}}}"),
                      "--account", str(account))  # fmt: skip

    line = one_line_error(cli("campaign", "activate", campaign))
    assert f"node e1, body: unknown variable '{written}' — did you mean {suggestion}?" in line


def test_variables_of_custom_fields_and_the_signature_are_known(cli, tmp_path, server):
    path = tmp_path / "contacts.csv"
    path.write_text("email,first name,Deal size\nann@acme.io,Ann,10k\n", encoding="utf-8")
    cli("contacts", "import", path)
    account = add_account(cli, server)
    body = "{{ Deal_size }} / {{ signature | default('') }} {% for i in range(2) %}.{% endfor %}"
    campaign = create(cli, tmp_path, document(body=body), "--account", str(account))
    assert cli("campaign", "validate", campaign).code == 0


# -- pre-flight and send time: no half-rendered email ---------------------------------------


def test_preflight_names_the_missing_values_and_the_engine_never_sends_them(cli, tmp_path,
                                                                            server):  # fmt: skip
    import_contacts(cli, tmp_path, "ann@acme.io,Ann,Acme\nbob@solo.io,Bob,\ncid@solo.io,Cid,\n")
    account = add_account(cli, server)
    campaign = create(cli, tmp_path, document("Une question rapide pour {{ company }}"),
                      "--account", str(account))  # fmt: skip
    cli("campaign", "enroll", campaign, "--all")

    refused = cli("campaign", "activate", campaign)
    assert one_line_error(refused).startswith(f"fluenzr: error: campaign {campaign} not activated")
    assert "--yes" in refused.stderr.splitlines()[0]
    assert "company: missing for 2 of 3 contact(s) (steps e1; e.g. bob@solo.io, cid@solo.io)" in (
        refused.stderr
    )
    as_json = cli("campaign", "activate", campaign, "--json")
    assert as_json.json["missing_values"] == [{"variable": "company", "nodes": ["e1"],
        "missing": 2, "examples": ["bob@solo.io", "cid@solo.io"]}]  # fmt: skip
    assert cli("campaign", "show", campaign, "--json").json["status"] == "draft"

    activated = cli("campaign", "activate", campaign, "--yes")
    assert activated.code == 0, activated.stderr
    assert "company: missing for 2 of 3" in activated.stderr

    sent = cli("engine", "run", "--once", "--json")
    assert (sent.json["sent"], sent.json["failed"]) == (1, 2)
    assert [m["Subject"] for m in server.messages] == ["Une question rapide pour Acme"]
    rows = {row["email"]: row for row in cli("campaign", "contacts", campaign, "--json").json}
    assert rows["bob@solo.io"]["state"] == "error"
    assert rows["bob@solo.io"]["last_error"] == "missing value: company"

    # Bob's company is filled in; he is retried and goes back where he stood.
    import_contacts(cli, tmp_path, "bob@solo.io,Bob,Solo Inc\n")
    retried = cli("campaign", "retry", campaign, "--email", "bob@solo.io", "--email",
                  "ann@acme.io", "--email", "nobody@x.io", "--json")  # fmt: skip
    assert retried.code == 0, retried.stderr
    assert retried.json["retried"] == ["bob@solo.io"]
    assert {e["email"]: e["reason"] for e in retried.json["skipped"]} == {
        "nobody@x.io": "not in this campaign",
        "ann@acme.io": "not in error (completed)",
    }
    assert retried.json["status"] == "active"  # the completed campaign reopened

    assert cli("engine", "run", "--once", "--json").json["sent"] == 1
    assert [m["Subject"] for m in server.messages][-1] == "Une question rapide pour Solo Inc"
    rows = {row["email"]: row for row in cli("campaign", "contacts", campaign, "--json").json}
    assert (rows["bob@solo.io"]["state"], rows["cid@solo.io"]["state"]) == ("completed", "error")
    assert cli("campaign", "retry", campaign, "--all-errors", "--json").json["retried"] == [
        "cid@solo.io"]  # fmt: skip


# -- engine run: what happened, and why nothing did ------------------------------------------


def test_once_lists_paused_campaigns_with_their_reason_and_exits_1(cli, tmp_path, server,
                                                                  monkeypatch):  # fmt: skip
    monkeypatch.setenv("WRONG_SECRET", "not-the-password")
    import_contacts(cli, tmp_path, "ann@acme.io,Ann,Acme\n")
    account = add_account(cli, server, password_variable="WRONG_SECRET")
    campaign = create(cli, tmp_path, document(), "--account", str(account))
    cli("campaign", "enroll", campaign, "--all")
    assert cli("campaign", "activate", campaign).code == 0

    result = cli("engine", "run", "--once")

    assert result.code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "0 sent, 0 failed, 0 waiting, 0 completed"
    assert lines[1].startswith(f"paused campaign {campaign} (First): SMTP authentication refused")
    as_json = cli("campaign", "show", campaign, "--json").json
    assert as_json["status"] == "paused"


def test_once_splits_the_waiting_contacts_by_cause(cli, tmp_path, server):
    import_contacts(cli, tmp_path, "ann@acme.io,Ann,Acme\nbob@acme.io,Bob,Acme\n")
    account = add_account(cli, server)
    weekdays = document()
    weekdays["settings"]["window"] = {"days": ["mon", "tue", "wed", "thu", "fri"],
                                      "start": "09:00", "end": "18:00"}  # fmt: skip
    campaign = create(cli, tmp_path, weekdays, "--account", str(account))
    cli("campaign", "enroll", campaign, "--all")
    cli("campaign", "activate", campaign)
    saturday_noon = next_weekday_at(SATURDAY, 12)

    result = cli("engine", "run", "--once", "--now", saturday_noon.isoformat() + "Z", "--json")

    assert result.code == 0
    assert result.json["waiting"] == 2
    assert result.json["waiting_by"] == {"delay": 0, "window": 2, "cap": 0, "pacing": 0,
                                         "retry": 0, "held": 0, "relay": 0}  # fmt: skip
    # A week later (past Monday's opening, due again) the window is closed again.
    week_later = (saturday_noon + timedelta(days=7)).isoformat() + "Z"
    text = cli("engine", "run", "--once", "--now", week_later)
    assert text.stdout.strip() == "0 sent, 0 failed, 2 waiting (window 2), 0 completed"


def test_long_running_engine_prints_a_line_per_event(tmp_path, server, processes, monkeypatch):
    from tests.fixtures.processes import fluenzr_command

    monkeypatch.setenv("FLUENZR_KEYRING", "file")
    monkeypatch.setenv("FLUENZR_MASTER_PASSWORD", "a master password")
    workspace = tmp_path / "ws"

    def run(*args: str) -> str:
        import subprocess

        completed = subprocess.run(fluenzr_command(*args, "--workspace", str(workspace)),
                                   capture_output=True, text=True, timeout=60)  # fmt: skip
        assert completed.returncode == 0, completed.stderr
        return completed.stdout

    source = tmp_path / "contacts.csv"
    source.write_text("email,first name\nann@acme.io,Ann\nbob@acme.io,Bob\n", encoding="utf-8")
    run("contacts", "import", str(source))
    account = json.loads(run("account", "add", "--name", "Me", "--email", "me@startup.io",
                             "--smtp-host", server.host, "--smtp-port", str(server.port),
                             "--smtp-security", "none", "--username", SMTP_USER,
                             "--password-env", "SMTP_SECRET", "--json"))["id"]  # fmt: skip
    path = tmp_path / "sequence.json"
    path.write_text(json.dumps(document()), encoding="utf-8")
    campaign = json.loads(run("campaign", "create", "--name", "First", "--from-file", str(path),
                              "--account", str(account), "--json"))["id"]  # fmt: skip
    run("campaign", "enroll", str(campaign), "--all")
    run("campaign", "activate", str(campaign))

    import signal
    import subprocess

    engine = processes.popen(
        fluenzr_command("engine", "run", "--workspace", str(workspace), "--json"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    events = [json.loads(engine.stdout.readline()) for _ in range(2)]
    engine.send_signal(signal.SIGTERM)
    rest, errors = engine.communicate(timeout=30)

    assert engine.returncode == 0, errors
    assert sorted((e["event"], e["to"]) for e in events) == [("sent", "ann@acme.io"),
                                                             ("sent", "bob@acme.io")]  # fmt: skip
    assert json.loads(rest.splitlines()[-1])["sent"] == 2


# -- editing a campaign after creation ------------------------------------------------------


def test_update_fixes_the_account_renames_and_replaces_the_document(cli, tmp_path, server):
    import_contacts(cli, tmp_path, "ann@acme.io,Ann,Acme\n")
    campaign = create(cli, tmp_path, document())
    account = add_account(cli, server)

    updated = cli("campaign", "update", campaign, "--account", str(account), "--name", "Renamed")
    assert updated.stdout.strip() == f"campaign {campaign} updated"
    shown = cli("campaign", "show", campaign, "--json").json
    assert (shown["account"], shown["name"]) == (account, "Renamed")
    assert cli("campaign", "validate", campaign).code == 0

    new = tmp_path / "new.json"
    new.write_text(json.dumps(document("New subject {{ firstName }}")), encoding="utf-8")
    assert cli("campaign", "update", campaign, "--from-file", new).code == 0
    exported = json.loads(cli("campaign", "export", campaign).stdout)
    assert exported["nodes"][1]["subject"] == "New subject {{ firstName }}"
    # A file without an account keeps the campaign's.
    assert exported["settings"]["account"] == account

    cli("campaign", "update", campaign, "--account", str(account))
    cli("campaign", "enroll", campaign, "--all")
    cli("campaign", "activate", campaign)
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(document("Newer subject")), encoding="utf-8")
    line = one_line_error(cli("campaign", "update", campaign, "--from-file", newer))
    assert "is active: its sequence cannot change (pause it first)" in line
    line = one_line_error(cli("campaign", "update", campaign, "--account", str(account)))
    assert "pause it first" in line
    assert cli("campaign", "update", campaign, "--name", "Still renamable").code == 0
    nothing = one_line_error(cli("campaign", "update", campaign))
    assert "nothing to change" in nothing


def test_update_refuses_to_remove_a_step_where_contacts_wait(cli, tmp_path, server):
    import_contacts(cli, tmp_path, "ann@acme.io,Ann,Acme\n")
    account = add_account(cli, server)
    two_steps = document()
    two_steps["nodes"][2:2] = [
        {"id": "d1", "type": "delay", "amount": 2, "unit": "days"},
        {"id": "e2", "type": "email", "subject": "", "body": "Again"},
    ]
    two_steps["edges"] = [{"from": "start", "to": "e1"}, {"from": "e1", "to": "d1"},
                          {"from": "d1", "to": "e2"}, {"from": "e2", "to": "end"}]  # fmt: skip
    campaign = create(cli, tmp_path, two_steps, "--account", str(account))
    cli("campaign", "enroll", campaign, "--all")
    cli("campaign", "activate", campaign)
    assert cli("engine", "run", "--once", "--json").json["sent"] == 1
    cli("campaign", "pause", campaign)

    new = tmp_path / "shorter.json"
    new.write_text(json.dumps(document()), encoding="utf-8")
    line = one_line_error(cli("campaign", "update", campaign, "--from-file", new))
    assert "contacts are waiting at steps the new sequence removes: d1 (1)" in line
    assert [n["id"] for n in json.loads(cli("campaign", "export", campaign).stdout)["nodes"]] == [
        "start", "e1", "d1", "e2", "end"]  # fmt: skip


def test_delete_takes_a_draft_or_an_archived_campaign_only(cli, tmp_path, server):
    import_contacts(cli, tmp_path, "ann@acme.io,Ann,Acme\n")
    account = add_account(cli, server)
    draft = create(cli, tmp_path, document(), "--account", str(account))
    running = create(cli, tmp_path, document(), "--account", str(account))
    cli("campaign", "enroll", draft, "--all")
    cli("campaign", "enroll", running, "--all")
    cli("campaign", "activate", running)

    assert "add --yes" in one_line_error(cli("campaign", "delete", draft))
    line = one_line_error(cli("campaign", "delete", running, "--yes"))
    assert "only a draft or an archived campaign can be deleted" in line
    assert cli("campaign", "delete", draft, "--yes").stdout.strip() == f"campaign {draft} deleted"
    assert [c["id"] for c in cli("campaign", "list", "--json").json] == [int(running)]

    cli("engine", "run", "--once")
    cli("campaign", "pause", running)
    cli("campaign", "archive", running)
    assert cli("campaign", "delete", running, "--yes").code == 0
    assert cli("campaign", "list", "--json").json == []
    # The contacts stay; only the campaign and its history went.
    assert [c["email"] for c in cli("contacts", "list", "--json").json] == ["ann@acme.io"]


# -- the README's first campaign ------------------------------------------------------------


def test_the_readme_first_campaign_sends_its_first_email(cli, tmp_path, server):
    shutil.copy(EXAMPLES / "contacts.csv", tmp_path / "contacts.csv")
    assert add_account(cli, server) == 1
    assert cli("contacts", "import", tmp_path / "contacts.csv").code == 0
    created = cli("campaign", "create", "--name", "First", "--from-file",
                  EXAMPLES / "first-campaign.json", "--account", "1")  # fmt: skip
    assert created.stdout.strip() == "campaign 1 created (draft)"
    assert cli("campaign", "enroll", "1", "--all").code == 0
    assert cli("campaign", "activate", "1").stdout.strip() == "campaign 1 is now active"

    monday_10h = next_weekday_at(MONDAY, 10).isoformat() + "Z"
    result = cli("engine", "run", "--once", "--now", monday_10h, "--json")

    assert result.json["sent"] == 1  # then the random gap paces the second one
    assert server.messages[0]["Subject"] in ("Quick question, Ada", "Quick question, Grace")


def test_problems_are_named_before_missing_values(cli, tmp_path):
    # No account and a value Bob lacks: the account is what to fix first.
    import_contacts(cli, tmp_path, "ann@acme.io,Ann,Acme\nbob@solo.io,Bob,\n")
    campaign = create(cli, tmp_path, document("For {{ company }}"))
    cli("campaign", "enroll", campaign, "--all")

    line = one_line_error(cli("campaign", "activate", campaign))

    assert "settings.account: no sending account is chosen" in line
