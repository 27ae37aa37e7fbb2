"""Recording, reviewing and answering progress updates: every refusal says why and saves nothing; the review state
moves awaiting → confirmed / contested → resolved, and a later contest flags the update again."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from infitah.monitoring.models import Completion, ProgressUpdate, Review, ReviewState, Verdict
from infitah.monitoring.services import MonitoringRefused, record_update, reply_to_contest, review_update
from infitah.participation.models import Attachment, AuditLogEntry, Notification
from tests.files import HTML_PAGE, pdf_bytes
from tests.monitoring.factories import keys_of, update_of

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2024, 6, 1)


def write(people, program=None, milestone=0, **fields):
    program = program or people.program
    commitment_key, milestone_keys = keys_of(program)
    values = {
        "by": people.editor,
        "as_of": datetime.date(2024, 5, 20),
        "completion": Completion.LIMITED,
        "percent": 30,
        "narrative": {"fr": "Le cahier des charges est prêt.", "ar": "دفتر التحملات جاهز."},
        "today": TODAY,
    }
    values.update(fields)
    milestone_key = milestone_keys[milestone] if milestone is not None else None
    return record_update(program, values.pop("commitment_key", commitment_key), milestone_key, **values)


def test_staff_record_an_update_with_links_and_files_told_to_co_monitors(people):
    pdf = SimpleUploadedFile("proces-verbal.pdf", pdf_bytes(), content_type="application/pdf")
    update = write(people, evidence_links=["https://example.ma/pv", ""], files=[pdf])
    assert update.review_state == ReviewState.AWAITING and update.author == people.editor
    assert update.evidence_links == ["https://example.ma/pv"]
    assert Attachment.objects.get().original_name == "proces-verbal.pdf"
    told = set(Notification.objects.filter(verb="progress_update_to_review").values_list("recipient", flat=True))
    assert told == {people.co_owner.pk, people.committee_member.pk}
    assert AuditLogEntry.objects.filter(action="monitoring.write_update", collectivity=people.commune_a).exists()


def test_followers_of_the_collectivity_hear_of_an_update(people):
    from infitah.participation.follows import follow

    follow(people.citizen, people.commune_a)
    write(people)
    assert Notification.objects.filter(recipient=people.citizen, verb="progress_update_published").exists()


def test_a_program_the_council_has_not_adopted_is_not_monitored(people):
    from infitah.programs.models import Axis

    program = people.not_adopted
    key = Axis.objects.get(program=program).commitments.get().key
    with pytest.raises(MonitoringRefused, match="not been adopted"):
        record_update(program, key, None, people.editor, TODAY, Completion.LIMITED, 30, "x")
    assert not ProgressUpdate.objects.exists()


@pytest.mark.parametrize("who", ["other_focal_point", "citizen", "co_owner", "information_officer", "council_member"])
def test_only_the_collectivitys_focal_point_and_editors_write_updates(people, who):
    with pytest.raises(MonitoringRefused, match="Only the focal point"):
        write(people, by=getattr(people, who))
    assert not ProgressUpdate.objects.exists()


def test_keys_outside_the_adopted_version_are_refused(people):
    with pytest.raises(MonitoringRefused, match="commitment is not in the version"):
        write(people, commitment_key="00000000-0000-0000-0000-000000000000")
    commitment_key, _milestones = keys_of(people.program)
    with pytest.raises(MonitoringRefused, match="milestone is not in the version"):
        record_update(
            people.program,
            commitment_key,
            "11111111-1111-1111-1111-111111111111",
            people.editor,
            TODAY,
            "limited",
            3,
            "x",
        )


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"percent": 101, "completion": Completion.SUBSTANTIAL},
            "percent",
            "A progress percentage is between 0 and 100",
        ),
        ({"percent": -5}, "percent", "A progress percentage is between 0 and 100"),
        ({"percent": 100, "completion": Completion.SUBSTANTIAL}, "completion", "choose “Complete”"),
        ({"percent": 80, "completion": Completion.COMPLETE}, "completion", "“Complete” means 100%"),
        ({"percent": 0, "completion": Completion.LIMITED}, "completion", "choose “Not started”"),
        ({"percent": 10, "completion": Completion.NOT_STARTED}, "completion", "“Not started” means 0%"),
        ({"as_of": TODAY + datetime.timedelta(days=1)}, "as_of", "cannot be in the future"),
        ({"narrative": {"fr": "  "}}, "narrative", "Say what was done"),
        ({"narrative": "<script>alert(1)</script>"}, "narrative", "Only markup"),
        ({"evidence_links": ["javascript:alert(1)"]}, "evidence_links", "is not a web address"),
        ({"evidence_links": ["ftp://example.ma/x"]}, "evidence_links", "is not a web address"),
    ],
)
def test_bad_input_is_refused_naming_the_field(people, fields, field, message):
    with pytest.raises(ValidationError) as refused:
        write(people, **fields)
    assert field in refused.value.message_dict and message in " ".join(refused.value.message_dict[field])
    assert not ProgressUpdate.objects.exists()


def test_going_backwards_needs_a_reason(people):
    write(people, percent=60, completion=Completion.SUBSTANTIAL)
    with pytest.raises(ValidationError) as refused:
        write(people, percent=40)
    assert "went down from 60% to 40%: say why" in refused.value.message_dict["decrease_reason"][0]
    lower = write(people, percent=40, decrease_reason={"fr": "Un lot a été annulé."})
    assert lower.decrease_reason == {"fr": "Un lot a été annulé."}
    # Another milestone has its own history: no reason needed there.
    assert write(people, milestone=1, percent=10).percent == 10


def test_a_forbidden_file_saves_nothing(people):
    page = SimpleUploadedFile("evidence.html", HTML_PAGE, content_type="text/html")
    with pytest.raises(ValidationError) as refused:
        write(people, files=[page])
    assert "cannot be attached" in refused.value.message_dict["files"][0]
    assert not ProgressUpdate.objects.exists() and not Attachment.objects.exists()


def test_a_file_over_the_limit_saves_nothing(people, settings):
    settings.INFITAH_ATTACHMENT_MAX_BYTES = 100
    pdf = SimpleUploadedFile("big.pdf", pdf_bytes(), content_type="application/pdf")
    with pytest.raises(ValidationError) as refused:
        write(people, files=[pdf])
    assert "too large" in refused.value.message_dict["files"][0]
    assert not ProgressUpdate.objects.exists()


def test_review_state_machine(people):
    update = update_of(people.program, author=people.editor)
    review_update(update, people.co_owner, Verdict.CONFIRMED)
    assert update.review_state == ReviewState.CONFIRMED
    review_update(update, people.committee_member, Verdict.CONTESTED, "Le portail n'est pas en ligne.")
    update.refresh_from_db()
    assert update.review_state == ReviewState.CONTESTED and update.is_flagged
    assert Notification.objects.filter(recipient=people.editor, verb="progress_update_contested").exists()
    reply_to_contest(update, people.focal_point, "Il est en ligne depuis le 2 mai : https://example.ma")
    update.refresh_from_db()
    assert update.review_state == ReviewState.RESOLVED and not update.is_flagged
    assert Notification.objects.filter(recipient=people.committee_member, verb="progress_contest_answered").exists()
    # Resolved: a reviewer no longer changes their verdict…
    with pytest.raises(MonitoringRefused, match="can no longer change"):
        review_update(update, people.co_owner, Verdict.CONTESTED, "Finalement non.")
    # …but a new co-monitor's contest flags it again.
    newcomer = people.holding("council_member", people.commune_b)
    from tests.monitoring.factories import seat

    seat(people.program, newcomer)
    review_update(update, newcomer, Verdict.CONTESTED, "Toujours hors ligne chez moi.")
    update.refresh_from_db()
    assert update.review_state == ReviewState.CONTESTED


def test_a_reviewer_changes_their_verdict_while_unresolved_one_review_each(people):
    update = update_of(people.program, author=people.editor)
    review_update(update, people.co_owner, Verdict.CONTESTED, "Pas de preuve.")
    review_update(update, people.co_owner, Verdict.CONFIRMED, "La preuve est arrivée.")
    assert Review.objects.get().verdict == Verdict.CONFIRMED
    update.refresh_from_db()
    assert update.review_state == ReviewState.CONFIRMED


def test_a_contest_needs_a_comment(people):
    update = update_of(people.program, author=people.editor)
    with pytest.raises(ValidationError) as refused:
        review_update(update, people.co_owner, Verdict.CONTESTED, "  ")
    assert "a contest needs a comment" in refused.value.message_dict["comment"][0]
    assert not Review.objects.exists()


@pytest.mark.parametrize("who", ["editor", "focal_point", "information_officer", "citizen", "other_focal_point"])
def test_staff_and_strangers_do_not_review(people, who):
    update = update_of(people.program, author=people.coordinator)
    with pytest.raises(MonitoringRefused):
        review_update(update, getattr(people, who), Verdict.CONFIRMED)


def test_nobody_reviews_their_own_update(people):
    update = update_of(people.program, author=people.committee_member)
    with pytest.raises(MonitoringRefused, match="You wrote this update"):
        review_update(update, people.committee_member, Verdict.CONFIRMED)


def test_co_owners_are_read_from_the_adopted_version(people):
    """An association added to the live draft after the adoption does not co-monitor; the adopted one still does."""
    from infitah.programs.models import Commitment
    from tests.factories import AssociationFactory, RepresentativeFactory

    later = AssociationFactory(seat=people.commune_a, is_verified=True)
    newcomer = RepresentativeFactory(association=later).user
    Commitment.objects.get(program=people.program).associations.set([later])
    update = update_of(people.program, author=people.editor)
    with pytest.raises(MonitoringRefused):
        review_update(update, newcomer, Verdict.CONFIRMED)
    assert review_update(update, people.co_owner, Verdict.CONFIRMED).verdict == Verdict.CONFIRMED


def test_a_pending_association_does_not_co_monitor(people):
    people.association.is_verified = False
    people.association.save()
    update = update_of(people.program, author=people.editor)
    with pytest.raises(MonitoringRefused):
        review_update(update, people.co_owner, Verdict.CONFIRMED)


def test_replies_only_to_a_contest_and_only_by_staff(people):
    update = update_of(people.program, author=people.editor)
    with pytest.raises(MonitoringRefused, match="not contested"):
        reply_to_contest(update, people.editor, "Rien à répondre.")
    review_update(update, people.co_owner, Verdict.CONTESTED, "Faux.")
    for who in (people.co_owner, people.other_focal_point, people.information_officer):
        with pytest.raises(MonitoringRefused):
            reply_to_contest(update, who, "Réponse.")
    with pytest.raises(ValidationError):
        reply_to_contest(update, people.editor, "   ")
    update.refresh_from_db()
    assert update.review_state == ReviewState.CONTESTED
