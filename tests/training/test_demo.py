"""`infitah demo` holds three illustrative courses: the network's co-creation course for staff (in Rabat and
remote), Marrakech-Safi's course on law 31-13, and its course for associations on petitions, whose session is the
events demo's February training. Several members show trained staff and associations, and certificates."""

import pytest

from infitah.bodies import demo as bodies_demo
from infitah.events import demo as events_demo
from infitah.events.models import EventFormat
from infitah.programs import demo as programs_demo
from infitah.territories import demo as territories_demo
from infitah.training import capacity, demo
from infitah.training.models import Audience, Course, Enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    territories_demo.load()
    programs_demo.load()
    bodies_demo.load()
    events_demo.load()
    demo.load()


def test_three_courses_with_their_sessions_and_the_reused_february_training(loaded):
    courses = {course.title["en"]: course for course in Course.objects.all()}
    assert set(courses) == {
        "Co-creating an openness program",
        "Access to information: handling requests under law 31-13",
        "Petitions and citizen participation",
    }
    co_creation = courses["Co-creating an openness program"]
    assert co_creation.collectivity is None and co_creation.audience == Audience.STAFF
    formats = {event.format for event in co_creation.sessions.all()}
    assert formats == {EventFormat.IN_PERSON, EventFormat.ONLINE}
    petitions = courses["Petitions and citizen participation"]
    assert petitions.audience == Audience.ASSOCIATIONS
    assert petitions.sessions.get().title["fr"].startswith("Formation à distance")
    assert all("illustrati" in course.description["fr"] for course in courses.values())


def test_several_members_show_trained_staff_associations_and_certificates(loaded):
    rows = capacity.table()
    assert sum(1 for row in rows if row.staff_trained) >= 4
    assert sum(1 for row in rows if row.associations_trained) >= 2
    assert Enrolment.objects.filter(certificate_code__isnull=False).count() >= 5


def test_loading_twice_adds_nothing(loaded):
    before = Enrolment.objects.count()
    demo.load()
    assert Enrolment.objects.count() == before and Course.objects.count() == 3
