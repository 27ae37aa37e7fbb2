"""Visitors read the events: list, month calendar, an event with its agenda; people register and cancel; staff mark
attendance and read statistics; feeds parse with a real iCalendar parser and carry Morocco time."""

import xml.etree.ElementTree as ElementTree
from datetime import time

import icalendar
import pytest
from django.core import mail

from infitah.core.contributions import member_sections, navigation
from infitah.events.models import EventKind, Registration, RegistrationStatus
from infitah.events.registrations import register
from tests.clients import page, queries
from tests.events.factories import AgendaItemFactory, EventFactory, RegistrationFactory, in_days
from tests.factories import UserFactory
from tests.programs.factories import CommitmentFactory
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def test_the_app_adds_a_menu_entry_and_a_member_section():
    assert navigation["events"].url_name == "events:list"
    assert member_sections["events"].template == "events/member_section.html"


def test_the_list_shows_published_upcoming_events_and_hides_drafts(client, people):
    EventFactory(collectivity=people.commune_a, title={"en": "Open workshop"})
    EventFactory(collectivity=people.commune_a, title={"en": "Draft workshop"}, is_published=False)
    EventFactory(title={"en": "Old meeting"}, starts_at=in_days(-30), ends_at=in_days(-30, 12))

    html = page(client, "/en/events/")
    assert "Open workshop" in html and "Draft workshop" not in html and "Old meeting" not in html
    assert "Old meeting" in page(client, "/en/events/?when=past")
    client.force_login(people.editor)
    assert "Draft workshop" in page(client, "/en/events/")
    client.force_login(people.other_focal_point)
    assert "Draft workshop" not in page(client, "/en/events/")


def test_the_organiser_filter_names_only_collectivities_with_a_published_event(client, people):
    EventFactory(collectivity=people.commune_a)
    EventFactory(collectivity=people.commune_b, is_published=False)

    html = page(client, "/en/events/")
    assert f'value="{people.commune_a.code}"' in html
    assert f'value="{people.commune_b.code}"' not in html, "a collectivity preparing a draft is not announced"


def test_an_unpublished_event_does_not_exist_for_the_public(client, people):
    event = EventFactory(collectivity=people.commune_a, is_published=False)
    page(client, f"/en/events/{event.pk}/", status=404)
    client.force_login(people.other_focal_point)
    page(client, f"/en/events/{event.pk}/", status=404)
    client.force_login(people.information_officer)
    page(client, f"/en/events/{event.pk}/")


def test_list_and_calendar_cost_the_same_queries_for_few_or_many_events(client, people):
    def make(count):
        for n in range(count):
            event = EventFactory(collectivity=people.commune_a, capacity=5, starts_at=in_days(3 + n % 20, 10))
            for _ in range(3):
                RegistrationFactory(event=event)

    make(2)
    day = in_days(3)
    urls = [
        "/en/events/",
        f"/en/events/calendar/{day.year}/{day.month}/",
        "/en/events/feed.ics",
        "/en/events/feed.atom",
    ]
    client.force_login(people.citizen)
    few = [queries(client, url) for url in urls]
    make(25)
    assert [queries(client, url) for url in urls] == few


def test_the_event_page_costs_the_same_queries_for_a_small_or_large_event(client, people):
    event = EventFactory(collectivity=people.commune_a, capacity=100, kind=EventKind.TRAINING)
    parent = AgendaItemFactory(event=event, starts_at=time(10, 30), ends_at=time(11))
    AgendaItemFactory(event=event, parent=parent)
    client.force_login(people.citizen)
    register(people.citizen, event)
    url = f"/en/events/{event.pk}/"
    few = queries(client, url)
    for n in range(10):
        child = AgendaItemFactory(event=event, starts_at=time(11, n), parent=None)
        AgendaItemFactory(event=event, parent=child)
    for person in UserFactory.create_batch(20):
        register(person, event)
    assert queries(client, url) == few


def test_the_agenda_is_shown_nested_and_in_order(client):
    event = EventFactory(starts_at=in_days(5, 10, 30), ends_at=in_days(5, 13, 30))
    AgendaItemFactory(event=event, order=2, starts_at=time(11), ends_at=time(11, 30), title={"en": "Opening"})
    groups = AgendaItemFactory(event=event, order=3, starts_at=time(11, 30), title={"en": "Working groups"})
    AgendaItemFactory(event=event, parent=groups, order=1, title={"en": "Group on transparency"}, is_parallel=True)
    AgendaItemFactory(event=event, order=1, starts_at=time(10, 30), ends_at=time(11), title={"en": "Reception"})

    html = page(client, f"/en/events/{event.pk}/")
    positions = [html.index(text) for text in ("Reception", "Opening", "Working groups", "Group on transparency")]
    assert positions == sorted(positions)


def test_registering_and_cancelling_through_the_page(client, people, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1, online_url="https://meet.example.ma/x", format="hybrid")
    client.force_login(people.citizen)
    html = page(client, f"/en/events/{event.pk}/")
    assert "meet.example.ma" not in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/events/{event.pk}/register/", {"category": "association"}, follow=True)
    assert "Your registration is confirmed" in response.content.decode()
    assert "https://meet.example.ma/x" in response.content.decode()
    assert len(mail.outbox) == 1

    client.force_login(people.other_citizen)
    response = client.post(f"/en/events/{event.pk}/register/", {"category": "citizen"}, follow=True)
    assert "number 1 on the waiting list" in response.content.decode()
    response = client.post(f"/en/events/{event.pk}/register/", {"category": "citizen"}, follow=True)
    assert "You are already registered" in response.content.decode()

    client.force_login(people.citizen)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/events/{event.pk}/cancel/")
    statuses = dict(Registration.objects.values_list("user__email", "status"))
    assert statuses[people.other_citizen.email] == RegistrationStatus.CONFIRMED


def test_an_anonymous_visitor_is_asked_to_sign_in(client):
    event = EventFactory()
    assert "Sign in to register" in page(client, f"/en/events/{event.pk}/")
    response = client.post(f"/en/events/{event.pk}/register/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Registration.objects.exists()


def test_staff_mark_attendance_only_in_their_collectivity(client, people):
    event = EventFactory(collectivity=people.commune_a)
    came, absent = RegistrationFactory(event=event), RegistrationFactory(event=event)
    client.force_login(people.other_focal_point)
    managers = "Only the focal point and the editors of the collectivity that organises the event manage it"
    refused(client.post(f"/en/events/{event.pk}/attendance/", {"attended": [came.pk]}), managers)
    client.force_login(people.citizen)
    refused(client.get(f"/en/events/{event.pk}/attendance/"), managers)
    client.force_login(people.editor)
    client.post(f"/en/events/{event.pk}/attendance/", {"attended": [came.pk]})
    came.refresh_from_db()
    absent.refresh_from_db()
    assert (came.attended, absent.attended) == (True, False)


def test_attendance_statistics_by_gender_with_csv(client, people):
    event = EventFactory(collectivity=people.commune_a)
    RegistrationFactory(event=event, gender="female", category="association", age_band="18_24", attended=True)
    RegistrationFactory(event=event, gender="female", category="citizen", attended=True)
    RegistrationFactory(event=event, gender="male", category="citizen", attended=True)
    RegistrationFactory(event=event, gender="", category="citizen", attended=True)
    RegistrationFactory(event=event, gender="male", category="citizen", attended=False)
    client.force_login(people.information_officer)
    html = page(client, f"/en/events/{event.pk}/attendance/statistics/")
    assert "4 present of 5 registered" in html
    response = client.get(f"/en/events/{event.pk}/attendance/statistics/?format=csv")
    rows = [line.split(",") for line in response.content.decode("utf-8-sig").splitlines()]
    assert rows[0] == ["Breakdown", "Group", "Woman", "Man", "Not given", "Total"]
    assert ["Category", "Citizen", "1", "1", "1", "3"] in rows
    assert ["Category", "Association", "1", "0", "0", "1"] in rows
    assert rows[-1] == ["All", "Present", "2", "1", "1", "4"]
    client.force_login(people.other_focal_point)
    refused(
        client.get(f"/en/events/{event.pk}/attendance/statistics/"),
        "Only the staff of the collectivity that organises the event and the network coordinators see its "
        "registrations and attendance.",
    )


def test_the_feeds_parse_and_carry_casablanca_times(client, people):
    event = EventFactory(collectivity=people.commune_a, title={"fr": "Atelier de co-création"})
    EventFactory(collectivity=people.commune_b)
    response = client.get(f"/en/events/feed.ics?collectivity={people.commune_a.code}")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (entry,) = calendar.walk("VEVENT")
    assert entry["SUMMARY"] == "Atelier de co-création"
    assert entry["DTSTART"].params["TZID"] == "Africa/Casablanca"
    assert entry.decoded("DTSTART").utcoffset() is not None
    assert entry.decoded("DTSTART") == event.starts_at

    atom = client.get("/en/events/feed.atom")
    root = ElementTree.fromstring(atom.content)  # noqa: S314 - our own feed
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert "Atelier de co-création" in titles


def test_a_commitment_shows_the_workshops_it_came_from(client):
    from infitah.events.models import Finding

    commitment = CommitmentFactory()
    event = EventFactory(title={"en": "Workshop of April"}, starts_at=in_days(-5), ends_at=in_days(-5, 12))
    finding = Finding.objects.create(event=event, text={"en": "More open data"})
    finding.commitments.add(commitment)
    html = page(client, f"/en/programs/commitments/{commitment.pk}/")
    assert "Workshop of April" in html


def test_minutes_are_circulated_reviewed_then_published(client, people):
    event = EventFactory(collectivity=people.commune_a, minutes={"en": "We agreed on three axes."})
    RegistrationFactory(event=event, user=people.citizen)
    assert "We agreed" not in page(client, f"/en/events/{event.pk}/")
    client.force_login(people.focal_point)
    client.post(f"/en/events/{event.pk}/minutes/", {"status": "circulated"})
    client.force_login(people.citizen)
    assert "We agreed" in page(client, f"/en/events/{event.pk}/")
    client.post(f"/en/events/{event.pk}/minutes/review/", {"approved": "on"})
    client.logout()
    assert "We agreed" not in page(client, f"/en/events/{event.pk}/")
    client.force_login(people.focal_point)
    assert "approves" in page(client, f"/en/events/{event.pk}/minutes/")
    client.post(f"/en/events/{event.pk}/minutes/", {"status": "published"})
    client.logout()
    assert "We agreed" in page(client, f"/en/events/{event.pk}/")


def test_the_online_link_is_kept_from_people_waiting(client, people):
    event = EventFactory(capacity=1, format="online", online_url="https://meet.example.ma/secret", place={})
    register(people.other_citizen, event)
    register(people.citizen, event)
    client.force_login(people.citizen)
    assert "secret" not in page(client, f"/en/events/{event.pk}/")
    client.force_login(people.editor)
    assert "secret" not in page(client, f"/en/events/{event.pk}/")  # editor of A, event of another commune


def test_the_statistics_csv_writes_a_label_that_looks_like_a_formula_as_text(client, people, monkeypatch):
    from infitah.events import statistics

    # The labels are translations: one that begins with "-" or "=" must not become a formula in a spreadsheet.
    monkeypatch.setattr(statistics, "_", lambda text: "=" + text if text == "Breakdown" else text)
    event = EventFactory(collectivity=people.commune_a)
    RegistrationFactory(event=event, gender="female", attended=True)
    client.force_login(people.information_officer)
    response = client.get(f"/en/events/{event.pk}/attendance/statistics/?format=csv")
    header = response.content.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[0] == "'=Breakdown"
