"""The engine as a service: reconcile after a crash, then tick on a schedule (APScheduler).

Runs inside the GUI process (a background thread) or alone (`fluenzr engine run`).
Stopping waits for the message in flight, never more. Webhooks are delivered beside the
ticks by a dispatcher of their own (`webhook_delivery`), so a slow receiver never holds
back sending.
"""

from __future__ import annotations

import contextlib
import logging
import random
import threading
import time
from datetime import UTC, datetime

from ..domain.clock import wall_datetime
from ..domain.errors import FluenzrError
from ..domain.plans import feature_gate
from ..store.licence import plan_in_force
from ..workspace import Workspace
from .bus import EventBus
from .connections import Connections
from .events import EngineError, EngineState, TickDone
from .inbox import InboxSync
from .lock import EngineLock
from .reconcile import Reconciliation, reconcile
from .report import TickReport
from .runner import Runner
from .tracking import PullReport, RelayClient, TrackingPull, load_relay
from .watcher import InboxWatcher
from .webhook_delivery import WebhookDispatcher
from .webhook_feed import WebhookFeed

log = logging.getLogger(__name__)
TICK_SECONDS = 5.0
# How often the tracking relay is read while the engine runs, and how old a pull may be
# when a condition asks whether a contact opened or clicked.
TRACKING_PULL_SECONDS = 60.0
TRACKING_FRESH_SECONDS = 30.0
# How long the plan read for webhooks is trusted (a licence installed is seen within it).
PLAN_CHECK_SECONDS = 10.0


class EngineService:
    """One workspace's engine: a Runner, its connections and the periodic tick job."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        connections: Connections | None = None,
        bus: EventBus | None = None,
        rng: random.Random | None = None,
        tick_seconds: float = TICK_SECONDS,
        watch_inbox: bool = True,
        owner: str = "an engine",
    ) -> None:
        self.workspace = workspace
        # The workspace's clock: what the engine stamps and what the store stamps agree.
        self.clock = workspace.clock
        self.bus = bus or EventBus()
        self.connections = connections or Connections(workspace.secret_store())
        self.runner = Runner(
            workspace.sessions,
            self.clock,
            self.connections.transport,
            unsubscribe_secret=workspace.unsubscribe_secret,
            bus=self.bus,
            rng=rng,
            sent_copy=self.connections.sent_copy,
            sent_lookup=self.connections.sent_lookup,
            relay_loader=lambda: load_relay(workspace),
        )
        self.inbox = InboxSync(
            workspace.sessions,
            self.clock,
            self.connections.mailbox,
            unsubscribe_secret=workspace.unsubscribe_secret,
            bus=self.bus,
        )
        # Just before a follow-up: read the inbox if it is more than a minute old.
        self.runner.reply_check = self.inbox.sync_if_stale
        # Just before an opened/clicked condition: read the relay if it is 30 s old.
        self.runner.tracking_check = self._pull_tracking_if_stale
        self._tracking_lock = threading.Lock()
        self._tracking_pulled_at: datetime | None = None
        self._tracking_failed_at: datetime | None = None
        self.tracking_error: str | None = None
        self.watcher = InboxWatcher(workspace.sessions, self.inbox) if watch_inbox else None
        # Outgoing webhooks: fed from the events table, posted in threads of their own.
        self.webhooks = WebhookDispatcher(
            workspace.sessions,
            self.clock,
            self.connections.secrets,
            self.bus,
            plan_allows=self.webhooks_allowed,
            feed=WebhookFeed(workspace.sessions, self.clock),
            rng=rng,
        )
        self.tick_seconds = tick_seconds
        self.last_error: str | None = None
        self._scheduler = None
        self._reconciled = False
        self._tick_lock = threading.Lock()
        # One engine per workspace: held while running (`start`) or by `exclusive()`.
        self.lock = EngineLock(workspace.root, owner)
        self._webhooks_plan = (float("-inf"), False)

    @property
    def running(self) -> bool:
        return self._scheduler is not None

    def reconcile(self) -> Reconciliation:
        """Resolve messages left `sending` by a crash (done once, before the first tick)."""
        outcome = reconcile(self.workspace.sessions, self.runner, self.connections.sent_lookup)
        self._reconciled = True  # each held message was announced on the bus as it was held
        return outcome

    def tick(self) -> TickReport:
        """One tick now (also what the scheduler runs); never two at once."""
        with self._tick_lock:
            if not self._reconciled:
                self.reconcile()
            try:
                report = self.runner.tick()
            except Exception as error:  # the schedule goes on; the GUI shows the error
                log.exception("engine tick failed")
                self.last_error = f"{type(error).__name__}: {error}"
                self.bus.publish(EngineError(message=self.last_error))
                raise
            self.last_error = None
            self.bus.publish(TickDone.of(report))
            return report

    def pull_tracking(self) -> PullReport | None:
        """Read the tracking relay's new hits (None when no relay is set); one pull at a time.

        RelayUnreachable or FluenzrError (a bad key file) when it cannot.
        """
        relay = load_relay(self.workspace)
        if relay is None:
            return None
        with self._tracking_lock:
            puller = TrackingPull(self.workspace.sessions, self.clock, RelayClient(relay), self.bus)
            report = puller.pull()
            self._tracking_pulled_at = self.clock.now()
            self.tracking_error = None
        return report

    def _pull_tracking_if_stale(self) -> str | None:
        """Before a condition: pull unless a pull is recent. None when the hits are fresh,
        else why the relay could not be read (the runner decides what the contact does)."""
        now = self.clock.now()
        last = self._tracking_pulled_at
        if last is not None and (now - last).total_seconds() < TRACKING_FRESH_SECONDS:
            return None
        failed = self._tracking_failed_at
        if failed is not None and (now - failed).total_seconds() < TRACKING_FRESH_SECONDS:
            # A relay that just failed is not asked again for every contact of a tick
            # (each try may cost its whole time-out).
            return self.tracking_error
        return self._scheduled_pull()

    def _scheduled_pull(self) -> str | None:
        try:
            self.pull_tracking()
        except FluenzrError as error:
            self.tracking_error = str(error)
            self._tracking_failed_at = self.clock.now()
            log.warning("tracking relay: %s", error)
            return self.tracking_error
        self._tracking_failed_at = None
        return None

    def webhooks_allowed(self) -> bool:
        """Whether the plan in force includes webhooks (otherwise queued rows wait).

        Read again at most every PLAN_CHECK_SECONDS: the dispatcher asks every second, and
        checking the licence's signature each time would keep an idle app busy.
        """
        checked_at, allowed = self._webhooks_plan
        if time.monotonic() - checked_at < PLAN_CHECK_SECONDS:
            return allowed
        with self.workspace.sessions() as session:
            status = plan_in_force(session, self.clock.now().date())
        allowed = feature_gate("webhooks", status.plan, status.features) is None
        self._webhooks_plan = (time.monotonic(), allowed)
        return allowed

    def deliver_webhooks(self) -> int:
        """Post every webhook due now and wait for the answers (`engine run --once`).

        Returns the attempts made. Rows an earlier run left `delivering` are released
        first when this service holds the engine lock (no one else can be posting them).
        """
        if not self.webhooks.running and self.lock.held:
            self.webhooks.release_stale()
        self._webhooks_plan = (float("-inf"), False)  # asked now: the plan as it is now
        return self.webhooks.run_once()

    def _scheduled_tick(self) -> None:
        with contextlib.suppress(Exception):  # already logged and published
            self.tick()

    def exclusive(self) -> EngineLock:
        """The workspace's engine lock, taken: EngineBusy names the process that has it."""
        self.lock.acquire()
        return self.lock

    def start(self) -> None:
        """Start ticking in a background thread (first tick at once).

        Raises EngineBusy when another process already runs this workspace's engine.
        """
        if self._scheduler is not None:
            return
        from apscheduler.schedulers.background import BackgroundScheduler

        self.lock.acquire()
        self.runner.stop_requested.clear()
        scheduler = BackgroundScheduler(timezone=UTC)
        scheduler.add_job(
            self._scheduled_tick,
            "interval",
            seconds=self.tick_seconds,
            id="engine-tick",
            max_instances=1,
            coalesce=True,
            next_run_time=wall_datetime(),  # the scheduler runs on real time
        )
        scheduler.add_job(
            self._scheduled_pull,
            "interval",
            seconds=TRACKING_PULL_SECONDS,
            id="tracking-pull",
            max_instances=1,
            coalesce=True,
            next_run_time=wall_datetime(),
        )
        scheduler.start()
        self._scheduler = scheduler
        if self.watcher is not None:
            self.watcher.start()
        self.webhooks.start()
        self.bus.publish(EngineState(state="running"))

    def stop(self) -> None:
        """Stop after the message in flight; close connections."""
        self.runner.stop_requested.set()
        self.webhooks.stop()
        if self.watcher is not None:
            self.watcher.stop()
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=True)
            self._scheduler = None
        self.connections.close()
        self.lock.release()
        self.bus.publish(EngineState(state="stopped"))
