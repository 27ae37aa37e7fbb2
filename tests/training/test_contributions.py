"""What training contributes elsewhere: the organiser's waiting list, search, open data, the sitemap and the
notifications' sentences."""

import datetime

import pytest
from django.utils import timezone, translation

from infitah.core import datasets
from infitah.core.search import documents
from infitah.participation.models import Notification
from infitah.participation.notifications import describe
from infitah.training import services, waiting
from tests.training.factories import CourseFactory, attended, enrolment, session

pytestmark = pytest.mark.django_db


def test_the_organiser_sees_attendance_to_mark_and_completions_to_confirm(people):
    course = CourseFactory(collectivity=people.commune_a)
    event = session(course, days=-2)
    enrolment(course, people.trainee)
    enrolment(course, people.representative)
    attended(event, people.trainee)
    from tests.events.factories import RegistrationFactory

    RegistrationFactory(event=event, user=people.representative, attended=None)
    items = waiting.for_organisers(people.editor)
    assert [item.url for item in items] == [
        f"/en/events/{event.pk}/attendance/",
        f"/en/training/{course.pk}/participants/",
    ]
    assert "1 person" in items[0].note
    assert waiting.for_organisers(people.other_focal_point) == []
    assert waiting.for_organisers(people.citizen) == []
    services.confirm_completions(people.editor, course)
    assert [item.url for item in waiting.for_organisers(people.editor)] == [f"/en/events/{event.pk}/attendance/"]


def test_what_waits_costs_the_same_queries_for_one_course_or_many(people, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def some():
        course = CourseFactory(collectivity=people.commune_a)
        event = session(course, days=-2)
        enrolment(course, people.trainee)
        attended(event, people.trainee)

    some()
    with CaptureQueriesContext(connection) as one:
        waiting.for_organisers(people.editor, now=timezone.now())
    for _index in range(6):
        some()
    with django_assert_max_num_queries(len(one)):
        assert len(waiting.for_organisers(people.editor, now=timezone.now() + datetime.timedelta(seconds=1))) == 7


def test_only_published_courses_are_searchable(people):
    published = CourseFactory(title={"fr": "Cours visible", "ar": "دورة"})
    CourseFactory(is_published=False, title={"fr": "Cours caché", "ar": "دورة"})
    with translation.override("fr"):
        found = [document.title for document in documents(["training.course"])]
    assert found == ["Cours visible"] and published.pk


def test_the_open_data_counts_and_never_names(people):
    course = CourseFactory(collectivity=people.commune_a)
    attended(session(course), people.trainee)
    services.enrol(people.trainee, course)
    services.confirm_completions(people.editor, course)
    capacity_rows = list(datasets.table("training-capacity"))
    assert capacity_rows[0] == [
        "collectivity",
        "staff_trained",
        "associations_trained",
        "courses_followed",
        "certificates",
    ]
    assert [people.commune_a.code, 1, 0, 1, 1] in capacity_rows
    course_rows = list(datasets.table("training-courses"))
    assert course_rows[1][0] == course.pk and course_rows[1][-2:] == [1, 1]
    assert people.trainee.display_name not in str(capacity_rows + course_rows)


def test_the_sitemap_lists_published_courses_only(client, people):
    published = CourseFactory()
    draft = CourseFactory(is_published=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/training/{published.pk}/" in xml and f"/training/{draft.pk}/" not in xml
    assert "/training/capacity/" in xml


def test_the_notifications_read_in_the_reader_language(people):
    course = CourseFactory(title={"ar": "دورة", "fr": "Cours", "en": "Co-creation"})
    services.enrol(people.trainee, course)
    notification = Notification.objects.get(recipient=people.trainee)
    with translation.override("en"):
        assert describe(notification) == "You are enrolled in the course “Co-creation”"
