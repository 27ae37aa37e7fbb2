"""The collectivity's reasoned response to every contribution, after the close, by its own staff only."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from infitah.consultations.models import ResponseOutcome
from infitah.consultations.selectors import clock_summary
from infitah.consultations.services import ContributionRefused, answer_contribution
from infitah.participation.models import AuditLogEntry, Notification
from tests.consultations.factories import ContributionFactory, ResponseFactory
from tests.programs.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(consultation):
    consultation.opens_at = timezone.now() - datetime.timedelta(days=20)
    consultation.closes_at = timezone.now() - datetime.timedelta(days=1)
    consultation.save()
    return consultation


@pytest.fixture
def contribution(closed, people):
    return ContributionFactory(consultation=closed, author=people.citizen)


def draft_key(consultation):
    return consultation.program.commitments.order_by("pk").first().key


def test_retained_names_a_commitment_of_the_draft_and_notifies_the_author(contribution, people):
    key = draft_key(contribution.consultation)
    response = answer_contribution(
        people.editor, contribution, outcome="retained", reason={"ar": "أُدمج في الالتزام"}, commitment_key=key
    )
    assert response.commitment_key == key and response.answered_by == people.editor
    notification = Notification.objects.get(recipient=people.citizen)
    assert notification.verb == "contribution_answered" and notification.target == contribution
    assert AuditLogEntry.objects.filter(action="consultations.answer", actor=people.editor).exists()


def test_a_new_commitment_added_to_the_draft_after_the_version_can_be_named(contribution, people):
    axis = contribution.consultation.program.axes.first()
    new = CommitmentFactory(axis=axis, title={"ar": "التزام جديد مقترح"})
    response = answer_contribution(
        people.editor, contribution, outcome="retained", reason="مقبول", commitment_key=new.key
    )
    assert response.commitment_key == new.key


def test_merged_with_another_contribution_of_the_same_consultation(contribution, people):
    other = ContributionFactory(consultation=contribution.consultation)
    response = answer_contribution(
        people.focal_point, contribution, outcome="merged", reason="Fusionnée", merged_into=other
    )
    assert response.merged_into == other


@pytest.mark.parametrize(
    ("case", "fields", "field"),
    [
        ("no reason", {"outcome": "not_retained", "reason": {"ar": " "}}, "reason"),
        ("retained without commitment", {"outcome": "retained", "reason": "نعم"}, "commitment_key"),
        ("merged with nothing", {"outcome": "merged", "reason": "نعم"}, "merged_into"),
        ("unknown outcome", {"outcome": "maybe", "reason": "نعم"}, "outcome"),
        (
            "commitment of another program",
            {"outcome": "retained", "reason": "نعم", "commitment_key": "00000000-0000-0000-0000-000000000001"},
            "commitment_key",
        ),
    ],
)
def test_an_answer_without_its_reason_or_link_is_refused(contribution, people, case, fields, field):
    with pytest.raises(ValidationError) as refused:
        answer_contribution(people.editor, contribution, **fields)
    assert field in refused.value.message_dict, case
    assert not Notification.objects.exists()


def test_merging_with_a_contribution_of_another_consultation_is_refused(contribution, people):
    elsewhere = ContributionFactory()
    with pytest.raises(ValidationError, match="same consultation"):
        answer_contribution(people.editor, contribution, outcome="merged", reason="x", merged_into=elsewhere)


def test_not_before_the_close(consultation, people):
    open_one = ContributionFactory(consultation=consultation)
    with pytest.raises(ContributionRefused, match="still open"):
        answer_contribution(people.editor, open_one, outcome="not_retained", reason="لا")


@pytest.mark.parametrize("who", ["other_focal_point", "information_officer", "citizen"])
def test_only_the_staff_of_the_collectivity_answer(contribution, people, who):
    with pytest.raises(ContributionRefused, match="Only the focal point and editors"):
        answer_contribution(getattr(people, who), contribution, outcome="not_retained", reason="لا")


def test_one_response_per_contribution_editing_is_audited(contribution, people):
    first = answer_contribution(people.editor, contribution, outcome="not_retained", reason={"fr": "Hors sujet"})
    second = answer_contribution(
        people.focal_point,
        contribution,
        outcome="merged",
        reason={"fr": "Finalement fusionnée"},
        commitment_key=draft_key(contribution.consultation),
    )
    assert first.pk == second.pk
    assert second.outcome == ResponseOutcome.MERGED
    assert second.answered_at == first.answered_at  # the clock keeps the first answer's date
    change = AuditLogEntry.objects.get(action="consultations.change_answer")
    assert change.changes["outcome"] == ["not_retained", "merged"]
    assert Notification.objects.filter(recipient=people.citizen).count() == 2


def test_the_clock_counts_answered_pending_and_overdue(closed, people):
    answered = ContributionFactory(consultation=closed)
    ContributionFactory(consultation=closed)
    hidden = ContributionFactory(consultation=closed, is_hidden=True)
    answer_contribution(people.editor, answered, outcome="not_retained", reason="لا")
    summary = clock_summary(closed)
    assert (summary["total"], summary["answered"], summary["pending"], summary["overdue"]) == (2, 1, 1, 0)
    later = timezone.now() + datetime.timedelta(days=closed.response_days + 1)
    assert clock_summary(closed, now=later)["overdue"] == 1
    assert hidden.pk  # a hidden contribution awaits no answer


def test_a_late_answer_is_counted_late(closed, people):
    contribution = ContributionFactory(consultation=closed)
    ResponseFactory(contribution=contribution, answered_at=closed.closes_at + datetime.timedelta(days=40))
    summary = clock_summary(closed)
    assert (summary["answered"], summary["answered_late"], summary["complete"]) == (1, 1, True)
