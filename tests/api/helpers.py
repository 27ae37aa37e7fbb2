"""What the tests of each app's API (tests/<app>/test_api.py) share: reading an answer, counting its queries."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

API = "/api/v1"


def get_json(client: Client, url: str, status: int = 200, **params: object) -> dict:
    response = client.get(url, params)
    assert response.status_code == status, response.content
    expected = "application/json" if status < 400 else "application/problem+json"
    assert response["Content-Type"].startswith(expected), response["Content-Type"]
    return response.json()


def queries(client: Client, url: str) -> int:
    """How many database queries answering `url` costs."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)
