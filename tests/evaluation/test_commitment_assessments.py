"""The independent-review assessment of the commitments of the member's adopted program: by the designated
associations' representatives or the coordinators, public once saved, only for the council's text."""

import uuid

import pytest
from django.urls import reverse

from infitah.evaluation.models import CommitmentAssessment
from infitah.programs.models import ProgramVersion
from infitah.programs.phases import Phase
from tests.clients import page_as
from tests.programs.factories import ProgramFactory

pytestmark = pytest.mark.django_db

KEY = str(uuid.uuid4())


@pytest.fixture
def adopted(people):
    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.IMPLEMENTATION)
    snapshot = {
        "axes": [
            {
                "key": str(uuid.uuid4()),
                "title": {"en": "Open data"},
                "commitments": [{"key": KEY, "title": {"en": "Publish the budget in open data"}}],
            }
        ]
    }
    version = ProgramVersion.objects.create(program=program, number=1, phase=Phase.ADOPTION, snapshot=snapshot)
    program.reference_version = version
    program.save()
    return program


ANSWERS = {
    "verifiable": "yes",
    "lens": ["transparency", "accountability"],
    "potential": "substantial",
    "completion": "limited",
    "opened_government": "marginal",
    "justification": "The 2024 budget is online, <b>not</b> the accounts.",
}


def url(people, key=KEY):
    return reverse("evaluation:assess_commitment", args=[people.campaign.pk, key])


def test_the_association_assesses_a_commitment_which_is_then_public(client, people, adopted):
    client.force_login(people.representative)
    response = client.post(url(people), ANSWERS)
    assert response.status_code == 302
    saved = CommitmentAssessment.objects.get()
    assert saved.program == adopted and str(saved.commitment_key) == KEY and saved.verifiable
    html = page_as(client, None, reverse("evaluation:campaign", args=[people.campaign.pk]))
    assert "Publish the budget in open data" in html and "Transparency, Accountability" in html
    assert "&lt;b&gt;not&lt;/b&gt;" in html and "Limited" in html


@pytest.mark.parametrize("who", ["focal_point", "editor", "other_representative", "citizen"])
def test_staff_and_other_associations_do_not_assess_commitments(client, people, adopted, who):
    client.force_login(getattr(people, who))
    assert client.post(url(people), ANSWERS).status_code == 404
    assert not CommitmentAssessment.objects.exists()


def test_only_the_adopted_programs_commitments_and_with_a_justification(client, people, adopted):
    client.force_login(people.coordinator)
    assert client.get(url(people, uuid.uuid4())).status_code == 404
    html = client.post(url(people), {**ANSWERS, "justification": " "}).content.decode()
    assert "Write what the assessment rests on" in html
    assert '<option value="substantial" selected>' in html and '<option value="limited" selected>' in html
    assert not CommitmentAssessment.objects.exists()
