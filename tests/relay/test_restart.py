"""A relay stopped or killed in the middle of a burst loses no hit it answered."""

from __future__ import annotations

import http.client
import signal
import threading

import pytest

from fluenzr_relay.tokens import make_token
from tests.fixtures.relay_server import GMAIL_IMAGE_PROXY, send_id

CLIENTS = 8
ANSWERED_BEFORE_THE_STOP = 300


class Burst:
    """Clients on keep-alive connections sending distinct pixel hits until the relay goes away."""

    def __init__(self, relay) -> None:
        self.relay = relay
        self.answered: set[str] = set()
        self.lock = threading.Lock()
        self.enough = threading.Event()
        self.threads = [threading.Thread(target=self._client, args=(n,)) for n in range(CLIENTS)]

    def _client(self, client: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.relay.port, timeout=30)
        number = client
        try:
            while True:
                fields = {"k": "o", "s": send_id(number)}
                connection.request(
                    "GET",
                    f"/o/{make_token(self.relay.keys, fields)}.gif",
                    headers={"User-Agent": GMAIL_IMAGE_PROXY},
                )
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    return
                with self.lock:
                    self.answered.add(fields["s"])
                    if len(self.answered) >= ANSWERED_BEFORE_THE_STOP:
                        self.enough.set()
                number += CLIENTS
        except (OSError, http.client.HTTPException):
            return  # the relay went away: from here on nothing was answered
        finally:
            connection.close()

    def __enter__(self) -> Burst:
        for thread in self.threads:
            thread.start()
        assert self.enough.wait(timeout=120), "the relay did not answer the burst"
        return self

    def __exit__(self, *exc_info) -> None:
        for thread in self.threads:
            thread.join(timeout=60)


@pytest.mark.heavy
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "kill-9"])
def test_a_relay_stopped_mid_burst_keeps_every_answered_hit(start_relay, how):
    relay = start_relay()
    with Burst(relay) as burst:
        code = relay.stop(how)
    if how == signal.SIGTERM:
        assert code == 0, relay.lines
        assert relay.lines[-1] == "fluenzr-relay stopped"
    else:
        assert code == -signal.SIGKILL

    restarted = start_relay()
    recorded = [event["token"]["s"] for event in restarted.events()]
    assert len(burst.answered) >= ANSWERED_BEFORE_THE_STOP
    assert burst.answered <= set(recorded), "answered hits missing after the restart"
    # Nothing is recorded twice: each hit was sent once.
    assert len(recorded) == len(set(recorded))
    # The restarted relay keeps recording after the old ones.
    assert restarted.get(restarted.pixel({"k": "o", "s": send_id(10**9)})).status == 200
    assert restarted.events()[-1]["token"]["s"] == send_id(10**9)
