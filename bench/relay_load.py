"""Benchmark: hits per second one `fluenzr-relay` process takes on loopback, and a lossless burst.

In the same run:
  - the relay (`python -m fluenzr_relay`, its real command, a fresh SQLite file);
  - as reference, a bare uvicorn "hello" ASGI app with the same uvicorn settings (h11,
    asyncio loop, no access log), answering 200 "hello" to every request;
each driven by the same load generator: raw HTTP/1.1 keep-alive clients on asyncio, in a
separate process, for pixel, click and mixed traffic (opens, clicks, unsubscribe POSTs, HEAD).
Prints hits/s side by side and the ratio (target: relay >= 0.5x the bare app), then sends a
burst of 20,000 distinct pixel hits and checks through `/v1/events` that every one came back.

Usage: .venv/bin/python bench/relay_load.py [--seconds 5] [--connections 64] [--burst 20000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from fluenzr_relay.tokens import RelayKeys, events_bearer, make_token

SEND_ID_COUNT = 1000
USER_AGENTS = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
    "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)",
)


# ----- the reference app, run in its own process by `--serve-hello` -----


async def hello_app(scope, receive, send):
    """The bare ASGI app: no routing, no token, no database."""
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            else:
                await send({"type": "lifespan.shutdown.complete"})
                return
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"text/plain"), (b"content-length", b"5")],
        }
    )
    await send({"type": "http.response.body", "body": b"hello"})


def serve_hello() -> None:
    """Serve hello_app with the relay's uvicorn settings on a free loopback port."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)  # as the relay
    sock.bind(("127.0.0.1", 0))
    sock.listen(2048)
    config = uvicorn.Config(
        hello_app,
        lifespan="on",
        http="h11",
        loop="asyncio",
        proxy_headers=True,
        server_header=False,
        date_header=True,
        access_log=False,
        log_level="warning",
    )
    print(f"hello listening on http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    uvicorn.Server(config).run(sockets=[sock])


# ----- the load generator, run in its own process by `--drive` -----


def body_length(head: bytes) -> int:
    """The Content-Length of a response head (lowercased), 0 when absent."""
    marker = head.find(b"content-length:")
    if marker < 0:
        return 0
    line_end = head.find(b"\r\n", marker)
    return int(head[marker + 15 : line_end if line_end > 0 else len(head)])


class Client(asyncio.Protocol):
    """One keep-alive connection: sends the next request as soon as a response is complete."""

    def __init__(self, requests: list[bytes], state: dict, done: asyncio.Future) -> None:
        self.requests = requests
        self.state = state
        self.done = done
        self.buffer = b""
        self.in_flight_is_head = False
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport) -> None:
        self.transport = transport
        self.send_next()

    def send_next(self) -> None:
        state = self.state
        if state["stop"] or (state["limit"] and state["sent"] >= state["limit"]):
            self.transport.close()
            return
        request = self.requests[state["sent"] % len(self.requests)]
        state["sent"] += 1
        self.in_flight_is_head = request.startswith(b"HEAD ")
        self.transport.write(request)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end].lower()
            length = 0 if self.in_flight_is_head else body_length(head)
            if len(self.buffer) < end + 4 + length:
                return
            status = int(head[9:12])
            self.buffer = self.buffer[end + 4 + length :]
            self.state["answered"] += 1
            if status >= 400:
                self.state["errors"] += 1
            self.send_next()

    def connection_lost(self, exc) -> None:
        if not self.done.done():
            self.done.set_result(None)


async def drive(
    port: int, requests: list[bytes], connections: int, seconds: float, limit: int
) -> dict:
    loop = asyncio.get_running_loop()
    state = {"stop": False, "sent": 0, "answered": 0, "errors": 0, "limit": limit}
    finished = [loop.create_future() for _ in range(connections)]
    started = time.perf_counter()
    for done in finished:
        await loop.create_connection(lambda d=done: Client(requests, state, d), "127.0.0.1", port)
    if seconds:
        await asyncio.sleep(seconds)
        state["stop"] = True
    await asyncio.gather(*finished)
    elapsed = time.perf_counter() - started
    return {"answered": state["answered"], "errors": state["errors"], "seconds": elapsed}


def run_driver(
    port: int, requests: list[bytes], connections: int, seconds: float, limit: int
) -> dict:
    """Run the load generator as a separate process (the server gets a CPU of its own)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump([r.decode("latin-1") for r in requests], handle)
    try:
        command = [sys.executable, __file__, "--drive", str(port), handle.name,
                   str(connections), str(seconds), str(limit)]  # fmt: skip
        completed = subprocess.run(command, capture_output=True, text=True, check=False)
        if completed.returncode != 0:
            sys.exit(f"load generator failed: {completed.stderr.strip()[-500:]}")
        return json.loads(completed.stdout)
    finally:
        os.unlink(handle.name)


# ----- requests -----


def get(path: str, agent: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: relay.example.com\r\nUser-Agent: {agent}\r\nAccept: */*\r\n\r\n".encode()


def requests_for(keys: RelayKeys, traffic: str, seed: int = 1) -> list[bytes]:
    chooser = random.Random(seed)
    send_ids = [f"{chooser.getrandbits(128):032x}" for _ in range(SEND_ID_COUNT)]
    result = []
    for number, send_id in enumerate(send_ids):
        agent = USER_AGENTS[number % len(USER_AGENTS)]
        pixel = get(f"/o/{make_token(keys, {'k': 'o', 's': send_id})}.gif", agent)
        click_fields = {"k": "c", "s": send_id, "l": number % 3,
                        "u": f"https://www.example.com/pricing?ref=mail&n={number}"}  # fmt: skip
        click = get(f"/c/{make_token(keys, click_fields)}", agent)
        if traffic == "pixel":
            result.append(pixel)
        elif traffic == "click":
            result.append(click)
        else:
            body = b"List-Unsubscribe=One-Click"
            unsubscribe = (
                f"POST /u/{make_token(keys, {'k': 'u', 's': send_id})} HTTP/1.1\r\n"
                f"Host: relay.example.com\r\nUser-Agent: {agent}\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n"
                f"Content-Length: {len(body)}\r\n\r\n"
            ).encode() + body
            head = pixel.replace(b"GET ", b"HEAD ", 1)
            roll = number % 20
            result.append(
                unsubscribe if roll == 0 else head if roll == 1 else click if roll < 8 else pixel
            )
    return result


# ----- servers -----


def start(command: list[str]) -> tuple[subprocess.Popen, int]:
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    if "listening on" not in line:
        process.kill()
        sys.exit(f"{command[2]} did not start: {line}{process.stderr.read()[-500:]}")
    return process, int(line.rsplit(":", 1)[1])


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=60)


def events(port: int, bearer: str) -> list[dict]:
    found, after = [], 0
    while True:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/v1/events?after={after}&limit=1000",
            headers={"Authorization": f"Bearer {bearer}"},
        )
        with urllib.request.urlopen(request) as response:
            page = json.load(response)
        found.extend(page["events"])
        after = page["next"]
        if not page["more"]:
            return found


def main() -> None:
    if sys.argv[1:2] == ["--serve-hello"]:
        return serve_hello()
    if sys.argv[1:2] == ["--drive"]:
        port, path, connections, seconds, limit = sys.argv[2:7]
        requests = [r.encode("latin-1") for r in json.loads(Path(path).read_text())]
        print(
            json.dumps(
                asyncio.run(
                    drive(int(port), requests, int(connections), float(seconds), int(limit))
                )
            )
        )
        return None
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per traffic kind and server")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--burst", type=int, default=20_000)
    options = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="relay-bench-"))
    keys = RelayKeys.generate("bench")
    key_file = root / "relay.key"
    key_file.write_text(keys.to_text())
    relay, relay_port = start([sys.executable, "-m", "fluenzr_relay", "--db", str(root / "hits.db"),
                               "--key-file", str(key_file), "--port", "0"])  # fmt: skip
    hello, hello_port = start([sys.executable, __file__, "--serve-hello"])
    try:
        print(f"{options.connections} keep-alive connections, {options.seconds:g} s per run, "
              f"one server process each, load generator in its own process ({os.cpu_count()} CPUs)")  # fmt: skip
        print(
            f"{'traffic':<10}{'relay hits/s':>14}{'bare uvicorn req/s':>20}{'ratio':>8}{'errors':>8}"
        )
        for traffic in ("pixel", "click", "mixed"):
            requests = requests_for(keys, traffic)
            run_driver(relay_port, requests, options.connections, 1.0, 0)  # warm-up
            run_driver(hello_port, requests, options.connections, 1.0, 0)
            relay_run = run_driver(relay_port, requests, options.connections, options.seconds, 0)
            hello_run = run_driver(hello_port, requests, options.connections, options.seconds, 0)
            relay_rate = relay_run["answered"] / relay_run["seconds"]
            hello_rate = hello_run["answered"] / hello_run["seconds"]
            print(f"{traffic:<10}{relay_rate:>14,.0f}{hello_rate:>20,.0f}"
                  f"{relay_rate / hello_rate:>8.2f}{relay_run['errors']:>8}")  # fmt: skip
        print("target: relay >= 0.5x the bare app")

        before = events(relay_port, events_bearer(keys))
        chooser = random.Random(7)
        burst_ids = {f"{chooser.getrandbits(128):032x}" for _ in range(options.burst)}
        burst = [
            get(f"/o/{make_token(keys, {'k': 'o', 's': s})}.gif", USER_AGENTS[0]) for s in burst_ids
        ]
        run = run_driver(relay_port, burst, options.connections, 0, len(burst))
        after = events(relay_port, events_bearer(keys))[len(before) :]
        returned = [event["token"]["s"] for event in after if event["token"]["s"] in burst_ids]
        lost = len(burst_ids - set(returned))
        print(f"burst: {len(burst):,} pixel hits answered {run['answered']:,} "
              f"({run['errors']} errors) in {run['seconds']:.2f} s "
              f"({run['answered'] / run['seconds']:,.0f} hits/s); "
              f"/v1/events returned {len(returned):,}; lost={lost} duplicated={len(returned) - len(set(returned))}")  # fmt: skip
    finally:
        stop(relay)
        stop(hello)


if __name__ == "__main__":
    main()
