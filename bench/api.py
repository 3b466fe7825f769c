"""Benchmark: the local API's `GET /v1/contacts?limit=100` next to a bare Starlette app.

Builds a Pro workspace of N contacts (a generated CSV imported through ops), then serves,
in the same run and the same way (uvicorn on 127.0.0.1 in a thread, one keep-alive
client walking the pages with their cursors):
  - the real `ApiServer` (guard, token, plan check, FastAPI, ops, SQLAlchemy Core),
  - a bare Starlette app reading the same rows (and tags) with `sqlite3`,
and prints requests per second of both and the ratio (target: ≥ 0.5).

Usage: .venv/bin/python bench/api.py [--contacts 100000] [--seconds 5]
"""

from __future__ import annotations

import argparse
import base64
import importlib.util
import json
import os
import socket
import sqlite3
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import httpx  # noqa: E402
import keyring  # noqa: E402
import uvicorn  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402
from starlette.applications import Starlette  # noqa: E402
from starlette.responses import JSONResponse  # noqa: E402
from starlette.routing import Route  # noqa: E402


class _MemoryKeyring(KeyringBackend):
    """The token's home for this run (a headless machine has no OS keyring)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        self.entries.pop((service, username), None)


def pro_licence(folder: Path) -> Path:
    """A Pro licence signed by a key made for this run (trusted through the env variable)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from fluenzr_desktop.domain.plans import PRO, Licence, plan_features

    spec = importlib.util.spec_from_file_location("mint", ROOT / "packaging/licences/mint.py")
    mint = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mint)
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    os.environ["FLUENZR_LICENCE_PUBLIC_KEY"] = base64.b64encode(public).decode()
    licence = Licence(
        PRO, "Bench", "bench@startup.io", date.today(), None, tuple(sorted(plan_features(PRO)))
    )
    path = folder / "licence.json"
    path.write_text(mint.mint(key, licence), encoding="utf-8")
    return path


def bare_app(database: Path) -> Starlette:
    """The same page read with sqlite3 and nothing else: the floor to compare with."""
    local = threading.local()

    def connection() -> sqlite3.Connection:
        if not hasattr(local, "db"):
            local.db = sqlite3.connect(database, check_same_thread=False)
        return local.db

    def page(after: int, limit: int) -> dict:
        db = connection()
        rows = db.execute(
            "SELECT id, email, first_name, last_name, company, title, phone, timezone, "
            "custom_fields, created_at, updated_at FROM contacts WHERE id > ? "
            "ORDER BY id LIMIT ?",
            (after, limit + 1),
        ).fetchall()
        shown = rows[:limit]
        ids = [row[0] for row in shown]
        tags: dict[int, list[str]] = {}
        if ids:
            marks = ",".join("?" * len(ids))
            for contact_id, tag in db.execute(
                f"SELECT contact_id, tag FROM contact_tags WHERE contact_id IN ({marks}) "
                "ORDER BY contact_id, tag",
                ids,
            ):
                tags.setdefault(contact_id, []).append(tag)
        names = ("id", "email", "first_name", "last_name", "company", "title", "phone", "timezone")
        items = [
            {
                **dict(zip(names, row[:8], strict=True)),
                "custom_fields": json.loads(row[8] or "{}"),
                "tags": tags.get(row[0], []),
                "created_at": row[9],
                "updated_at": row[10],
            }
            for row in shown
        ]
        more = len(rows) > limit
        return {"items": items, "next_cursor": str(ids[-1]) if more else None}

    def contacts(request):
        after = int(request.query_params.get("cursor") or 0)
        limit = int(request.query_params.get("limit") or 50)
        return JSONResponse(page(after, limit))

    return Starlette(routes=[Route("/v1/contacts", contacts)])


class Served:
    """An ASGI app on 127.0.0.1 in a daemon thread, served as ApiServer serves the API."""

    def __init__(self, app) -> None:
        self.listener = socket.socket()
        self.listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as ApiServer
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(128)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.listener]}, daemon=True
        )
        self.thread.start()
        while not self.server.started:
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.listener.close()


def requests_per_second(url: str, headers: dict, seconds: float) -> float:
    """Pages of 100 read one after the other (keep-alive), walking the cursors, for `seconds`."""
    with httpx.Client(base_url=url, headers=headers) as client:
        cursor = None
        for _ in range(30):  # warm up
            cursor = client.get("/v1/contacts", params={"limit": 100}).json()["next_cursor"]
        done, cursor, start = 0, None, time.perf_counter()
        while time.perf_counter() - start < seconds:
            params = {"limit": 100, **({"cursor": cursor} if cursor else {})}
            answer = client.get("/v1/contacts", params=params)
            if answer.status_code != 200 or len(answer.json()["items"]) == 0:
                raise SystemExit(f"{url}: unexpected answer {answer.status_code}")
            cursor = answer.json()["next_cursor"]
            done += 1
        return done / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    keyring.set_keyring(_MemoryKeyring())

    from import_contacts import generate

    from fluenzr_desktop.api.server import ApiServer
    from fluenzr_desktop.ops.api_access import api_token
    from fluenzr_desktop.ops.contacts import count_contacts, import_csv
    from fluenzr_desktop.ops.licence import install_licence
    from fluenzr_desktop.workspace import open_workspace

    with tempfile.TemporaryDirectory(prefix="fluenzr-bench-api-") as folder:
        root = Path(folder)
        csv_file = root / "contacts.csv"
        generate(csv_file, args.contacts)
        workspace = open_workspace(root / "workspace")
        install_licence(workspace, pro_licence(root))
        started = time.perf_counter()
        import_csv(workspace, csv_file, tags=["bench"])
        print(
            f"workspace: {count_contacts(workspace):,} contacts "
            f"(imported in {time.perf_counter() - started:.1f} s)"
        )
        api = ApiServer(workspace, port=0)
        api.start()
        bare = Served(bare_app(workspace.database_path))
        bearer = {"Authorization": f"Bearer {api_token(workspace)}"}
        best_api = best_bare = 0.0
        try:
            for _ in range(args.repeat):
                best_api = max(best_api, requests_per_second(api.url, bearer, args.seconds))
                best_bare = max(best_bare, requests_per_second(bare.url, {}, args.seconds))
        finally:
            api.stop()
            bare.stop()
            workspace.close()
    print(f"API (ApiServer, FastAPI, ops):   {best_api:8.1f} requests/s")
    print(f"bare Starlette + sqlite3:        {best_bare:8.1f} requests/s")
    print(f"ratio: {best_api / best_bare:.2f} (target ≥ 0.5)")


if __name__ == "__main__":
    main()
