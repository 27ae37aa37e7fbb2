"""An API fuzzer (schemathesis) reads the published OpenAPI schema and sends the live test server what it describes,
valid and invalid, on every operation: each answer must be no server error, carry a documented status and content
type, and match the documented schema. The demo's data is loaded, so found objects are answered too.

Bounded examples and a fixed seed keep the run short and the same on every run. The server listens on the
loopback and proxies are bypassed: nothing leaves the machine.
"""

import pytest
import schemathesis
from django.test.utils import override_settings
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import Status, events, from_schema

from tests.demo_data import load_demo

# The live server needs committed data; serialized rollback restores the regions a data migration ships.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CHECKS = ["not_a_server_error", "status_code_conformance", "content_type_conformance", "response_schema_conformance"]
CONFIG = {
    "seed": 20221021,  # the network's founding day
    # Valid and invalid requests; examples, boundary values (coverage) and random ones (fuzzing).
    "generation": {"mode": "all", "max-examples": 10, "deterministic": True, "database": "none"},
    "phases": {"stateful": {"enabled": False}},
    "checks": {"enabled": False, **{name: {"enabled": True} for name in CHECKS}},
    "workers": 1,
}


@pytest.fixture(scope="session")
def plain_http_live_server(django_db_setup, request):
    """The live server serves plain HTTP on the loopback: its handler reads the HTTPS settings when it starts.
    (It needs django_db_setup first, so that it stops before the test database is dropped.)"""
    with override_settings(SECURE_SSL_REDIRECT=False, SECURE_HSTS_SECONDS=0):
        yield request.getfixturevalue("live_server")


def _failures(event):
    for checks in event.recorder.checks.values():
        for check in checks:
            if check.status == Status.FAILURE:
                failure = check.failure_info.failure
                yield f"{event.recorder.label}: {failure.title}\n{failure.message}\n{check.failure_info.code_sample}"


def test_every_answer_of_the_api_is_documented(plain_http_live_server, monkeypatch, settings):
    monkeypatch.setenv("NO_PROXY", "*")
    load_demo()
    url = plain_http_live_server.url
    # Writes too, with the token of a demo editor (Marrakech-Safi region); the fuzzer's burst is not rate-limited.
    from infitah.accounts.models import User
    from infitah.api import tokens

    settings.INFITAH_API_RATE_READS = settings.INFITAH_API_RATE_TOKEN_READS = "100000/min"
    settings.INFITAH_API_RATE_WRITES = "100000/min"
    secret = tokens.issue(User.objects.get(email="editor.marrakech-safi@infitah.example"), "schemathesis")[1]
    config = SchemathesisConfig.from_dict({**CONFIG, "base-url": url, "headers": {"Authorization": f"Bearer {secret}"}})
    schema = schemathesis.openapi.from_url(f"{url}/api/v1/openapi.json", config=config)

    failures, tested = [], set()
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            tested.add(event.recorder.label)
            failures.extend(_failures(event))
        elif isinstance(event, events.NonFatalError | events.FatalError):
            failures.append(f"schemathesis could not run: {event}")
        elif isinstance(event, events.EngineFinished):
            assert event.stop_reason == "completed", event.stop_reason
    assert not failures, "\n\n".join(sorted(set(failures)))
    operations = {
        f"{method.upper()} {path}" for path, methods in schema.raw_schema["paths"].items() for method in methods
    }
    assert tested == operations
    expected = 36  # the platform's 35 and the test-only notice board's one
    expected += 4  # access to information: the register's requests and figures
    expected += 3  # access to information: the proactive-publication catalogue
    expected += 3  # petitions: the list, one petition, the figures
    expected += 3  # budgets: the published budgets, one budget with its totals, its lines
    expected += 1  # search: the platform's search
    expected += 4  # good practices and resources: each a list and one item
    expected += 2  # training: the published courses, one course
    expected += 2  # news: the list, one item
    expected += 4  # forum: the public categories, their threads, one thread, its replies
    expected += 1  # open data: the catalogue of datasets
    expected += 6  # council: sessions and decisions, lists and one of each; a session's decisions, read and written
    expected += 3  # staff writes of events: create, change, publish
    expected += 1  # staff writes of co-monitoring: a progress update
    expected += 1  # staff writes of the publication catalogue: an entry
    assert len(operations) == expected
