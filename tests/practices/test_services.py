"""Sharing, reviewing and adopting practices through the services: who may, what is recorded, who is told."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from infitah.participation.attachments import attachments_of
from infitah.participation.follows import is_following
from infitah.participation.models import Notification
from infitah.practices import services
from infitah.practices.models import Adoption, Practice
from infitah.practices.states import Act, Status, TransitionRefused
from tests.factories import CommuneFactory
from tests.files import HTML_PAGE, pdf_bytes
from tests.practices.factories import commitment_of, practice_in

pytestmark = pytest.mark.django_db


def new_practice(collectivity, **fields):
    return Practice(
        collectivity=collectivity,
        title={"ar": "ورشات الخلق المشترك", "fr": "Ateliers de co-création"},
        summary={"fr": "Des ateliers avec la société civile."},
        principles=["citizen_participation"],
        **fields,
    )


def test_staff_save_a_draft_with_its_documents(people):
    practice = services.save_practice(
        people.editor, new_practice(people.commune_a), files=[SimpleUploadedFile("agenda.pdf", pdf_bytes())]
    )
    assert practice.status == Status.DRAFT and practice.submitted_by == people.editor
    assert [a.original_name for a in attachments_of(practice)] == ["agenda.pdf"]


def test_a_forbidden_file_saves_nothing_and_says_why(people):
    with pytest.raises(ValidationError) as refused:
        services.save_practice(
            people.editor, new_practice(people.commune_a), files=[SimpleUploadedFile("agenda.pdf", HTML_PAGE)]
        )
    assert "agenda.pdf" in str(refused.value) and "does not match" in str(refused.value)
    assert not Practice.objects.exists()


def test_staff_of_b_cannot_write_or_change_a_practice_of_a(people):
    with pytest.raises(services.PracticeRefused):
        services.save_practice(people.other_focal_point, new_practice(people.commune_a))
    practice = practice_in(people.commune_a)
    practice.title = {"fr": "Changed by B"}
    with pytest.raises(services.PracticeRefused):
        services.save_practice(people.other_focal_point, practice)
    moved = practice_in(people.commune_a)
    moved.collectivity = people.commune_b
    with pytest.raises(services.PracticeRefused):
        services.save_practice(people.other_focal_point, moved)
    assert Practice.objects.get(pk=practice.pk).title != {"fr": "Changed by B"}


def test_the_whole_review_records_each_transition_and_tells_the_submitter(people):
    practice = services.save_practice(people.editor, new_practice(people.commune_a))
    services.transition(people.editor, practice, Act.SUBMIT)
    assert is_following(people.editor, practice)  # comments and adoptions reach the submitter
    services.transition(people.coordinator, practice, Act.RETURN, "Add the results, please.")
    practice.refresh_from_db()
    assert practice.status == Status.RETURNED and practice.review_note == "Add the results, please."
    assert Notification.objects.filter(recipient=people.editor, verb="practice_returned").exists()
    services.transition(people.focal_point, practice, Act.RESUBMIT)
    published = services.transition(people.coordinator, practice, Act.PUBLISH)
    assert published.status == Status.PUBLISHED and published.published_at is not None
    assert published.review_note == ""
    assert Notification.objects.filter(recipient=people.editor, verb="practice_published").exists()
    services.transition(people.coordinator, practice, Act.WITHDRAW, "The partner asked us to.")
    assert [(e.act, e.status_to, e.by) for e in practice.events.all()] == [
        (Act.SUBMIT, Status.SUBMITTED, people.editor),
        (Act.RETURN, Status.RETURNED, people.coordinator),
        (Act.RESUBMIT, Status.SUBMITTED, people.focal_point),
        (Act.PUBLISH, Status.PUBLISHED, people.coordinator),
        (Act.WITHDRAW, Status.WITHDRAWN, people.coordinator),
    ]
    assert practice.events.get(act=Act.WITHDRAW).note == "The partner asked us to."


@pytest.mark.parametrize(
    ("who", "act", "status"),
    [
        ("editor", Act.PUBLISH, Status.SUBMITTED),  # staff never publish their own
        ("other_focal_point", Act.SUBMIT, Status.DRAFT),  # B never submits A's
        ("coordinator", Act.SUBMIT, Status.DRAFT),  # coordinators review, the collectivity submits
        ("citizen", Act.RETURN, Status.SUBMITTED),
    ],
)
def test_who_may_not_take_an_act(people, who, act, status):
    practice = practice_in(people.commune_a, status)
    with pytest.raises(services.PracticeRefused):
        services.transition(getattr(people, who), practice, act, "a note")
    practice.refresh_from_db()
    assert practice.status == status and not practice.events.exists()


def test_returning_without_a_note_is_refused_and_changes_nothing(people):
    practice = practice_in(people.commune_a, Status.SUBMITTED)
    with pytest.raises(TransitionRefused, match="note"):
        services.transition(people.coordinator, practice, Act.RETURN, " ")
    practice.refresh_from_db()
    assert practice.status == Status.SUBMITTED


def test_b_adopts_a_published_practice_of_a_into_its_own_commitment(people):
    practice = practice_in(people.commune_a, Status.PUBLISHED, submitted_by=people.editor)
    commitment = commitment_of(people.commune_b)
    adoption = services.declare_adoption(people.other_focal_point, practice, people.commune_b, commitment, "Adapted.")
    assert adoption.commitment == commitment and adoption.declared_by == people.other_focal_point
    assert Notification.objects.filter(recipient=people.editor, verb="practice_adopted").exists()
    with pytest.raises(ValidationError, match="already declared"):
        services.declare_adoption(people.other_editor, practice, people.commune_b, commitment)


def test_an_adoption_linked_to_another_collectivitys_commitment_is_refused(people):
    practice = practice_in(CommuneFactory(), Status.PUBLISHED)
    with pytest.raises(ValidationError, match="your own collectivity"):
        services.declare_adoption(people.other_focal_point, practice, people.commune_b, commitment_of(people.commune_a))
    assert not Adoption.objects.exists()


def test_staff_of_b_cannot_declare_an_adoption_for_a(people):
    practice = practice_in(CommuneFactory(), Status.PUBLISHED)
    with pytest.raises(services.PracticeRefused):
        services.declare_adoption(people.other_focal_point, practice, people.commune_a, commitment_of(people.commune_a))
    assert not Adoption.objects.exists()


def test_a_practice_is_not_adopted_by_its_own_collectivity_nor_before_it_is_published(people):
    own = practice_in(people.commune_b, Status.PUBLISHED)
    with pytest.raises(services.PracticeRefused):
        services.declare_adoption(people.other_focal_point, own, people.commune_b, commitment_of(people.commune_b))
    draft = practice_in(people.commune_a, Status.SUBMITTED)
    with pytest.raises(services.PracticeRefused):
        services.declare_adoption(people.other_focal_point, draft, people.commune_b, commitment_of(people.commune_b))
    assert not Adoption.objects.exists()


def test_a_comment_on_a_published_practice_reaches_its_submitter_and_a_draft_takes_none(people):
    from infitah.participation.comments import post_comment
    from infitah.participation.targets import ParticipationRefused

    practice = services.save_practice(people.editor, new_practice(people.commune_a))
    with pytest.raises(ParticipationRefused):
        post_comment(people.citizen, practice, "Too early")
    services.transition(people.editor, practice, Act.SUBMIT)
    published = services.transition(people.coordinator, practice, Act.PUBLISH)
    post_comment(people.citizen, published, "How many associations took part?")
    assert Notification.objects.filter(recipient=people.editor, verb="comment_posted", actor=people.citizen).exists()


def test_an_edit_with_a_bad_file_keeps_the_stored_text(people):
    practice = practice_in(people.commune_a, title={"fr": "Avant"})
    practice.title = {"fr": "Après"}
    with pytest.raises(ValidationError):
        services.save_practice(people.editor, practice, files=[SimpleUploadedFile("x.pdf", HTML_PAGE)])
    assert Practice.objects.get(pk=practice.pk).title == {"fr": "Avant"}
