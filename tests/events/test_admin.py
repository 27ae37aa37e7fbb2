"""Staff edit an event and its agenda in the back office: a bad agenda or capacity is refused with clear messages,
and nothing typed or stored is lost."""

import pytest
from django.conf import settings

from infitah.events.models import AgendaItem, Event
from infitah.events.registrations import register
from tests.events.factories import EventFactory, in_days
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]
INLINES = ("agenda_items", "findings", "materials", "registrations")


def translated(name, value):
    return {f"{name}_{index}": (value or {}).get(code, "") for index, code in enumerate(LANGUAGES)}


def event_form(collectivity, agenda=(), **overrides):
    start, end = in_days(20, 10, 30), in_days(20, 13, 30)
    data = {
        "collectivity": collectivity.pk,
        "kind": "workshop",
        "format": "in_person",
        **translated("title", {"fr": "Atelier"}),
        **translated("description", {}),
        "is_published": "on",
        "starts_at_0": start.strftime("%Y-%m-%d"),
        "starts_at_1": "10:30",
        "ends_at_0": end.strftime("%Y-%m-%d"),
        "ends_at_1": "13:30",
        **translated("place", {"fr": "Siège"}),
        "online_url": "",
        "capacity": "",
        "registration_closes_at_0": "",
        "registration_closes_at_1": "",
        "program": "",
        "phase": "",
        "advisory_body": "",
        "quorum_required": "",
        "members_present": "",
        **translated("minutes", {}),
        "minutes_status": "draft",
    }
    for prefix in INLINES:
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    data["agenda_items-TOTAL_FORMS"] = len(agenda)
    for index, (order, starts, ends, title, parallel) in enumerate(agenda):
        row = f"agenda_items-{index}-"
        data.update({row + "order": order, row + "starts_at": starts, row + "ends_at": ends, row + "parent": ""})
        data.update({row + k: v for k, v in translated("title", {"fr": title}).items()})
        data.update({row + k: v for k, v in translated("speakers", {}).items()})
        data.update({row + k: v for k, v in translated("description", {}).items()})
        if parallel:
            data[row + "is_parallel"] = "on"
    data.update(overrides)
    return data


ADD = "/en/admin/events/event/add/"


def test_an_event_with_a_valid_agenda_is_saved(client, people):
    client.force_login(people.editor)
    agenda = [(1, "10:30", "11:00", "Accueil", False), (2, "11:00", "11:30", "Ouverture", False)]
    response = client.post(ADD, event_form(people.commune_a, agenda))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert AgendaItem.objects.count() == 2


@pytest.mark.parametrize(
    ("agenda", "message"),
    [
        ([(1, "10:30", "11:15", "Accueil", False), (2, "11:00", "11:30", "Ouverture", False)], "overlaps"),
        ([(1, "09:00", "10:00", "Trop tôt", False)], "outside the hours of the event"),
        ([(1, "12:00", "11:00", "À l'envers", False)], "must end after it starts"),
    ],
)
def test_a_bad_agenda_is_refused_and_the_typed_text_stays(client, people, agenda, message):
    client.force_login(people.editor)
    response = client.post(ADD, event_form(people.commune_a, agenda))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert agenda[0][3].replace("'", "&#x27;") in html
    assert not Event.objects.exists()


def test_staff_cannot_create_an_event_for_another_collectivity_or_the_network(client, people):
    client.force_login(people.editor)
    response = client.post(ADD, event_form(people.commune_b))
    assert "Select a valid choice" in response.content.decode()
    data = event_form(people.commune_a)
    data["collectivity"] = ""
    response = client.post(ADD, data)
    assert "Choose the collectivity" in response.content.decode()
    assert not Event.objects.exists()


def test_capacity_below_the_confirmed_registrations_is_refused(client, people):
    event = EventFactory(collectivity=people.commune_a, capacity=3)
    for person in UserFactory.create_batch(3):
        register(person, event)
    client.force_login(people.editor)
    data = event_form(people.commune_a, capacity=2)
    data.update({"registrations-TOTAL_FORMS": 3, "registrations-INITIAL_FORMS": 3})
    data.update({f"registrations-{i}-id": r.pk for i, r in enumerate(event.registrations.order_by("pk"))})
    data.update({f"registrations-{i}-event": event.pk for i in range(3)})
    response = client.post(f"/en/admin/events/event/{event.pk}/change/", data)
    assert "cannot be lower than the 3 people already confirmed" in response.content.decode()
    event.refresh_from_db()
    assert event.capacity == 3


def test_another_collectivitys_events_are_out_of_reach(client, people):
    event = EventFactory(collectivity=people.commune_b)
    client.force_login(people.focal_point)
    assert str(event.title["fr"]) not in client.get("/en/admin/events/event/").content.decode()
    assert client.get(f"/en/admin/events/event/{event.pk}/change/").status_code == 302


def test_publishing_an_event_notifies_the_followers_of_its_organiser_once(
    client, people, django_capture_on_commit_callbacks
):
    from infitah.participation.follows import follow
    from infitah.participation.models import Notification

    follower, other = UserFactory(), UserFactory()
    follow(follower, people.commune_a)
    follow(other, people.commune_b)
    client.force_login(people.editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ADD, event_form(people.commune_a, is_published=""))  # a draft: nobody hears of it
    assert not Notification.objects.exists()

    event = Event.objects.get()
    data = event_form(people.commune_a)  # now published
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/admin/events/event/{event.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/admin/events/event/{event.pk}/change/", data)  # saved again: no second notice

    assert list(Notification.objects.values_list("recipient", "verb")) == [(follower.pk, "event_published")]
