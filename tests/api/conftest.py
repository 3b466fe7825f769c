"""Fixtures for the local API: a Pro workspace with an in-memory keyring, and a client."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from fluenzr_desktop.api.app import create_app
from fluenzr_desktop.workspace import open_workspace
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401  (a fixture)

PROBLEM = "application/problem+json"
TOKEN, PORT = "test-token-0123456789", 8787
BASE_URL = f"http://127.0.0.1:{PORT}"


@pytest.fixture
def api_workspace(tmp_path, grant_plan, memory_keyring):  # noqa: F811
    """An open workspace holding a Pro licence; secrets go to an in-memory keyring."""
    opened = open_workspace(tmp_path / "api-workspace")
    grant_plan(opened, "pro")
    yield opened
    opened.close()


def client_of(workspace, token: str = TOKEN, **headers: str) -> TestClient:
    """A client of the app of `workspace`, sending the Host it expects and `token`."""
    app = create_app(workspace, token=token, port=PORT)
    sent = {"Authorization": f"Bearer {token}", **headers}
    return TestClient(app, base_url=BASE_URL, headers=sent, raise_server_exceptions=False)


@pytest.fixture
def client(api_workspace):
    """A client of the API of the Pro workspace, with the right Host and token."""
    with client_of(api_workspace) as opened:
        yield opened


def assert_problem(answer, status: int, code: str) -> dict:
    """The answer is a problem document with this status and code; returns it."""
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith(PROBLEM)
    document = answer.json()
    assert document["status"] == status and document["code"] == code, document
    return document
