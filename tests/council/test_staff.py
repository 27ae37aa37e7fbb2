"""The back office: the focal point and editors of a collectivity keep its sessions, agenda and decisions. What the
law refuses is explained on the form and nothing typed is lost; another collectivity's rows answer 404."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from infitah.council.models import AgendaPoint, Decision, Session
from infitah.participation.attachments import attachments_of
from tests.council.factories import decision, point, session
from tests.files import HTML_PAGE, pdf_bytes
from tests.petitions.public import admitted, inadmissible

pytestmark = pytest.mark.django_db


def _session_data(**overrides):
    return {
        "kind": "ordinary",
        "title_0": "الدورة العادية لشهر فبراير",
        "title_1": "Session ordinaire de février",
        "opens_on": "2024-02-05",
        "closes_on": "",
        "place_1": "Salle du conseil",
        "status": "planned",
        "seats": "35",
        "is_published": "on",
        **overrides,
    }


def _decision_data(**overrides):
    return {
        "number": "12/2023",
        "title_1": "Adoption du budget 2024",
        "decided_on": "2023-10-02",
        "votes_for": "20",
        "votes_against": "10",
        "votes_abstain": "5",
        **overrides,
    }


def test_the_focal_point_records_an_ordinary_session_in_a_month_the_law_allows(client, people):
    client.force_login(people.focal_point)
    response = client.post(reverse("council:add_session", args=[people.commune_a.code]), _session_data())
    created = Session.objects.get(collectivity=people.commune_a)
    assert response.status_code == 302 and response["Location"] == created.get_absolute_url()
    assert created.kind == "ordinary" and created.seats == 35 and created.is_published


def test_an_ordinary_session_outside_the_laws_months_is_refused_then_recorded_as_extraordinary(client, people):
    client.force_login(people.focal_point)
    address = reverse("council:add_session", args=[people.commune_a.code])
    refused = client.post(address, _session_data(opens_on="2024-07-08"))  # July: not a commune's month
    assert refused.status_code == 200 and not Session.objects.exists()
    page = refused.content.decode()
    assert "An ordinary session of this council is held only in" in page
    assert "Record it as an extraordinary session" in page
    assert "Session ordinaire de février" in page  # what was typed is still there
    accepted = client.post(address, _session_data(opens_on="2024-07-08", record_as_extraordinary="on"))
    assert accepted.status_code == 302
    assert Session.objects.get().kind == "extraordinary"


def test_votes_beyond_the_councils_members_are_refused_and_nothing_is_lost(client, people):
    held = session(people.commune_a, seats=35)
    client.force_login(people.editor)
    response = client.post(reverse("council:add_decision", args=[held.pk]), _decision_data(votes_for="30"))
    assert response.status_code == 200 and not Decision.objects.exists()
    page = response.content.decode()
    assert "45 votes were counted" in page and "only 35 members in office" in page
    assert "Adoption du budget 2024" in page and 'value="30"' in page
    saved = client.post(reverse("council:add_decision", args=[held.pk]), _decision_data())
    assert saved.status_code == 302
    recorded = Decision.objects.get()
    assert recorded.outcome == "adopted" and recorded.collectivity == people.commune_a and recorded.year == 2023


def test_negative_votes_and_a_number_used_twice_in_a_year_are_refused(client, people):
    held = session(people.commune_a, seats=35)
    decision(held, number="12/2023")
    client.force_login(people.editor)
    negative = client.post(reverse("council:add_decision", args=[held.pk]), _decision_data(votes_against="-1"))
    assert negative.status_code == 200
    twice = client.post(reverse("council:add_decision", args=[held.pk]), _decision_data()).content.decode()
    assert "already has a decision numbered 12/2023 in 2023" in twice
    assert Decision.objects.count() == 1
    next_year = client.post(
        reverse("council:add_decision", args=[held.pk]), _decision_data(decided_on="2024-01-10")
    )  # numbering starts again each year
    assert next_year.status_code == 302 and Decision.objects.count() == 2


def test_an_agenda_point_links_only_this_councils_admissible_petitions(client, people):
    held = session(people.commune_a, opens_on=datetime.date(2026, 2, 2))
    mine = admitted(people, people.commune_a, title="A library in the old town")
    refused = inadmissible(people, people.commune_a, title="A stadium")
    elsewhere = admitted(people, people.region, title="Regional buses")
    client.force_login(people.focal_point)
    address = reverse("council:add_point", args=[held.pk])
    for petition in (refused, elsewhere):
        response = client.post(address, {"order": "1", "title_1": "Pétition", "petition": petition.pk})
        assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    response = client.post(address, {"order": "1", "title_1": "Pétition", "petition": mine.pk})
    assert response.status_code == 302
    assert AgendaPoint.objects.filter(session=held, petition=mine).exists()


def test_documents_are_checked_and_served_as_downloads(client, people):
    held = session(people.commune_a)
    client.force_login(people.focal_point)
    address = reverse("council:add_point", args=[held.pk])
    fake = SimpleUploadedFile("agenda.pdf", HTML_PAGE, "application/pdf")
    response = client.post(address, {"order": "1", "title_1": "Budget", "documents": [fake]})
    assert response.status_code == 200 and not AgendaPoint.objects.filter(session=held).exists()
    assert "does not match its .pdf extension" in response.content.decode()
    pdf = SimpleUploadedFile("agenda.pdf", pdf_bytes(), "application/pdf")
    assert client.post(address, {"order": "1", "title_1": "Budget", "documents": [pdf]}).status_code == 302
    document = attachments_of(AgendaPoint.objects.get(session=held)).get()
    client.logout()
    download = client.get(reverse("participation:download", args=[document.pk]))
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]


def test_an_unpublished_sessions_documents_are_not_downloaded_by_the_public(client, people):
    held = session(people.commune_a, is_published=False)
    client.force_login(people.focal_point)
    pdf = SimpleUploadedFile("minutes.pdf", pdf_bytes(), "application/pdf")
    client.post(
        reverse("council:edit_session", args=[held.pk]),
        _session_data(opens_on="2023-10-02", is_published="", documents=[pdf]),
    )
    document = attachments_of(held).get()
    client.logout()
    assert client.get(reverse("participation:download", args=[document.pk])).status_code in (403, 404)


def test_staff_of_one_collectivity_never_touch_anothers_sessions(client, people):
    theirs = session(people.commune_b)
    their_point = point(theirs)
    their_decision = decision(theirs)
    client.force_login(people.focal_point)
    for address in (
        reverse("council:add_session", args=[people.commune_b.code]),
        reverse("council:edit_session", args=[theirs.pk]),
        reverse("council:add_point", args=[theirs.pk]),
        reverse("council:edit_point", args=[their_point.pk]),
        reverse("council:add_decision", args=[theirs.pk]),
        reverse("council:edit_decision", args=[their_decision.pk]),
        reverse("council:edit_session", args=[10**12]),
    ):
        assert client.get(address).status_code == 404, address
        assert client.post(address, _session_data()).status_code == 404, address
    theirs.refresh_from_db()
    assert theirs.seats == 45


def test_council_members_and_citizens_do_not_manage_sessions(client, people):
    held = session(people.commune_a)
    for person in (people.council_member, people.information_officer, people.citizen):
        client.force_login(person)
        assert client.get(reverse("council:edit_session", args=[held.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("council:edit_session", args=[held.pk])).status_code == 302  # to the login


def test_the_members_in_office_cannot_drop_below_a_recorded_vote(client, people):
    held = session(people.commune_a, seats=45)
    decision(held, votes=(30, 10, 5))
    client.force_login(people.focal_point)
    response = client.post(
        reverse("council:edit_session", args=[held.pk]), _session_data(opens_on="2023-10-02", seats="40")
    )
    assert response.status_code == 200 and "counted 45 votes" in response.content.decode()
    held.refresh_from_db()
    assert held.seats == 45
