"""The API server: uvicorn on 127.0.0.1 in a daemon thread, for the window and `fluenzr api serve`."""

from __future__ import annotations

import errno
import os
import socket
import threading
import time

import uvicorn

from ..domain.errors import FluenzrError
from ..ops.api_access import ApiTokenReader, api_settings
from ..workspace import Workspace
from .app import create_app

HOST = "127.0.0.1"  # loopback only: never 0.0.0.0, never a configurable host
START_TIMEOUT = 10.0
STOP_TIMEOUT = 10.0


class ApiServer:
    """The local API of one workspace, served on 127.0.0.1:`port` (the setting's by default).

    `port=0` lets the system choose a free port (tests); `url` then names the one chosen.
    """

    def __init__(self, workspace: Workspace, port: int | None = None) -> None:
        self.workspace = workspace
        self.port = api_settings(workspace).port if port is None else port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None

    @property
    def url(self) -> str:
        """The base URL, e.g. http://127.0.0.1:8787."""
        return f"http://{HOST}:{self.port}"

    @property
    def running(self) -> bool:
        """Whether the server is up and answering."""
        return (
            self._server is not None
            and self._server.started
            and self._thread is not None
            and self._thread.is_alive()
        )

    def start(self) -> None:
        """Bind the port and serve in a daemon thread; FluenzrError (one line) if it is taken."""
        if self._thread is not None:
            return
        listener = _bind(self.port)
        self.port = listener.getsockname()[1]
        app = create_app(self.workspace, token=ApiTokenReader(self.workspace), port=self.port)
        config = uvicorn.Config(
            app,
            host=HOST,
            port=self.port,
            log_config=None,
            access_log=False,
            lifespan="off",
            server_header=False,
            timeout_graceful_shutdown=2,
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [listener]}, name="fluenzr-api", daemon=True
        )
        self._server, self._thread, self._socket = server, thread, listener
        thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise FluenzrError(f"the API server could not start on {self.url}")
            time.sleep(0.01)

    def stop(self) -> None:
        """Stop serving and free the port (waits for requests in flight, a few seconds at most)."""
        server, thread, listener = self._server, self._thread, self._socket
        self._server = self._thread = self._socket = None
        if server is not None:
            server.should_exit = True
        if thread is not None:
            thread.join(STOP_TIMEOUT)
        if listener is not None:
            listener.close()


def _bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1:`port`; FluenzrError when the port is taken."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # Inherited by accepted connections: without it, a response written in two parts waits
    # for the client's delayed ACK (~40 ms a request; uvicorn sets it only on its own sockets).
    listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if os.name != "nt":
        # Closed connections in TIME_WAIT must not hold the port when the API is switched
        # back on; on POSIX this still refuses a second live listener (not so on Windows).
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((HOST, port))
        listener.listen(128)
    except OSError as error:
        listener.close()
        if error.errno in (errno.EADDRINUSE, errno.EACCES):
            raise FluenzrError(
                f"port {port} on {HOST} is already in use: choose another port "
                "(Settings → API, or `fluenzr api serve --port P`)"
            ) from None
        raise FluenzrError(f"cannot listen on {HOST}:{port}: {error.strerror}") from None
    listener.set_inheritable(True)
    return listener
