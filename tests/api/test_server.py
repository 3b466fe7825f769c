"""The API server for real over HTTP on loopback: token, 127.0.0.1 only, the port freed."""

from __future__ import annotations

import socket

import httpx
import pytest

from fluenzr_desktop.api.server import ApiServer
from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.ops.api_access import api_token


def _non_loopback_address() -> str | None:
    """An address of this machine other than 127.x, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent for UDP connect
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_a_request_with_the_token_works_and_stop_frees_the_port(api_workspace):
    server = ApiServer(api_workspace, port=0)
    server.start()
    try:
        assert server.running and server.url.startswith("http://127.0.0.1:")
        bearer = {"Authorization": f"Bearer {api_token(api_workspace)}"}
        with httpx.Client(base_url=server.url, headers=bearer) as http:
            assert http.get("/v1/contacts").json() == {"items": [], "next_cursor": None}
            assert (
                http.get("/v1/contacts", headers={"Authorization": "Bearer no"}).status_code == 401
            )
        elsewhere = _non_loopback_address()
        if elsewhere is not None:
            with pytest.raises(httpx.ConnectError):
                httpx.get(f"http://{elsewhere}:{server.port}/v1/contacts", timeout=2)
        taken = ApiServer(api_workspace, port=server.port)
        with pytest.raises(
            FluenzrError, match=f"port {server.port} on 127.0.0.1 is already in use"
        ):
            taken.start()
    finally:
        server.stop()

    assert not server.running
    with socket.socket() as again:
        again.bind(("127.0.0.1", server.port))  # free once stopped
