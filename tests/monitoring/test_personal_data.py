"""A person's part in co-monitoring: exported with their data; after the account is deleted, their reviews stay in
the public record under "former participant" and their committee seat keeps its name without the account."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.serializers.json import DjangoJSONEncoder

from infitah.accounts.personal_data import delete_account, export
from infitah.monitoring.models import CommitteeMember, Review, Verdict
from infitah.monitoring.services import record_update, review_update
from tests.clients import page_as
from tests.files import pdf_bytes
from tests.monitoring.factories import keys_of, update_of

pytestmark = pytest.mark.django_db


def test_reviews_and_seats_are_exported_and_the_seat_unlinked_on_deletion(client, people):
    update = update_of(people.program, author=people.editor)
    review_update(update, people.committee_member, Verdict.CONTESTED, "Le portail n'est pas en ligne.")
    data = export(people.committee_member)["monitoring"]
    assert data["reviews"][0]["comment"] == "Le portail n'est pas en ligne."
    assert data["committee_seats"][0]["name"] == "Youssef El Idrissi"
    json.dumps(data, cls=DjangoJSONEncoder)  # the export is JSON
    delete_account(people.committee_member)
    assert CommitteeMember.objects.get().user is None and CommitteeMember.objects.get().name == "Youssef El Idrissi"
    assert Review.objects.get().comment == "Le portail n'est pas en ligne."
    html = page_as(client, None, update.get_absolute_url())
    assert "Former participant" in html


def test_evidence_files_are_downloads_as_public_as_the_update(client, people):
    import datetime

    commitment_key, milestones = keys_of(people.program)
    update = record_update(
        people.program,
        commitment_key,
        milestones[0],
        people.editor,
        datetime.date(2024, 5, 1),
        "limited",
        20,
        {"fr": "Fait"},
        files=[SimpleUploadedFile("pv.pdf", pdf_bytes(), "application/pdf")],
    )
    html = page_as(client, None, update.get_absolute_url())
    assert "pv.pdf" in html
    from infitah.participation.models import Attachment

    response = client.get(f"/en/participation/attachments/{Attachment.objects.get().pk}/")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]


def test_nobody_but_the_staff_attaches_files_to_an_update(people):
    from infitah.participation.attachments import attach
    from infitah.participation.targets import ParticipationRefused

    update = update_of(people.program, author=people.editor)
    pdf = SimpleUploadedFile("pv.pdf", pdf_bytes(), "application/pdf")
    for who in (people.citizen, people.co_owner, people.other_focal_point):
        with pytest.raises(ParticipationRefused, match="Only the staff who write progress updates"):
            attach(who, update, pdf)
    assert attach(people.editor, update, pdf).original_name == "pv.pdf"


def test_a_committee_seat_links_its_account_to_the_collectivity(people):
    from infitah.accounts.links import is_linked

    assert is_linked(people.committee_member.pk, people.commune_a.pk)
    assert not is_linked(people.committee_member.pk, people.commune_b.pk)
