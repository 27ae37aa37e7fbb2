"""Contributing: who may, when, about what, and what bad input gets (a message, nothing saved)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from infitah.consultations.models import Contribution, ContributionKind, ContributorKind
from infitah.consultations.services import ContributionRefused, submit_contribution
from infitah.participation import supports
from infitah.participation.comments import post_comment
from infitah.participation.follows import is_following
from infitah.participation.moderation import hide
from infitah.participation.targets import ParticipationRefused
from tests.consultations.factories import ConsultationFactory, ContributionFactory, snapshot_keys
from tests.factories import AssociationFactory, ProvinceFactory, RepresentativeFactory, UserFactory

pytestmark = pytest.mark.django_db


def proposal(**overrides):
    fields = {
        "kind": ContributionKind.PROPOSAL,
        "title": "بوابة للشكايات",
        "problem": "لا يعرف السكان مآل شكاياتهم",
        "body": "منصة رقمية لتتبع الشكايات",
        "expected_results": "تتبع علني",
        "principles": ["transparency", "accountability"],
    }
    return {**fields, **overrides}


def test_a_citizen_comments_on_a_commitment_and_follows_it(consultation, people):
    axis_key, commitment_keys = snapshot_keys(consultation)
    contribution = submit_contribution(
        people.citizen, consultation, body="نقترح نشر الميزانية بصيغة مفتوحة", commitment_key=commitment_keys[0]
    )
    assert str(contribution.commitment_key) == commitment_keys[0]
    assert str(contribution.axis_key) == axis_key  # the axis comes from the snapshot
    assert contribution.collectivity == people.commune_a
    assert is_following(people.citizen, contribution)


def test_the_profile_is_copied_at_submission_only_when_given(consultation, people):
    told = submit_contribution(people.citizen, consultation, body="رأيي")
    silent = submit_contribution(UserFactory(), consultation, body="رأي آخر")
    assert (told.contributor_kind, told.contributor_gender, told.contributor_age_band) == (
        ContributorKind.CITIZEN,
        "female",
        "25_34",
    )
    assert (silent.contributor_gender, silent.contributor_age_band) == ("", "")
    people.citizen.gender = "male"
    people.citizen.save()
    told.refresh_from_db()
    assert told.contributor_gender == "female"


def test_a_verified_association_contributes_through_its_representative(consultation):
    association = AssociationFactory(is_verified=True, seat=consultation.collectivity)
    representative = RepresentativeFactory(association=association).user
    contribution = submit_contribution(representative, consultation, association=association, **proposal())
    assert contribution.contributor_kind == ContributorKind.ASSOCIATION
    assert contribution.association == association


def test_a_pending_association_or_someone_elses_is_refused(consultation):
    pending = AssociationFactory(is_verified=False)
    representative = RepresentativeFactory(association=pending).user
    with pytest.raises(ContributionRefused, match="verified association you represent"):
        submit_contribution(representative, consultation, body="باسم الجمعية", association=pending)
    other = AssociationFactory(is_verified=True)
    with pytest.raises(ContributionRefused):
        submit_contribution(representative, consultation, body="باسم الجمعية", association=other)
    assert not Contribution.objects.exists()


@pytest.mark.parametrize(
    ("case", "opens", "closes", "message"),
    [
        ("before the opening", 2, 10, "not open yet: it runs from"),
        ("after the close", -10, -2, "closed on"),
    ],
)
def test_contributing_outside_the_dates_is_refused_with_the_dates(people, program, case, opens, closes, message):
    now = timezone.now()
    consultation = ConsultationFactory(
        program=program, opens_at=now + datetime.timedelta(days=opens), closes_at=now + datetime.timedelta(days=closes)
    )
    with pytest.raises(ContributionRefused, match=message) as refused:
        submit_contribution(people.citizen, consultation, body="متأخر")
    assert str(consultation.closes_at.astimezone(timezone.get_current_timezone()).year) in refused.value.message
    assert not Contribution.objects.exists(), case


@pytest.mark.parametrize(
    ("case", "fields", "field", "message"),
    [
        ("empty", {"body": "   "}, "body", "empty"),
        ("markup only", {"body": "<b></b><script>alert(1)</script>"}, "body", "Only markup"),
        ("oversized text", {"body": "ا" * 2001}, "body", "the limit is 2000"),
        ("oversized title", proposal(title="ع" * 201), "title", "the limit is 200"),
        ("proposal without principle", proposal(principles=[]), "principles", "at least one"),
        ("proposal without problem", proposal(problem=""), "problem", "empty"),
        (
            "unknown commitment",
            {"body": "نص", "commitment_key": "00000000-0000-0000-0000-000000000000"},
            "commitment_key",
            "not in the consulted version",
        ),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(consultation, people, case, fields, field, message):
    with pytest.raises(ValidationError) as refused:
        submit_contribution(people.citizen, consultation, **fields)
    assert field in refused.value.message_dict, case
    assert message in " ".join(refused.value.message_dict[field]), case
    assert not Contribution.objects.exists()


def test_html_and_scripts_are_neutralised(consultation, people):
    contribution = submit_contribution(
        people.citizen, consultation, body='أقترح <b>نشر</b> <script>alert("x")</script>الميزانية <a href="x">هنا</a>'
    )
    assert contribution.body == "أقترح نشر الميزانية هنا"


def test_a_consultation_without_proposals_refuses_them(people, program):
    consultation = ConsultationFactory(program=program, accepts_proposals=False)
    with pytest.raises(ContributionRefused, match="does not take proposals"):
        submit_contribution(people.citizen, consultation, **proposal())


def test_residents_only_refuses_people_living_elsewhere(people, program):
    consultation = ConsultationFactory(program=program, residents_only=True)
    with pytest.raises(ContributionRefused, match="residents of"):
        submit_contribution(people.outsider, consultation, body="من خارج الجماعة")
    with pytest.raises(ContributionRefused, match="residents of"):
        submit_contribution(UserFactory(), consultation, body="بدون إقامة")
    assert submit_contribution(people.citizen, consultation, body="من السكان")


def test_residents_only_of_a_province_takes_people_of_its_communes(people):
    from tests.consultations.factories import published_program

    province = people.commune_a.parent
    consultation = ConsultationFactory(program=published_program(province), residents_only=True)
    assert submit_contribution(people.citizen, consultation, body="أسكن في جماعة من الإقليم")
    with pytest.raises(ContributionRefused):
        submit_contribution(UserFactory(residence=ProvinceFactory()), consultation, body="إقليم آخر")


def test_residents_only_takes_an_association_seated_there_on_its_behalf(people, program):
    consultation = ConsultationFactory(program=program, residents_only=True)
    seated = AssociationFactory(is_verified=True, seat=people.commune_a)
    elsewhere = AssociationFactory(is_verified=True, seat=people.commune_b)
    RepresentativeFactory(association=seated, user=people.outsider)
    RepresentativeFactory(association=elsewhere, user=people.outsider)
    assert submit_contribution(people.outsider, consultation, body="باسم جمعية محلية", association=seated)
    with pytest.raises(ContributionRefused, match="must be seated"):
        submit_contribution(people.outsider, consultation, body="باسم جمعية أخرى", association=elsewhere)
    with pytest.raises(ContributionRefused, match="residents of"):
        submit_contribution(people.outsider, consultation, body="بصفتي الشخصية")


def test_supports_are_one_per_person_and_withdrawable(consultation, people):
    contribution = submit_contribution(people.outsider, consultation, **proposal())
    assert supports.support(people.citizen, contribution) is True
    assert supports.support(people.citizen, contribution) is False
    assert supports.support_count(contribution) == 1
    assert supports.withdraw_support(people.citizen, contribution) is True
    assert supports.support_count(contribution) == 0


def test_replies_and_supports_close_with_the_consultation(consultation, people):
    contribution = ContributionFactory(consultation=consultation)
    post_comment(people.outsider, contribution, "أوافق")
    consultation.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    consultation.save()
    contribution.refresh_from_db()
    with pytest.raises(ParticipationRefused, match="closed on"):
        post_comment(people.outsider, contribution, "متأخر")
    with pytest.raises(ParticipationRefused, match="closed on"):
        supports.support(people.citizen, contribution)


def test_a_hidden_contribution_keeps_its_place_but_takes_no_reply(consultation, people):
    contribution = ContributionFactory(consultation=consultation)
    hide(people.editor, contribution, "abuse", "Propos injurieux.")
    contribution.refresh_from_db()
    assert contribution.is_hidden and contribution.hidden_reason == "Propos injurieux."
    with pytest.raises(ParticipationRefused, match="hidden"):
        post_comment(people.citizen, contribution, "رد")


def test_staff_of_another_collectivity_cannot_moderate(consultation, people):
    contribution = ContributionFactory(consultation=consultation)
    with pytest.raises(ParticipationRefused):
        hide(people.other_focal_point, contribution, "abuse", "Non.")
