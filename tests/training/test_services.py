"""Enrolment by audience, withdrawal, sessions only of the organiser's own training events, completions."""

import pytest

from infitah.participation.models import Notification
from infitah.training import selectors, services
from infitah.training.models import Audience, CourseSession, Enrolment
from tests.events.factories import EventFactory
from tests.training.factories import CourseFactory, attended, session, training_event

pytestmark = pytest.mark.django_db


def test_staff_of_a_member_enrol_in_a_staff_course_for_their_collectivity(people):
    course = CourseFactory(audience=Audience.STAFF)
    enrolment = services.enrol(people.trainee, course)
    assert (enrolment.as_staff, enrolment.collectivity_id, enrolment.association) == (True, people.commune_a.pk, None)
    assert Notification.objects.filter(recipient=people.trainee, verb="course_enrolled").exists()


def test_a_staff_course_refuses_a_citizen_and_an_association_with_a_clear_reason(people):
    course = CourseFactory(audience=Audience.STAFF)
    for person in (people.citizen, people.representative):
        with pytest.raises(services.TrainingRefused) as refused:
            services.enrol(person, course)
        assert "staff of member collectivities" in str(refused.value.message)
    assert not Enrolment.objects.exists()


def test_staff_of_a_collectivity_that_is_not_a_member_are_refused(people):
    from infitah.accounts.models import Role
    from tests.factories import CommuneFactory

    outsider = people.holding(Role.EDITOR, CommuneFactory())
    with pytest.raises(services.TrainingRefused):
        services.enrol(outsider, CourseFactory(audience=Audience.STAFF))


def test_an_association_course_counts_the_representative_for_the_association_seat(people):
    course = CourseFactory(audience=Audience.ASSOCIATIONS)
    enrolment = services.enrol(people.representative, course)
    assert (enrolment.as_staff, enrolment.collectivity_id) == (False, people.commune_a.pk)
    assert enrolment.association == people.association
    with pytest.raises(services.TrainingRefused) as refused:
        services.enrol(people.trainee, course)
    assert "for associations" in str(refused.value.message)


def test_a_citizen_is_refused_even_a_course_for_both(people):
    with pytest.raises(services.TrainingRefused) as refused:
        services.enrol(people.citizen, CourseFactory(audience=Audience.BOTH))
    assert "neither" in str(refused.value.message)


def test_enrolling_twice_is_refused_and_withdrawing_then_enrolling_again_works(people):
    course = CourseFactory()
    enrolment = services.enrol(people.trainee, course)
    with pytest.raises(services.TrainingRefused):
        services.enrol(people.trainee, course)
    services.withdraw(enrolment)
    assert not Enrolment.objects.get().is_active
    services.enrol(people.trainee, course)
    assert Enrolment.objects.get().is_active


def test_an_unpublished_course_takes_no_enrolment(people):
    with pytest.raises(services.TrainingRefused):
        services.enrol(people.trainee, CourseFactory(is_published=False))


def test_sessions_are_training_events_of_the_course_own_organiser(people):
    course = CourseFactory(collectivity=people.commune_a)
    services.attach_session(people.editor, course, training_event(people.commune_a))
    with pytest.raises(services.TrainingRefused, match="its own organiser"):
        services.attach_session(people.editor, course, training_event(people.commune_b))
    with pytest.raises(services.TrainingRefused, match="its own organiser"):
        services.attach_session(people.editor, course, training_event(None))
    with pytest.raises(services.TrainingRefused, match="Only a training event"):
        services.attach_session(people.editor, course, EventFactory(collectivity=people.commune_a))
    assert CourseSession.objects.count() == 1


def test_completions_follow_attendance_and_are_confirmed_by_the_organiser(people):
    course = CourseFactory(collectivity=people.commune_a, sessions_required=2)
    first, second, third = (session(course, days) for days in (-30, -20, -10))
    services.enrol(people.trainee, course)
    services.enrol(people.representative, course)
    for event in (first, third):
        attended(event, people.trainee)
    attended(first, people.representative)
    attended(second, people.representative, came=False)

    rows = {row.user: row for row in selectors.participants(course)}
    assert (rows[people.trainee].attended, rows[people.trainee].completed_by_attendance) == (2, True)
    assert (rows[people.representative].attended, rows[people.representative].completed_by_attendance) == (1, False)

    assert services.confirm_completions(people.editor, course) == 1
    done = Enrolment.objects.get(user=people.trainee)
    assert done.is_completed and len(done.certificate_code) == 14
    assert set(Notification.objects.filter(recipient=people.trainee).values_list("verb", flat=True)) >= {
        "course_completed",
        "course_certificate_available",
    }
    assert not Enrolment.objects.get(user=people.representative).is_completed
    assert services.confirm_completions(people.editor, course) == 0


def test_a_cancelled_session_is_no_longer_asked(people):
    course = CourseFactory(collectivity=people.commune_a)
    held, cancelled = session(course, -20), session(course, -10)
    services.enrol(people.trainee, course)
    attended(held, people.trainee)
    assert not selectors.participants(course)[0].completed_by_attendance
    cancelled.is_published = False
    cancelled.save()
    assert selectors.participants(course)[0].completed_by_attendance


def test_completion_by_hand_needs_a_reason(people):
    course = CourseFactory(collectivity=people.commune_a)
    enrolment = services.enrol(people.trainee, course)
    with pytest.raises(services.TrainingRefused, match="Say why"):
        services.complete_by_hand(people.editor, enrolment, "   ")
    services.complete_by_hand(people.editor, enrolment, "Attended the sessions of another group")
    enrolment.refresh_from_db()
    assert enrolment.is_completed and enrolment.completion_reason == "Attended the sessions of another group"
    with pytest.raises(services.TrainingRefused):
        services.withdraw(enrolment)


def test_download_my_data_holds_my_enrolments(people):
    from infitah.training.personal_data import export

    course = CourseFactory()
    services.enrol(people.trainee, course)
    services.enrol(people.representative, course)
    [row] = export(people.trainee)["enrolments"]
    assert row["course"] == course.pk and row["completed_at"] is None
