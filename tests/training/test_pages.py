"""The pages of training: who sees what, who may act where, absurd addresses, and what each page costs."""

import pytest
from django.urls import reverse

from infitah.training.models import Audience, CourseSession, Enrolment
from tests.clients import page, queries
from tests.factories import UserFactory
from tests.refusals import refused
from tests.training.factories import CourseFactory, attended, enrolment, session, training_event

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"training:{name}", args=args)


def test_a_visitor_reads_published_courses_never_a_draft(client, people):
    published = CourseFactory(collectivity=people.commune_a, title={"fr": "Ouvrir les données", "ar": "فتح البيانات"})
    draft = CourseFactory(collectivity=people.commune_a, is_published=False, title={"fr": "Brouillon", "ar": "مسودة"})
    html = page(client, "/fr/training/")
    assert "Ouvrir les données" in html and "Brouillon" not in html
    assert client.get(f"/fr/training/{draft.pk}/").status_code == 404
    assert client.get(f"/fr/training/{published.pk}/").status_code == 200
    for absurd in ("/fr/training/999999/", "/fr/training/99999999999999999999/"):
        assert client.get(absurd).status_code == 404


def test_enrolling_on_the_page_and_an_audience_refusal_in_words(client, people):
    course = CourseFactory(audience=Audience.ASSOCIATIONS)
    client.force_login(people.trainee)
    response = client.post(url("enrol", course.pk), follow=True)
    assert "This course is for associations" in response.content.decode()
    assert not Enrolment.objects.exists()
    client.force_login(people.representative)
    response = client.post(url("enrol", course.pk), follow=True)
    assert "You are enrolled" in response.content.decode()
    response = client.post(url("withdraw", course.pk), follow=True)
    assert "You withdrew from the course." in response.content.decode()
    assert not Enrolment.objects.get().is_active


def test_the_page_says_before_any_click_why_a_course_is_not_the_readers(client, people):
    course = CourseFactory(audience=Audience.ASSOCIATIONS)
    client.force_login(people.make_citizen())
    html = page(client, f"/en/training/{course.pk}/")
    assert "This course is for associations: your account represents no association." in html
    assert url("enrol", course.pk) not in html
    client.force_login(people.representative)
    html = page(client, f"/en/training/{course.pk}/")
    assert url("enrol", course.pk) in html and "your account represents no association" not in html


def test_enrolling_needs_to_sign_in(client, people):
    course = CourseFactory()
    response = client.post(url("enrol", course.pk))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_enrolled_list_is_for_the_organiser_staff_only(client, people):
    course = CourseFactory(collectivity=people.commune_a)
    people.trainee.full_name = "Samira Ait Lahcen"
    people.trainee.save()
    enrolment(course, people.trainee)
    client.force_login(people.information_officer)
    assert "Samira Ait Lahcen" in page(client, url("participants", course.pk))
    for outsider in (people.other_focal_point, people.citizen, people.representative):
        client.force_login(outsider)
        refused(client.get(url("participants", course.pk)), "Only the staff of the organiser of the course")
    client.logout()
    assert "Samira Ait Lahcen" not in page(client, url("detail", course.pk))


def test_staff_of_b_cannot_attach_sessions_to_a_course_of_a(client, people):
    course = CourseFactory(collectivity=people.commune_a)
    client.force_login(people.other_focal_point)
    response = client.post(url("sessions", course.pk), {"event": training_event(people.commune_b).pk})
    refused(response, "Only the focal point and the editors of the collectivity that organises the course")
    assert not CourseSession.objects.exists()


def test_staff_of_a_cannot_attach_an_event_of_b_to_their_course(client, people):
    course = CourseFactory(collectivity=people.commune_a)
    event_b = training_event(people.commune_b)
    client.force_login(people.editor)
    assert str(event_b) not in page(client, url("sessions", course.pk))
    response = client.post(url("sessions", course.pk), {"event": event_b.pk}, follow=True)
    assert "A course&#x27;s sessions are events of its own organiser." in response.content.decode()
    assert not CourseSession.objects.exists()
    own = training_event(people.commune_a)
    client.post(url("sessions", course.pk), {"event": own.pk})
    assert list(CourseSession.objects.values_list("event", flat=True)) == [own.pk]
    for absurd in ("", "abc", "99999999"):
        response = client.post(url("sessions", course.pk), {"event": absurd}, follow=True)
        assert "Choose one of your training events." in response.content.decode()


def test_staff_of_b_cannot_mark_or_confirm_participants_of_a(client, people):
    course = CourseFactory(collectivity=people.commune_a)
    row = enrolment(course, people.trainee)
    attended(session(course), people.trainee)
    client.force_login(people.other_focal_point)
    reason = "Only the focal point and the editors of the collectivity that organises the course"
    refused(client.post(url("complete_by_hand", course.pk, row.pk), {"reason": "because"}), reason)
    refused(client.post(url("confirm", course.pk)), reason)
    assert not Enrolment.objects.get().is_completed
    # The information officer of A reads the list but does not decide completions.
    client.force_login(people.information_officer)
    refused(client.post(url("confirm", course.pk)), reason)


def test_the_organiser_marks_a_completion_by_hand_with_a_reason(client, people):
    course = CourseFactory(collectivity=people.commune_a)
    row = enrolment(course, people.trainee)
    client.force_login(people.editor)
    response = client.post(url("complete_by_hand", course.pk, row.pk), {"reason": ""}, follow=True)
    assert "Say why you mark this completion by hand." in response.content.decode()
    client.post(url("complete_by_hand", course.pk, row.pk), {"reason": "Followed the session of Safi"})
    assert Enrolment.objects.get().completion_reason == "Followed the session of Safi"
    other_course = CourseFactory(collectivity=people.commune_a)
    assert client.post(url("complete_by_hand", other_course.pk, row.pk), {"reason": "x"}).status_code == 404


def test_the_network_courses_belong_to_the_coordinators(client, people):
    course = CourseFactory(collectivity=None)
    client.force_login(people.focal_point)
    refused(client.get(url("sessions", course.pk)), "network coordinators for the network's own courses")
    client.force_login(people.coordinator)
    event = training_event(None)
    client.post(url("sessions", course.pk), {"event": event.pk})
    assert CourseSession.objects.filter(course=course, event=event).exists()


def test_the_list_and_the_detail_cost_the_same_queries_for_few_or_many(client, people, django_assert_max_num_queries):
    course = CourseFactory(collectivity=people.commune_a)
    session(course)
    client.force_login(people.trainee)
    few_list, few_detail = queries(client, url("list")), queries(client, url("detail", course.pk))
    for _index in range(12):
        CourseFactory(collectivity=people.commune_a)
        session(course)
        enrolment(course, UserFactory())
    with django_assert_max_num_queries(few_list):
        client.get(url("list"))
    with django_assert_max_num_queries(few_detail):
        client.get(url("detail", course.pk))


def test_the_participants_page_costs_the_same_queries_for_few_or_many(client, people, django_assert_max_num_queries):
    course = CourseFactory(collectivity=people.commune_a)
    event = session(course)
    enrolment(course, people.trainee)
    client.force_login(people.editor)
    few = queries(client, url("participants", course.pk))
    for _index in range(15):
        person = UserFactory()
        enrolment(course, person)
        attended(event, person)
    with django_assert_max_num_queries(few):
        client.get(url("participants", course.pk))


def test_a_course_page_reads_in_arabic_right_to_left(client, people):
    course = CourseFactory(collectivity=people.commune_a, title={"ar": "الخلق المشترك", "fr": "Co-création"})
    html = page(client, f"/ar/training/{course.pk}/")
    assert 'dir="rtl"' in html and "الخلق المشترك" in html


def test_absurd_addresses_and_methods_change_nothing(client, people):
    course = CourseFactory(collectivity=people.commune_a)
    client.force_login(people.editor)
    assert client.post(url("enrol", 999999)).status_code == 404
    assert client.get(url("enrol", course.pk)).status_code == 405
    assert client.post(url("detach_session", course.pk, 999999)).status_code == 404
    assert client.post(url("complete_by_hand", course.pk, 999999), {"reason": "x"}).status_code == 404
    assert client.get(url("participants", 999999)).status_code == 404
    long_reason = client.post(
        url("complete_by_hand", course.pk, enrolment(course, people.trainee).pk), {"reason": "x" * 501}, follow=True
    )
    assert "at most 500 characters" in long_reason.content.decode()
    assert not Enrolment.objects.get().is_completed
    assert Enrolment.objects.count() == 1


def test_a_session_of_another_course_cannot_be_detached_through_this_one(client, people):
    course, other = CourseFactory(collectivity=people.commune_a), CourseFactory(collectivity=people.commune_a)
    session(other)
    client.force_login(people.editor)
    kept = CourseSession.objects.get()
    assert client.post(url("detach_session", course.pk, kept.pk)).status_code == 404
    assert CourseSession.objects.filter(pk=kept.pk).exists()


def test_everyone_signed_in_reads_a_course_from_one_copy_each_given_the_tools_their_powers_open(settings, people):
    """A course's page is shared by everyone signed in (core.sharedpages): editing it and its sessions is offered,
    from the copy, to its organisers; its participants to its collectivity's staff and the network coordinators."""
    from tests.core.page_cache_helpers import read_from_one_copy

    course = CourseFactory(collectivity=people.commune_a, title={"en": "Opening data"})
    readers = {
        "citizen": people.citizen,
        "representative": people.representative,  # an association's: a power, but none over the course
        "other editor": people.other_editor,
        "information officer": people.information_officer,  # staff of commune A, not an organiser
        "editor": people.trainee,
        "coordinator": people.coordinator,
    }
    pages = read_from_one_copy(settings, readers, [url("detail", course.pk)])

    offered = {
        name: (f'href="{url("sessions", course.pk)}"' in shown, f'href="{url("participants", course.pk)}"' in shown)
        for name, (shown,) in pages.items()
    }
    assert offered == {
        "citizen": (False, False),
        "representative": (False, False),
        "other editor": (False, False),
        "information officer": (False, True),
        "editor": (True, True),
        "coordinator": (False, True),
    }


def test_the_sessions_from_one_copy_offer_registration_to_the_enrolled_readers_only(settings, people):
    """The sessions list is rendered once per copy for the readers not enrolled (core.sharedpages: `alike`), and never
    given to an enrolled reader, who is offered to register to each session still open, before or after them."""
    from tests.core.page_cache_helpers import read_from_one_copy

    course = CourseFactory(collectivity=people.commune_a, title={"en": "Opening data"})
    session(course, days=10)
    enrolled, other_enrolled = UserFactory(), UserFactory()
    enrolment(course, enrolled)
    enrolment(course, other_enrolled)
    readers = {
        "citizen": people.citizen,
        "enrolled": enrolled,
        "another citizen": UserFactory(),
        "another enrolled": other_enrolled,
        "coordinator": people.coordinator,
    }
    pages = read_from_one_copy(settings, readers, [url("detail", course.pk)])

    offered = {name: "Register to the session" in shown for name, (shown,) in pages.items()}
    assert offered == {
        "citizen": False,
        "enrolled": True,
        "another citizen": False,
        "another enrolled": True,
        "coordinator": False,
    }


def test_a_courses_thread_from_one_copy_shows_the_moderators_their_links_and_the_author_their_own(settings, people):
    """The thread is alike for the readers with a power who wrote nothing on it and moderate it alike: the moderators
    (its collectivity's staff, the coordinators) are given the Hide links and the hidden text, nobody else is, and its
    author is given their own Edit link, whoever's read made the copy."""
    from infitah.participation.comments import post_comment
    from infitah.participation.moderation import hide
    from tests.core.page_cache_helpers import read_from_one_copy

    course = CourseFactory(collectivity=people.commune_a, title={"en": "Opening data"})
    author = UserFactory(full_name="Nadia Author")
    shown = post_comment(author, course, "A remark everyone reads.")
    hidden = post_comment(people.citizen, course, "A remark the moderators hid.")
    hide(people.trainee, hidden, "spam", "Advertising.")
    readers = {
        "other editor": people.other_editor,  # a power, not over this course
        "editor": people.trainee,  # staff of commune A: moderates
        "representative": people.representative,
        "coordinator": people.coordinator,  # moderates everywhere
        "author": author,
        "citizen": people.citizen,  # wrote the hidden remark
    }
    pages = read_from_one_copy(settings, readers, [url("detail", course.pk)])

    hide_link = f"/participation/moderate/participation.comment/{shown.pk}/"
    edit_link = reverse("participation:edit_comment", args=[shown.pk])
    seen = {
        name: (hide_link in page, "A remark the moderators hid." in page, edit_link in page)
        for name, (page,) in pages.items()
    }
    assert seen == {
        "other editor": (False, False, False),
        "editor": (True, True, False),
        "representative": (False, False, False),
        "coordinator": (True, True, False),
        "author": (False, False, True),
        "citizen": (False, True, False),
    }


def test_the_course_list_is_shared_with_whoever_may_see_no_unpublished_course(settings, people):
    """The list is given from the copy everyone signed in shares to a reader with a power who may see no unpublished
    course; a reader who may see one (its organiser's staff, the coordinators) has it rendered, with it."""
    from tests.core.page_cache_helpers import assert_rendered_showing, read_from_one_copy

    CourseFactory(collectivity=people.commune_a, title={"en": "Opening data"})
    CourseFactory(collectivity=people.commune_b, title={"en": "Draft course"}, is_published=False)
    readers = {"citizen": people.citizen, "editor of A": people.trainee, "representative": people.representative}
    pages = read_from_one_copy(settings, readers, [url("list")])
    assert all("Opening data" in page and "Draft course" not in page for (page,) in pages.values())

    assert_rendered_showing([people.other_editor, people.coordinator], url("list"), "Draft course")
