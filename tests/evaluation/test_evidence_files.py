"""Evidence files of a score: attached only by its party while the assessment is a draft, checked like every
upload, and downloaded only by those who may see the assessment (its party; everyone once submitted)."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from infitah.evaluation import services
from infitah.participation.models import Attachment
from tests.clients import page_as
from tests.files import HTML_PAGE, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(people):
    return services.record_score(people.editor, people.own, people.indicators[0], value=Decimal(3), evidence="PV")


def upload(client, score, content, name="minutes.pdf"):
    return client.post(
        reverse("participation:attach", args=["evaluation.score", score.pk]),
        {"file": SimpleUploadedFile(name, content), "next": "/"},
    )


def test_the_party_attaches_a_file_that_only_it_downloads_until_submission(client, people, scored):
    score_page = reverse("evaluation:score", args=[people.campaign.pk, "self", people.indicators[0].pk])
    assert "Attach the file" in page_as(client, people.editor, score_page)
    upload(client, scored, pdf_bytes())
    attachment = Attachment.objects.get()
    download = reverse("participation:download", args=[attachment.pk])
    assert client.get(download).status_code == 200
    for person in (None, people.representative, people.other_focal_point, people.focal_point):
        client.logout()
        if person is not None:
            client.force_login(person)
        expected = 200 if person == people.focal_point else 404
        assert client.get(download).status_code == expected, person
    assert "minutes.pdf" not in page_as(
        client, people.representative, reverse("evaluation:campaign", args=[people.campaign.pk])
    )
    for indicator, value in zip(people.indicators[1:], (2, 2), strict=True):
        services.record_score(people.editor, people.own, indicator, value=Decimal(value))
    services.submit(people.focal_point, people.own)
    client.logout()
    assert client.get(download).status_code == 200
    assert "minutes.pdf" in page_as(client, None, reverse("evaluation:campaign", args=[people.campaign.pk]))


def test_the_other_party_cannot_attach_and_a_submitted_score_takes_no_more_files(client, people, scored):
    client.force_login(people.representative)
    upload(client, scored, pdf_bytes())
    assert not Attachment.objects.exists()
    for indicator in people.indicators[1:]:
        services.record_score(people.editor, people.own, indicator, value=Decimal(2))
    services.submit(people.focal_point, people.own)
    client.force_login(people.editor)
    upload(client, scored, pdf_bytes())
    assert not Attachment.objects.exists()


def test_a_forbidden_file_is_refused(client, people, scored):
    client.force_login(people.editor)
    response = upload(client, scored, HTML_PAGE, name="evidence.html")
    assert response.status_code == 302 and not Attachment.objects.exists()


def test_a_coordinator_moderating_the_network_gets_a_draft_s_file_only_once_it_is_submitted(client, people, scored):
    """Coordinators moderate these files (a score has no collectivity), yet a draft is its party's alone."""
    client.force_login(people.editor)
    upload(client, scored, pdf_bytes())
    download = reverse("participation:download", args=[Attachment.objects.get().pk])
    for person, expected in ((people.coordinator, 404), (people.focal_point, 200), (people.editor, 200)):
        client.force_login(person)
        assert client.get(download).status_code == expected, person
    for indicator in people.indicators[1:]:
        services.record_score(people.editor, people.own, indicator, value=Decimal(2))
    services.submit(people.focal_point, people.own)
    client.force_login(people.coordinator)
    assert client.get(download).status_code == 200


def test_a_coordinator_gets_no_file_of_the_associations_draft_either(client, people):
    score = services.record_score(people.representative, people.independent, people.indicators[0], value=Decimal(1))
    client.force_login(people.representative)
    upload(client, score, pdf_bytes(), name="enquete.pdf")
    download = reverse("participation:download", args=[Attachment.objects.get().pk])
    assert client.get(download).status_code == 200
    for person in (people.coordinator, people.focal_point, people.editor):
        client.force_login(person)
        assert client.get(download).status_code == 404, person
