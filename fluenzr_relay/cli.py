"""The `fluenzr-relay` command: serve the relay, or create and rotate its key file.

    fluenzr-relay --db PATH --key-file PATH [--host 127.0.0.1] [--port 8080]
                  [--forwarded-allow-ips IPS]
    fluenzr-relay keygen --key-file PATH [--kid ID]

A bad key file or database path is one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from fluenzr_relay import __version__
from fluenzr_relay.tokens import KID_PATTERN, KeyFileError, RelayKeys

USAGE_ERROR = 2
GRACEFUL_SHUTDOWN_SECONDS = 30


def wall_clock() -> datetime:
    """The time a hit happened: the relay's one clock (tests inject their own into RelayApp)."""
    return datetime.now(UTC)


def _serve_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fluenzr-relay",
        description="Tracking relay for FluenzR: records opens, clicks and unsubscribes. "
        "`fluenzr-relay keygen --key-file PATH` creates or rotates the key file.",
    )
    parser.add_argument("--version", action="version", version=f"fluenzr-relay {__version__}")
    parser.add_argument("--db", required=True, help="SQLite file of the hits (created if missing)")
    parser.add_argument("--key-file", required=True, help="the key file shared with the app")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8080, help="port to listen on (0: a free one)")
    parser.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="comma-separated proxy addresses (or *) trusted for X-Forwarded-For, "
        "so the real client address is recorded",
    )
    return parser


def _keygen_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fluenzr-relay keygen",
        description="Create the key file (mode 0600), or prepend a new signing key to it "
        "(older keys keep verifying the tokens already sent).",
    )
    parser.add_argument("--key-file", required=True, help="key file to create or rotate")
    parser.add_argument("--kid", help="id of the new key (letters and digits; default k1, k2…)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the process exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["keygen"]:
        return keygen(_keygen_parser().parse_args(arguments[1:]))
    return serve(_serve_parser().parse_args(arguments))


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


def _fail(message: str) -> int:
    print(f"fluenzr-relay: {message}", file=sys.stderr, flush=True)
    return USAGE_ERROR


def _next_kid(existing: RelayKeys | None) -> str:
    taken = set(existing.kids) if existing else set()
    number = 1
    while f"k{number}" in taken:
        number += 1
    return f"k{number}"


def keygen(options: argparse.Namespace) -> int:
    """Create the key file with one key, or put a new signing key in front of the old ones."""
    path = Path(options.key_file)
    try:
        existing = RelayKeys.load(path) if os.path.lexists(path) else None
    except KeyFileError as error:
        return _fail(str(error))
    kid = options.kid or _next_kid(existing)
    if not KID_PATTERN.fullmatch(kid):
        return _fail(f"--kid {kid!r}: use 1 to 16 letters or digits")
    if existing and kid in existing.kids:
        return _fail(f"{path}: key id {kid} is already in the file")
    fresh = RelayKeys.generate(kid)
    keys = fresh.followed_by(existing) if existing else fresh
    try:
        _write_private(path, keys.to_text())
    except OSError as error:
        return _fail(f"{path}: cannot write the key file ({error.strerror})")
    if existing:
        print(
            f"added key {kid} to {path}: it signs new tokens; older keys ({', '.join(existing.kids)}) still verify"
        )
    else:
        print(f"created {path} with key {kid} (mode 0600; copy it to the app, keep it secret)")
    return 0


def _write_private(path: Path, text: str) -> None:
    """Write a file readable by its owner only, atomically (a crash leaves the old one)."""
    descriptor, temporary = tempfile.mkstemp(prefix=".keys-", dir=path.parent or ".")
    try:
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio turns Nagle off (TCP_NODELAY) only on sockets whose
    # proto says TCP; with proto 0 every answer written in two parts waits ~40 ms for an ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)
    except BaseException:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _stop_quietly(signum: int, frame: object) -> None:
    """Uvicorn re-raises the signal it stopped on after draining: end with code 0 then."""
    raise SystemExit(0)


def serve(options: argparse.Namespace) -> int:
    """Open the key file and the database, then serve until SIGTERM/SIGINT (queued hits committed)."""
    # Imported here so `keygen` and the error paths need no server library.
    import uvicorn

    from fluenzr_relay.app import RelayApp
    from fluenzr_relay.store import HitStore, StoreError

    try:
        keys = RelayKeys.load(options.key_file)
    except KeyFileError as error:
        return _fail(str(error))
    if not 0 <= options.port <= 65535:
        return _fail(f"--port {options.port}: use 0 to 65535")
    try:
        store = HitStore(options.db)
    except StoreError as error:
        return _fail(str(error))
    try:
        sock = _listen(options.host, options.port)
    except OSError as error:
        store.close_now()
        return _fail(f"cannot listen on {options.host}:{options.port} ({error.strerror})")
    config = uvicorn.Config(
        RelayApp(keys, store, wall_clock),
        lifespan="on",
        http="h11",
        loop="asyncio",
        proxy_headers=True,
        forwarded_allow_ips=options.forwarded_allow_ips,
        server_header=False,
        date_header=True,
        access_log=False,
        log_level="warning",
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
    )
    bound_host, bound_port = sock.getsockname()[:2]
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    print(f"fluenzr-relay listening on http://{shown_host}:{bound_port}", flush=True)
    for handled in (signal.SIGTERM, signal.SIGINT):
        signal.signal(handled, _stop_quietly)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except SystemExit as stop:
        if stop.code not in (0, None):
            raise
    print("fluenzr-relay stopped", flush=True)
    return 0
