"""The program's staff post progress updates through the API with a token, as on the monitoring desk: never on
another collectivity's program; a program the council has not adopted is a 409 problem; bad values a 422."""

import json

import pytest
from django.utils import timezone

from infitah.api import tokens
from infitah.monitoring.models import ProgressUpdate
from tests.monitoring.factories import keys_of

pytestmark = pytest.mark.django_db


def post(client, program, secret, keys_from=None, **fields):
    commitment_key, milestone_keys = keys_of(keys_from or program)
    body = {
        "commitment_key": str(commitment_key),
        "milestone_key": str(milestone_keys[0]),
        "as_of": str(timezone.localdate()),
        "completion": "limited",
        "percent": 30,
        "narrative": {"fr": "Le cahier des charges est prêt."},
    }
    body.update(fields)
    return client.post(
        f"/api/v1/monitoring/programs/{program.pk}/updates",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )


def test_an_editor_posts_an_update_of_their_program(client, people):
    response = post(client, people.program, tokens.issue(people.editor, "script")[1])
    assert response.status_code == 201, response.content
    update = ProgressUpdate.objects.get()
    assert update.author == people.editor and update.percent == 30
    assert response.json()["id"] == update.pk


def test_staff_of_a_do_not_find_b_s_program(client, people):
    response = post(client, people.program_b, tokens.issue(people.editor, "script")[1])
    assert response.status_code == 404
    assert not ProgressUpdate.objects.exists()


def test_a_citizen_s_token_is_refused_with_403(client, people):
    assert post(client, people.program, tokens.issue(people.citizen, "script")[1]).status_code == 403


def test_a_program_not_adopted_is_a_conflict(client, people):
    secret = tokens.issue(people.editor, "script")[1]
    response = post(client, people.not_adopted, secret, keys_from=people.program)
    assert response.status_code == 409
    assert response["Content-Type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    ("fields", "refused"),
    [({"percent": 101}, "percent"), ({"as_of": "2999-01-01"}, "as_of"), ({"narrative": {}}, "narrative")],
)
def test_bad_values_are_a_422_naming_the_field(client, people, fields, refused):
    response = post(client, people.program, tokens.issue(people.editor, "script")[1], **fields)
    assert response.status_code == 422, response.content
    assert refused in {param["name"] for param in response.json()["invalid_params"]}
    assert not ProgressUpdate.objects.exists()
