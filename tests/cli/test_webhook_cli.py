"""`fluenzr webhook …` end to end: a real workspace, an in-memory keyring and a real HTTP
receiver on loopback whose requests are verified with the `standardwebhooks` package."""

from __future__ import annotations

import pytest

from fluenzr_desktop.domain.webhooks import EVENT_TYPES
from tests.cli.helpers import assert_refused
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401
from tests.fixtures.webhook_receiver import Reply, verify, webhook_receiver_fixture  # noqa: F401


@pytest.fixture
def pro(pro_workspace, memory_keyring):  # noqa: F811
    """The CLI's workspace is on the Pro plan; secrets go to the in-memory keyring."""
    return memory_keyring


@pytest.fixture
def receiver(webhook_receiver):
    return webhook_receiver()


def _added(cli, *args: str) -> int:
    result = cli("webhook", "add", *args, "--json")
    assert result.code == 0, result.stderr
    return result.json["id"]


def _secret(cli, webhook_id: int) -> str:
    result = cli("webhook", "secret", webhook_id)
    assert result.code == 0, result.stderr
    return result.stdout.strip()


def _stored_bytes(workspace_dir) -> bytes:
    files = [path for path in workspace_dir.rglob("*") if path.is_file()]
    return b"".join(path.read_bytes() for path in files if path.name != "secrets.cfg")


def test_the_free_plan_refuses_adding_in_one_line_naming_pro(cli, memory_keyring):  # noqa: F811
    error = assert_refused(cli("webhook", "add", "https://crm.example.com/"))
    assert error.endswith("Outgoing webhooks need the Pro plan")
    refused = cli("webhook", "add", "https://crm.example.com/", "--json")
    assert assert_refused(refused, json_mode=True) == "Outgoing webhooks need the Pro plan"
    assert cli("webhook", "list", "--json").json == []  # reading stays open on Free


def test_adding_prints_the_id_and_how_to_get_the_secret_never_the_secret(
    cli, pro, campaign_id, workspace_dir
):
    result = cli(
        "webhook", "add", "https://crm.example.com/hooks",
        "--events", "reply.received,email.bounced", "--events", "lead.unsubscribed",
        "--campaign", campaign_id, "--description", "HubSpot",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert "webhook 1 added" in result.stdout
    assert "fluenzr webhook secret 1" in result.stdout
    secret = _secret(cli, 1)
    assert secret.startswith("whsec_") and list(pro.entries.values()) == [secret]
    shown = cli("webhook", "show", "1", "--json").json
    assert shown["event_types"] == ["reply.received", "email.bounced", "lead.unsubscribed"]
    assert (shown["campaign_ids"], shown["description"], shown["enabled"]) == (
        [campaign_id],
        "HubSpot",
        True,
    )
    listed, shown_text = cli("webhook", "list"), cli("webhook", "show", "1")
    for output in (result, listed, shown_text):
        assert output.code == 0, output.stderr
        assert secret not in output.stdout + output.stderr
    assert secret not in str(shown)
    assert "https://crm.example.com/hooks" in listed.stdout
    assert "events: reply.received, email.bounced, lead.unsubscribed" in shown_text.stdout
    assert "status: enabled" in shown_text.stdout
    assert secret.encode() not in _stored_bytes(workspace_dir)


def test_bad_input_is_refused_in_one_line_and_nothing_is_written(cli, pro):
    for args, named in (
        (["ftp://crm.example.com/"], "https://"),
        (["https://ann:secret@crm.example.com/"], "user name or password"),
        (["https://crm.example.com/", "--events", "email.sent,reply.recieved"], "reply.recieved"),
        (["https://crm.example.com/", "--campaign", "42"], "no campaign with id 42"),
    ):
        assert named in assert_refused(cli("webhook", "add", *args))
    assert cli("webhook", "list", "--json").json == []
    assert pro.entries == {}


def test_a_test_ping_is_signed_and_its_answer_printed(cli, pro, receiver):
    webhook_id = _added(cli, receiver.url)
    secret = _secret(cli, webhook_id)
    receiver.script(Reply(202, "accepted by the CRM"))
    result = cli("webhook", "test", webhook_id)
    assert result.code == 0, result.stderr
    assert "HTTP 202: accepted by the CRM" in result.stdout
    [request] = receiver.requests
    assert verify(request, secret)["type"] == "test.ping"
    assert secret not in result.stdout

    receiver.script(Reply(503, "down for maintenance"))
    failed = cli("webhook", "test", webhook_id, "--json")
    assert failed.code == 1
    assert (failed.json["delivered"], failed.json["last_status"]) == (False, 503)
    text = cli("webhook", "deliveries", webhook_id, "--failed")
    assert text.code == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0].split()[:6] == ["ID", "TYPE", "STATE", "ATTEMPTS", "STATUS", "ANSWER"]
    assert len(lines) == 2 and "503" in lines[1] and "down for maintenance" in lines[1]
    every = cli("webhook", "deliveries", webhook_id, "--json").json
    assert [row["last_status"] for row in every] == [503, 202]

    again = cli("webhook", "redeliver", every[1]["id"], "--json")
    assert again.code == 0, again.stderr
    assert (again.json["webhook_id"], again.json["state"]) == (every[1]["webhook_id"], "pending")


def test_a_rotated_secret_and_the_old_one_both_sign_then_remove_forgets_them(cli, pro, receiver):
    webhook_id = _added(cli, receiver.url)
    old = _secret(cli, webhook_id)
    rotated = cli("webhook", "secret", webhook_id, "--rotate")
    assert rotated.code == 0, rotated.stderr
    new = rotated.stdout.strip()
    assert new.startswith("whsec_") and new != old
    assert "previous secret keeps signing until" in rotated.stderr
    assert cli("webhook", "test", webhook_id).code == 0
    verify(receiver.requests[-1], old)
    verify(receiver.requests[-1], new)

    off = cli("webhook", "disable", webhook_id)
    assert off.code == 0 and "disabled: switched off by you" in off.stdout
    removed = cli("webhook", "remove", webhook_id)
    assert removed.code == 0, removed.stderr
    assert pro.entries == {}
    assert "no webhook" in assert_refused(cli("webhook", "secret", webhook_id))


def test_events_lists_every_subscribable_type(cli):
    listed = cli("webhook", "events", "--json")
    assert [item["type"] for item in listed.json] == list(EVENT_TYPES)
    assert all(item["description"] for item in listed.json)
    text = cli("webhook", "events").stdout
    assert all(name in text for name in EVENT_TYPES) and "test.ping" not in text
