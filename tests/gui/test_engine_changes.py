"""The engine's work reaches the open screens as one throttled change broadcast."""

from __future__ import annotations

import threading
from datetime import datetime

from fluenzr_desktop.engine.bus import EventBus
from fluenzr_desktop.engine.events import EngineState, Sent, TickDone, Waiting
from fluenzr_desktop.engine.report import TickReport
from fluenzr_desktop.gui.bridge import ENGINE_CHANGES, EngineChangeRelay
from fluenzr_desktop.ops import Changes
from tests.engine.conftest import email, linear, make_world  # noqa: F401
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401
from tests.fixtures.smtp_server import smtp_certificate, smtp_server_factory  # noqa: F401


def sent(number: int) -> Sent:
    return Sent(campaign_id=1, enrollment_id=number, node_id="s1",
                contact_email=f"c{number}@acme.io", message_id=f"<{number}@startup.io>")  # fmt: skip


def test_a_burst_of_sends_from_the_engine_thread_is_one_or_two_broadcasts(qtbot, broadcasts):
    bus = EventBus()
    relay = EngineChangeRelay(bus, interval_ms=500)
    burst = threading.Thread(target=lambda: [bus.publish(sent(n)) for n in range(2000)])

    burst.start()
    burst.join()
    qtbot.waitUntil(lambda: len(broadcasts) >= 1, timeout=5000)
    qtbot.wait(1200)  # longer than the interval: a trailing broadcast would have come

    # The first event is broadcast at once, the rest of the burst at most once more.
    assert 1 <= len(broadcasts) <= 2
    assert set(broadcasts) == {Changes(campaigns=True, enrollments=True, outbox=True)}
    relay.detach()


def test_broadcasts_are_spaced_by_the_interval(qtbot, broadcasts):
    bus = EventBus()
    # A wide interval: a slow machine's 150 ms wait must stay well inside it.
    relay = EngineChangeRelay(bus, interval_ms=1500)
    bus.publish(sent(1))
    qtbot.waitUntil(lambda: len(broadcasts) == 1, timeout=2000)
    bus.publish(sent(2))
    bus.publish(sent(3))
    qtbot.wait(150)
    assert len(broadcasts) == 1  # the second waits for the end of the interval
    qtbot.waitUntil(lambda: len(broadcasts) == 2, timeout=4000)
    relay.detach()


def test_events_that_change_nothing_broadcast_nothing(qtbot, broadcasts):
    bus = EventBus()
    relay = EngineChangeRelay(bus, interval_ms=100)
    bus.publish(Waiting(campaign_id=1, enrollment_id=1, until=datetime(2026, 1, 1), cause="delay"))
    bus.publish(TickDone.of(TickReport()))  # the engine idling
    bus.publish(EngineState("running"))
    qtbot.wait(300)
    assert broadcasts == []
    relay.detach()


def test_the_window_turns_the_engines_sends_into_few_broadcasts(
    qtbot,
    make_world,  # noqa: F811
    main_window,
    broadcasts,
):
    world = make_world()
    world.add_contacts([f"c{n}@acme.io,C{n},Acme" for n in range(40)])
    world.new_campaign(linear(email("Hello {{firstName}}")))
    window = main_window(world.service)
    listing = window.campaigns_list
    reloads: list[int] = []
    listing.loaded.connect(lambda: reloads.append(len(listing.rows)))

    # The engine's thread sends to 40 contacts: 40 Started, Sent and Completed, a tick, …
    ticking = threading.Thread(target=world.tick)
    ticking.start()
    ticking.join()
    qtbot.waitUntil(lambda: ENGINE_CHANGES in broadcasts, timeout=5000)
    qtbot.wait(1500)  # past the throttle's interval: any trailing broadcast has come

    assert len(world.server.messages) == 40
    assert 1 <= len(broadcasts) <= 3
    # The campaigns screen reloaded itself a few times at most, and shows the outcome.
    qtbot.waitUntil(lambda: len(reloads) >= len(broadcasts), timeout=5000)
    assert len(reloads) <= 3
    assert listing.table.item(0, 1).text() == "Completed"
    window.close()
