"""A commitment's page shows its latest independent-review assessment beside its progress (programs.sections), in
one query, with the assessors' justification escaped; a commitment never assessed shows no such block."""

import pytest

from infitah.evaluation.models import AssessedCompletion, CommitmentAssessment, Lens, OpenedGovernment, Potential
from infitah.programs.models import Commitment
from tests.clients import page
from tests.monitoring.tracker_factories import adopted_program, keys
from tests.people import english_messages  # noqa: F401 - automatic for every test here

pytestmark = pytest.mark.django_db

TITLE = "Independent assessment of this commitment"


def _assessed_commitment(**fields):
    program = adopted_program(axes=((1, 1),))
    commitment_key, _milestones = keys(program)[0]
    commitment = Commitment.objects.get(program=program, key=commitment_key)
    values = {
        "verifiable": True,
        "lens": [Lens.TRANSPARENCY, Lens.ACCOUNTABILITY],
        "potential": Potential.SUBSTANTIAL,
        "completion": AssessedCompletion.LIMITED,
        "opened_government": OpenedGovernment.MARGINAL,
        "justification": "Two agendas out of five were published on time.",
        **fields,
    }
    CommitmentAssessment.objects.create(program=program, commitment_key=commitment_key, **values)
    return commitment


def test_the_commitment_page_shows_its_latest_assessment_in_the_scales_words(client):
    commitment = _assessed_commitment()
    CommitmentAssessment.objects.create(
        program=commitment.program,
        commitment_key=commitment.key,
        verifiable=True,
        lens=[Lens.PARTICIPATION],
        potential=Potential.MODEST,
        completion=AssessedCompletion.SUBSTANTIAL,
        justification="Later: four agendas out of five.",
    )
    html = page(client, commitment.get_absolute_url())
    assert TITLE in html
    assert "Later: four agendas out of five." in html and "Two agendas out of five" not in html
    assert "Substantial" in html and "Participation" in html


def test_a_commitment_never_assessed_has_no_assessment_block(client):
    program = adopted_program(axes=((1, 1),))
    commitment = Commitment.objects.get(program=program, key=keys(program)[0][0])
    assert TITLE not in page(client, commitment.get_absolute_url())


def test_the_justification_is_shown_as_text(client):
    commitment = _assessed_commitment(justification="<script>alert(1)</script>")
    html = page(client, commitment.get_absolute_url())
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_block_costs_one_query_whatever_the_number_of_assessments(django_assert_num_queries):
    from infitah.evaluation.sections import commitment_section_context

    commitment = _assessed_commitment()
    for _ in range(5):
        CommitmentAssessment.objects.create(
            program=commitment.program,
            commitment_key=commitment.key,
            verifiable=False,
            potential=Potential.UNCLEAR,
            completion=AssessedCompletion.NO_EVIDENCE,
            justification="x",
        )
    with django_assert_num_queries(1):
        context = commitment_section_context(commitment, None)
    assert context["assessment"].justification == "x"
