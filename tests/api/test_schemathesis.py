"""An API fuzzer (schemathesis) reads the published OpenAPI schema and sends the live test server what it describes,
valid and invalid: every answer must be no server error, carry a documented status and content type, and match the
documented schema. Bounded examples and a fixed seed keep the run short and the same on every run; the server
listens on the loopback, nothing leaves the machine."""

import pytest
import schemathesis
from django.test.utils import override_settings
from django.utils.module_loading import import_string
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import Status, events, from_schema

from infitah.core.management.commands.demo import DEMO_LOADERS

# The live server needs committed data; serialized rollback restores the regions a data migration ships.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CHECKS = ["not_a_server_error", "status_code_conformance", "content_type_conformance", "response_schema_conformance"]
CONFIG = {
    "seed": 20221021,  # the network's founding day
    "generation": {"mode": "all", "max-examples": 12, "deterministic": True, "database": "none"},
    "checks": {"enabled": False, **{name: {"enabled": True} for name in CHECKS}},
    "phases": {"stateful": {"enabled": False}},
    "workers": 1,
}


@pytest.fixture(scope="session")
def plain_http_live_server(request):
    """The live server serves plain HTTP on the loopback: its handler reads the HTTPS settings when it starts."""
    with override_settings(SECURE_SSL_REDIRECT=False, SECURE_HSTS_SECONDS=0):
        yield request.getfixturevalue("live_server")


def test_every_answer_of_the_api_is_documented(plain_http_live_server):
    for loader in DEMO_LOADERS:
        import_string(loader)()
    url = plain_http_live_server.url
    config = SchemathesisConfig.from_dict({**CONFIG, "base-url": url})
    schema = schemathesis.openapi.from_url(f"{url}/api/v1/openapi.json", config=config)
    failures = []
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            for checks in event.recorder.checks.values():
                for check in checks:
                    if check.status == Status.FAILURE:
                        info = check.failure_info
                        failures.append(f"{event.recorder.label} [{check.name}] {info.failure.title}: {info.failure.message[:300]}\n  {info.code_sample}")
        elif isinstance(event, (events.NonFatalError, events.FatalError)):
            failures.append(f"error: {event}")
    assert not failures, "\n".join(failures)
