"""An association's eligibility is recorded "with the documents that show it" (issue 12): the agent attaches them
through the platform's one upload checker; only the petition's initiators and the council's bureau read them —
they may name the association's officers — and the public learns only how many there are."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from infitah.participation.models import Attachment
from infitah.petitions import eligibility_documents, services, states
from infitah.petitions.models import AssociationEligibility
from tests.clients import main_text, queries
from tests.factories import AssociationFactory, RepresentativeFactory
from tests.files import HTML_PAGE, pdf_bytes
from tests.petitions.factories import drafted

FIELDS = {
    "constituted_on": "2015-03-02",
    "seat_or_branch": "Seat in commune A",
    "related_activity": "Public spaces and the environment",
    "in_good_standing": "on",
}


@pytest.fixture
def petition(people):
    association = AssociationFactory(seat=people.commune_a, registration_date=datetime.date(2015, 3, 2))
    RepresentativeFactory(association=association, user=people.agent)
    return drafted(people.commune_a, people.agent, association=association)


def _post(client, petition, files=(), **changes):
    client.force_login(petition.agent)
    data = {**FIELDS, **changes}
    if files:
        data["documents"] = list(files)
    return client.post(reverse("petitions:eligibility", args=[petition.pk]), data)


def _recorded(client, petition, name="statuts.pdf"):
    response = _post(client, petition, [SimpleUploadedFile(name, pdf_bytes(), "application/pdf")])
    assert response.status_code == 302
    return Attachment.objects.get(original_name=name)


def test_the_agent_records_the_eligibility_with_its_documents(client, petition):
    response = _post(
        client,
        petition,
        [
            SimpleUploadedFile("statuts.pdf", pdf_bytes(), "application/pdf"),
            SimpleUploadedFile("récépissé.txt", "وصل الإيداع".encode(), "text/plain"),
        ],
    )
    assert response.status_code == 302
    names = sorted(d.original_name for d in eligibility_documents.documents_of(petition.eligibility))
    assert names == ["récépissé.txt", "statuts.pdf"]
    page = client.get(reverse("petitions:petition", args=[petition.pk]))
    assert "statuts.pdf" in main_text(page) and "récépissé.txt" in main_text(page)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: SimpleUploadedFile("page.html", HTML_PAGE, "text/html"), "Files of this type cannot be attached"),
        (lambda: SimpleUploadedFile("faux.pdf", b"not a pdf at all", "application/pdf"), "does not match its .pdf"),
    ],
)
def test_a_refused_file_saves_nothing_and_keeps_what_was_typed(client, petition, upload, message):
    response = _post(client, petition, [upload()], seat_or_branch="Branch in the old medina")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Branch in the old medina" in response.content.decode()
    assert not Attachment.objects.exists()
    assert not AssociationEligibility.objects.filter(petition=petition).exists()


def test_a_file_over_the_size_limit_is_refused_and_the_record_keeps_its_values(client, petition, settings):
    _recorded(client, petition)
    settings.INFITAH_ATTACHMENT_MAX_BYTES = 1024
    big = SimpleUploadedFile("rapport.txt", b"a" * 2048, "text/plain")
    response = _post(client, petition, [big], seat_or_branch="Somewhere else")
    assert response.status_code == 200
    assert "rapport.txt" in response.content.decode()
    petition.eligibility.refresh_from_db()
    assert petition.eligibility.seat_or_branch == "Seat in commune A"
    assert [d.original_name for d in eligibility_documents.documents_of(petition.eligibility)] == ["statuts.pdf"]


def test_the_agent_removes_a_document_while_the_petition_is_a_draft(client, petition):
    document = _recorded(client, petition)
    response = _post(client, petition, remove_documents=[document.pk])
    assert response.status_code == 302
    assert not Attachment.objects.filter(pk=document.pk).exists()


def test_the_deposit_needs_a_document(client, petition, people):
    _post(client, petition)
    page = client.get(reverse("petitions:deposit", args=[petition.pk]))
    assert "Attach at least one document" in main_text(page)
    with pytest.raises(services.PetitionRefused, match="at least one document"):
        services.deposit(people.agent, petition)
    _recorded(client, petition)
    assert services.deposit(people.agent, petition).stage == states.DEPOSITED


@pytest.mark.parametrize("who", ["agent", "co_initiator", "focal_point", "council_member"])
def test_the_initiators_and_the_bureau_download_the_documents(client, petition, people, who):
    co_initiator = people.signer()
    petition.co_initiators.add(co_initiator)
    document = _recorded(client, petition)
    petition = services.deposit(people.agent, petition)
    reader = co_initiator if who == "co_initiator" else getattr(people, who)
    client.force_login(reader)
    response = client.get(reverse("participation:download", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    page = main_text(client.get(reverse("petitions:petition", args=[petition.pk])))
    assert "statuts.pdf" in page and "Public spaces and the environment" in page


def test_the_bureau_reads_the_eligibility_and_its_documents_when_ruling(client, petition, people):
    _recorded(client, petition)
    petition = services.deposit(people.agent, petition)
    client.force_login(people.council_member)
    page = main_text(client.get(reverse("petitions:rule", args=[petition.pk])))
    assert "statuts.pdf" in page and "Seat in commune A" in page


@pytest.mark.parametrize("who", [None, "citizen", "other_focal_point", "editor", "coordinator"])
def test_nobody_else_downloads_them_and_the_public_sees_only_how_many(client, petition, people, who):
    document = _recorded(client, petition)
    petition = services.deposit(people.agent, petition)
    client.logout()
    if who is not None:
        client.force_login(getattr(people, who))
    assert client.get(reverse("participation:download", args=[document.pk])).status_code == 404
    page = main_text(client.get(reverse("petitions:petition", args=[petition.pk])))
    assert "1 document recorded." in page
    assert "statuts.pdf" not in page and "Public spaces and the environment" not in page


def test_the_documents_are_kept_once_the_petition_is_deposited(client, petition, people):
    document = _recorded(client, petition)
    services.deposit(people.agent, petition)
    response = _post(client, petition, remove_documents=[document.pk])
    assert response.status_code == 302
    assert Attachment.objects.filter(pk=document.pk).exists()
    petition.refresh_from_db()
    with pytest.raises(services.PetitionRefused, match="kept as they were"):
        eligibility_documents.record(
            people.agent,
            petition,
            files=[SimpleUploadedFile("late.txt", b"late", "text/plain")],
            constituted_on=datetime.date(2015, 3, 2),
            seat_or_branch="x",
            related_activity="y",
            in_good_standing=True,
        )


def test_a_file_name_with_markup_is_shown_as_text(client, petition):
    _recorded(client, petition, name="<img src=x onerror=alert(1)>.pdf")
    for name in ("petitions:petition", "petitions:eligibility"):
        url = reverse(name, args=[petition.pk])
        html = client.get(url).content.decode()
        assert "<img src=x onerror=alert(1)>" not in html
        assert "&lt;img src=x onerror=alert(1)&gt;.pdf" in html


def test_the_petition_page_costs_the_same_queries_for_few_or_many_documents(client, petition):
    _recorded(client, petition)
    url = reverse("petitions:petition", args=[petition.pk])
    few = queries(client, url)
    for n in range(4):
        _recorded(client, petition, name=f"rapport-{n}.pdf")
    assert queries(client, url) == few
