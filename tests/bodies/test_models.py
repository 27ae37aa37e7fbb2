"""What the database keeps true about bodies and their members, whatever screen or script writes them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from infitah.bodies.models import AdvisoryBody, BodyMember, BureauRole
from tests.bodies.factories import BodyMemberFactory, OpinionFactory
from tests.factories import AdvisoryBodyFactory, UserFactory

pytestmark = pytest.mark.django_db


def refused(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_a_mandate_ends_after_it_starts():
    body = AdvisoryBodyFactory.build(mandate_start=datetime.date(2024, 1, 1), mandate_end=datetime.date(2023, 1, 1))
    with pytest.raises(ValidationError) as error:
        body.full_clean()
    assert "The mandate must end after it starts." in str(error.value)
    refused(lambda: AdvisoryBodyFactory(mandate_start=datetime.date(2024, 1, 1), mandate_end=datetime.date(2024, 1, 1)))
    AdvisoryBodyFactory(mandate_start=datetime.date(2024, 1, 1), mandate_end=None)


def test_the_body_page_is_its_address():
    body = AdvisoryBodyFactory()
    assert body.get_absolute_url() == f"/ar/bodies/{body.pk}/" or body.get_absolute_url().endswith(
        f"/bodies/{body.pk}/"
    )


def test_a_member_is_a_user_or_a_named_person():
    body = AdvisoryBodyFactory()
    member = BodyMember(body=body, seat_type="expert")
    with pytest.raises(ValidationError) as error:
        member.full_clean()
    assert "Give the member's full name, or choose their user account." in str(error.value)
    refused(lambda: BodyMember.objects.create(body=body, seat_type="expert"))
    BodyMember.objects.create(body=body, seat_type="expert", full_name="Latifa Bennis")


def test_a_user_member_keeps_a_public_name_even_if_the_account_goes():
    user = UserFactory(full_name="Samira Alaoui")
    member = BodyMemberFactory(user=user, full_name="")
    assert member.name == "Samira Alaoui" and "@" not in member.name
    user.delete()
    member.refresh_from_db()
    assert member.user is None and member.name == "Samira Alaoui"


def test_a_member_without_full_name_is_shown_by_display_name_never_email():
    member = BodyMemberFactory(user=UserFactory(full_name="", email="hidden.person@example.ma"), full_name="")
    assert "hidden" not in member.name and "@" not in member.name
    with translation.override("en"):
        assert member.name == f"Participant no. {member.user.pk}"


def test_one_active_president_and_one_rapporteur_per_body_but_several_vice_presidents():
    body = AdvisoryBodyFactory()
    president = BodyMemberFactory(body=body, bureau_role=BureauRole.PRESIDENT)
    BodyMemberFactory(body=body, bureau_role=BureauRole.RAPPORTEUR)
    refused(lambda: BodyMemberFactory(body=body, bureau_role=BureauRole.PRESIDENT))
    refused(lambda: BodyMemberFactory(body=body, bureau_role=BureauRole.RAPPORTEUR))
    BodyMemberFactory(body=body, bureau_role=BureauRole.VICE_PRESIDENT)
    BodyMemberFactory(body=body, bureau_role=BureauRole.VICE_PRESIDENT)
    # Another body has its own president; a president who left makes room for the next.
    BodyMemberFactory(body=AdvisoryBodyFactory(), bureau_role=BureauRole.PRESIDENT)
    president.left_on = datetime.date.today()
    president.save()
    BodyMemberFactory(body=body, bureau_role=BureauRole.PRESIDENT)


def test_the_second_president_is_refused_with_a_message_by_validation():
    body = AdvisoryBodyFactory()
    BodyMemberFactory(body=body, bureau_role=BureauRole.PRESIDENT)
    second = BodyMember(body=body, full_name="Second", seat_type="expert", bureau_role=BureauRole.PRESIDENT)
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "This body already has an active president" in str(error.value)


def test_a_member_leaves_after_joining():
    member = BodyMemberFactory.build(
        body=AdvisoryBodyFactory(), joined_on=datetime.date(2024, 5, 1), left_on=datetime.date(2024, 4, 1)
    )
    with pytest.raises(ValidationError):
        member.full_clean()
    refused(member.save)


def test_active_members_have_not_left():
    body = AdvisoryBodyFactory()
    sitting = BodyMemberFactory(body=body)
    BodyMemberFactory(body=body, joined_on=datetime.date(2020, 1, 1), left_on=datetime.date(2021, 1, 1))
    assert list(BodyMember.objects.active().filter(body=body)) == [sitting]


def test_an_opinion_is_due_by_its_submission_date_plus_the_configured_days(settings):
    opinion = OpinionFactory(submitted_at=datetime.datetime(2024, 1, 10, 9, tzinfo=datetime.UTC))
    assert (opinion.response_days, opinion.due_on) == (60, datetime.date(2024, 3, 10))
    settings.INFITAH_OPINION_RESPONSE_DAYS = 30
    later = OpinionFactory(submitted_at=datetime.datetime(2024, 1, 10, 9, tzinfo=datetime.UTC))
    assert (later.response_days, later.due_on) == (30, datetime.date(2024, 2, 9))
    # The period is fixed at submission: changing the setting does not move an opinion's due date.
    opinion.refresh_from_db()
    assert opinion.due_on == datetime.date(2024, 3, 10)


def test_the_existing_factory_still_makes_a_body():
    assert isinstance(AdvisoryBodyFactory(), AdvisoryBody)
