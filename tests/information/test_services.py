"""Filing a request and moving it along law 31-13's states through the services."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from infitah.core.permissions import Refused
from infitah.information import services, states
from infitah.information.models import Ground, InformationRequest, RequestKind
from infitah.information.services import InformationRefused
from tests.information.factories import MONDAY, filed_request

pytestmark = pytest.mark.django_db


def test_a_filed_request_gets_a_reference_and_its_due_date_at_once(people):
    request = filed_request(people.commune_a, people.citizen)
    assert request.reference == f"{people.commune_a.code}-2025-0001"
    # 20 working days after Monday 3 March 2025 (no holiday in between): Monday 31 March... is Eid al-Fitr (estimate)
    assert request.due_on > MONDAY
    assert request.state == states.RECEIVED
    second = filed_request(people.commune_a, people.citizen)
    assert second.reference.endswith("-0002")


def test_the_national_id_is_encrypted_in_the_database(people):
    request = filed_request(people.commune_a, people.citizen, national_id="ab 123456")
    with connection.cursor() as cursor:
        cursor.execute("SELECT national_id FROM information_informationrequest WHERE id = %s", [request.pk])
        (stored,) = cursor.fetchone()
    assert "AB123456" not in stored
    assert stored.startswith("fernet:")
    assert InformationRequest.objects.get(pk=request.pk).national_id == "AB123456"


def test_a_wrong_id_number_and_missing_fields_are_refused_with_their_fields(people):
    with pytest.raises(ValidationError) as refused:
        filed_request(
            people.commune_a,
            people.citizen,
            national_id="123456",
            subject="",
            kind=RequestKind.URGENT,
            urgency_reason="",
        )
    assert set(refused.value.message_dict) == {"national_id", "subject", "urgency_reason"}
    assert not InformationRequest.objects.exists()


def test_extension_once_and_only_before_the_deadline(people):
    request = filed_request(people.commune_a, people.citizen)
    officer = people.information_officer
    first_due = request.due_on
    request = services.perform(officer, request, states.EXTEND, message="Volume of documents", today=MONDAY)
    assert request.due_on > first_due
    with pytest.raises(InformationRefused, match="one extension only"):
        services.perform(officer, request, states.EXTEND, message="Again", today=MONDAY)
    late = filed_request(people.commune_a, people.citizen)
    with pytest.raises(InformationRefused, match="passed"):
        services.perform(officer, late, states.EXTEND, message="Late", today=late.due_on + datetime.timedelta(days=1))


def test_a_clarification_pause_pushes_the_due_date_by_the_working_days_paused(people):
    request = filed_request(people.commune_a, people.citizen)
    officer = people.information_officer
    due = request.due_on
    request = services.perform(officer, request, states.ASK_CLARIFICATION, message="Which year?", today=MONDAY)
    assert request.due_on is None
    request = services.perform(
        people.citizen, request, states.CLARIFY, message="2024", today=MONDAY + datetime.timedelta(days=7)
    )
    assert request.paused_working_days == 5
    assert request.due_on > due


def test_a_partial_answer_needs_its_ground_and_what_is_withheld(people):
    request = filed_request(people.commune_a, people.citizen)
    with pytest.raises(ValidationError) as refused:
        services.perform(people.information_officer, request, states.ANSWER_PARTIALLY, response="Here is part")
    assert set(refused.value.message_dict) == {"ground", "withheld"}
    request = services.perform(
        people.information_officer,
        request,
        states.ANSWER_PARTIALLY,
        response="Here is part",
        ground=Ground.PRIVATE_LIFE,
        withheld="The names of the beneficiaries",
        today=MONDAY + datetime.timedelta(days=2),
    )
    assert request.state == states.PARTIAL
    assert request.working_days_to_reply == 2
    with pytest.raises(InformationRefused, match="closed"):
        services.perform(people.information_officer, request, states.ANSWER, response="More")


def test_already_published_must_link_to_the_publication(people):
    request = filed_request(people.commune_a, people.citizen)
    with pytest.raises(ValidationError) as refused:
        services.perform(
            people.information_officer, request, states.REFUSE, response="See the site", ground=Ground.ALREADY_PUBLISHED
        )
    assert "published_at" in refused.value.message_dict


def test_officers_of_another_collectivity_and_the_requester_cannot_act(people):
    request = filed_request(people.commune_a, people.citizen)
    for person in (people.other_focal_point, people.citizen, people.focal_point):
        with pytest.raises(Refused):
            services.perform(person, request, states.START)
