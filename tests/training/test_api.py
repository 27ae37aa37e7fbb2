"""The public API of training: published courses only, their sessions and how many completed; never who."""

import pytest

from infitah.training import services
from tests.clients import queries
from tests.training.factories import CourseFactory, attended, session

pytestmark = pytest.mark.django_db


def test_published_courses_with_sessions_and_completions_never_names(client, people):
    course = CourseFactory(collectivity=people.commune_a, title={"fr": "Cours public", "ar": "دورة"})
    draft = CourseFactory(collectivity=people.commune_a, is_published=False)
    event = session(course)
    people.trainee.full_name = "Nom Secret"
    people.trainee.save()
    services.enrol(people.trainee, course)
    attended(event, people.trainee)
    services.confirm_completions(people.editor, course)

    body = client.get("/api/v1/training/courses").json()
    [item] = body["items"]
    assert item["id"] == course.pk and item["collectivity_code"] == people.commune_a.code
    assert item["session_event_ids"] == [event.pk] and item["completions"] == 1
    assert "Nom Secret" not in str(body)
    assert client.get(f"/api/v1/training/courses/{draft.pk}").status_code == 404
    assert client.get(f"/api/v1/training/courses/{course.pk}").json()["title"]["fr"] == "Cours public"


def test_the_list_costs_the_same_queries_for_few_or_many(client, people, django_assert_max_num_queries):
    session(CourseFactory(collectivity=people.commune_a))
    few = queries(client, "/api/v1/training/courses")
    for _index in range(10):
        course = CourseFactory(collectivity=people.commune_b)
        session(course)
        session(course)
    with django_assert_max_num_queries(few):
        client.get("/api/v1/training/courses")
