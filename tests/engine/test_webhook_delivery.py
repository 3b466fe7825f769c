"""Webhook delivery (engine/webhook_delivery.py, EngineService's webhook part) against a
real HTTP receiver on loopback; every signature is checked by the `standardwebhooks`
package. Retries are driven by moving the workspace's clock, never by sleeping.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from standardwebhooks import WebhookVerificationError

from fluenzr_desktop import __version__
from fluenzr_desktop.domain.clock import ManualClock
from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.domain.webhooks import MAX_ATTEMPTS, RETRY_SCHEDULE, new_secret
from fluenzr_desktop.engine.bus import EventBus
from fluenzr_desktop.engine.events import EngineEvent, WebhookDisabled
from fluenzr_desktop.engine.service import EngineService
from fluenzr_desktop.engine.webhook_delivery import WebhookDispatcher, attempt, unix_seconds
from fluenzr_desktop.store import webhooks as store
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401
from tests.fixtures.webhook_receiver import (
    Reply,
    closed_port_url,
    verify,
    webhook_receiver_fixture,  # noqa: F401  (the fixture `webhook_receiver`)
)
from tests.timing import WEDNESDAY, next_weekday_at

# The sender's time-out in these tests (the product's is 15 s); SHORT where a test
# waits for one to pass, long enough that a loaded machine still answers within it.
TIMEOUT = 5.0
SHORT_TIMEOUT = 1.0


@dataclass
class Hooks:
    """A Pro workspace on a ManualClock, its secret store, and the events published."""

    workspace: object
    clock: ManualClock
    bus: EventBus = field(default_factory=EventBus)
    published: list[EngineEvent] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.secrets = self.workspace.secret_store()
        self.bus.subscribe(self.published.append)

    def endpoint(self, url: str, *, secret: bool = True) -> tuple[int, str]:
        """A new endpoint and its signing secret."""
        with self.workspace.session() as session:
            endpoint_id = store.add_endpoint(session, url)
        value = new_secret()
        if secret:
            self.secrets.set_secret(f"webhook:{endpoint_id}", value)
        return endpoint_id, value

    def queue(self, endpoint_id: int, seq: int) -> int:
        """Queue a delivery whose body carries `seq` (and non-ASCII text), due now."""
        payload = {"type": "email.sent", "timestamp": "2030-01-01T00:00:00Z",
                   "data": {"seq": seq, "subject": "Zoë’s follow-up"}}  # fmt: skip
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        with self.workspace.session() as session:
            return store.enqueue(session, endpoint_id, "email.sent", body, self.clock.now())

    def delivery(self, delivery_id: int) -> store.Delivery:
        with self.workspace.sessions() as session:
            return store.get_delivery(session, delivery_id)

    def endpoint_row(self, endpoint_id: int) -> store.Endpoint:
        with self.workspace.sessions() as session:
            return store.get_endpoint(session, endpoint_id)

    def dispatcher(self, **options) -> WebhookDispatcher:
        options = {"plan_allows": lambda: True, "poll_seconds": 0.05, "timeout": TIMEOUT,
                   "rng": random.Random(5), **options}  # fmt: skip
        return WebhookDispatcher(
            self.workspace.sessions, self.clock, self.secrets, self.bus, **options
        )

    def attempt(self, delivery_id: int) -> store.Delivery:
        return attempt(self.workspace.sessions, self.clock, self.secrets, delivery_id,
                       bus=self.bus, rng=random.Random(5), timeout=TIMEOUT)  # fmt: skip


@pytest.fixture
def hooks(pro_workspace, workspace, memory_keyring) -> Hooks:  # noqa: F811
    clock = ManualClock(next_weekday_at(WEDNESDAY, 10))
    workspace.clock = clock
    return Hooks(workspace, clock)


def until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Wait (polling) until `condition()` holds; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


def test_a_delivery_is_signed_as_standard_webhooks_verifies(hooks, webhook_receiver):
    receiver = webhook_receiver()
    receiver.script(Reply(200, body="x" * 5000))
    endpoint_id, secret = hooks.endpoint(receiver.url)
    delivery_id = hooks.queue(endpoint_id, 1)

    assert hooks.dispatcher().run_once() == 1

    [request] = receiver.requests
    row = hooks.delivery(delivery_id)
    assert verify(request, secret) == json.loads(row.body)
    assert request.body == row.body.encode("utf-8")  # the stored bytes, exactly
    assert request.webhook_id == row.webhook_id
    assert request.timestamp == unix_seconds(hooks.clock.now())
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"] == f"FluenzR-Desktop/{__version__}"
    assert (row.state, row.attempts, row.last_status) == ("delivered", 1, 200)
    assert row.last_response == "x" * 1000 and row.delivered_at == hooks.clock.now()
    with pytest.raises(WebhookVerificationError):
        verify(request, new_secret())  # another secret does not verify it


def test_during_a_rotation_each_secret_alone_verifies(hooks, webhook_receiver):
    receiver = webhook_receiver()
    endpoint_id, new = hooks.endpoint(receiver.url)
    old = new_secret()
    hooks.secrets.set_secret(f"webhook:{endpoint_id}:previous", old)
    with hooks.workspace.session() as session:
        until_at = hooks.clock.now() + timedelta(hours=24)
        store.update_endpoint(session, endpoint_id, previous_secret_until=until_at)
    hooks.queue(endpoint_id, 1)
    hooks.dispatcher().run_once()

    [request] = receiver.requests
    assert len(request.headers["webhook-signature"].split(" ")) == 2
    assert verify(request, new) and verify(request, old)

    # Once the rotation is over, only the new secret signs.
    hooks.clock.advance(timedelta(hours=25))
    hooks.queue(endpoint_id, 2)
    hooks.dispatcher().run_once()
    request = receiver.requests[1]
    assert len(request.headers["webhook-signature"].split(" ")) == 1
    assert verify(request, new)
    with pytest.raises(WebhookVerificationError):
        verify(request, old)


def test_failures_are_retried_on_the_schedule_with_the_same_id_and_body(hooks, webhook_receiver):
    receiver = webhook_receiver()
    receiver.script(Reply(500), Reply(delay=SHORT_TIMEOUT + 2), Reply(close=True), Reply(200))
    endpoint_id, secret = hooks.endpoint(receiver.url)
    delivery_id = hooks.queue(endpoint_id, 1)
    dispatcher = hooks.dispatcher(timeout=SHORT_TIMEOUT)
    outcomes = []

    def retry(*, url: str | None = None) -> store.Delivery:
        if url is not None:
            with hooks.workspace.session() as session:
                store.update_endpoint(session, endpoint_id, url=url)
        dispatcher.run_once()
        row = hooks.delivery(delivery_id)
        outcomes.append(row)
        if row.state == "pending":
            assert dispatcher.run_once() == 0  # nothing before the retry falls due
            hooks.clock.set(row.next_attempt_at)
        return row

    assert retry().last_status == 500
    assert "time-out" in retry().last_error
    assert retry().last_error == "the connection closed without an answer"
    assert retry(url=closed_port_url()).last_error == "connection refused"
    assert retry(url=receiver.url).state == "delivered"

    # Each wait is the schedule's, within its ±10 % jitter, and jittered.
    waits = [row.next_attempt_at - row.last_attempt_at for row in outcomes[:-1]]
    for wait, base in zip(waits, RETRY_SCHEDULE, strict=False):
        assert base * 0.9 <= wait <= base * 1.1
    assert any(wait != base for wait, base in zip(waits, RETRY_SCHEDULE, strict=False))
    assert [row.attempts for row in outcomes] == [1, 2, 3, 4, 5]
    # Four posts reached the receiver: one id, one body, a fresh timestamp and signature each.
    requests = receiver.requests
    assert len(requests) == 4
    assert {request.webhook_id for request in requests} == {outcomes[-1].webhook_id}
    assert {request.body for request in requests} == {outcomes[-1].body.encode()}
    assert len({request.timestamp for request in requests}) == 4
    for request in requests:
        verify(request, secret)


def test_retry_after_is_honoured_on_429_only(hooks, webhook_receiver):
    receiver = webhook_receiver()
    receiver.script(Reply(429, headers={"Retry-After": "120"}),
                    Reply(500, headers={"Retry-After": "3600"}))  # fmt: skip
    endpoint_id, _ = hooks.endpoint(receiver.url)
    delivery_id = hooks.queue(endpoint_id, 1)
    dispatcher = hooks.dispatcher()

    dispatcher.run_once()
    row = hooks.delivery(delivery_id)
    assert row.next_attempt_at - row.last_attempt_at == timedelta(seconds=120)
    hooks.clock.set(row.next_attempt_at)
    dispatcher.run_once()
    row = hooks.delivery(delivery_id)
    wait = row.next_attempt_at - row.last_attempt_at
    assert RETRY_SCHEDULE[1] * 0.9 <= wait <= RETRY_SCHEDULE[1] * 1.1  # 500: the schedule


def test_410_gone_disables_the_endpoint_at_once(hooks, webhook_receiver):
    receiver = webhook_receiver()
    receiver.script(Reply(410))
    endpoint_id, _ = hooks.endpoint(receiver.url)
    first, second = hooks.queue(endpoint_id, 1), hooks.queue(endpoint_id, 2)

    hooks.dispatcher().run_once()

    assert hooks.delivery(first).state == "failed"
    endpoint = hooks.endpoint_row(endpoint_id)
    assert not endpoint.enabled and "410" in endpoint.disabled_reason
    assert hooks.published == [WebhookDisabled(endpoint_id, receiver.url, endpoint.disabled_reason)]
    # The rows behind it wait, not lost, and nothing more is posted.
    hooks.clock.advance(timedelta(days=2))
    assert hooks.dispatcher().run_once() == 0
    assert len(receiver.requests) == 1 and hooks.delivery(second).state == "pending"


def test_a_redirect_is_a_failure_saying_where_it_points(hooks, webhook_receiver):
    receiver = webhook_receiver()
    receiver.script(Reply(302, headers={"Location": receiver.url + "/elsewhere"}))
    endpoint_id, _ = hooks.endpoint(receiver.url)
    delivery_id = hooks.queue(endpoint_id, 1)

    row = hooks.attempt(delivery_id)

    assert len(receiver.requests) == 1  # not followed
    assert (row.state, row.last_status) == ("pending", 302)
    assert row.last_error == f"redirects to {receiver.url}/elsewhere; redirects are not followed"


def test_after_the_last_retry_the_endpoint_is_disabled_and_the_event_published(
    hooks, webhook_receiver
):
    receiver = webhook_receiver()
    receiver.default = Reply(500)
    endpoint_id, _ = hooks.endpoint(receiver.url)
    delivery_id = hooks.queue(endpoint_id, 1)

    for _ in range(MAX_ATTEMPTS - 1):
        row = hooks.attempt(delivery_id)
        hooks.clock.set(row.next_attempt_at)
    assert row.state == "pending" and hooks.endpoint_row(endpoint_id).enabled
    assert hooks.published == []
    row = hooks.attempt(delivery_id)

    reason = f"gave up after {MAX_ATTEMPTS} attempts; last answer: HTTP 500"
    assert (row.state, row.attempts) == ("failed", MAX_ATTEMPTS)
    endpoint = hooks.endpoint_row(endpoint_id)
    assert (endpoint.enabled, endpoint.disabled_reason) == (False, reason)
    assert hooks.published == [WebhookDisabled(endpoint_id, receiver.url, reason)]
    assert len(receiver.requests) == MAX_ATTEMPTS


class BrokenSecretStore:
    """A password store that cannot be read (a locked keyring)."""

    def get_secret(self, name: str) -> str | None:
        raise FluenzrError("cannot use the password store: the keyring is locked")


def test_a_missing_or_unreadable_secret_is_a_recorded_failure(hooks, webhook_receiver):
    receiver = webhook_receiver()
    endpoint_id, _ = hooks.endpoint(receiver.url, secret=False)
    delivery_id = hooks.queue(endpoint_id, 1)
    dispatcher = hooks.dispatcher()
    dispatcher.start()
    try:
        until(lambda: hooks.delivery(delivery_id).attempts == 1)
    finally:
        dispatcher.stop()
    row = hooks.delivery(delivery_id)
    assert row.state == "pending" and "has no signing secret" in row.last_error
    assert dispatcher.last_error is None  # recorded, not a crash of the thread

    hooks.clock.set(row.next_attempt_at)
    row = attempt(hooks.workspace.sessions, hooks.clock, BrokenSecretStore(), delivery_id)
    assert row.attempts == 2 and "the keyring is locked" in row.last_error
    assert receiver.requests == []


def test_one_endpoint_keeps_order_and_a_slow_one_holds_back_no_other(hooks, webhook_receiver):
    slow, fast = webhook_receiver(), webhook_receiver()
    held = threading.Event()
    slow.script(Reply(hold=held))
    slow_id, _ = hooks.endpoint(slow.url)
    fast_id, _ = hooks.endpoint(fast.url)
    slow_rows = [hooks.queue(slow_id, seq) for seq in (1, 2, 3)]
    fast_rows = [hooks.queue(fast_id, seq) for seq in (1, 2, 3)]
    dispatcher = hooks.dispatcher()
    dispatcher.start()
    try:
        # The fast endpoint gets all three while the slow one's first answer is held.
        until(lambda: all(hooks.delivery(row).state == "delivered" for row in fast_rows))
        assert len(slow.requests) == 1
        assert [hooks.delivery(row).state for row in slow_rows] == [
            "delivering", "pending", "pending"]  # fmt: skip
        held.set()
        until(lambda: all(hooks.delivery(row).state == "delivered" for row in slow_rows))
    finally:
        dispatcher.stop()
    for receiver in (slow, fast):
        assert [request.json()["data"]["seq"] for request in receiver.requests] == [1, 2, 3]


def test_a_restart_mid_queue_loses_nothing(hooks, webhook_receiver):
    receiver = webhook_receiver()
    held = threading.Event()
    receiver.script(Reply(200), Reply(hold=held))
    endpoint_id, _ = hooks.endpoint(receiver.url)
    rows = [hooks.queue(endpoint_id, seq) for seq in (1, 2, 3, 4)]
    first = hooks.dispatcher()
    first.start()
    receiver.wait_for(2)  # the second post is in flight, its answer held
    first.stop(grace=0.05)  # abandoned: its row stays `delivering`
    assert [hooks.delivery(row).state for row in rows] == [
        "delivered", "delivering", "pending", "pending"]  # fmt: skip

    second = hooks.dispatcher()  # the next start of the app
    second.start()
    try:
        until(lambda: all(hooks.delivery(row).state == "delivered" for row in rows))
    finally:
        second.stop()
        held.set()
    seen = Counter(request.webhook_id for request in receiver.requests)
    ids = [hooks.delivery(row).webhook_id for row in rows]
    # At least once: the interrupted one twice, every other exactly once, in order.
    assert seen == Counter({ids[0]: 1, ids[1]: 2, ids[2]: 1, ids[3]: 1})
    assert [request.json()["data"]["seq"] for request in receiver.requests] == [1, 2, 2, 3, 4]


def test_without_a_plan_that_includes_webhooks_nothing_is_posted_and_rows_wait(
    workspace,
    memory_keyring,  # noqa: F811
    grant_plan,
    webhook_receiver,
):
    workspace.clock = ManualClock(next_weekday_at(WEDNESDAY, 10))
    hooks = Hooks(workspace, workspace.clock)
    receiver = webhook_receiver()
    endpoint_id, secret = hooks.endpoint(receiver.url)
    delivery_id = hooks.queue(endpoint_id, 1)
    service = EngineService(workspace, watch_inbox=False)
    service.exclusive()
    try:
        assert service.deliver_webhooks() == 0  # Free
        grant_plan(workspace, "starter")
        assert service.deliver_webhooks() == 0  # Starter: no webhooks either
        assert receiver.requests == [] and hooks.delivery(delivery_id).state == "pending"

        grant_plan(workspace, "pro")
        assert service.deliver_webhooks() == 1
    finally:
        service.lock.release()
    assert hooks.delivery(delivery_id).state == "delivered"
    verify(receiver.requests[0], secret)
