"""docs/api/openapi.json is the API the app serves (regenerate: `fluenzr api openapi --output`)."""

from __future__ import annotations

import json
from pathlib import Path

from fluenzr_desktop.api.app import openapi_text

CHECKED_IN = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.json"


def test_the_checked_in_openapi_is_the_one_served(client):
    served = client.get("/openapi.json")

    assert served.status_code == 200
    assert json.loads(CHECKED_IN.read_text(encoding="utf-8")) == served.json(), (
        "regenerate it: fluenzr api openapi --output docs/api/openapi.json"
    )
    assert CHECKED_IN.read_text(encoding="utf-8") == openapi_text()
