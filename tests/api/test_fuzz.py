"""The API fuzzed with schemathesis against its own OpenAPI: no 5xx, every answer in the schema."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from fluenzr_desktop.api.app import create_app
from fluenzr_desktop.ops.campaigns import create_campaign
from fluenzr_desktop.ops.contacts import save_contact
from tests.api.conftest import BASE_URL, PORT, TOKEN
from tests.cli.helpers import sample_document

AUTH = {"Authorization": f"Bearer {TOKEN}"}
# Posting to a real URL (a ping, a redelivery) may wait 15 s on a host that never answers.
NETWORK = r"/(test|redeliver)$"
# A schema-valid request may still break a rule of the workspace (a taken address, an
# unknown cursor): a 400/422 problem is the right answer there, not a failure.
BUSINESS_RULES = [positive_data_acceptance]
EXAMPLES = 15  # per operation: about 30 s for the whole API


@pytest.fixture
def api_schema(api_workspace):
    """The served schema of an app on a Pro workspace seeded with contacts and campaigns."""
    for number in range(3):
        values = {"email": f"lead{number}@example.com", "first_name": f"Lead {number}"}
        save_contact(api_workspace, None, values, ["seed"])
    create_campaign(api_workspace, "Draft")
    create_campaign(api_workspace, "Sample", sample_document())
    app = create_app(api_workspace, token=TOKEN, port=PORT)
    loaded = schemathesis.openapi.from_dict(app.openapi())
    loaded.app = app
    loaded.config.update(base_url=BASE_URL)
    return loaded.exclude(path_regex=NETWORK)


@pytest.mark.heavy
@pytest.mark.timeout(180)
def test_every_operation_answers_within_its_schema(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) > 20
    statuses: dict[str, set[int]] = {}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def answers_within_schema(case) -> None:
            answer = case.call_and_validate(headers=AUTH, excluded_checks=BUSINESS_RULES)
            statuses.setdefault(case.operation.label, set()).add(answer.status_code)

        answers_within_schema()
    # The requests got through the guard (right Host and token), not only refusals.
    served = {label for label, seen in statuses.items() if any(s < 300 for s in seen)}
    assert {"GET /v1/contacts", "GET /v1/events", "GET /v1/campaigns"} <= served, statuses
