"""Who may talk to the API: programs on this computer with the token, on a Pro plan."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from fluenzr_desktop.api.app import create_app
from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.ops.api_access import (
    API_DEFAULT_PORT,
    ApiTokenReader,
    api_settings,
    api_token,
    regenerate_api_token,
    save_api_settings,
)
from fluenzr_desktop.workspace import open_workspace
from tests.api.conftest import BASE_URL, PORT, TOKEN, assert_problem, client_of


def test_the_right_token_on_loopback_gets_an_answer(client):
    answer = client.get("/v1/contacts")

    assert answer.status_code == 200
    assert answer.json() == {"items": [], "next_cursor": None}
    assert not any(name.lower().startswith("access-control") for name in answer.headers)


def test_a_request_from_a_web_page_is_refused_even_with_the_token(client):
    for origin in ("https://evil.example", "null", f"http://127.0.0.1:{PORT}"):
        answer = client.get("/v1/contacts", headers={"Origin": origin})

        assert_problem(answer, 403, "origin_refused")
        assert "access-control-allow-origin" not in answer.headers
    preflight = client.options(
        "/v1/contacts",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )
    assert_problem(preflight, 403, "origin_refused")


def test_a_foreign_host_is_refused_and_localhost_at_the_port_served(client):
    for host in ("evil.example", f"evil.example:{PORT}", "127.0.0.1:9999", f"0.0.0.0:{PORT}"):
        assert_problem(client.get("/v1/contacts", headers={"Host": host}), 421, "foreign_host")

    assert client.get("/v1/contacts", headers={"Host": f"localhost:{PORT}"}).status_code == 200


def test_no_token_or_a_wrong_one_is_refused_for_every_path(api_workspace):
    app = create_app(api_workspace, token=TOKEN, port=PORT)
    with TestClient(app, base_url=BASE_URL) as anonymous:
        for authorization in (
            None,
            "",
            "Bearer",
            "Bearer wrong",
            f"Basic {TOKEN}",
            f"Bearer {TOKEN}x",
        ):
            headers = {} if authorization is None else {"Authorization": authorization}
            for path in ("/v1/contacts", "/openapi.json", "/v1/nothing-here"):
                answer = anonymous.get(path, headers=headers)

                assert_problem(answer, 401, "unauthorized")
                assert answer.headers["www-authenticate"] == "Bearer"


def test_the_free_plan_is_refused_with_the_plan_that_lifts_it(tmp_path, memory_keyring):
    workspace = open_workspace(tmp_path / "free")
    try:
        with client_of(workspace) as client:
            answer = client.get("/v1/contacts")
    finally:
        workspace.close()

    problem = assert_problem(answer, 403, "plan_required")
    assert problem["problems"][0]["params"] == {"feature": "api", "plan_needed": "pro"}


def test_a_regenerated_token_replaces_the_old_one_at_once(api_workspace):
    old = api_token(api_workspace)
    assert api_token(api_workspace) == old  # kept, not made again
    reader = ApiTokenReader(api_workspace, max_age=3600)
    app = create_app(api_workspace, token=reader, port=PORT)
    with TestClient(app, base_url=BASE_URL, raise_server_exceptions=False) as client:
        bearer = {"Authorization": f"Bearer {old}"}
        assert client.get("/v1/contacts", headers=bearer).status_code == 200

        new = regenerate_api_token(api_workspace)

        assert new != old
        assert_problem(client.get("/v1/contacts", headers=bearer), 401, "unauthorized")
        fresh = {"Authorization": f"Bearer {new}"}
        assert client.get("/v1/contacts", headers=fresh).status_code == 200


def test_the_token_lives_in_the_secret_store_not_the_database(api_workspace, memory_keyring):
    token = api_token(api_workspace)

    assert token in memory_keyring.entries.values()
    assert token.encode() not in api_workspace.database_path.read_bytes()


def test_api_settings_default_off_on_8787_and_refuse_a_privileged_port(api_workspace):
    assert api_settings(api_workspace).enabled is False
    assert api_settings(api_workspace).port == API_DEFAULT_PORT == 8787

    save_api_settings(api_workspace, enabled=True, port=9123)
    assert api_settings(api_workspace).enabled is True
    assert api_settings(api_workspace).port == 9123
    for port in (80, 0, 70000):
        with pytest.raises(FluenzrError, match="1024 to 65535"):
            save_api_settings(api_workspace, enabled=True, port=port)
    assert api_settings(api_workspace).port == 9123


def test_an_unknown_path_is_a_problem_document(client):
    assert_problem(client.get("/v1/nothing-here"), 404, "not_found")
    assert_problem(client.put("/v1/contacts"), 405, "method_not_allowed")
