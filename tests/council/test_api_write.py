"""Staff record a decision through the API with their token: on their own collectivity's sessions only, with the
form's rules (votes within the members, a number unused that year); a refusal is a problem and saves nothing."""

import json

import pytest

from infitah.api import tokens
from infitah.council.models import Decision
from tests.council.factories import session

pytestmark = pytest.mark.django_db


def bearer(person):
    return {"HTTP_AUTHORIZATION": f"Bearer {tokens.issue(person, 'script')[1]}"} if person else {}


def post(client, held, person, **overrides):
    body = {
        "number": "12/2023",
        "title": {"fr": "Adoption du budget 2024"},
        "decided_on": "2023-10-02",
        "votes_for": 20,
        "votes_against": 10,
        "votes_abstain": 5,
        **overrides,
    }
    return client.post(
        f"/api/v1/council/sessions/{held.pk}/decisions",
        json.dumps(body),
        content_type="application/json",
        **bearer(person),
    )


def test_the_focal_point_records_a_decision(client, people):
    held = session(people.commune_a, seats=35)
    response = post(client, held, people.focal_point)
    assert response.status_code == 201, response.content
    assert response.json()["outcome"] == "adopted"
    assert Decision.objects.get().collectivity == people.commune_a


def test_refusals_save_nothing(client, people):
    held = session(people.commune_a, seats=35)
    theirs = session(people.commune_b)
    hidden = session(people.commune_b, is_published=False)
    assert post(client, held, None).status_code == 401
    assert post(client, held, people.focal_point, votes_for=30).status_code == 409  # 45 votes, 35 members
    assert post(client, theirs, people.focal_point).status_code == 403
    assert post(client, hidden, people.focal_point).status_code == 404
    assert post(client, held, people.council_member).status_code == 403
    assert post(client, held, people.focal_point, votes_for=-1).status_code == 422
    assert not Decision.objects.exists()
    assert post(client, held, people.focal_point).status_code == 201
    assert post(client, held, people.focal_point).status_code == 409  # the same number again that year
    assert Decision.objects.count() == 1


@pytest.mark.parametrize("body", [b"\xff", b"{", b"[1, 2]"], ids=["not UTF-8", "not JSON", "not an object"])
def test_a_body_that_is_not_a_decision_is_a_documented_problem(client, people, body):
    held = session(people.commune_a, seats=35)
    url = f"/api/v1/council/sessions/{held.pk}/decisions"
    response = client.post(url, body, content_type="application/json", **bearer(people.focal_point))
    assert response.status_code in {400, 422}
    assert response["Content-Type"].startswith("application/problem+json")
    documented = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/council/sessions/{session_id}/decisions"]
    assert str(response.status_code) in documented["post"]["responses"]
    assert not Decision.objects.exists()


def test_the_decisions_of_a_session_are_listed(client, people):
    held = session(people.commune_a, seats=35)
    post(client, held, people.focal_point)
    items = client.get(f"/api/v1/council/sessions/{held.pk}/decisions").json()["items"]
    assert [item["number"] for item in items] == ["12/2023"]
