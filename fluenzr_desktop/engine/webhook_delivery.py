"""Delivering queued webhooks: signed HTTP POSTs with retries (Standard Webhooks 1.0).

`attempt` posts one row of `webhook_deliveries` once; `WebhookDispatcher` runs in its own
thread beside the sending engine, feeds the queue from the events table and posts every
endpoint's due head.

Guarantees:
- Each attempt signs anew (the injected clock's now, one signature per secret in force)
  and posts the row's exact bytes under its fixed `webhook-id`.
- Every outcome commits in its own transaction right after the answer; no transaction
  is open while a request is in flight.
- An endpoint's rows go out strictly in id order (only its head is ever due, one in
  flight per endpoint); a slow endpoint holds back nobody else (one worker thread each).
- A 2xx is delivered. Anything else, a time-out or a connection error is retried on
  `domain.webhooks.next_attempt`'s schedule; 410 Gone, or a failure after the last retry,
  fails the row and disables the endpoint with a reason (`WebhookDisabled` is published).
  Redirects are never followed.
- A row left `delivering` (a crash, a stop mid-post) goes back to pending at the next
  start: delivery is at least once, never lost.
"""

from __future__ import annotations

import http.client
import logging
import random
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from .. import __version__
from ..domain.clock import Clock
from ..domain.webhooks import (
    GONE,
    GONE_REASON,
    PING,
    TIMEOUT_SECONDS,
    gave_up_reason,
    headers,
    is_success,
    next_attempt,
)
from ..store import webhooks as queue
from ..store.secrets import SecretStore
from ..store.webhooks import Delivery, Endpoint
from .bus import EventBus
from .events import WebhookDisabled

if TYPE_CHECKING:
    from .webhook_feed import WebhookFeed

log = logging.getLogger(__name__)

USER_AGENT = f"FluenzR-Desktop/{__version__}"
# Bytes of the receiver's answer read (enough for the 1,000 characters kept).
ANSWER_READ_BYTES = 4 * queue.RESPONSE_CHARS
# How long `stop()` lets posts in flight finish before abandoning them.
STOP_GRACE_SECONDS = 1.0
# Keyring backends are not all thread-safe: one secret read at a time.
_secret_lock = threading.Lock()


@dataclass(frozen=True)
class Answer:
    """What one POST got: a status and answer text, or an error (time-out, refused, …)."""

    status: int | None = None
    text: str | None = None
    retry_after: str | None = None
    error: str | None = None

    @property
    def delivered(self) -> bool:
        return self.status is not None and is_success(self.status)

    def summary(self) -> str:
        """One line for a disabled endpoint's reason: "HTTP 500" or the error."""
        if self.status is not None:
            return f"HTTP {self.status}" + (f" ({self.error})" if self.error else "")
        return self.error or "no answer"


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A 3xx comes back as an HTTPError (a failure), never followed."""

    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects())


def _read_text(response) -> str:
    try:
        data = response.read(ANSWER_READ_BYTES)
    except (OSError, http.client.HTTPException):
        return ""
    return data.decode("utf-8", errors="replace")[: queue.RESPONSE_CHARS]


def post(url: str, body: bytes, request_headers: dict[str, str], timeout: float) -> Answer:
    """POST `body` to `url` once; every failure comes back as an Answer, never raised."""
    request = urllib.request.Request(url, data=body, headers=request_headers, method="POST")
    try:
        with _opener.open(request, timeout=timeout) as response:
            return Answer(status=response.status, text=_read_text(response))
    except urllib.error.HTTPError as answer:
        with answer:
            text = _read_text(answer)
        error = None
        if 300 <= answer.code < 400:
            where = answer.headers.get("Location") or "nowhere"
            error = f"redirects to {where}; redirects are not followed"
        return Answer(answer.code, text, answer.headers.get("Retry-After"), error)
    except urllib.error.URLError as failure:
        return Answer(error=_connection_error(failure.reason, timeout))
    except (OSError, http.client.HTTPException) as failure:
        return Answer(error=_connection_error(failure, timeout))
    except ValueError as failure:  # a URL urllib cannot use
        return Answer(error=f"cannot post to {url}: {failure}")


def _connection_error(reason: object, timeout: float) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {timeout:g} s (time-out)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, http.client.RemoteDisconnected):
        return "the connection closed without an answer"
    if isinstance(reason, socket.gaierror):
        return f"unknown host ({reason.strerror or reason})"
    if isinstance(reason, OSError) and reason.strerror:
        return f"connection failed: {reason.strerror}"
    return f"connection failed: {reason}"


def unix_seconds(when: datetime) -> int:
    """A naive UTC time as integer Unix seconds (the `webhook-timestamp`)."""
    return int(when.replace(tzinfo=UTC).timestamp())


def signing_secrets(secret_store: SecretStore, endpoint: Endpoint, now: datetime) -> list[str]:
    """The secrets that sign now: the endpoint's own, and the previous one while rotating.

    LookupError (one readable line) when the endpoint has no secret; the store's own
    error when it cannot be read.
    """
    with _secret_lock:
        current = secret_store.get_secret(f"webhook:{endpoint.id}")
        previous = None
        until = endpoint.previous_secret_until
        if until is not None and until > now:
            previous = secret_store.get_secret(f"webhook:{endpoint.id}:previous")
    if not current:
        raise LookupError(
            f"webhook {endpoint.id} has no signing secret in the password store "
            "(rotate its secret to make a new one)"
        )
    return [current] + ([previous] if previous else [])


def _post_delivery(
    secret_store: SecretStore,
    clock: Clock,
    endpoint: Endpoint,
    delivery: Delivery,
    timeout: float,
) -> Answer:
    """Sign and post one delivery now; a missing or unreadable secret is an Answer too."""
    now = clock.now()
    try:
        secrets_in_force = signing_secrets(secret_store, endpoint, now)
    except LookupError as error:
        return Answer(error=str(error))
    except Exception as error:  # the keyring failed: recorded, never a dead thread
        return Answer(error=f"cannot read the signing secret: {error}")
    body = delivery.body.encode("utf-8")
    request_headers = {
        **headers(secrets_in_force, delivery.webhook_id, unix_seconds(now), body),
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
    }
    return post(endpoint.url, body, request_headers, timeout)


def _record(
    sessions: sessionmaker[Session],
    clock: Clock,
    delivery: Delivery,
    endpoint: Endpoint,
    answer: Answer,
    rng: random.Random | None,
) -> WebhookDisabled | None:
    """Commit the outcome of one attempt; the event to publish when it disabled the endpoint."""
    now = clock.now()
    failed_attempts = delivery.attempts + 1
    disabled: str | None = None
    with sessions() as session:
        if answer.delivered:
            queue.record_success(session, delivery.id, now, answer.status, answer.text)
        else:
            retry_at = None
            if delivery.event_type == PING:
                pass  # a test is answered now or never: it never waits in the queue
            elif answer.status == GONE:
                disabled = GONE_REASON
            else:
                retry_at = next_attempt(
                    failed_attempts, answer.status, answer.retry_after, now, rng
                )
                if retry_at is None:
                    disabled = gave_up_reason(failed_attempts, answer.summary())
            queue.record_failure(
                session,
                delivery.id,
                now,
                status=answer.status,
                response=answer.text,
                error=answer.error,
                retry_at=retry_at,
            )
            if disabled is not None:
                queue.disable_endpoint(session, endpoint.id, disabled)
        session.commit()
    if disabled is None:
        return None
    log.warning("webhook %s disabled: %s", endpoint.id, disabled)
    return WebhookDisabled(endpoint_id=endpoint.id, url=endpoint.url, reason=disabled)


def _claim(sessions: sessionmaker[Session], delivery_id: int, now: datetime) -> bool:
    with sessions() as session:
        taken = queue.claim(session, delivery_id, now)
        session.commit()
    return taken


def _load(sessions: sessionmaker[Session], delivery_id: int) -> tuple[Delivery, Endpoint]:
    with sessions() as session:
        delivery = queue.get_delivery(session, delivery_id)
        return delivery, queue.get_endpoint(session, delivery.endpoint_id)


def attempt(
    sessions: sessionmaker[Session],
    clock: Clock,
    secret_store: SecretStore,
    delivery_id: int,
    *,
    claimed: bool = False,
    rng: random.Random | None = None,
    bus: EventBus | None = None,
    timeout: float = TIMEOUT_SECONDS,
) -> Delivery:
    """Post one delivery once and record the outcome; returns the row as it now is.

    Claims the row first unless `claimed` (a row someone else holds is returned untouched).
    FluenzrError when the delivery or its endpoint does not exist.
    """
    if not claimed and not _claim(sessions, delivery_id, clock.now()):
        return _load(sessions, delivery_id)[0]
    delivery, endpoint = _load(sessions, delivery_id)
    answer = _post_delivery(secret_store, clock, endpoint, delivery, timeout)
    event = _record(sessions, clock, delivery, endpoint, answer, rng)
    if event is not None and bus is not None:
        bus.publish(event)
    return _load(sessions, delivery_id)[0]


class WebhookDispatcher:
    """Delivers the queue in a thread of its own: one worker per endpoint in flight."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        secret_store: SecretStore,
        bus: EventBus,
        *,
        plan_allows: Callable[[], bool],
        feed: WebhookFeed | None = None,
        poll_seconds: float = 1.0,
        max_workers: int = 8,
        rng: random.Random | None = None,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        self.sessions = sessions
        self.clock = clock
        self.secret_store = secret_store
        self.bus = bus
        self.plan_allows = plan_allows
        self.feed = feed
        self.poll_seconds = poll_seconds
        self.max_workers = max(1, max_workers)
        self.rng = rng
        self.timeout = timeout
        self.last_error: str | None = None
        self._in_flight: dict[int, threading.Thread] = {}  # endpoint id → its worker
        self._lock = threading.Lock()
        # Held while an outcome is written; `stop()` takes it to end the generation, so a
        # post abandoned by a stop never writes afterwards (its row is released instead).
        self._record_lock = threading.Lock()
        self._generation = 0
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def release_stale(self) -> int:
        """Rows left `delivering` by a crash or a stop mid-post go back to pending."""
        with self.sessions() as session:
            released = queue.release_stale(session)
            session.commit()
        if released:
            log.info("%d webhook deliveries interrupted earlier will be posted again", released)
        return released

    def start(self) -> None:
        """Release interrupted rows, then deliver in a background thread until `stop()`."""
        if self._thread is not None:
            return
        self.release_stale()
        self._stopping.clear()
        self._thread = threading.Thread(target=self._loop, name="webhook-dispatcher", daemon=True)
        self._thread.start()

    def stop(self, grace: float = STOP_GRACE_SECONDS) -> None:
        """Stop promptly: posts still in flight after `grace` seconds are abandoned (their
        rows stay `delivering` and are posted again at the next start)."""
        thread = self._thread
        if thread is None:
            return
        self._stopping.set()
        self._wake.set()
        thread.join(timeout=max(grace, 0.1))
        with self._lock:
            workers = list(self._in_flight.values())
        for worker in workers:
            worker.join(timeout=grace)  # they run in parallel: `grace` in all
            grace = 0.0
        with self._record_lock:
            self._generation += 1
        self._thread = None

    def wake(self) -> None:
        """Look at the queue now (a delivery was queued or an endpoint enabled)."""
        self._wake.set()

    def run_once(self) -> int:
        """Feed once, then post every due head (again while heads fall due) and wait for them.

        Each row is attempted at most once per call; returns the attempts made.
        """
        self._feed()
        if not self._allowed():
            return 0
        tried: set[int] = set()
        while True:
            with self._lock:
                busy = set(self._in_flight)
            with self.sessions() as session:
                heads = queue.due_heads(session, self.clock.now(), busy)
            workers = []
            for head in heads:
                if head.id not in tried and (worker := self._launch(head)) is not None:
                    tried.add(head.id)
                    workers.append(worker)
            if not workers:
                with self._lock:
                    workers = list(self._in_flight.values())
                if not workers or not any(head.id not in tried for head in heads):
                    return len(tried)
            for worker in workers:
                worker.join()

    # --- The loop ----------------------------------------------------------------------

    def _loop(self) -> None:
        while not self._stopping.is_set():
            wait = self.poll_seconds
            try:
                self._feed()
                if self._allowed():
                    launched = self._launch_due()
                    wait = self._seconds_to_next_due(launched)
            except Exception as error:  # the loop goes on; the error is logged and kept
                log.exception("webhook delivery failed")
                self.last_error = f"{type(error).__name__}: {error}"
            self._wake.wait(wait)
            self._wake.clear()

    def _feed(self) -> None:
        if self.feed is None:
            return
        try:
            self.feed.run_once()
        except Exception as error:
            log.exception("reading events for webhooks failed")
            self.last_error = f"{type(error).__name__}: {error}"

    def _allowed(self) -> bool:
        try:
            return bool(self.plan_allows())
        except Exception as error:
            log.exception("reading the plan for webhooks failed")
            self.last_error = f"{type(error).__name__}: {error}"
            return False

    def _launch_due(self) -> int:
        with self._lock:
            busy = set(self._in_flight)
        with self.sessions() as session:
            heads = queue.due_heads(session, self.clock.now(), busy)
        return sum(self._launch(head, from_loop=True) is not None for head in heads)

    def _seconds_to_next_due(self, launched: int) -> float:
        with self.sessions() as session:
            due = queue.next_due_at(session)
        if due is None:
            return self.poll_seconds
        wait = (due - self.clock.now()).total_seconds()
        if wait <= 0 and not launched:
            # Due but not startable now (every worker busy): a finishing worker wakes us.
            return self.poll_seconds
        return min(max(wait, 0.0), self.poll_seconds)

    def _launch(self, head: Delivery, from_loop: bool = False) -> threading.Thread | None:
        """Claim `head` and post it in a worker thread; None when not started."""
        with self._lock:
            if from_loop and self._stopping.is_set():
                return None
            if head.endpoint_id in self._in_flight or len(self._in_flight) >= self.max_workers:
                return None
            if not _claim(self.sessions, head.id, self.clock.now()):
                return None
            worker = threading.Thread(
                target=self._work,
                args=(head.id, head.endpoint_id, self._generation),
                name=f"webhook-{head.endpoint_id}",
                daemon=True,  # a post in flight never keeps the process alive
            )
            self._in_flight[head.endpoint_id] = worker
        worker.start()
        return worker

    def _work(self, delivery_id: int, endpoint_id: int, generation: int) -> None:
        event = None
        try:
            delivery, endpoint = _load(self.sessions, delivery_id)
            answer = _post_delivery(self.secret_store, self.clock, endpoint, delivery, self.timeout)
            with self._record_lock:
                if generation == self._generation:
                    event = _record(self.sessions, self.clock, delivery, endpoint, answer, self.rng)
        except Exception as error:  # a removed endpoint, a database error: logged, not fatal
            log.exception("webhook delivery %s failed", delivery_id)
            self.last_error = f"{type(error).__name__}: {error}"
        finally:
            with self._lock:
                if self._in_flight.get(endpoint_id) is threading.current_thread():
                    del self._in_flight[endpoint_id]
            self._wake.set()
        if event is not None:
            self.bus.publish(event)


__all__ = ["Answer", "WebhookDispatcher", "attempt", "post", "unix_seconds"]
