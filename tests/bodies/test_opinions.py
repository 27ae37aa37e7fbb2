"""An opinion goes submitted → acknowledged → answered with a reasoned response, and nothing else; the member who
submitted it is told at each step; staff acts are audited; staff of another collectivity cannot act."""

import datetime

import pytest

from infitah.bodies.models import Opinion, OpinionStatus
from infitah.bodies.opinions import OpinionRefused, acknowledge, answer, check_move, submit_opinion
from infitah.participation.models import AuditLogEntry, Notification
from tests.bodies.factories import BodyMemberFactory, OpinionFactory

S, A, R = OpinionStatus.SUBMITTED, OpinionStatus.ACKNOWLEDGED, OpinionStatus.ANSWERED


@pytest.mark.parametrize(
    ("case", "current", "target", "refusal"),
    [
        ("acknowledge a submitted opinion", S, A, None),
        ("answer an acknowledged opinion", A, R, None),
        ("answer before acknowledging", S, R, "Acknowledge receipt of the opinion before"),
        ("acknowledge twice", A, A, "already been acknowledged"),
        ("re-open an answered opinion", R, S, "already been answered"),
        ("answer twice", R, R, "already been answered"),
        ("step back to submitted", A, S, "cannot go from “Acknowledged” to “Submitted”"),
        ("stay submitted", S, S, "cannot go from"),
    ],
)
def test_the_moves_of_an_opinion(case, current, target, refusal):
    reason = check_move(current, target)
    if refusal is None:
        assert reason is None, case
    else:
        assert refusal in str(reason), case


def test_a_member_submits_in_their_own_name(people):
    opinion = submit_opinion(
        people.body, by=people.member_user, kind="opinion", title={"ar": "الميزانية"}, text={"ar": "نص"}
    )
    assert opinion.member == people.member and opinion.member_name == "Khadija Ait Taleb"
    assert opinion.status == S and opinion.recorded_by == people.member_user
    assert not AuditLogEntry.objects.filter(action="bodies.record_opinion").exists()


def test_a_non_member_is_refused_and_nothing_is_stored(people):
    for outsider in (people.citizen, people.council_member, people.information_officer, people.other_focal_point):
        with pytest.raises(OpinionRefused) as refused:
            submit_opinion(people.body, by=outsider, kind="opinion", title={"ar": "ع"}, text={"ar": "ن"})
        assert "Only the active members of this body" in str(refused.value.message)
    assert not Opinion.objects.exists()


def test_a_member_who_left_may_no_longer_submit(people):
    people.member.left_on = datetime.date.today()
    people.member.save()
    with pytest.raises(OpinionRefused):
        submit_opinion(people.body, by=people.member_user, kind="opinion", title={"ar": "ع"}, text={"ar": "ن"})


def test_a_member_cannot_submit_in_another_members_name(people):
    with pytest.raises(OpinionRefused) as refused:
        submit_opinion(
            people.body,
            by=people.member_user,
            member=people.named_member,
            kind="opinion",
            title={"ar": "ع"},
            text={"ar": "ن"},
        )
    assert "only in your own name" in str(refused.value.message)


def test_staff_record_an_opinion_on_behalf_of_a_member_and_it_is_audited(people):
    opinion = submit_opinion(
        people.body,
        by=people.editor,
        member=people.named_member,
        kind="recommendation",
        title={"fr": "Recommandation"},
        text={"fr": "Texte"},
    )
    assert opinion.member_name == "Mohamed Amine" and opinion.recorded_by == people.editor
    entry = AuditLogEntry.objects.get(action="bodies.record_opinion")
    assert entry.collectivity_id == people.commune_a.pk


def test_staff_must_name_an_active_member_of_that_body(people):
    elsewhere = BodyMemberFactory(body=people.other_body)
    with pytest.raises(OpinionRefused):
        submit_opinion(
            people.body, by=people.editor, member=elsewhere, kind="opinion", title={"ar": "ع"}, text={"ar": "ن"}
        )
    with pytest.raises(OpinionRefused):
        submit_opinion(people.body, by=people.editor, kind="opinion", title={"ar": "ع"}, text={"ar": "ن"})


def test_acknowledge_then_answer_notifies_the_member_and_audits(people):
    opinion = OpinionFactory(body=people.body, member=people.member)
    acknowledge(opinion, by=people.focal_point)
    opinion.refresh_from_db()
    assert opinion.status == A and opinion.acknowledged_by == people.focal_point and opinion.acknowledged_at
    answer(opinion, by=people.editor, response={"ar": "قرر المجلس ... لأن ..."}, council_session="Session d'octobre")
    opinion.refresh_from_db()
    assert opinion.status == R and opinion.answered_by == people.editor and opinion.council_session
    verbs = list(Notification.objects.filter(recipient=people.member_user).values_list("verb", flat=True))
    assert sorted(verbs) == ["opinion_acknowledged", "opinion_answered"]
    actions = set(AuditLogEntry.objects.values_list("action", flat=True))
    assert {"bodies.acknowledge_opinion", "bodies.answer_opinion"} <= actions


def test_an_answer_needs_reasons(people):
    opinion = OpinionFactory(body=people.body, status=A, acknowledged_at=datetime.datetime.now(datetime.UTC))
    with pytest.raises(OpinionRefused) as refused:
        answer(opinion, by=people.focal_point, response={"ar": "   "})
    assert "reasoned response" in str(refused.value.message)
    opinion.refresh_from_db()
    assert opinion.status == A


def test_illegal_moves_are_refused_with_the_reason(people):
    opinion = OpinionFactory(body=people.body)
    with pytest.raises(OpinionRefused) as refused:
        answer(opinion, by=people.focal_point, response={"ar": "رد"})
    assert "Acknowledge receipt" in str(refused.value.message)
    acknowledge(opinion, by=people.focal_point)
    with pytest.raises(OpinionRefused):
        acknowledge(opinion, by=people.focal_point)
    answer(opinion, by=people.focal_point, response={"ar": "رد"})
    with pytest.raises(OpinionRefused) as refused:
        answer(opinion, by=people.focal_point, response={"ar": "رد آخر"})
    assert "already been answered" in str(refused.value.message)
    opinion.refresh_from_db()
    assert opinion.response == {"ar": "رد"}


def test_staff_of_another_commune_and_council_members_cannot_acknowledge_or_answer(people):
    opinion = OpinionFactory(body=people.body)
    for outsider in (people.other_focal_point, people.council_member, people.member_user, people.coordinator):
        with pytest.raises(OpinionRefused):
            acknowledge(opinion, by=outsider)
    acknowledge(opinion, by=people.focal_point)
    for outsider in (people.other_focal_point, people.council_member, people.member_user):
        with pytest.raises(OpinionRefused):
            answer(opinion, by=outsider, response={"ar": "رد"})
    opinion.refresh_from_db()
    assert opinion.status == A


def test_a_submitted_opinion_is_announced_to_the_focal_point_and_the_bodys_secretariat(people):
    """The collectivity learns that an opinion waits for its acknowledgement: its focal point, and the body's
    president and rapporteur (the secretariat), are told, in their language; nobody else, not the submitter."""
    from infitah.bodies.models import BureauRole
    from infitah.participation.notifications import describe
    from tests.factories import UserFactory

    president = UserFactory(full_name="Nadia Berrada")
    BodyMemberFactory(body=people.body, user=president, full_name="", bureau_role=BureauRole.PRESIDENT)
    submit_opinion(
        people.body,
        by=people.member_user,
        kind="opinion",
        title={"ar": "رأي في ميزانية النوع", "fr": "Avis sur le budget genre"},
        text={"ar": "نص", "fr": "Texte"},
    )
    told = Notification.objects.filter(verb="opinion_submitted").select_related("recipient", "actor")
    assert {notification.recipient for notification in told} == {people.focal_point, president}
    sentence = describe(told.first())
    assert "Khadija Ait Taleb submitted the opinion" in sentence and "acknowledge its receipt" in sentence
    assert not Notification.objects.filter(recipient__in=[people.other_focal_point, people.citizen]).exists()
