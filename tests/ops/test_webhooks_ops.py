"""The webhook use cases against a real workspace, keyring and a real HTTP receiver on
loopback: what the window, the command line and the API share. Signatures are checked with
the `standardwebhooks` package (the specification's own library), not our code."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from standardwebhooks.webhooks import WebhookVerificationError

from fluenzr_desktop.domain.clock import ManualClock
from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.domain.plans import PlanRequired
from fluenzr_desktop.domain.webhooks import EVENT_TYPES
from fluenzr_desktop.ops import webhooks as ops
from fluenzr_desktop.store import webhooks as queue
from fluenzr_desktop.store.campaigns import create_campaign
from tests.cli.helpers import sample_document
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401
from tests.fixtures.webhook_receiver import Reply, verify, webhook_receiver_fixture  # noqa: F401


@pytest.fixture
def receiver(webhook_receiver):
    return webhook_receiver()


@pytest.fixture
def pro(workspace, grant_plan, memory_keyring):  # noqa: F811
    """The test's workspace on the Pro plan, with an in-memory keyring."""
    grant_plan(workspace, "pro")
    return workspace


def _secrets(keyring) -> list[str]:
    return [value for value in keyring.entries.values() if value.startswith("whsec_")]


def _database_bytes(workspace) -> bytes:
    files = [workspace.database_path, *workspace.root.glob("fluenzr.db-*")]
    files += list(workspace.logs_dir.glob("*")) if workspace.logs_dir.exists() else []
    return b"".join(path.read_bytes() for path in files if path.is_file())


def test_adding_stores_the_secret_in_the_keyring_only_and_starts_the_feed(
    pro,
    memory_keyring,  # noqa: F811
):
    view = ops.add_webhook(pro, "https://crm.example.com/hooks", ["reply.received"])
    assert (view.url, view.event_types, view.campaign_ids) == (
        "https://crm.example.com/hooks",
        ("reply.received",),
        (),
    )
    assert view.enabled and view.disabled_reason is None
    assert view.counts == {"pending": 0, "delivering": 0, "delivered": 0, "failed": 0}
    secret = ops.webhook_secret(pro, view.id)
    assert secret.startswith("whsec_") and _secrets(memory_keyring) == [secret]
    assert secret not in json.dumps(view.to_dict())
    assert secret.encode() not in _database_bytes(pro)
    with pro.sessions() as session:
        assert queue.feed_cursor(session) is not None  # no history replay
    assert [item.id for item in ops.list_webhooks(pro)] == [view.id]


BAD_URLS = [
    ("ftp://crm.example.com/hooks", "https://"),
    ("https:///hooks", "no host"),
    ("https://ann:pw@crm.example.com/hooks", "user name or password"),
    ("https://crm.example.com/" + "a" * 2048, "too long"),
    ("https://crm.example .com/", "spaces"),
    ("https://crm.example.com:99999/", "not a URL"),
    ("", "needs a URL"),
]


def test_a_bad_url_is_refused_in_one_line_and_nothing_is_written(
    pro,
    memory_keyring,  # noqa: F811
):
    for url, named in BAD_URLS:
        with pytest.raises(FluenzrError, match=named) as refusal:
            ops.add_webhook(pro, url)
        assert "\n" not in str(refusal.value)
    assert ops.list_webhooks(pro) == [] and _secrets(memory_keyring) == []
    view = ops.add_webhook(pro, "https://crm.example.com/")
    with pytest.raises(FluenzrError, match="https://"):
        ops.update_webhook(pro, view.id, url="mailto:ann@example.com")
    assert ops.get_webhook(pro, view.id).url == "https://crm.example.com/"


def test_unknown_types_and_missing_campaigns_are_refused_and_nothing_is_written(
    pro,
    memory_keyring,  # noqa: F811
):
    with pytest.raises(FluenzrError, match=r"unknown webhook event type 'reply\.recieved'"):
        ops.add_webhook(pro, "https://crm.example.com/", ["email.sent", "reply.recieved"])
    with pytest.raises(FluenzrError, match="no campaign with id 999"):
        ops.add_webhook(pro, "https://crm.example.com/", campaign_ids=[999])
    assert ops.list_webhooks(pro) == [] and _secrets(memory_keyring) == []
    with pro.session() as session:
        campaign = create_campaign(session, "Launch", sample_document())
    view = ops.add_webhook(pro, "https://crm.example.com/", campaign_ids=[campaign.id])
    assert view.campaign_ids == (campaign.id,)
    with pytest.raises(FluenzrError, match="no campaign with id 999"):
        ops.update_webhook(pro, view.id, campaign_ids=[campaign.id, 999])
    assert ops.get_webhook(pro, view.id).campaign_ids == (campaign.id,)


def test_a_secret_store_that_fails_leaves_no_endpoint(
    pro,
    memory_keyring,  # noqa: F811
    monkeypatch,
):
    def locked(*args) -> None:
        raise FluenzrError("the password store is locked")

    monkeypatch.setattr(memory_keyring, "set_password", locked)
    with pytest.raises(FluenzrError, match="locked"):
        ops.add_webhook(pro, "https://crm.example.com/")
    assert ops.list_webhooks(pro) == []


def test_free_plan_refuses_changes_but_lets_a_lapsed_user_clean_up(
    workspace,
    grant_plan,
    memory_keyring,  # noqa: F811
):
    with pytest.raises(PlanRequired, match="Pro plan") as refusal:
        ops.add_webhook(workspace, "https://crm.example.com/")
    assert refusal.value.gate.plan_needed == "pro"
    assert ops.list_webhooks(workspace) == []
    # A Pro licence that ends tomorrow; the endpoint is made while it is in force.
    grant_plan(workspace, "pro", expires=workspace.clock.now().date() + timedelta(days=1))
    view = ops.add_webhook(workspace, "https://crm.example.com/")
    workspace.clock = ManualClock(workspace.clock.now() + timedelta(days=3))
    for refused in (
        lambda: ops.update_webhook(workspace, view.id, url="https://other.example.com/"),
        lambda: ops.test_webhook(workspace, view.id),
        lambda: ops.set_webhook_enabled(workspace, view.id, True),
    ):
        with pytest.raises(PlanRequired, match="Outgoing webhooks need the Pro plan"):
            refused()
    assert ops.get_webhook(workspace, view.id).counts["delivering"] == 0
    assert ops.webhook_deliveries(workspace, view.id) == []
    assert not ops.set_webhook_enabled(workspace, view.id, False).enabled
    ops.remove_webhook(workspace, view.id)
    assert ops.list_webhooks(workspace) == [] and _secrets(memory_keyring) == []


def test_a_test_ping_reaches_the_receiver_signed_and_is_logged(pro, receiver):
    view = ops.add_webhook(pro, receiver.url, ["email.sent"])
    receiver.script(Reply(200, "thanks"))
    delivery = ops.test_webhook(pro, view.id)
    assert (delivery.state, delivery.last_status, delivery.attempts) == ("delivered", 200, 1)
    assert delivery.last_response == "thanks"
    [request] = receiver.requests
    payload = verify(request, ops.webhook_secret(pro, view.id))
    assert payload["type"] == "test.ping" and set(payload) == {"type", "timestamp", "data"}
    assert request.webhook_id == delivery.webhook_id
    shown = ops.get_webhook(pro, view.id)
    assert shown.counts["delivered"] == 1 and shown.last_delivery == delivery


def test_failed_deliveries_are_listed_and_redelivered_with_the_same_id_and_body(pro, receiver):
    from fluenzr_desktop.engine.webhook_delivery import attempt

    view = ops.add_webhook(pro, receiver.url)
    receiver.script(Reply(500, "boom"))
    failed = ops.test_webhook(pro, view.id)
    assert (failed.last_status, failed.last_response) == (500, "boom")
    # A test is answered now or never: it neither waits in the queue nor turns the endpoint off.
    assert failed.state == "failed"
    assert ops.get_webhook(pro, view.id).enabled
    delivered = ops.test_webhook(pro, view.id)
    assert delivered.state == "delivered"
    assert [row.id for row in ops.webhook_deliveries(pro, view.id)] == [delivered.id, failed.id]
    assert [row.id for row in ops.webhook_deliveries(pro, view.id, failed_only=True)] == [failed.id]
    assert len(ops.webhook_deliveries(pro, view.id, limit=1)) == 1

    again = ops.redeliver(pro, delivered.id)
    assert (again.webhook_id, again.state, again.attempts) == (delivered.webhook_id, "pending", 0)
    assert attempt(pro.sessions, pro.clock, pro.secret_store(), again.id).state == "delivered"
    original, repeated = receiver.requests[-2:]
    assert (repeated.body, repeated.webhook_id) == (original.body, delivered.webhook_id)
    verify(repeated, ops.webhook_secret(pro, view.id))
    with pytest.raises(FluenzrError, match="no webhook delivery 9999"):
        ops.redeliver(pro, 9999)


def test_a_rotated_secret_signs_beside_the_old_one_for_24_hours(pro, receiver):
    start = pro.clock.now()
    view = ops.add_webhook(pro, receiver.url)
    first = ops.webhook_secret(pro, view.id)
    second = ops.rotate_webhook_secret(pro, view.id)
    assert second != first and ops.webhook_secret(pro, view.id) == second
    pro.clock = ManualClock(start + timedelta(hours=23))
    assert ops.test_webhook(pro, view.id).state == "delivered"
    assert len(receiver.requests[-1].headers["webhook-signature"].split()) == 2
    verify(receiver.requests[-1], first)
    verify(receiver.requests[-1], second)

    pro.clock = ManualClock(start + timedelta(hours=24, minutes=1))
    assert ops.test_webhook(pro, view.id).state == "delivered"
    assert len(receiver.requests[-1].headers["webhook-signature"].split()) == 1
    verify(receiver.requests[-1], second)
    with pytest.raises(WebhookVerificationError):
        verify(receiver.requests[-1], first)  # its 24 hours are over


def test_removing_forgets_the_endpoint_its_log_and_its_secrets(
    pro,
    receiver,
    memory_keyring,  # noqa: F811
):
    kept = ops.add_webhook(pro, receiver.url, description="Zapier")
    gone = ops.add_webhook(pro, receiver.url)
    ops.rotate_webhook_secret(pro, gone.id)
    ops.test_webhook(pro, gone.id)
    assert len(_secrets(memory_keyring)) == 3
    ops.remove_webhook(pro, gone.id)
    assert [view.id for view in ops.list_webhooks(pro)] == [kept.id]
    assert _secrets(memory_keyring) == [ops.webhook_secret(pro, kept.id)]
    for reading in (ops.get_webhook, ops.webhook_secret, ops.webhook_deliveries):
        with pytest.raises(FluenzrError, match=f"no webhook {gone.id}"):
            reading(pro, gone.id)


def test_updating_and_switching_an_endpoint(pro):
    view = ops.add_webhook(pro, "https://crm.example.com/", description="CRM")
    changed = ops.update_webhook(
        pro,
        view.id,
        url=" https://crm.example.com/v2 ",
        event_types=["email.bounced", "email.bounced", "mailbox.error"],
        description="",
    )
    assert (changed.url, changed.event_types, changed.description) == (
        "https://crm.example.com/v2",
        ("email.bounced", "mailbox.error"),
        None,
    )
    off = ops.set_webhook_enabled(pro, view.id, False)
    assert (off.enabled, off.disabled_reason) == (False, "switched off by you")
    on = ops.set_webhook_enabled(pro, view.id, True)
    assert (on.enabled, on.disabled_reason) == (True, None)
    assert ops.EVENT_TYPES == EVENT_TYPES
