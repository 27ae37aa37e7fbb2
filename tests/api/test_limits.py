"""Rate limits in fixed windows: anonymous reads per address, writes per token; over the limit, a 429 problem with
Retry-After (the seconds left in the window). The clock is set by the tests: nothing waits."""

import json

import pytest
from django.core.cache.backends.locmem import LocMemCache

from infitah.api import limits, tokens
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture
def clock(monkeypatch):
    moment = {"now": 60 * 16_667 + 20.0}  # 20 seconds into a minute
    monkeypatch.setattr(limits, "now", lambda: moment["now"])
    return moment


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("60/min", limits.Rate(60, 60)),
        ("600/m", limits.Rate(600, 60)),
        ("5/sec", limits.Rate(5, 1)),
        ("1000/hour", limits.Rate(1000, 3600)),
        ("1/day", limits.Rate(1, 86400)),
    ],
)
def test_rates_are_read_from_their_text(text, rate):
    assert limits.parse_rate(text) == rate


@pytest.mark.parametrize("text", ["", "60", "/min", "0/min", "-1/min", "60/week", "sixty/min"])
def test_a_mistyped_rate_fails_loudly(text):
    with pytest.raises(ValueError):
        limits.parse_rate(text)


def assert_throttled(response, retry_after):
    assert response.status_code == 429, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert response["Retry-After"] == str(retry_after)
    assert response.json()["status"] == 429


def test_anonymous_reads_are_limited_per_address_in_fixed_windows(client, settings, clock):
    settings.INFITAH_API_RATE_READS = "2/min"
    assert client.get(f"{API}/events").status_code == 200
    assert client.get(f"{API}/partners").status_code == 200
    assert_throttled(client.get(f"{API}/events"), retry_after=40)
    # Another address has its own count.
    assert client.get(f"{API}/events", REMOTE_ADDR="192.0.2.7").status_code == 200
    # The next window starts afresh.
    clock["now"] += 40
    assert client.get(f"{API}/events").status_code == 200


def test_writes_are_limited_per_token(client, settings, clock, people):
    settings.INFITAH_API_RATE_WRITES = "1/min"
    event = EventFactory(collectivity=people.commune_a, is_published=False)
    secret = tokens.issue(people.editor, "script")[1]
    other = tokens.issue(people.focal_point, "script")[1]
    url = f"{API}/events/{event.pk}"

    def patch(token):
        body = json.dumps({"title": {"fr": "Titre"}})
        return client.patch(url, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")

    assert patch(secret).status_code == 200
    assert_throttled(patch(secret), retry_after=40)
    assert patch(other).status_code == 200
    # A token's reads count apart from its writes and from the anonymous readers.
    settings.INFITAH_API_RATE_READS = "1/min"
    assert client.get(f"{API}/events", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200


def test_the_counters_hold_no_address_in_clear(client, settings, clock, monkeypatch):
    settings.INFITAH_API_RATE_READS = "5/min"
    # A memory cache of its own, whose keys can be listed whatever the configured cache is.
    cache = LocMemCache("test-api-limits", {})
    monkeypatch.setattr(limits, "counters", lambda: cache)
    client.get(f"{API}/partners", REMOTE_ADDR="198.51.100.23")
    keys = list(cache._cache)
    assert keys and not any("198.51.100.23" in key for key in keys)


def test_the_docs_and_schema_say_what_the_limits_are(client):
    description = client.get(f"{API}/openapi.json").json()["info"]["description"]
    assert "429" in description and "Retry-After" in description
