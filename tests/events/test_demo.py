"""`infitah demo` holds the article's events of Marrakech-Safi: the workshop of Tuesday 11 April 2023 with its
agenda, the January communication meeting, the February remote training, the equality body's meeting with its
quorum, and a 2027 workshop open for registration. It needs only the territories', the programs' and the bodies'
demos before it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from infitah.bodies import demo as bodies_demo
from infitah.bodies.quorum import quorum_for
from infitah.events import demo
from infitah.events.models import Event, EventKind, Registration
from infitah.events.selectors import agenda_tree, meetings_of_body
from infitah.events.statistics import attendance_table
from infitah.programs import demo as programs_demo
from infitah.territories import demo as territories_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    territories_demo.load()
    programs_demo.load()
    bodies_demo.load()
    demo.load()
    return {event.kind: event for event in Event.objects.filter(collectivity__code="07").order_by("-starts_at")}


def test_after_the_territories_programs_and_bodies_alone_the_events_link_to_them(world):
    # What the events' story takes from the earlier demos: the demo logins among the participants, the region's
    # program and its axes behind the workshop, and the equality body whose meeting it is.
    workshop = Event.objects.get(kind=EventKind.WORKSHOP, starts_at__year=2023)
    assert workshop.program.collectivity.code == "07" and workshop.findings.filter(axes__isnull=False).exists()
    assert world[EventKind.BODY_MEETING].advisory_body.kind == "equality"
    registered = set(Registration.objects.filter(event=workshop).values_list("user__email", flat=True))
    assert {"citizen@infitah.example", "association@infitah.example"} <= registered


def test_the_workshop_of_11_april_2023_has_the_articles_agenda(world):
    workshop = Event.objects.get(kind=EventKind.WORKSHOP, starts_at__year=2023)
    start = timezone.localtime(workshop.starts_at)
    assert (start.date(), start.time(), timezone.localtime(workshop.ends_at).time()) == (
        datetime.date(2023, 4, 11),
        datetime.time(10, 30),
        datetime.time(13, 30),
    )
    assert start.strftime("%A") == "Tuesday"
    top = agenda_tree(workshop.agenda_items.order_by("order"))
    assert [(item.starts_at and item.starts_at.strftime("%H:%M"), item.title["fr"]) for item in top] == [
        ("10:30", "Accueil des participants"),
        ("11:00", "Séance d'ouverture"),
        ("11:30", "Groupes de travail sur les axes initiaux"),
        (None, "Présentation des résultats et conclusions"),
        ("13:30", "Clôture"),
    ]
    assert [child.title["ar"] for child in top[1].subitems][0] == "كلمة رئيس مجلس الجهة أو من ينوب عنه"
    assert len(top[2].subitems) == 3 and all(child.is_parallel for child in top[2].subitems)
    assert workshop.findings.filter(commitments__isnull=False).exists()


def test_the_other_events_and_the_body_meeting(world):
    assert timezone.localtime(world[EventKind.COMMUNICATION].starts_at).date().month == 1
    training = world[EventKind.TRAINING]
    assert timezone.localtime(training.starts_at).date().month == 2 and training.format == "online"
    assert training.materials.count() == 1
    (meeting,) = meetings_of_body(world[EventKind.BODY_MEETING].advisory_body)
    assert meeting.quorum_reached is True


def test_the_body_meetings_numbers_agree_with_the_body(world, client):
    meeting = world[EventKind.BODY_MEETING]
    members = meeting.advisory_body.members.active().count()
    assert meeting.members_present <= members, "no more members present than the body has"
    assert meeting.quorum_required == quorum_for(members), "the quorum is more than half of the members"
    html = client.get(f"/en/events/{meeting.pk}/").content.decode()
    assert f"{meeting.members_present} members present, {quorum_for(members)} required" in html
    upcoming = Event.objects.get(starts_at__year=2027)
    assert upcoming.capacity and upcoming.registration_open()


def test_the_attendance_statistics_show_women_and_men(world):
    table = attendance_table(world[EventKind.TRAINING])
    totals, total = table["totals"]
    assert totals["female"] > 0 and totals["male"] > 0 and total == table["present"]


def test_a_second_load_writes_nothing(world):
    before = (Event.objects.count(), Registration.objects.count())
    with CaptureQueriesContext(connection) as queries:
        demo.load()
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []
    assert (Event.objects.count(), Registration.objects.count()) == before
