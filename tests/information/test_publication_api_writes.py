"""Staff publish an entry of their collectivity's catalogue through the API with a token; never in another's."""

import json

import pytest

from infitah.api import tokens
from infitah.information.models import PublicationEntry

pytestmark = pytest.mark.django_db
URL = "/api/v1/information/publication/entries"


def post(client, who, collectivity, **fields):
    body = {
        "collectivity_code": collectivity.code,
        "category": "budget",
        "title": {"ar": "الميزانية 2026", "fr": "<b>Budget</b> 2026"},
        "url": "https://commune.example.ma/budget-2026",
        "updated_on": "2026-06-01",
        "owner": "Service des finances",
        **fields,
    }
    secret = tokens.issue(who, "script")[1]
    return client.post(URL, json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_the_information_officer_publishes_an_entry(client, people):
    response = post(client, people.information_officer, people.commune_a)
    assert response.status_code == 201, response.content
    entry = PublicationEntry.objects.get()
    assert entry.collectivity == people.commune_a and entry.title["fr"] == "<b>Budget</b> 2026"
    assert response.json()["category"] == "budget"


def test_staff_of_a_may_not_publish_in_b_s_catalogue(client, people):
    assert post(client, people.editor, people.commune_b).status_code == 403
    assert post(client, people.citizen, people.commune_a).status_code == 403
    assert not PublicationEntry.objects.exists()


@pytest.mark.parametrize(
    ("fields", "refused"),
    [({"category": "nope"}, "category"), ({"title": {"fr": "Sans arabe"}}, "title"), ({"url": "pas un lien"}, "url")],
)
def test_bad_values_are_a_422_naming_the_field(client, people, fields, refused):
    response = post(client, people.editor, people.commune_a, **fields)
    assert response.status_code == 422, response.content
    assert refused in {param["name"] for param in response.json()["invalid_params"]}
    assert not PublicationEntry.objects.exists()
