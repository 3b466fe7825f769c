"""Oversized and malformed requests get a 4xx and leave no hit behind."""

from __future__ import annotations

import socket

from fluenzr_relay.tokens import make_token
from tests.fixtures.relay_server import send_id


def raw_exchange(relay, request: bytes) -> bytes:
    """Send bytes as they are (no client library to tidy them) and read the answer."""
    with socket.create_connection(("127.0.0.1", relay.port), timeout=30) as connection:
        connection.sendall(request)
        connection.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def test_a_path_over_4096_characters_is_a_414(relay):
    good = make_token(relay.keys, {"k": "o", "s": send_id(1)})
    answer = relay.get(f"/o/{good}{'A' * 4100}.gif")
    assert answer.status == 414
    assert relay.get("/c/" + "A" * 5000).status == 414
    assert relay.events() == []


def test_a_body_over_1_kib_is_a_413_even_when_declared_only(relay):
    path = f"/u/{make_token(relay.keys, {'k': 'u', 's': send_id(1)})}"
    declared = raw_exchange(
        relay,
        f"POST {path} HTTP/1.1\r\nHost: r\r\nContent-Length: 100000\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n\r\nList-Unsubscribe=One-Click".encode(),
    )
    assert status_of(declared) == 413
    chunk = b"List-Unsubscribe=One-Click&pad=" + b"x" * 2000
    chunked = raw_exchange(
        relay,
        f"POST {path} HTTP/1.1\r\nHost: r\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
        + f"{len(chunk):x}\r\n".encode()
        + chunk
        + b"\r\n0\r\n\r\n",
    )
    assert status_of(chunked) == 413
    pixel = relay.pixel({"k": "o", "s": send_id(1)})
    big_get = raw_exchange(
        relay, f"GET {pixel} HTTP/1.1\r\nHost: r\r\nContent-Length: 5000\r\n\r\n".encode()
    )
    assert status_of(big_get) == 413
    assert relay.events() == []


def test_malformed_http_is_refused_and_records_nothing(relay):
    pixel = relay.pixel({"k": "o", "s": send_id(1)})
    malformed = [
        b"GARBAGE\r\n\r\n",
        f"GET {pixel} HTTP/1.1\r\nHost r\r\n\r\n".encode(),  # header without a colon
        f"GET {pixel} HTTP/1.1\r\nHost: r\r\nContent-Length: abc\r\n\r\n".encode(),
        f"GET {pixel} HTTP/1.1\r\nHost: r\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n".encode(),
        f"GET {pixel} HTTP/1.1\r\nHost: r\r\nX-Big: {'a' * 10000}\r\n\r\n".encode(),
    ]
    for request in malformed:
        answer = raw_exchange(relay, request)
        assert 400 <= status_of(answer) < 500, (request[:60], answer[:80])
    assert relay.events() == []


def test_a_very_long_user_agent_is_stored_cut_to_512_characters(relay):
    pixel = relay.pixel({"k": "o", "s": send_id(1)})
    assert relay.get(pixel, user_agent="Scanner/" + "x" * 3000).status == 200
    [event] = relay.events()
    assert event["user_agent"] == ("Scanner/" + "x" * 3000)[:512]
