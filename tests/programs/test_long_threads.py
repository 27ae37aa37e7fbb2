"""A commitment that carries 5,000 contributions retained by consultations costs its page what one that carries 50
does: the page shows the first ones and points to the consultations' reports, which list every one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infitah.consultations.models import Contribution, ContributionKind, ContributorKind, Response, ResponseOutcome
from infitah.consultations.selectors import RETAINED_SHOWN
from tests.consultations.factories import ConsultationFactory, published_program
from tests.factories import CommuneFactory, UserFactory

pytestmark = pytest.mark.django_db


def retain(consultation, commitment, count, author):
    Contribution.objects.bulk_create(
        Contribution(
            consultation=consultation,
            collectivity_id=consultation.collectivity_id,
            kind=ContributionKind.COMMENT,
            author=author,
            body=f"Idea {n} for {commitment.pk}.",
            contributor_kind=ContributorKind.CITIZEN,
        )
        for n in range(1, count + 1)
    )
    Response.objects.bulk_create(
        Response(contribution=contribution, outcome=ResponseOutcome.RETAINED, commitment_key=commitment.key)
        for contribution in Contribution.objects.filter(consultation=consultation, body__endswith=f"{commitment.pk}.")
    )


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_a_commitment_page_costs_the_same_for_50_or_5000_retained_contributions(client):
    program = published_program(CommuneFactory())
    consultation = ConsultationFactory(program=program)
    few, many = program.commitments.order_by("pk")
    author = UserFactory()
    retain(consultation, few, 50, author)
    retain(consultation, many, 5000, author)
    client.get(few.get_absolute_url())  # the first request also loads what the process caches

    few_queries, few_html = queries(client, few.get_absolute_url())
    many_queries, many_html = queries(client, many.get_absolute_url())

    assert many_queries == few_queries
    assert f"Idea {RETAINED_SHOWN} for {many.pk}." in many_html
    assert f"Idea {RETAINED_SHOWN + 1} for {many.pk}." not in many_html
    assert f"/consultations/{consultation.pk}/report/" in many_html, "the report lists every one"
